package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** csvyearwriter behind DataX's streamreader (generic mode): interleaved records, parts joined at post. */
class GenericModeTest {
    @TempDir
    Path dir;

    static JSONObject col(String type, String key, String value) {
        return new JSONObject(true).fluentPut("type", type).fluentPut(key, value);
    }

    static JSONObject streamJob(Path out, long perTask, int channels, int keys, long stepMs) {
        JSONArray columns = new JSONArray();
        columns.add(col("long", "random", "0," + (keys - 1)));
        columns.add(col("long", "incr", "1672531200000," + stepMs));
        columns.add(col("string", "value", "a \"quoted\", value"));
        columns.add(col("double", "random", "0,1000"));
        JSONObject reader = new JSONObject(true).fluentPut("column", columns).fluentPut("sliceRecordCount", perTask);
        JSONObject writer = new JSONObject(true);
        writer.put("path", out.toString());
        writer.put("table", "bench");
        writer.put("partitionKeyColumn", 0);
        writer.put("timeColumn", 1);
        writer.put("timeUnit", "ms");
        writer.put("columnNames", Arrays.asList("key", "ts", "text", "value"));
        return Jobs.job("streamreader", reader, writer, channels);
    }

    @Test
    void interleavedRecordsAreJoinedPerFileWithOneHeader() throws Exception {
        Path out = dir.resolve("generic");
        // 3 tasks x 3000 records, 7 keys, one record per 8 hours: 2023..2025 from every task
        JSONObject job = streamJob(out, 3000, 3, 7, 8 * 3600_000L);
        Jobs.writer(job).put("maxOpenFiles", 2); // forces close/reopen of part files
        RunResult r = Jobs.run(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, Path> files = Jobs.outputFiles(out);
        long rows = 0;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            assertTrue(e.getKey().matches("[0-6]_bench_202[345]\\.csv"), e.getKey());
            List<List<String>> back = Jobs.parse(e.getValue());
            assertEquals(Arrays.asList("key", "ts", "text", "value"), back.get(0));
            String key = e.getKey().substring(0, 1);
            String year = e.getKey().substring(8, 12);
            long last = Long.MIN_VALUE;
            for (List<String> row : back.subList(1, back.size())) {
                assertEquals(key, row.get(0));
                Instant t = Instant.parse(row.get(1));
                assertEquals(year, String.valueOf(t.atZone(ZoneOffset.UTC).getYear()));
                assertEquals("a \"quoted\", value", row.get(2));
                Double.parseDouble(row.get(3));
                rows++;
                last = t.toEpochMilli();
            }
            assertTrue(last != Long.MIN_VALUE, "no empty file");
        }
        assertEquals(9000, rows);
        assertEquals(21, files.size());
        assertFalse(Files.exists(out.resolve(".otsrange/bench.all/tmp")));
        assertTrue(Files.exists(out.resolve(".otsrange/bench.all/manifest.json")));
    }

