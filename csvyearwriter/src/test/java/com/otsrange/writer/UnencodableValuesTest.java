package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import com.otsrange.writer.TestOtsReader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: a value {@code parameter.encoding} cannot represent fails the job with CsvYearWriter-11
 * naming the encoding, the file, the column and the key (not an I/O failure), and leaves nothing
 * under the file's final name; a charset that cannot write these files at all is refused when the
 * parameter is checked, by validate and the run alike.
 */
class UnencodableValuesTest {
    @TempDir
    Path dir;

    private static final long T = Instant.parse("2023-03-01T00:00:00Z").toEpochMilli();
    private static final List<String> HEADER = Arrays.asList("name", "n");

    private static Row row(String key, int i, String name) {
        return new Row(key, T + i, HEADER, new int[0], new StringColumn(name), new LongColumn(i));
    }

    private static RunResult paired(List<Row> rows, Path out, String encoding) {
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, Collections.singletonList(rows));
        JSONObject job = Jobs.paired(id, out, 1);
        Jobs.writer(job).put("encoding", encoding);
        return Jobs.run(job);
    }

    /** Every path under out except the bookkeeping folder (none when a run that committed nothing removed out). */
    private static List<String> outside(Path out) throws Exception {
        List<String> l = new ArrayList<>();
        if (!Files.exists(out)) {
            return l;
        }
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(p -> !out.relativize(p).toString().startsWith(".otsrange") && !p.equals(out))
                    .forEach(p -> l.add(out.relativize(p).toString()));
        }
        return l;
    }

    @Test
    void aCharacterTheEncodingLacksNamesEncodingFileColumnAndKeyAndLeavesNoFinalFile() throws Exception {
        Path out = dir.resolve("latin1");
        // unit m (ASCII) is committed first; unit k's third row holds a Chinese character
        List<Row> rows = Arrays.asList(row("m", 0, "plain"), row("m", 1, "caf\u00e9"),
                row("k", 0, "ok"), row("k", 1, "fine"), row("k", 2, "\u4e2d\u6587"), row("k", 3, "later"));
        RunResult r = paired(rows, out, "ISO-8859-1");
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-11", r.errorCode(), r.errorMessage());
        for (String part : new String[] {"ISO-8859-1", "k_sensor_2023.csv", "column 1 (\"name\")", "partition key \"k\"",
            "sort key " + (T + 2), "'\u4e2d' (U+4E2D)", "UTF-8"}) {
            assertTrue(r.errorMessage().contains(part), part + " in: " + r.errorMessage());
        }
        assertEquals(Collections.singletonList("m_sensor_2023.csv"), outside(out), "m committed before k failed; nothing of k");
        assertEquals("name,n\nplain,0\ncaf\u00e9,1\n", new String(Files.readAllBytes(out.resolve("m_sensor_2023.csv")),
                java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void aHeaderNameTheEncodingLacksIsNamedToo() throws Exception {
        Path out = dir.resolve("ascii-header");
        Row r0 = new Row("k", T, Arrays.asList("id", "\u540d\u524d"), new int[0], new StringColumn("a"), new LongColumn(1));
        RunResult r = paired(Collections.singletonList(r0), out, "US-ASCII");
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-11", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("the header, the name of column 2 (\"\u540d\u524d\")"), r.errorMessage());
        assertTrue(r.errorMessage().contains("US-ASCII") && r.errorMessage().contains("k_sensor_2023.csv"), r.errorMessage());
        assertTrue(outside(out).isEmpty(), outside(out).toString());
    }

    @Test
    void aLoneSurrogateIsNamedAsInvalidTextInUtf8Too() throws Exception {
        Path out = dir.resolve("surrogate");
        RunResult r = paired(Arrays.asList(row("k", 0, "ok"), row("k", 1, "bad \ud800 half")), out, "UTF-8");
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-11", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("lone surrogate U+D800") && r.errorMessage().contains("column 1 (\"name\")"),
                r.errorMessage());
        assertTrue(outside(out).isEmpty(), outside(out).toString());
    }

    @Test
    void genericModeNamesTheColumnToo() throws Exception {
        Path out = dir.resolve("generic");
        String id = UUID.randomUUID().toString();
        List<List<Column>> records = new ArrayList<>();
        records.add(Arrays.<Column>asList(new StringColumn("dev"), new LongColumn(T), new StringColumn("ok")));
        records.add(Arrays.<Column>asList(new StringColumn("dev"), new LongColumn(T + 1), new StringColumn("\u00e9t\u00e9")));
        TestRecordsReader.SCENARIOS.put(id, Collections.singletonList(records));
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("table", "t")
                .fluentPut("partitionKeyColumn", 0).fluentPut("timeColumn", 1).fluentPut("columnNames", Arrays.asList("k", "ts", "txt"))
                .fluentPut("encoding", "US-ASCII");
        LocalRunner.registerPlugin(PluginType.READER, TestRecordsReader.NAME, TestRecordsReader.class.getName());
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(
                Jobs.job(TestRecordsReader.NAME, new JSONObject(true).fluentPut("scenario", id), writer, 1).toJSONString());
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-11", r.errorCode(), r.errorMessage());
        for (String part : new String[] {"US-ASCII", "dev_t_2023.csv", "column 3 (\"txt\")", "partition key \"dev\"", "U+00E9"}) {
            assertTrue(r.errorMessage().contains(part), part + " in: " + r.errorMessage());
        }
        assertTrue(outside(out).isEmpty(), outside(out).toString());
    }

    /** Charsets that cannot write CSV, or not in pieces with this line separator: refused before anything is written. */
    @Test
    void charsetsThatCannotWriteTheseFilesAreRefusedByValidateAndTheRun() throws Exception {
        String[][] cases = {
            {"JIS_X0212-1990", "\\n", "cannot encode the comma"},
            {"ISO-2022-KR", "\\r", "does not return to its initial state"},
        };
        for (String[] c : cases) {
            Map<String, Object> w = JSON.parseObject("{\"path\": \"" + dir.resolve("v").toString().replace("\\", "/")
                    + "\", \"encoding\": \"" + c[0] + "\", \"lineSeparator\": \"" + c[1] + "\"}");
            List<String> problems = CsvYearWriterValidation.problems(w, "otsrangereader", JSON.parseObject("{\"table\": \"sensor\"}"));
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("parameter.encoding") && problems.get(0).contains(c[2]), problems.toString());

            Path out = dir.resolve("run-" + c[0]);
            String id = UUID.randomUUID().toString();
            TestOtsReader.SCENARIOS.put(id, Collections.singletonList(Collections.singletonList(row("k", 0, "x"))));
            JSONObject job = Jobs.paired(id, out, 1);
            Jobs.writer(job).put("encoding", c[0]);
            Jobs.writer(job).put("lineSeparator", c[1].equals("\\r") ? "\r" : "\n");
            RunResult r = Jobs.run(job);
            assertFalse(r.succeeded());
            assertEquals("CsvYearWriter-01", r.errorCode(), r.errorMessage());
            assertTrue(r.errorMessage().contains(c[2]), r.errorMessage());
            assertFalse(Files.exists(out), "refused before anything is written");
        }
        // the same charsets with what they can do are accepted
        Map<String, Object> kr = JSON.parseObject("{\"path\": \"out\", \"encoding\": \"ISO-2022-KR\", \"lineSeparator\": \"\\r\\n\"}");
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(kr, "otsrangereader", JSON.parseObject("{\"table\": \"t\"}")));
    }
}
