package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 7, the run-time half: a fileName whose segment fits for short keys but not for a
 * long one (even shortened to a prefix, '~' and 16 hex digits) fails with a CsvYearWriter error
 * naming the key and the 255-byte limit, not a raw exception; keys that fit were written.
 */
class LongFileNameTest {
    @TempDir
    Path dir;

    private static final long T = Instant.parse("2023-03-01T00:00:00Z").toEpochMilli();
    /** 230 characters of literal text next to the key: a key of up to 14 characters fits in 255 bytes. */
    private static final String LITERAL = String.join("", Collections.nCopies(230, "L"));
    private static final String PATTERN = "{partition_key}_" + LITERAL + "_{year}.csv";
    private static final String LONG_KEY = String.join("", Collections.nCopies(40, "x"));

    private static void assertNamesKeyAndLimit(RunResult r) {
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-06", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("partition key \"" + LONG_KEY + "\""), r.errorMessage());
        assertTrue(r.errorMessage().contains("255 bytes") && r.errorMessage().contains("parameter.fileName"), r.errorMessage());
    }

    private static List<String> files(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void pairedAKeyTooLongForTheNameFailsNamingTheKeyAfterTheKeysThatFit() throws Exception {
        Path out = dir.resolve("paired");
        List<String> header = Collections.singletonList("v");
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, Collections.singletonList(Arrays.asList(
                new Row("short", T, header, new int[0], new StringColumn("a")),
                new Row(LONG_KEY, T + 1, header, new int[0], new StringColumn("b")))));
        JSONObject job = Jobs.paired(id, out, 1);
        Jobs.writer(job).put("fileName", PATTERN);
        RunResult r = Jobs.run(job);
        assertNamesKeyAndLimit(r);
        assertEquals(Collections.singletonList("short_" + LITERAL + "_2023.csv"), files(out));
    }

    @Test
    void genericTheSame() throws Exception {
        Path out = dir.resolve("generic");
        String id = UUID.randomUUID().toString();
        TestRecordsReader.SCENARIOS.put(id, Collections.singletonList(Arrays.asList(
                Arrays.<Column>asList(new StringColumn("short"), new LongColumn(T)),
                Arrays.<Column>asList(new StringColumn(LONG_KEY), new LongColumn(T)))));
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("table", "t")
                .fluentPut("partitionKeyColumn", 0).fluentPut("timeColumn", 1).fluentPut("fileName", PATTERN)
                .fluentPut("columnNames", Arrays.asList("k", "ts"));
        LocalRunner.registerPlugin(PluginType.READER, TestRecordsReader.NAME, TestRecordsReader.class.getName());
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(
                Jobs.job(TestRecordsReader.NAME, new JSONObject(true).fluentPut("scenario", id), writer, 1).toJSONString());
        assertNamesKeyAndLimit(r);
        assertFalse(Files.exists(out) && !files(out).isEmpty(), "generic mode commits at the end: nothing written");
    }
}