    /**
     * One task: every file is a single part, renamed into place instead of copied (with its own
     * header, or none). The files, the manifest's sha256/bytes/rows and the parse-back must agree,
     * and a multi-task run of the same rows (parts joined, each part's header skipped) must give
     * byte-identical files. Also with gzip (joined, never renamed).
     */
    @Test
    void singlePartFilesAreRenamedAndEqualJoinedOnes() throws Exception {
        for (boolean header : new boolean[] {true, false}) {
            for (String compress : new String[] {"none", "gzip"}) {
                Path one = dir.resolve("one-" + header + compress);
                JSONObject job1 = streamJob(one, 2000, 1, 3, 12 * 3600_000L);
                Jobs.writer(job1).put("header", header);
                Jobs.writer(job1).put("compress", compress);
                RunResult r1 = Jobs.run(job1);
                assertTrue(r1.succeeded(), String.valueOf(r1.failure()));
                Map<String, Path> files = Jobs.outputFiles(one);
                assertFalse(files.isEmpty());
                JSONObject manifest = JSON.parseObject(Jobs.text(one.resolve(".otsrange/bench.all/manifest.json")));
                JSONArray listed = manifest.getJSONArray("files");
                assertEquals(files.size(), listed.size());
                long rows = 0;
                for (int i = 0; i < listed.size(); i++) {
                    JSONObject f = listed.getJSONObject(i);
                    Path p = files.get(f.getString("file"));
                    byte[] bytes = Files.readAllBytes(p);
                    assertEquals(f.getLongValue("bytes"), bytes.length, f.getString("file"));
                    assertEquals(f.getString("sha256"), String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(bytes))));
                    List<List<String>> back = Jobs.parse(p);
                    int dataRows = back.size() - (header ? 1 : 0);
                    assertEquals(f.getLongValue("rows"), dataRows);
                    if (header) {
                        assertEquals(Arrays.asList("key", "ts", "text", "value"), back.get(0));
                    } else {
                        assertFalse(back.get(0).get(0).equals("key"));
                    }
                    rows += dataRows;
                }
                assertEquals(2000, rows);
                assertFalse(Files.exists(one.resolve(".otsrange/bench.all/tmp")));
            }
        }
    }

    @Test
    void genericModeNeedsTheKeyAndTimeColumns() {
        JSONObject job = streamJob(dir.resolve("x"), 10, 1, 2, 1000);
        Jobs.writer(job).remove("timeColumn");
        RunResult r = Jobs.run(job);
        assertEquals("CsvYearWriter-01", r.errorCode());
        assertTrue(r.failure().getMessage().contains("parameter.timeColumn"), r.failure().getMessage());
    }

    // ---------------------------------------------------------------- issue 14, generic mode

    private static final long T = 1700000000000L;
    /** The time T as ISO-8601, computed without the writer's code. */
    private static final String T_ISO = Instant.ofEpochMilli(T).toString();

    /** The job: DataX's streamreader, 3 constant columns (key, epoch ms, text). */
    private static JSONObject constantJob(Path out, long records) {
        JSONArray columns = new JSONArray();
        columns.add(col("string", "value", "dev-1"));
        columns.add(col("long", "value", String.valueOf(T)));
        columns.add(col("string", "value", "ok"));
        JSONObject reader = new JSONObject(true).fluentPut("column", columns).fluentPut("sliceRecordCount", records);
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("table", "t")
                .fluentPut("partitionKeyColumn", 0).fluentPut("timeColumn", 1);
        return Jobs.job("streamreader", reader, writer, 1);
    }

    /** Issue 14 item 8: the time column is a time in every combination of header, columns and columnNames. */
    @Test
    void theTimeColumnRendersAsATimeWhateverHeaderColumnsAndColumnNamesSay() throws Exception {
        List<String> names = Arrays.asList("k", "ts", "s");
        Object[][] combos = {
                // header, columns, columnNames, expected row
                {false, null, null, Arrays.asList("dev-1", T_ISO, "ok")},
                {false, Arrays.asList(0, 1, 2), null, Arrays.asList("dev-1", T_ISO, "ok")},
                {false, null, names, Arrays.asList("dev-1", T_ISO, "ok")},
                {false, Arrays.asList(0, 1, 2), names, Arrays.asList("dev-1", T_ISO, "ok")},
                {false, Arrays.asList(2, 1), null, Arrays.asList("ok", T_ISO)},
                {true, null, names, Arrays.asList("dev-1", T_ISO, "ok")},
                {true, Arrays.asList(0, 1, 2), names, Arrays.asList("dev-1", T_ISO, "ok")},
                {true, Arrays.asList(1), Collections.singletonList("ts"), Collections.singletonList(T_ISO)},
        };
        int i = 0;
        for (Object[] c : combos) {
            Path out = dir.resolve("time-" + i++);
            JSONObject job = constantJob(out, 2);
            JSONObject w = Jobs.writer(job);
            w.put("header", c[0]);
            if (c[1] != null) {
                w.put("columns", c[1]);
            }
            if (c[2] != null) {
                w.put("columnNames", c[2]);
            }
            if (c[1] != null && c[2] != null && ((List<?>) c[1]).size() != ((List<?>) c[2]).size()) {
                continue;
            }
            RunResult r = Jobs.run(job);
            String what = Arrays.toString(c);
            assertTrue(r.succeeded(), what + ": " + r.failure());
            List<List<String>> back = Jobs.parse(out.resolve("dev-1_t_2023.csv"));
            int first = (Boolean) c[0] ? 1 : 0;
            assertEquals(2 + first, back.size(), what);
            assertEquals(c[3], back.get(first), what);
            assertEquals(c[3], back.get(first + 1), what);
        }
    }

    /** Records of any width, from the test reader that sends them as given. */
    private static String records(List<List<Column>> oneTask) {
        String id = UUID.randomUUID().toString();
        TestRecordsReader.SCENARIOS.put(id, Collections.singletonList(oneTask));
        return id;
    }

    private static List<Column> rec(Object... values) {
        List<Column> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v instanceof Long ? new LongColumn((Long) v) : new StringColumn((String) v));
        }
        return out;
    }

    private static JSONObject recordsJob(Path out, String scenario) {
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("table", "t")
                .fluentPut("partitionKeyColumn", 0).fluentPut("timeColumn", 1);
        return Jobs.job(TestRecordsReader.NAME, new JSONObject(true).fluentPut("scenario", scenario), writer, 1);
    }

    /** Runs with the dirty-record log captured into {@code log}. */
    private static RunResult runLogged(JSONObject job, StringBuilder log) {
        LocalRunner.registerPlugin(PluginType.READER, TestRecordsReader.NAME, TestRecordsReader.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true);
        RunResult r = new LocalRunner(RunOptions.builder().progress(ps).progressIntervalMillis(3_600_000L).build())
                .runJson(job.toJSONString());
        log.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        return r;
    }

    /**
     * Issue 14 item 9: a record the cells do not fit is a dirty record naming the parameter and the
     * record's width, counted against errorLimit; fitting records are written.
     */
    @Test
    void recordsTheColumnParametersDoNotFitAreDirty() throws Exception {
        String sc = records(Arrays.asList(rec("k", T, "fits"), rec("k", T), rec("k", T, "x", "one too many"),
                rec("k", T, "fits too")));
        Path named = dir.resolve("named");
        JSONObject byNames = recordsJob(named, sc);
        Jobs.writer(byNames).put("columnNames", Arrays.asList("k", "ts", "s"));
        StringBuilder log = new StringBuilder();
        RunResult r = runLogged(byNames, log);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(2, r.errorRecords(), log.toString());
        assertTrue(log.toString().contains("the record has 2 columns but parameter.columnNames names 3"), log.toString());
        assertTrue(log.toString().contains("the record has 4 columns but parameter.columnNames names 3"), log.toString());
        assertEquals(Arrays.asList(Arrays.asList("k", "ts", "s"), Arrays.asList("k", T_ISO, "fits"),
                Arrays.asList("k", T_ISO, "fits too")), Jobs.parse(named.resolve("k_t_2023.csv")));

        Path picked = dir.resolve("picked");
        JSONObject byColumns = recordsJob(picked, sc);
        Jobs.writer(byColumns).put("header", false);
        Jobs.writer(byColumns).put("columns", Arrays.asList(0, 3));
        StringBuilder log2 = new StringBuilder();
        RunResult r2 = runLogged(byColumns, log2);
        assertTrue(r2.succeeded(), String.valueOf(r2.failure()));
        assertEquals(3, r2.errorRecords(), log2.toString());
        assertTrue(log2.toString().contains("the record has 3 columns (0..2) but parameter.columns asks for column 3"), log2.toString());
        assertEquals(Collections.singletonList(Arrays.asList("k", "one too many")), Jobs.parse(picked.resolve("k_t_2023.csv")));

        // counted against errorLimit like any dirty record
        JSONObject strict = recordsJob(dir.resolve("strict"), sc);
        Jobs.writer(strict).put("columnNames", Arrays.asList("k", "ts", "s"));
        strict.getJSONObject("job").getJSONObject("setting").put("errorLimit", new JSONObject().fluentPut("record", 1));
        RunResult failed = runLogged(strict, new StringBuilder());
        assertFalse(failed.succeeded(), "2 dirty records exceed errorLimit 1");
    }

    /** Issue 14 item 9: where the reader's record width is known (streamreader), a mismatch is refused up front. */
    @Test
    void aStreamreaderWidthMismatchIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("width");
        JSONObject shortNames = constantJob(out, 1);
        Jobs.writer(shortNames).put("columnNames", Arrays.asList("k", "ts"));
        RunResult r = Jobs.run(shortNames);
        assertEquals("CsvYearWriter-01", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("parameter.columnNames") && r.errorMessage().contains("have 3 columns"), r.errorMessage());

        JSONObject beyond = constantJob(out, 1);
        Jobs.writer(beyond).put("header", false);
        Jobs.writer(beyond).put("columns", Arrays.asList(0, 7));
        RunResult r2 = Jobs.run(beyond);
        assertEquals("CsvYearWriter-01", r2.errorCode(), r2.errorMessage());
        assertTrue(r2.errorMessage().contains("parameter.columns[1]: 7 is invalid") && r2.errorMessage().contains("0..2"),
                r2.errorMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * Gap %EMPTY: any reader can send an empty key; it is written as %EMPTY (never an empty or
     * hidden name), distinct from a key that reads "%EMPTY". Keys and tables with a leading dot are
     * %2E-escaped, so none reaches the bookkeeping folder.
     */
    @Test
    void emptyAndDotKeysGetDistinctVisibleNamesOutsideTheBookkeeping() throws Exception {
        String sc = records(Arrays.asList(rec("", T, "empty"), rec("%EMPTY", T, "literal"), rec(".otsrange", T, "dot"),
                rec("..", T, "dots")));
        Path out = dir.resolve("keys");
        JSONObject job = recordsJob(out, sc);
        Jobs.writer(job).put("header", false);
        Jobs.writer(job).put("fileName", "{partition_key}/{year}.csv");
        RunResult r = runLogged(job, new StringBuilder());
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, Path> files = Jobs.outputFiles(out);
        assertEquals(Arrays.asList("%25EMPTY/2023.csv", "%2E./2023.csv", "%2Eotsrange/2023.csv", "%EMPTY/2023.csv"),
                new ArrayList<>(files.keySet()));
        assertEquals("\"\"," + T_ISO + ",empty\n", Jobs.text(out.resolve("%EMPTY/2023.csv")));
        assertEquals(".otsrange," + T_ISO + ",dot\n", Jobs.text(out.resolve("%2Eotsrange/2023.csv")));

        Path tableOut = dir.resolve("table");
        JSONObject dotTable = recordsJob(tableOut, records(Collections.singletonList(rec("k", T, "v"))));
        Jobs.writer(dotTable).put("header", false);
        Jobs.writer(dotTable).put("table", ".otsrange");
        Jobs.writer(dotTable).put("fileName", "{table}/{partition_key}_{year}.csv");
        RunResult r2 = runLogged(dotTable, new StringBuilder());
        assertTrue(r2.succeeded(), String.valueOf(r2.failure()));
        assertEquals(Collections.singleton("%2Eotsrange/k_2023.csv"), Jobs.outputFiles(tableOut).keySet());
    }

    /** Gap append: rows are only appended under an identical header; otherwise every file is left as it was. */
    @Test
    void appendRefusesAFileWithAnotherHeaderAndChangesNothing() throws Exception {
        for (String compress : new String[] {"none", "gzip"}) {
            Path out = dir.resolve("append-" + compress);
            String ext = compress.equals("gzip") ? ".csv.gz" : ".csv";
            JSONObject first = recordsJob(out, records(Arrays.asList(rec("a", T, "1"), rec("b", T, "2"))));
            Jobs.writer(first).put("columnNames", Arrays.asList("k", "ts", "s"));
            Jobs.writer(first).put("writeMode", "append");
            Jobs.writer(first).put("compress", compress);
            assertTrue(runLogged(first, new StringBuilder()).succeeded());
            // b's file gets the new header by hand: only a's file is in conflict, and nothing may change
            Path b = out.resolve("b_t_2023" + ext);
            byte[] bNew = "k,ts,value\nb,x,y\n".getBytes(StandardCharsets.UTF_8);
            Files.write(b, compress.equals("gzip") ? gzip(bNew) : bNew);
            Map<String, byte[]> before = Jobs.contents(out);

            JSONObject changed = recordsJob(out, records(Arrays.asList(rec("b", T, "3"), rec("a", T, "4"))));
            Jobs.writer(changed).put("columnNames", Arrays.asList("k", "ts", "value"));
            Jobs.writer(changed).put("writeMode", "append");
            Jobs.writer(changed).put("compress", compress);
            RunResult refused = runLogged(changed, new StringBuilder());
            assertFalse(refused.succeeded(), compress);
            assertEquals("CsvYearWriter-09", refused.errorCode(), refused.errorMessage());
            String m = refused.errorMessage();
            assertTrue(m.contains("a_t_2023" + ext) && m.contains("\"k,ts,s\"") && m.contains("\"k,ts,value\"")
                    && m.contains("writeMode truncate"), m);
            assertEquals(before.keySet(), Jobs.contents(out).keySet());
            for (Map.Entry<String, byte[]> e : Jobs.contents(out).entrySet()) {
                assertArrayEquals(before.get(e.getKey()), e.getValue(), e.getKey() + " unchanged");
            }

            JSONObject same = recordsJob(out, records(Collections.singletonList(rec("a", T, "5"))));
            Jobs.writer(same).put("columnNames", Arrays.asList("k", "ts", "s"));
            Jobs.writer(same).put("writeMode", "append");
            Jobs.writer(same).put("compress", compress);
            assertTrue(runLogged(same, new StringBuilder()).succeeded());
            assertEquals(Arrays.asList(Arrays.asList("k", "ts", "s"), Arrays.asList("a", T_ISO, "1"), Arrays.asList("a", T_ISO, "5")),
                    Jobs.parse(out.resolve("a_t_2023" + ext)));
        }
    }

    private static byte[] gzip(byte[] b) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(b);
        }
        return bytes.toByteArray();
    }

    /** Not a timed assertion: prints the writer's throughput for the report. */
    @Test
    void throughput() throws Exception {
        Path out = dir.resolve("bench");
        long perTask = Long.getLong("bench.records", 200_000L);
        JSONObject job = streamJob(out, perTask, 2, 200, 60_000L);
        long t0 = System.nanoTime();
        RunResult r = Jobs.run(job);
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(2 * perTask, r.writeRecords());
        System.out.printf("csvyearwriter generic: %d records into %d files in %.2f s = %.0f records/s%n",
                r.writeRecords(), Jobs.outputFiles(out).size(), secs, r.writeRecords() / secs);
    }
}
