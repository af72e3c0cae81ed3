package com.otsrange.reader.config;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.ErrorCode;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.SortKeyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaderSpecTest {
    /** The reader plugin's code for an invalid parameter (the plugin module, above this one, defines it). */
    static final ErrorCode INVALID = new ErrorCode() {
        @Override
        public String getCode() {
            return "OtsRangeReader-01";
        }

        @Override
        public String getDescription() {
            return "invalid parameter";
        }

        @Override
        public String toString() {
            return getCode();
        }
    };

    static final String BASE = """
            {"endpoint":"http://127.0.0.1:1","accessId":"id","accessKey":"SECRET-KEY-987","instanceName":"i","table":"t",
             "tasks":{"source":"inline","definitions":{"a":["x"]}}}""";

    @TempDir
    Path dir;

    static Map<String, Object> json(String s) {
        return JSON.parseObject(s, Feature.OrderedField);
    }

    /** BASE with top-level keys replaced/added (value null removes the key). */
    static Map<String, Object> with(String overrides) {
        Map<String, Object> m = json(BASE);
        for (Map.Entry<String, Object> e : json(overrides).entrySet()) {
            if (e.getValue() == null) {
                m.remove(e.getKey());
            } else {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    SpecResult parse(Map<String, Object> p) {
        return ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("{\"tabel\":\"x\"}", "parameter.tabel", "unknown key"),
                Arguments.of("{\"append_columns\":[\"ct\"]}", "parameter.append_columns", "did you mean \"appendColumns\""),
                // the aliases each parameter and operator declares
                Arguments.of("{\"access_key_id\":\"x\"}", "parameter.access_key_id", "did you mean \"accessId\""),
                Arguments.of("{\"tableName\":\"x\"}", "parameter.tableName", "did you mean \"table\""),
                Arguments.of("{\"connection\":\"x\"}", "parameter.connection", "did you mean \"connectionFile\""),
                Arguments.of("{\"filters\":{\"dim\":{\"ge\":1}}}", "parameter.filters.dim.ge", "did you mean \"gte\""),
                Arguments.of("{\"filters\":{\"dim\":{\"le\":1}}}", "parameter.filters.dim.le", "did you mean \"lte\""),
                Arguments.of("{\"filters\":{\"dim\":{\"neq\":1}}}", "parameter.filters.dim.neq", "did you mean \"ne\""),
                Arguments.of("{\"filters\":{\"dim\":{\"equals\":1}}}", "parameter.filters.dim.equals", "did you mean \"eq\""),
                Arguments.of("{\"filters\":{\"dim\":{\"notin\":[1]}}}", "parameter.filters.dim.notin", "did you mean \"notIn\""),
                Arguments.of("{\"endpoint\":null}", "parameter.endpoint", "OTS_ENDPOINT"),
                Arguments.of("{\"accessId\":null}", "parameter.accessId", "OTS_ACCESS_ID"),
                Arguments.of("{\"accessKey\":null}", "parameter.accessKey", "OTS_ACCESS_KEY"),
                Arguments.of("{\"instanceName\":null}", "parameter.instanceName", "OTS_INSTANCE_NAME"),
                Arguments.of("{\"endpoint\":\"127.0.0.1:80\"}", "parameter.endpoint", "http://"),
                Arguments.of("{\"table\":null}", "parameter.table", "missing"),
                Arguments.of("{\"table\":\"1bad-name\"}", "parameter.table", "invalid table name"),
                Arguments.of("{\"table\":5}", "parameter.table", "expected a string"),
                Arguments.of("{\"schema\":\"id\"}", "parameter.schema", "expected an object"),
                Arguments.of("{\"schema\":{\"partition_key\":\"id\",\"sortKey\":\"ct\"}}", "parameter.schema.partition_key", "partitionKey"),
                Arguments.of("{\"schema\":{\"sortKey\":\"ct\"}}", "parameter.schema.partitionKey", "missing"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"ct\",\"sortKey\":\"ct\"}}", "parameter.schema.sortKey", "must differ"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\",\"otherKeys\":\"dim\"}}", "parameter.schema.otherKeys", "array"),
                Arguments.of("{\"filters\":[1]}", "parameter.filters", "expected an object"),
                Arguments.of("{\"filters\":{\"dim\":[1,2]}}", "parameter.filters.dim", "{\"in\""),
                Arguments.of("{\"filters\":{\"dim\":{\"like\":1}}}", "parameter.filters.dim.like", "unknown key"),
                Arguments.of("{\"filters\":{\"dim\":{\"not_in\":[1]}}}", "parameter.filters.dim.not_in", "did you mean \"notIn\""),
                Arguments.of("{\"filters\":{\"ct\":{\"gte\":1,\"chunk_by\":\"year\"}}}", "parameter.filters.ct.chunk_by", "chunkBy"),
                Arguments.of("{\"filters\":{\"ct\":{\"gte\":1,\"chunkBy\":\"week\"}}}", "parameter.filters.ct.chunkBy", "\"year\", \"month\", \"day\""),
                Arguments.of("{\"filters\":{\"dim\":{\"in\":5}}}", "parameter.filters.dim.in", "non-empty array"),
                Arguments.of("{\"filters\":{\"dim\":{\"in\":[]}}}", "parameter.filters.dim.in", "must not be empty"),
                Arguments.of("{\"filters\":{\"dim\":{\"notIn\":[]}}}", "parameter.filters.dim.notIn", "must not be empty"),
                Arguments.of("{\"filters\":{\"dim\":{\"between\":[1]}}}", "parameter.filters.dim.between", "exactly two"),
                Arguments.of("{\"filters\":{\"dim\":{\"between\":[5,1]}}}", "parameter.filters.dim.between", "impossible range"),
                Arguments.of("{\"filters\":{\"dim\":{\"gte\":5,\"lt\":5}}}", "parameter.filters.dim", "impossible range"),
                Arguments.of("{\"filters\":{\"ct\":{\"gte\":\"2025-01-01\",\"lt\":\"2024-01-01\",\"chunkBy\":\"year\"}}}",
                        "parameter.filters.ct", "impossible range"),
                // without schema and chunkBy the sort key is unknown offline: date-shaped bounds are still checked
                Arguments.of("{\"filters\":{\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2023-01-01\"}}}", "parameter.filters.ct", "impossible range"),
                Arguments.of("{\"filters\":{\"ct\":{\"gte\":\"2023-13-45\"}}}", "parameter.filters.ct.gte", "not a valid time"),
                Arguments.of("{\"filters\":{\"ct\":{\"between\":[\"20230101\",\"20231345\"]}}}", "parameter.filters.ct.between[1]", "not a valid time"),
                Arguments.of("{\"filters\":{\"ct\":{\"lt\":\"2023-01-01T25:00:00Z\"}}}", "parameter.filters.ct.lt", "not a valid time"),
                Arguments.of("{\"filters\":{\"dim\":null}}", "parameter.filters.dim", "null"),
                // what only the table's primary key would refuse, known offline where schema names the column
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"filters\":{\"ct\":{\"gte\":9223372036854775808}}}",
                        "parameter.filters.ct.gte", "whole number from"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"filters\":{\"ct\":{\"in\":[1,2.5]}}}",
                        "parameter.filters.ct.in[1]", "not a time 2.5"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"filters\":{\"ct\":true}}",
                        "parameter.filters.ct", "not a time true"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"filters\":{\"ct\":{\"eq\":\"soon\"}}}",
                        "parameter.filters.ct.eq", "not a valid time"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\",\"otherKeys\":[\"dim\"]},"
                        + "\"filters\":{\"dim\":{\"in\":[0,1.5]}}}", "parameter.filters.dim.in[1]", "fits no primary-key column"),
                Arguments.of("{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"tasks\":{\"source\":\"inline\","
                        + "\"definitions\":{\"a\":{\"columns\":[\"x\"],\"filters\":{\"ct\":{\"lt\":1e30}}}}}}",
                        "parameter.tasks.definitions.a.filters.ct.lt", "whole number from"),
                Arguments.of("{\"filters\":{\"dim\":{\"eq\":{\"a\":1}}}}", "parameter.filters.dim.eq", "string, number or boolean"),
                Arguments.of("{\"filters\":{\"dim\":{}}}", "parameter.filters.dim", "empty condition"),
                Arguments.of("{\"filters\":{\"dim\":{\"in\":[1,null]}}}", "parameter.filters.dim.in[1]", "null"),
                Arguments.of("{\"timeUnit\":\"ns\"}", "parameter.timeUnit", "valid: \"ms\", \"s\", \"us\""),
                Arguments.of("{\"timeZone\":\"Mars/Olympus\"}", "parameter.timeZone", "unknown time zone"),
                Arguments.of("{\"appendColumns\":\"ct\"}", "parameter.appendColumns", "array of strings"),
                Arguments.of("{\"appendColumns\":[\"ct\",\"\"]}", "parameter.appendColumns[1]", "non-empty string"),
                Arguments.of("{\"appendColumnsPosition\":\"middle\"}", "parameter.appendColumnsPosition", "valid: \"start\", \"end\""),
                Arguments.of("{\"tasks\":null}", "parameter.tasks", "missing"),
                Arguments.of("{\"tasks\":[\"a\"]}", "parameter.tasks", "expected an object"),
                Arguments.of("{\"tasks\":{\"source\":\"http\",\"path\":\"x\"}}", "parameter.tasks.source", "valid: \"inline\", \"file\", \"pattern\""),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{}}}", "parameter.tasks.definitions", "non-empty object"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":[\"x\"]},\"paths\":1}}", "parameter.tasks.paths", "unknown key"),
                Arguments.of("{\"tasks\":{\"source\":\"file\"}}", "parameter.tasks.path", "path of a task file"),
                Arguments.of("{\"tasks\":{\"source\":\"file\",\"path\":\"nope.json\"}}", "nope.json", "does not exist"),
                Arguments.of("{\"tasks\":{\"source\":\"pattern\",\"path\":\"none_*.json\"}}", "parameter.tasks.path", "matches no file"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":\"x\"}}}", "parameter.tasks.definitions.a", "compact"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":[1]}}}", "parameter.tasks.definitions.a[0]", "non-empty string"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":[]}}}", "parameter.tasks.definitions.a", "must not be empty"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":{\"cols\":[\"x\"]}}}}",
                        "parameter.tasks.definitions.a.cols", "unknown key"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":{\"filters\":{}}}}}",
                        "parameter.tasks.definitions.a.columns", "missing"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"\":[\"x\"]}}}", "parameter.tasks.definitions", "must not be empty"),
                Arguments.of("{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":{\"columns\":[\"x\"],"
                        + "\"filters\":{\"ct\":{\"gte\":1,\"chunkBy\":\"day\"}}}}}}",
                        "parameter.tasks.definitions.a.filters.ct.chunkBy", "only allowed"),
                Arguments.of("{\"resume\":\"yes\"}", "parameter.resume", "true or false"),
                Arguments.of("{\"shard\":\"4/4\"}", "parameter.shard", "0 <= i < n"),
                Arguments.of("{\"shard\":\"a/b\"}", "parameter.shard", "integers"),
                Arguments.of("{\"shard\":3}", "parameter.shard", "\"i/n\""),
                Arguments.of("{\"splitFactor\":0}", "parameter.splitFactor", "from 1 to 64"),
                Arguments.of("{\"maxRetries\":-1}", "parameter.maxRetries", "from 0 to 1000"),
                Arguments.of("{\"pageSize\":6000}", "parameter.pageSize", "from 0 to 5000"),
                Arguments.of("{\"readApi\":\"scan\"}", "parameter.readApi", "valid: \"auto\", \"getRange\", \"bulkExport\""),
                Arguments.of("{\"readApi\":true}", "parameter.readApi", "invalid value true"),
                Arguments.of("{\"parallelReads\":0}", "parameter.parallelReads", "from 1 to 32"),
                Arguments.of("{\"readAheadMB\":-1}", "parameter.readAheadMB", "from 0 to 4096"),
                Arguments.of("{\"maxPartsPerFile\":-1}", "parameter.maxPartsPerFile", "from 0 to 64"),
                Arguments.of("{\"maxPartsPerFile\":65}", "parameter.maxPartsPerFile", "from 0 to 64"),
                Arguments.of("{\"retryInitialDelayMs\":500,\"retryMaxDelayMs\":100}", "parameter.retryMaxDelayMs", "at least retryInitialDelayMs"),
                Arguments.of("{\"connectionFile\":\"missing.json\"}", "parameter.connectionFile", "cannot read"),
                Arguments.of("{\"connectionFile\":7}", "parameter.connectionFile", "expected a string"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void everyInvalidFieldIsReportedWithItsPath(String overrides, String path, String fragment) {
        SpecResult r = parse(with(overrides));
        assertFalse(r.isValid());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains(path) && p.contains(fragment)),
                () -> "expected a problem at " + path + " containing '" + fragment + "', got " + r.problems());
        DataXException e = assertThrows(DataXException.class, () -> r.orThrow(INVALID));
        assertTrue(e.getMessage().contains("OtsRangeReader-01"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-KEY-987"), "the access key leaked: " + e.getMessage());
    }

    @Test
    void reportsAllProblemsAtOnce() {
        SpecResult r = parse(with("{\"table\":null,\"timeUnit\":\"x\",\"shard\":\"9/2\",\"filters\":{\"d\":{\"op\":1}}}"));
        assertEquals(4, r.problems().size(), r.problems().toString());
        assertTrue(assertThrows(DataXException.class, () -> r.orThrow(INVALID)).getMessage().contains("4 problems"));
    }

    @Test
    void readApiAndReadAheadTravelToTheTasks() {
        ReaderSpec s = parse(with("{\"readApi\":\"GETRANGE\",\"parallelReads\":2,\"readAheadMB\":24}")).spec();
        assertEquals(ReadApi.GET_RANGE, s.tuning().readApi());
        Tuning t = Tuning.fromMap(s.tuning().toMap());
        assertEquals(ReadApi.GET_RANGE, t.readApi());
        assertEquals(2, t.parallelReads());
        assertEquals(24L << 20, t.readAheadBytes());
        assertEquals(0, t.maxPartsPerFile(), "default: automatic");
        // automatic: half the processors, at least 1, at most 8 (a file read whole keeps about two threads busy)
        assertEquals(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() / 2)), t.partsPerFileLimit());
        Tuning three = Tuning.fromMap(parse(with("{\"maxPartsPerFile\":3}")).spec().tuning().toMap());
        assertEquals(3, three.maxPartsPerFile());
        assertEquals(3, three.partsPerFileLimit(), "a number given is the limit, whatever the machine");
        assertEquals("getRange", s.tuning().toMap().get("readApi"));
        long auto = parse(json(BASE)).spec().tuning().readAheadBytes();
        assertTrue(auto >= 4L << 20 && auto <= 64L << 20, "default read-ahead " + auto);
    }

    @Test
    void secretOfWrongTypeIsNotEchoed() {
        SpecResult r = parse(with("{\"accessKey\":987654321}"));
        assertTrue(r.problems().get(0).contains("parameter.accessKey"));
        assertFalse(r.problems().get(0).contains("987654321"));
    }

    @Test
    void validJobParsesWithDefaults() {
        ReaderSpec s = parse(json(BASE)).spec();
        assertEquals(SortKeyUnit.MS, s.timeUnit());
        assertEquals(ZoneId.of("UTC"), s.timeZone());
        assertEquals(AppendPosition.START, s.appendPosition());
        assertFalse(s.resume());
        assertTrue(s.shard().isAll());
        assertEquals(4, s.tuning().splitFactor());
        assertEquals(ReadApi.AUTO, s.tuning().readApi());
        assertEquals(4, s.tuning().parallelReads());
        assertNull(s.schema());
        assertEquals("a", s.tasks().get(0).keyText());
    }

    @Test
    void connectionPrecedenceIsInlineThenFileThenEnvironment() throws IOException {
        Files.write(dir.resolve("conn.json"), "{\"endpoint\":\"http://file:1\",\"access_key_id\":\"file-id\",\"access_key_secret\":\"file-key\"}"
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> p = with("{\"endpoint\":null,\"accessId\":null,\"accessKey\":null,\"instanceName\":null,\"connectionFile\":\"conn.json\"}");
        p.put("accessId", "inline-id");
        Map<String, String> env = new HashMap<>();
        env.put("OTS_INSTANCE_NAME", "env-inst");
        env.put("OTS_ENDPOINT", "http://env:1");
        ReaderSpec s = ReaderSpecParser.parse(p, dir, env).spec();
        assertEquals("inline-id", s.connection().accessId());
        assertEquals("file-key", s.connection().accessKey());
        assertEquals("http://file:1", s.connection().endpoint());
        assertEquals("env-inst", s.connection().instanceName());
        assertFalse(s.connection().toString().contains("file-key"));
    }

    @Test
    void connectionFileRejectsUnknownKeysAndBadJson() throws IOException {
        Files.write(dir.resolve("c1.json"), "{\"endpoint\":\"http://x:1\",\"secret\":\"s\"}".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("c2.json"), "{not json".getBytes(StandardCharsets.UTF_8));
        assertTrue(parse(with("{\"connectionFile\":\"c1.json\"}")).problems().stream().anyMatch(p -> p.contains("secret") && p.contains("unknown key")));
        assertTrue(parse(with("{\"connectionFile\":\"c2.json\"}")).problems().stream().anyMatch(p -> p.contains("not a JSON object")));
    }

    @Test
    void taskFilesCompactStandardPatternAndDuplicates() throws IOException {
        Files.createDirectories(dir.resolve("tasks"));
        Files.write(dir.resolve("tasks/batch_1.json"), "{\"k.1/a%b c\":[\"x\"],\"k2\":{\"columns\":[\"y\"],\"filters\":{\"y\":{\"gt\":0}}}}"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("tasks/batch_2.json"), "{\"k3\":[\"z\"]}".getBytes(StandardCharsets.UTF_8));
        ReaderSpec s = parse(with("{\"tasks\":{\"source\":\"pattern\",\"path\":\"tasks/batch_*.json\"}}")).spec();
        assertEquals(3, s.tasks().size());
        assertEquals("k.1/a%b c", s.tasks().get(0).keyText());
        assertEquals(1, s.tasks().get(1).filters().conditions().size());
        assertEquals(2, s.taskFiles().size());

        Files.write(dir.resolve("tasks/batch_3.json"), "{\"k3\":[\"w\"]}".getBytes(StandardCharsets.UTF_8));
        List<String> problems = parse(with("{\"tasks\":{\"source\":\"pattern\",\"path\":\"tasks/batch_*.json\"}}")).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("\"k3\"") && p.contains("batch_2.json") && p.contains("batch_3.json")), problems.toString());

        Files.write(dir.resolve("dup.json"), "{\"a\":[\"x\"],\"a\":[\"y\"]}".getBytes(StandardCharsets.UTF_8));
        assertTrue(parse(with("{\"tasks\":{\"source\":\"file\",\"path\":\"dup.json\"}}")).problems().stream()
                .anyMatch(p -> p.startsWith("parameter.tasks.path (dup.json).a: the key \"a\" appears twice")));
        Files.write(dir.resolve("bad.json"), "[\"a\"]".getBytes(StandardCharsets.UTF_8));
        assertTrue(parse(with("{\"tasks\":{\"source\":\"file\",\"path\":\"bad.json\"}}")).problems().stream()
                .anyMatch(p -> p.contains("bad.json") && p.contains("not a valid task file")));
        Files.write(dir.resolve("empty.json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(parse(with("{\"tasks\":{\"source\":\"file\",\"path\":\"empty.json\"}}")).problems().stream()
                .anyMatch(p -> p.contains("defines no task")));
    }

    @Test
    void emptyColumnListAllowedWithAppendColumns() {
        ReaderSpec s = parse(with(
                "{\"appendColumns\":[\"ct\"],\"appendColumnsPosition\":\"end\",\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":[]}}}"))
                .spec();
        assertEquals(Collections.singletonList("ct"), s.header(s.tasks().get(0)));
    }

    @Test
    void headerPutsAppendColumnsAtStartOrEnd() {
        ReaderSpec start = parse(with("{\"appendColumns\":[\"ct\",\"dim\"]}")).spec();
        assertEquals(List.of("ct", "dim", "x"), start.header(start.tasks().get(0)));
        ReaderSpec end = parse(with("{\"appendColumns\":[\"ct\"],\"appendColumnsPosition\":\"end\"}")).spec();
        assertEquals(List.of("x", "ct"), end.header(end.tasks().get(0)));
    }
}
