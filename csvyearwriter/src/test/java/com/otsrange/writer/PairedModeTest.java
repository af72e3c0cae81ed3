package com.otsrange.writer;

import com.otsrange.common.ShortestDouble;
import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.StateDir;
import com.otsrange.runner.RunResult;
import com.otsrange.writer.TestOtsReader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedModeTest {
    @TempDir
    Path dir;

    private static final List<String> WIDE = Arrays.asList("ts", "s", "d", "l", "b", "bin", "gone");
    private static final List<String> NARROW = Arrays.asList("x", "y");
    private static final String[] TRICKY = {"plain", "with,comma", "with \"quotes\"", "line\nbreak", "cr\r\nlf", "",
        " leading and trailing ", "#hash", "ünïcödé ☃ 😀", "\"", ",", "null", "\\N"};

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static String scenario(List<List<Row>> tasks) {
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, tasks);
        return id;
    }

    private static Row wide(Object key, long t, String s, double d) {
        return new Row(key, t, WIDE, new int[] {0}, new LongColumn(t), new StringColumn(s), new DoubleColumn(d),
                new LongColumn(-42L), new BoolColumn(true), new BytesColumn(s.getBytes(StandardCharsets.UTF_8)), new StringColumn());
    }

    private static Row narrow(Object key, long t, String x) {
        return new Row(key, t, NARROW, new int[0], new StringColumn(x), new LongColumn(7L));
    }

    private static String longKey() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            sb.append("é/");
        }
        return sb.toString();
    }

    /**
     * With meta otsrange.doubles=shortest the DOUBLE text is written as it came (the reader already
     * produced ShortestDouble text); without it the writer parses and formats. "1.50" (not what the
     * reader would send) tells the two paths apart.
     */
    @Test
    void doublesAreCopiedVerbatimOnlyUnderTheShortestMeta() throws Exception {
        List<String> header = Arrays.asList("a", "b", "c", "d");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("k", ms("2023-01-01T00:00:00Z"), header, new int[0], new DoubleColumn("1.50"),
                new DoubleColumn(ShortestDouble.format(0.1 + 0.2)), new DoubleColumn("-0.0"), new DoubleColumn((String) null)));
        rows.add(new Row("k", ms("2023-01-02T00:00:00Z"), header, new int[0], new DoubleColumn(ShortestDouble.format(1e-7)),
                new DoubleColumn(ShortestDouble.format(Double.MAX_VALUE)), new DoubleColumn("NaN"), new DoubleColumn("-Infinity")));
        String sc = scenario(Collections.singletonList(rows));

        Path verbatim = dir.resolve("verbatim");
        JSONObject job = Jobs.paired(sc, verbatim, 1);
        Jobs.reader(job).put("doublesShortest", true);
        RunResult r = Jobs.run(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals("a,b,c,d\n1.50,0.30000000000000004,-0.0,\n1.0E-7,1.7976931348623157E308,NaN,-Infinity\n",
                Jobs.text(verbatim.resolve("k_sensor_2023.csv")));

        Path parsed = dir.resolve("parsed");
        r = Jobs.run(Jobs.paired(sc, parsed, 1));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals("a,b,c,d\n1.5,0.30000000000000004,-0.0,\n1.0E-7,1.7976931348623157E308,NaN,-Infinity\n",
                Jobs.text(parsed.resolve("k_sensor_2023.csv")));
    }

    /**
     * A reader that cut its units by month while this writer's fileName makes yearly files would
     * overwrite each month's file with the next: the writer refuses the first record instead.
     */
    @Test
    void aUnitPeriodOtherThanTheFileNamePeriodFailsTheJob() throws Exception {
        String sc = scenario(Collections.singletonList(Arrays.asList(narrow("k", ms("2023-01-05T00:00:00Z"), "jan"),
                narrow("k", ms("2023-02-05T00:00:00Z"), "feb"))));
        Path out = dir.resolve("out");
        JSONObject job = Jobs.paired(sc, out, 1);
        Jobs.reader(job).put("periodOverride", "month");
        RunResult r = Jobs.run(job);
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("unit 2023-01/k covers a month (record meta otsrange.period)"), r.errorMessage());
        assertTrue(r.errorMessage().contains("one file per year"), r.errorMessage());
        assertTrue(Jobs.outputFiles(out).isEmpty(), "no output file: " + Jobs.outputFiles(out));

        // the same records with the period the fileName says are written
        job = Jobs.paired(sc, out, 1);
        Jobs.writer(job).put("fileName", "{partition_key}_{table}_{year}-{month}.csv");
        r = Jobs.run(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(2, Jobs.outputFiles(out).size(), Jobs.outputFiles(out).toString());
    }

    @Test
    void everyValueTypeAndHostileKeyRoundTrips() throws Exception {
        List<Row> t0 = new ArrayList<>();
        double[] doubles = {0.1, -2.5e-10, 1e23, 3.0, Double.MIN_VALUE, 123456.789};
        // their shortest round-trip text, written out by hand
        String[] doubleTexts = {"0.1", "-2.5E-10", "1.0E23", "3.0", "4.9E-324", "123456.789"};
        for (int i = 0; i < TRICKY.length; i++) {
            t0.add(wide("dev/1", ms("2023-03-01T00:00:00Z") + i * 1000L + 7, TRICKY[i], doubles[i % doubles.length]));
        }
        t0.add(wide("dev/1", ms("2024-01-01T00:00:00Z"), "next year", 2.0));
        List<Row> t1 = new ArrayList<>();
        String[] keys = {"..", ".", "%", "é☃", "a,b\"c", longKey(), ""};
        for (String k : keys) {
            t1.add(narrow(k, ms("2023-05-05T05:05:05Z"), "v-" + k));
        }
        t1.add(narrow(42L, ms("2023-05-05T05:05:05Z"), "long key"));
        t1.add(narrow(new byte[] {0, 1, 2}, ms("2023-05-05T05:05:05Z"), "binary key"));
        Path out = dir.resolve("out");
        RunResult r = Jobs.run(Jobs.paired(scenario(Arrays.asList(t0, t1)), out, 2));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(0, r.errorRecords());

        Map<String, Path> files = Jobs.outputFiles(out);
        assertTrue(files.containsKey("dev%2F1_sensor_2023.csv"), files.keySet().toString());
        assertTrue(files.containsKey("dev%2F1_sensor_2024.csv"));
        assertTrue(files.containsKey("%2E._sensor_2023.csv"));
        assertTrue(files.containsKey("%2E_sensor_2023.csv"));
        assertTrue(files.containsKey("%25_sensor_2023.csv"));
        assertTrue(files.containsKey("%C3%A9%E2%98%83_sensor_2023.csv"));
        assertTrue(files.containsKey("a%2Cb%22c_sensor_2023.csv"));
        assertTrue(files.containsKey("%EMPTY_sensor_2023.csv"));
        assertTrue(files.containsKey("42_sensor_2023.csv"));
        assertTrue(files.containsKey("AAEC_sensor_2023.csv"));
        assertEquals(11, files.size(), files.keySet().toString());
        for (String name : files.keySet()) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255 && !name.contains("/"), name);
            assertFalse(name.startsWith("."), "no hidden file: " + name);
        }

        List<List<String>> wideRows = Jobs.parse(files.get("dev%2F1_sensor_2023.csv"));
        assertEquals(WIDE, wideRows.get(0));
        assertEquals(TRICKY.length + 1, wideRows.size());
        for (int i = 0; i < TRICKY.length; i++) {
            List<String> row = wideRows.get(i + 1);
            Row src = t0.get(i);
            assertEquals(Instant.ofEpochMilli(src.time).toString(), row.get(0));
            assertEquals(TRICKY[i], row.get(1), "string cell " + i);
            assertEquals(doubles[i % doubles.length], Double.parseDouble(row.get(2)), 0.0);
            assertEquals(doubleTexts[i % doubles.length], row.get(2));
            assertEquals("-42", row.get(3));
            assertEquals("true", row.get(4));
            assertArrayEquals(TRICKY[i].getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(row.get(5)));
            assertNull(row.get(6), "a missing cell parses back as missing, not as an empty string");
        }
        assertEquals("2023-03-01T00:00:00.007Z", wideRows.get(1).get(0));
        for (String k : keys) {
            Path f = files.values().stream().filter(p -> {
                try {
                    return Jobs.parse(p).size() == 2 && ("v-" + k).equals(Jobs.parse(p).get(1).get(0));
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null);
            assertTrue(f != null, "file for key '" + k + "'");
            assertEquals(Arrays.asList(NARROW, Arrays.asList("v-" + k, "7")), Jobs.parse(f));
        }
        // bookkeeping only under .otsrange, no temp files left, manifest lists every file
        Path state = StateDir.of(out, "sensor", ShardSpec.ALL);
        assertFalse(Files.exists(state.resolve("tmp")));
        JSONObject manifest = JSON.parseObject(Jobs.text(state.resolve("manifest.json")));
        assertEquals(11, manifest.getJSONObject("totals").getIntValue("files"));
        assertEquals(t0.size() + t1.size(), manifest.getJSONObject("totals").getLongValue("rows"));
        assertEquals(11, CheckpointSnapshot.load(state).committedUnits().size());
    }

    @Test
    void yearBoundariesFollowTheTimeZone() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String t : new String[] {"2023-12-31T15:59:59.999Z", "2023-12-31T16:00:00Z", "2023-12-31T23:59:59.999Z", "2024-01-01T00:00:00Z"}) {
            rows.add(narrow("k", ms(t), t));
        }
        String sc = scenario(Collections.singletonList(rows));
        Path utc = dir.resolve("utc");
        assertTrue(Jobs.run(Jobs.paired(sc, utc, 1)).succeeded());
        assertEquals(4, Jobs.parse(utc.resolve("k_sensor_2023.csv")).size());
        assertEquals(2, Jobs.parse(utc.resolve("k_sensor_2024.csv")).size());

        Path sh = dir.resolve("shanghai");
        JSONObject job = Jobs.paired(sc, sh, 1);
        Jobs.reader(job).put("timeZone", "Asia/Shanghai");
        assertTrue(Jobs.run(job).succeeded());
        assertEquals(Arrays.asList(NARROW, Arrays.asList("2023-12-31T15:59:59.999Z", "7")), Jobs.parse(sh.resolve("k_sensor_2023.csv")));
        assertEquals(4, Jobs.parse(sh.resolve("k_sensor_2024.csv")).size());

        // sort key cells carry the zone's offset when the zone is not UTC
        List<Row> timed = Collections.singletonList(wide("k", ms("2023-12-31T16:00:00Z"), "x", 1.0));
        Path sh2 = dir.resolve("shanghai2");
        JSONObject job2 = Jobs.paired(scenario(Collections.singletonList(timed)), sh2, 1);
        Jobs.reader(job2).put("timeZone", "Asia/Shanghai");
        assertTrue(Jobs.run(job2).succeeded());
        assertEquals("2024-01-01T00:00:00+08:00", Jobs.parse(sh2.resolve("k_sensor_2024.csv")).get(1).get(0));
    }

    @Test
    void gzipRoundTrip() throws Exception {
        List<Row> rows = Arrays.asList(wide("k", ms("2023-01-01T00:00:00Z"), "a,b", 1.5), wide("k", ms("2023-02-01T00:00:00Z"), "", 2.5));
        Path out = dir.resolve("gz");
        JSONObject job = Jobs.paired(scenario(Collections.singletonList(rows)), out, 1);
        Jobs.writer(job).put("compress", "gzip");
        assertTrue(Jobs.run(job).succeeded());
        List<List<String>> back = Jobs.parse(out.resolve("k_sensor_2023.csv.gz"));
        assertEquals(3, back.size());
        assertEquals("a,b", back.get(1).get(1));
        assertEquals("", back.get(2).get(1));
        // a pattern already ending in .gz is not given a second one
        Path out2 = dir.resolve("gz2");
        JSONObject job2 = Jobs.paired(scenario(Collections.singletonList(rows)), out2, 1);
        Jobs.writer(job2).put("compress", "gzip");
        Jobs.writer(job2).put("fileName", "{year}/{partition_key}.csv.gz");
        Jobs.writer(job2).put("writeMode", "append");
        assertTrue(Jobs.run(job2).succeeded());
        assertTrue(Jobs.run(job2).succeeded());
        List<List<String>> twice = Jobs.parse(out2.resolve("2023/k.csv.gz"));
        assertEquals(5, twice.size(), "append to gzip: one header, rows twice");
    }

    @Test
    void writeModes() throws Exception {
        List<Row> rows = Arrays.asList(narrow("k", ms("2023-01-01T00:00:00Z"), "one"), narrow("m", ms("2023-01-01T00:00:00Z"), "two"));
        String sc = scenario(Collections.singletonList(rows));
        Path out = dir.resolve("modes");
        Files.createDirectories(out);
        Files.write(out.resolve("k_sensor_2023.csv"), "stale\n".getBytes(StandardCharsets.UTF_8));
        Files.write(out.resolve("notes.txt"), "keep me".getBytes(StandardCharsets.UTF_8));
        Files.write(out.resolve("k_other_2023.csv"), "other table".getBytes(StandardCharsets.UTF_8));

        JSONObject nonConflict = Jobs.paired(sc, out, 1);
        Jobs.writer(nonConflict).put("writeMode", "nonConflict");
        RunResult refused = Jobs.run(nonConflict);
        assertFalse(refused.succeeded());
        assertEquals("CsvYearWriter-03", refused.errorCode());
        assertTrue(refused.failure().getMessage().contains("k_sensor_2023.csv"), refused.failure().getMessage());
        assertFalse(Files.exists(out.resolve("m_sensor_2023.csv")), "nothing written");

        assertTrue(Jobs.run(Jobs.paired(sc, out, 1)).succeeded()); // truncate (default)
        assertEquals(Arrays.asList(NARROW, Arrays.asList("one", "7")), Jobs.parse(out.resolve("k_sensor_2023.csv")));
        assertEquals("keep me", Jobs.text(out.resolve("notes.txt")));
        assertEquals("other table", Jobs.text(out.resolve("k_other_2023.csv")));

        JSONObject append = Jobs.paired(sc, out, 1);
        Jobs.writer(append).put("writeMode", "append");
        assertTrue(Jobs.run(append).succeeded());
        assertEquals(Arrays.asList(NARROW, Arrays.asList("one", "7"), Arrays.asList("one", "7")), Jobs.parse(out.resolve("k_sensor_2023.csv")));
        assertEquals("x,y\none,7\none,7\n", Jobs.text(out.resolve("k_sensor_2023.csv")));
    }

    @Test
    void unroutableRecordsAreDirtyAndOthersAreWritten() throws Exception {
        List<Row> rows = Arrays.asList(narrow("k", ms("2023-01-01T00:00:00Z"), "ok"),
                narrow("k", Long.MIN_VALUE, "no time"),
                narrow("k", ms("2023-01-02T00:00:00Z"), "ok2"),
                narrow("z", ms("2023-01-02T00:00:00Z"), "z"));
        Path out = dir.resolve("dirty");
        RunResult r = Jobs.run(Jobs.paired(scenario(Collections.singletonList(rows)), out, 1));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(1, r.errorRecords());
        assertEquals(3, Jobs.parse(out.resolve("k_sensor_2023.csv")).size());
        assertEquals(2, Jobs.parse(out.resolve("z_sensor_2023.csv")).size());
    }

    @Test
    void crashMidFileLeavesNoPartialFileAndResumeCompletesExactlyOnce() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(narrow("a", ms("2023-01-01T00:00:00Z") + i, "a" + i));
        }
        for (int i = 0; i < 4; i++) {
            rows.add(narrow("b", ms("2023-01-01T00:00:00Z") + i, "b" + i));
        }
        String sc = scenario(Collections.singletonList(rows));
        Path clean = dir.resolve("clean");
        assertTrue(Jobs.run(Jobs.paired(sc, clean, 1)).succeeded());

        Path out = dir.resolve("crash");
        JSONObject crashing = Jobs.paired(sc, out, 1);
        Jobs.reader(crashing).put("resume", true);
        Jobs.reader(crashing).put("failAfterRecords", 5);
        RunResult failed = Jobs.run(crashing);
        assertFalse(failed.succeeded());
        // b was mid-file: no final file; a is there only if the writer saw b start (then complete)
        Map<String, Path> afterCrash = Jobs.outputFiles(out);
        assertFalse(afterCrash.containsKey("b_sensor_2023.csv"));
        for (Map.Entry<String, Path> e : afterCrash.entrySet()) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(e.getKey())), Files.readAllBytes(e.getValue()), e.getKey());
        }

        if (afterCrash.isEmpty()) {
            // nothing committed: the failed run left nothing behind, not even its state dir
            assertFalse(Files.exists(out), "a run failing before its first commit writes nothing");
        } else {
            assertChangedJobRefused(sc, out);
        }

        JSONObject resume = Jobs.paired(sc, out, 1);
        Jobs.reader(resume).put("resume", true);
        RunResult resumed = Jobs.run(resume);
        assertTrue(resumed.succeeded(), String.valueOf(resumed.failure()));
        assertEquals(afterCrash.isEmpty() ? 7 : 4, resumed.writeRecords(), "a committed unit is skipped");
        Map<String, Path> got = Jobs.outputFiles(out);
        Map<String, Path> want = Jobs.outputFiles(clean);
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            assertArrayEquals(Files.readAllBytes(want.get(name)), Files.readAllBytes(got.get(name)), name);
        }
        Path state = StateDir.of(out, "sensor", ShardSpec.ALL);
        JSONObject totals = JSON.parseObject(Jobs.text(state.resolve("manifest.json"))).getJSONObject("totals");
        assertEquals(afterCrash.size(), totals.getIntValue("unitsSkippedAsCommittedEarlier"));
        assertEquals(2 - afterCrash.size(), totals.getIntValue("unitsExportedThisRun"));
        assertFalse(Files.exists(state.resolve("tmp")));
    }

    private static void assertChangedJobRefused(String sc, Path out) {
        // a changed job is refused, naming what changed
        JSONObject changed = Jobs.paired(sc, out, 1);
        Jobs.reader(changed).put("resume", true);
        Jobs.writer(changed).put("nullFormat", "\\N");
        RunResult refused = Jobs.run(changed);
        assertEquals("CsvYearWriter-05", refused.errorCode());
        assertTrue(refused.failure().getMessage().contains("writer.nullFormat"), refused.failure().getMessage());
        assertTrue(refused.failure().getMessage().contains("\"resume\": false"), refused.failure().getMessage());

    }

    @Test
    void aUnitArrivingTwiceIsAContractViolation() {
        List<Row> rows = Arrays.asList(narrow("a", ms("2023-01-01T00:00:00Z"), "1"), narrow("b", ms("2023-01-01T00:00:00Z"), "2"),
                narrow("a", ms("2023-01-02T00:00:00Z"), "3"));
        RunResult r = Jobs.run(Jobs.paired(scenario(Collections.singletonList(rows)), dir.resolve("twice"), 1));
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode());
    }

    /** An incremental job (resume + append) over the stand-in reader: schema.sortKey and the window bounds. */
    private static JSONObject incremental(String sc, Path out, int channels, String from, String to) {
        JSONObject job = Jobs.paired(sc, out, channels);
        Jobs.reader(job).put("resume", true);
        Jobs.reader(job).put("schema", JSON.parseObject("{\"partitionKey\":\"id\",\"sortKey\":\"ct\"}"));
        Jobs.reader(job).put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"" + from + "\",\"lt\":\"" + to + "\"}}"));
        Jobs.writer(job).put("writeMode", "append");
        return job;
    }

    private static void assertSameFiles(Map<String, byte[]> want, Map<String, byte[]> got) {
        assertEquals(want.keySet(), got.keySet());
        for (Map.Entry<String, byte[]> e : want.entrySet()) {
            assertArrayEquals(e.getValue(), got.get(e.getKey()), e.getKey() + " unchanged, no duplicate rows");
        }
    }

    /**
     * Defence in depth in incremental mode: a reader that sends rows of a window already done, or of
     * a unit already committed in the interrupted window being completed, is refused before
     * anything of it is written (with writeMode append it would duplicate rows).
     */
    @Test
    void aUnitCommittedBeforeAResumedRunIsRefusedNotAppendedAgain() throws Exception {
        List<Row> t0 = Arrays.asList(narrow("a", ms("2023-01-01T00:00:00Z"), "a1"), narrow("a", ms("2023-02-01T00:00:00Z"), "a2"),
                narrow("a", ms("2024-01-05T00:00:00Z"), "a3"));
        List<Row> t1 = Arrays.asList(narrow("b", ms("2023-01-01T00:00:00Z"), "b1"), narrow("c", ms("2023-01-01T00:00:00Z"), "c1"),
                narrow("b", ms("2024-01-05T00:00:00Z"), "b2"), narrow("c", ms("2024-01-05T00:00:00Z"), "c2"));
        String sc = scenario(Arrays.asList(t0, t1));
        Path out = dir.resolve("defence");
        RunResult ok = Jobs.run(incremental(sc, out, 2, "2023-01-01", "2024-01-01"));
        assertTrue(ok.succeeded(), String.valueOf(ok.failure()));
        Map<String, byte[]> before = Jobs.contents(out);
        assertEquals(3, before.size(), before.keySet().toString());

        // the same (done) window with a reader that (wrongly) sends every row again
        JSONObject again = incremental(sc, out, 2, "2023-01-01", "2024-01-01");
        Jobs.reader(again).put("ignoreCheckpoint", true);
        Jobs.reader(again).put("ignoreWindow", true);
        RunResult refused = Jobs.run(again);
        assertEquals("CsvYearWriter-07", refused.errorCode(), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("already committed"), refused.errorMessage());
        assertSameFiles(before, Jobs.contents(out));

        // the next window, interrupted once task 0 committed a's 2024 file
        JSONObject crashing = incremental(sc, out, 2, "2024-01-01", "2025-01-01");
        Jobs.reader(crashing).put("failAfterCommitOf", "2024/a");
        Jobs.reader(crashing).put("failTask", 1);
        assertFalse(Jobs.run(crashing).succeeded());
        Map<String, byte[]> interrupted = Jobs.contents(out);
        assertEquals(4, interrupted.size(), interrupted.keySet().toString());
        assertEquals("x,y\na3,7\n", Jobs.text(out.resolve("a_sensor_2024.csv")));

        // completing it with a reader that sends a's rows again: refused, nothing appended (only a's
        // task, so no legitimate unit is completed before the refusal; the scenario is no part of the job)
        String onlyA = scenario(Collections.singletonList(t0));
        JSONObject broken = incremental(onlyA, out, 1, "2024-01-01", "2025-01-01");
        Jobs.reader(broken).put("ignoreCheckpoint", true);
        RunResult refused2 = Jobs.run(broken);
        assertEquals("CsvYearWriter-07", refused2.errorCode(), refused2.errorMessage());
        assertTrue(refused2.errorMessage().contains("committed before this run"), refused2.errorMessage());
        assertTrue(refused2.errorMessage().contains("unit 2024/a "), refused2.errorMessage());
        assertSameFiles(interrupted, Jobs.contents(out));
        JSONObject outside = incremental(onlyA, out, 1, "2024-01-01", "2025-01-01");
        Jobs.reader(outside).put("ignoreWindow", true);
        RunResult refused3 = Jobs.run(outside);
        assertEquals("CsvYearWriter-07", refused3.errorCode(), refused3.errorMessage());
        assertTrue(refused3.errorMessage().contains("outside this run's window"), refused3.errorMessage());
        assertSameFiles(interrupted, Jobs.contents(out));

        // a correct reader completes the window exactly once
        RunResult completed = Jobs.run(incremental(sc, out, 1, "2024-01-01", "2025-01-01"));
        assertTrue(completed.succeeded(), String.valueOf(completed.failure()));
        assertEquals(2, completed.writeRecords(), "a's unit is skipped, b and c are written");
        assertEquals("x,y\na3,7\n", Jobs.text(out.resolve("a_sensor_2024.csv")));
        assertEquals("x,y\nb2,7\n", Jobs.text(out.resolve("b_sensor_2024.csv")));
        assertEquals("x,y\nc2,7\n", Jobs.text(out.resolve("c_sensor_2024.csv")));
        for (String y2023 : before.keySet()) {
            assertArrayEquals(before.get(y2023), Files.readAllBytes(out.resolve(y2023)), y2023);
        }
    }

    /** Gap append (paired): a unit whose file has another header is refused before its file is touched. */
    @Test
    void appendRefusesAFileWhoseHeaderDiffers() throws Exception {
        for (String compress : new String[] {"none", "gzip"}) {
            Path out = dir.resolve("append-" + compress);
            String name = compress.equals("gzip") ? "k_sensor_2023.csv.gz" : "k_sensor_2023.csv";
            JSONObject first = Jobs.paired(scenario(Collections.singletonList(Collections.singletonList(
                    narrow("k", ms("2023-01-01T00:00:00Z"), "one")))), out, 1);
            Jobs.writer(first).put("writeMode", "append");
            Jobs.writer(first).put("compress", compress);
            assertTrue(Jobs.run(first).succeeded());
            byte[] before = Files.readAllBytes(out.resolve(name));

            // the task's columns changed: header x,z instead of x,y
            Row changed = new Row("k", ms("2023-02-01T00:00:00Z"), Arrays.asList("x", "z"), new int[0], new StringColumn("two"), new LongColumn(8L));
            JSONObject second = Jobs.paired(scenario(Collections.singletonList(Collections.singletonList(changed))), out, 1);
            Jobs.writer(second).put("writeMode", "append");
            Jobs.writer(second).put("compress", compress);
            RunResult refused = Jobs.run(second);
            assertFalse(refused.succeeded(), compress);
            assertEquals("CsvYearWriter-09", refused.errorCode(), refused.errorMessage());
            String m = refused.errorMessage();
            assertTrue(m.contains(name) && m.contains("\"x,y\"") && m.contains("\"x,z\"") && m.contains("not changed"), m);
            assertArrayEquals(before, Files.readAllBytes(out.resolve(name)), "the file is untouched");
            assertEquals(Collections.singleton(name), Jobs.outputFiles(out).keySet());
        }
        // a file holding only the identical header (no line break) takes the rows
        Path bare = dir.resolve("bare");
        Files.createDirectories(bare);
        Files.write(bare.resolve("k_sensor_2023.csv"), "x,y".getBytes(StandardCharsets.UTF_8));
        JSONObject append = Jobs.paired(scenario(Collections.singletonList(Collections.singletonList(
                narrow("k", ms("2023-01-01T00:00:00Z"), "one")))), bare, 1);
        Jobs.writer(append).put("writeMode", "append");
        assertTrue(Jobs.run(append).succeeded());
        assertEquals("x,y\none,7\n", Jobs.text(bare.resolve("k_sensor_2023.csv")));
        // without a header nothing is compared
        Files.write(bare.resolve("k_sensor_2023.csv"), "something else\n".getBytes(StandardCharsets.UTF_8));
        Jobs.writer(append).put("header", false);
        assertTrue(Jobs.run(append).succeeded());
        assertEquals("something else\none,7\n", Jobs.text(bare.resolve("k_sensor_2023.csv")));
    }

    /** Gap resume: a committed file deleted or changed since is found before anything is written. */
    @Test
    void resumeRefusesWhenACommittedFileIsMissingOrChanged() throws Exception {
        List<Row> rows = Arrays.asList(narrow("a", ms("2023-01-01T00:00:00Z"), "a1"), narrow("b", ms("2023-01-01T00:00:00Z"), "b1"));
        String sc = scenario(Collections.singletonList(rows));
        Path out = dir.resolve("verify");
        JSONObject job = Jobs.paired(sc, out, 1);
        Jobs.reader(job).put("resume", true);
        assertTrue(Jobs.run(job).succeeded());
        Path a = out.resolve("a_sensor_2023.csv");
        Path b = out.resolve("b_sensor_2023.csv");
        byte[] aBytes = Files.readAllBytes(a);
        Path checkpoint = CheckpointLog.fileIn(StateDir.of(out, "sensor", ShardSpec.ALL));
        byte[] log = Files.readAllBytes(checkpoint);

        Files.delete(a);
        Files.write(b, "x,y\nb1,77\n".getBytes(StandardCharsets.UTF_8)); // one byte longer
        RunResult refused = Jobs.run(job);
        assertEquals("CsvYearWriter-05", refused.errorCode(), refused.errorMessage());
        String m = refused.errorMessage();
        assertTrue(m.contains("a_sensor_2023.csv (missing)"), m);
        assertTrue(m.contains("b_sensor_2023.csv (10 bytes, committed with 9)"), m);
        assertTrue(m.contains("restore") && m.contains("\"resume\": false"), m);
        assertFalse(Files.exists(a), "nothing written");
        assertEquals("x,y\nb1,77\n", Jobs.text(b));
        assertArrayEquals(log, Files.readAllBytes(checkpoint), "checkpoint unchanged");

        // restored: resumes (nothing left to do)
        Files.write(a, aBytes);
        Files.write(b, "x,y\nb1,7\n".getBytes(StandardCharsets.UTF_8));
        RunResult ok = Jobs.run(job);
        assertTrue(ok.succeeded(), String.valueOf(ok.failure()));
        assertEquals(0, ok.writeRecords());

        // same size, other content: only verifyCommitted sha256 sees it
        Files.write(b, "x,y\nb1,8\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(Jobs.run(job).succeeded(), "size check only (the default)");
        JSONObject strict = Jobs.paired(sc, out, 1);
        Jobs.reader(strict).put("resume", true);
        Jobs.writer(strict).put("verifyCommitted", "sha256");
        RunResult bySha = Jobs.run(strict);
        assertEquals("CsvYearWriter-05", bySha.errorCode(), bySha.errorMessage());
        assertTrue(bySha.errorMessage().contains("b_sensor_2023.csv (same size, but its sha256 differs"), bySha.errorMessage());
        assertTrue(bySha.errorMessage().contains("verifyCommitted = sha256"), bySha.errorMessage());

        // starting over is the documented way out
        JSONObject over = Jobs.paired(sc, out, 1);
        Jobs.reader(over).put("resume", false);
        assertTrue(Jobs.run(over).succeeded());
        assertEquals("x,y\nb1,7\n", Jobs.text(b));
    }

    @Test
    void badPathIsRejectedClearly() throws Exception {
        Path file = dir.resolve("afile");
        Files.write(file, new byte[] {1});
        RunResult r = Jobs.run(Jobs.paired(scenario(Collections.singletonList(Collections.<Row>emptyList())), file, 1));
        assertEquals("CsvYearWriter-02", r.errorCode());
        assertTrue(r.failure().getMessage().contains("not a directory"), r.failure().getMessage());
        JSONObject badPattern = Jobs.paired(scenario(Collections.singletonList(Collections.<Row>emptyList())), dir.resolve("p"), 1);
        Jobs.writer(badPattern).put("fileName", "../{partition_key}_{year}.csv");
        RunResult r2 = Jobs.run(badPattern);
        assertEquals("CsvYearWriter-01", r2.errorCode());
        assertTrue(r2.failure().getMessage().contains("parameter.fileName"), r2.failure().getMessage());
    }

    static Column[] none() {
        return new Column[0];
    }
}
