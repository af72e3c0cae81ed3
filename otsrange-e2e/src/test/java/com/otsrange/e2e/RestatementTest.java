package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21 end to end through the local runner and the emulator: otsrangereader's {@code changes}
 * with csvyearwriter's restatement. After each run every file holds exactly the table's rows of its
 * committed windows (expected files computed here from the rows the test wrote), and its text equals
 * a fresh export of those windows.
 */
class RestatementTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final IncrementalData.Shape YEARS = new IncrementalData.Shape(UTC, false, false, null, 2);
    static final IncrementalData.Shape MONTHS_GZIP = new IncrementalData.Shape(UTC, true, true, null, 2);
    static final IncrementalData.Shape DAYS = new IncrementalData.Shape(UTC, false, true, false, null, 3);
    /** Output columns without a primary-key column: an update of another column changes no exported byte. */
    static final List<String> ATTRIBUTES_ONLY = Arrays.asList("v", "s", "d");
    static E2e e2e;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e("getRange");
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    /** A loaded table with its Stream enabled after the load (the load is no change to restate). */
    static IncrementalData table(String name, boolean stream) {
        IncrementalData data = IncrementalData.generate(name, 21, 3);
        data.load(e2e);
        if (stream) {
            UpdateTableRequest enable = new UpdateTableRequest(name);
            enable.setStreamSpecification(new StreamSpecification(true, 24));
            e2e.client.updateTable(enable);
        }
        return data;
    }

    static JSONObject job(IncrementalData data, Path out, IncrementalData.Shape shape, int from, int to, Object changes) {
        JSONObject job = data.job(e2e, out, shape, from, to);
        E2e.readerOf(job).put("changes", changes);
        return job;
    }

    static RunResult run(IncrementalData data, Path out, IncrementalData.Shape shape, int from, int to, Object changes) {
        RunResult r = E2e.run(job(data, out, shape, from, to, changes));
        assertTrue(r.succeeded(), r.errorMessage());
        return r;
    }

    /** Stream runs of the consecutive windows [bounds[0], bounds[1]), [bounds[1], bounds[2]), ... */
    static void runWindows(IncrementalData data, Path out, IncrementalData.Shape shape, int... bounds) {
        for (int i = 0; i + 1 < bounds.length; i++) {
            run(data, out, shape, bounds[i], bounds[i + 1], "stream");
        }
    }

    // ---- the table and the model the expected files come from ----

    static PrimaryKey pk(String key, long t) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(key))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(t)).build();
    }

    /** Writes a row (a late one, or one replacing a row) to the table and the model. */
    static void put(IncrementalData data, String key, long t, long v, String s) {
        RowPutChange row = new RowPutChange(data.table, pk(key, t));
        row.addColumn("v", ColumnValue.fromLong(v));
        row.addColumn("s", ColumnValue.fromString(s));
        e2e.client.putRow(new PutRowRequest(row));
        data.rows.removeIf(r -> key.equals(r.pk.get(0)) && (Long) r.pk.get(1) == t);
        data.rows.add(new E2e.SrcRow(Arrays.<Object>asList(key, t), E2e.attrs("v", v, "s", s, "d", null)));
    }

    /** Sets one column of an existing row; the model changes only when the column is exported. */
    static void update(IncrementalData data, E2e.SrcRow row, String column, long value) {
        RowUpdateChange u = new RowUpdateChange(data.table, pk((String) row.pk.get(0), (Long) row.pk.get(1)));
        u.put(column, ColumnValue.fromLong(value));
        e2e.client.updateRow(new UpdateRowRequest(u));
        if (row.attrs.containsKey(column)) {
            row.attrs.put(column, value);
        }
    }

    static void delete(IncrementalData data, E2e.SrcRow row) {
        e2e.client.deleteRow(new DeleteRowRequest(new RowDeleteChange(data.table, pk((String) row.pk.get(0), (Long) row.pk.get(1)))));
        data.rows.remove(row);
    }

    /** The model's rows of a key in [from, to) of the day grid, by time. */
    static List<E2e.SrcRow> rowsOf(IncrementalData data, String key, int fromDay, int toDay) {
        List<E2e.SrcRow> out = new ArrayList<>();
        for (E2e.SrcRow r : data.rows) {
            long t = (Long) r.pk.get(1);
            if (key.equals(r.pk.get(0)) && t >= IncrementalData.dayStart(fromDay, UTC) && t < IncrementalData.dayStart(toDay, UTC)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> Long.compare((Long) a.pk.get(1), (Long) b.pk.get(1)));
        return out;
    }

    /** Every file holds exactly the model's rows of the days [from, to) (computed from the rows), and nothing else exists. */
    static void assertFiles(IncrementalData data, Path out, IncrementalData.Shape shape, int from, int to) throws Exception {
        Map<String, List<E2e.SrcRow>> expected = data.expected(shape,
                t -> t >= IncrementalData.dayStart(from, UTC) && t < IncrementalData.dayStart(to, UTC));
        Map<String, byte[]> got = E2e.snapshot(out);
        assertEquals(expected.keySet(), got.keySet());
        for (Map.Entry<String, List<E2e.SrcRow>> e : expected.entrySet()) {
            IncrementalData.assertRows(e.getKey(), e.getValue(), E2e.parse(IncrementalData.text(got.get(e.getKey()), shape.gzip)));
        }
    }

    /** The promise: each file's text equals a fresh export, now, of the same windows (one run into an empty folder). */
    static void assertFreshExportEquals(IncrementalData data, Path out, IncrementalData.Shape shape, int from, int to, Path fresh)
            throws Exception {
        run(data, fresh, shape, from, to, "ignore");
        Map<String, byte[]> a = E2e.snapshot(fresh);
        Map<String, byte[]> b = E2e.snapshot(out);
        assertEquals(a.keySet(), b.keySet());
        for (String f : a.keySet()) {
            assertArrayEquals(IncrementalData.text(a.get(f), shape.gzip), IncrementalData.text(b.get(f), shape.gzip), f);
        }
    }

    static JSONObject manifest(Path out, String table) throws Exception {
        return JSON.parseObject(new String(Files.readAllBytes(out.resolve(".otsrange/" + table + ".all/manifest.json")),
                StandardCharsets.UTF_8));
    }

    /** manifest.json's restated entries by file. */
    static Map<String, JSONObject> restated(Path out, String table) throws Exception {
        Map<String, JSONObject> m = new HashMap<>();
        JSONArray a = manifest(out, table).getJSONArray("restated");
        for (int i = 0; i < a.size(); i++) {
            m.put(a.getJSONObject(i).getString("file"), a.getJSONObject(i));
        }
        return m;
    }

    static void assertCounts(JSONObject entry, long added, long removed, long changed) {
        assertEquals(added, entry.getLongValue("rowsAdded"), entry.toJSONString());
        assertEquals(removed, entry.getLongValue("rowsRemoved"), entry.toJSONString());
        assertEquals(changed, entry.getLongValue("rowsChanged"), entry.toJSONString());
    }

    static long at(int day, int hour) {
        return IncrementalData.dayStart(day, UTC) + hour * 3_600_000L + 7;
    }

    // ---- the cases ----

    @Test
    void lateRowsUpdatesAndDeletesReachTheFilesAndTheManifestCountsThem() throws Exception {
        IncrementalData data = table("rsall", true);
        Path out = dir.resolve("out");
        runWindows(data, out, YEARS, 2, 3, 5);
        Path state = out.resolve(".otsrange/rsall.all");
        assertTrue(CheckpointSnapshot.load(state).ledger().streamPosition() != null, "each stream run records where it stopped");
        Map<String, byte[]> before = E2e.snapshot(out);

        put(data, "dev-1", at(2, 3), 42, "late");                      // a late row into the oldest window
        update(data, rowsOf(data, "k.2", 3, 4).get(1), "v", 4242);      // an exported column
        delete(data, rowsOf(data, "a/b", 3, 5).get(2));                 // a delete

        RunResult r = E2e.run(job(data, out, YEARS, 5, 6, "stream"));
        assertTrue(r.succeeded(), r.errorMessage());
        assertFiles(data, out, YEARS, 2, 6);
        Map<String, JSONObject> restated = restated(out, "rsall");
        assertEquals(new java.util.TreeSet<>(Arrays.asList("dev-1_rsall_2023.csv", "k.2_rsall_2023.csv", "a%2Fb_rsall_2023.csv")),
                new java.util.TreeSet<>(restated.keySet()));
        assertCounts(restated.get("dev-1_rsall_2023.csv"), 1, 0, 0);
        assertCounts(restated.get("k.2_rsall_2023.csv"), 0, 0, 1);
        assertCounts(restated.get("a%2Fb_rsall_2023.csv"), 0, 1, 0);
        JSONObject changes = manifest(out, "rsall").getJSONObject("changes");
        assertEquals(3, changes.getIntValue("relevantRecords"), changes.toJSONString());
        assertEquals(3, changes.getIntValue("filesRestated"), changes.toJSONString());
        // a file nothing changed in keeps its bytes: the window only appended
        byte[] k3 = E2e.snapshot(out).get("k3_rsall_2023.csv");
        assertArrayEquals(before.get("k3_rsall_2023.csv"), Arrays.copyOf(k3, before.get("k3_rsall_2023.csv").length));
        assertFreshExportEquals(data, out, YEARS, 2, 6, dir.resolve("fresh"));
        assertLedgerOrder(state);
    }

    /** The streamPosition line follows every restating commit of its run and precedes the run's windowDone. */
    static void assertLedgerOrder(Path state) throws Exception {
        List<String> lines = Files.readAllLines(CheckpointLog.fileIn(state));
        int position = -1;
        int lastRestate = -1;
        int done = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            position = l.contains("\"streamPosition\"") ? i : position;
            lastRestate = l.contains("\"restate\"") ? i : lastRestate;
            done = l.contains("\"windowDone\"") ? i : done;
        }
        assertTrue(lastRestate >= 0 && lastRestate < position && position < done, lines.toString());
    }

    @Test
    void anUpdateOfAColumnNoJobExportsRestatesNothing() throws Exception {
        IncrementalData data = table("rsnone", true);
        Path out = dir.resolve("out");
        for (int[] w : new int[][] {{2, 3}, {3, 5}}) {
            RunResult r = E2e.run(withColumns(job(data, out, YEARS, w[0], w[1], "stream"), data));
            assertTrue(r.succeeded(), r.errorMessage());
        }
        Map<String, byte[]> before = E2e.snapshot(out);
        update(data, rowsOf(data, "k3", 3, 4).get(0), "x", 9);
        // the window [3, 5) again: nothing to do for it, and nothing to restate
        RunResult r = E2e.run(withColumns(job(data, out, YEARS, 3, 5, "stream"), data));
        assertTrue(r.succeeded(), r.errorMessage());
        assertTrue(E2e.sameSnapshot(before, E2e.snapshot(out)), E2e.diff(before, E2e.snapshot(out)));
        assertEquals(0, manifest(out, "rsnone").getJSONArray("restated").size());
        assertEquals(0, manifest(out, "rsnone").getJSONObject("changes").getIntValue("relevantRecords"));
    }

    /** The job's output columns without the sort key (so only attribute updates can change bytes). */
    static JSONObject withColumns(JSONObject job, IncrementalData data) {
        JSONObject defs = E2e.readerOf(job).getJSONObject("tasks").getJSONObject("definitions");
        for (String k : data.taskKeys()) {
            defs.put(k, new JSONArray(new ArrayList<Object>(ATTRIBUTES_ONLY)));
        }
        return job;
    }

    @Test
    void aRunThatOnlyRestatesWritesNoWindow() throws Exception {
        IncrementalData data = table("rsonly", true);
        Path out = dir.resolve("out");
        run(data, out, YEARS, 2, 5, "stream");
        put(data, "k3", at(4, 5), 7, "only");
        RunResult r = run(data, out, YEARS, 2, 5, "stream");
        assertTrue(r.succeeded());
        assertFiles(data, out, YEARS, 2, 5);
        assertCounts(restated(out, "rsonly").get("k3_rsonly_2023.csv"), 1, 0, 0);
        List<String> lines = Files.readAllLines(CheckpointLog.fileIn(out.resolve(".otsrange/rsonly.all")));
        assertEquals(1, lines.stream().filter(l -> l.contains("\"windowDone\"")).count(), "no new window");
        assertTrue(lines.get(lines.size() - 1).contains("\"streamPosition\""), lines.get(lines.size() - 1));
        assertFreshExportEquals(data, out, YEARS, 2, 5, dir.resolve("fresh"));
    }

    @Test
    void aFileTheLedgerNeverWroteIsNotOverwrittenByARestatement() throws Exception {
        IncrementalData data = table("rsforeign", true);
        Path out = dir.resolve("out");
        run(data, out, YEARS, 2, 5, "stream");
        // the task key without rows gets its first row, late, into a committed window; someone else's file has its name
        Path foreign = out.resolve("ghost_rsforeign_2023.csv");
        Files.write(foreign, "ct,v,s,d\nnot ours\n".getBytes(StandardCharsets.UTF_8));
        put(data, "ghost", at(3, 3), 1, "late");
        RunResult r = E2e.run(job(data, out, YEARS, 2, 5, "stream"));
        assertEquals("CsvYearWriter-10", r.errorCode(), r.errorMessage());
        assertArrayEquals("ct,v,s,d\nnot ours\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(foreign));
        Files.delete(foreign);
        run(data, out, YEARS, 2, 5, "stream");
        assertFiles(data, out, YEARS, 2, 5);
    }

    @Test
    void deletesTruncateOrRemoveFiles() throws Exception {
        IncrementalData data = table("rsdel", true);
        Path out = dir.resolve("out");
        runWindows(data, out, DAYS, 2, 3, 5);
        // every row of k3 on day 3: its day file goes; every row of dev-1 on day 4: its day file goes too
        for (E2e.SrcRow row : rowsOf(data, "k3", 3, 4)) {
            delete(data, row);
        }
        for (E2e.SrcRow row : rowsOf(data, "dev-1", 4, 5)) {
            delete(data, row);
        }
        run(data, out, DAYS, 5, 6, "stream");
        assertFiles(data, out, DAYS, 2, 6);
        Map<String, JSONObject> restated = restated(out, "rsdel");
        assertEquals("deleted", restated.get("k3/2023-12-29.csv").getString("outcome"));
        // a late row into the removed file's day brings it back
        put(data, "k3", at(3, 9), 1, "back");
        run(data, out, DAYS, 6, 7, "stream");
        assertFiles(data, out, DAYS, 2, 7);
        assertFreshExportEquals(data, out, DAYS, 2, 7, dir.resolve("fresh"));
    }

    @Test
    void theLastRowsOfTheNewestWindowsGoByTruncation() throws Exception {
        IncrementalData data = table("rstrunc", true);
        Path out = dir.resolve("out");
        runWindows(data, out, YEARS, 2, 3, 4, 5);
        Path fresh = dir.resolve("first");
        run(data, fresh, YEARS, 2, 3, "ignore");
        byte[] afterFirst = E2e.snapshot(fresh).get("dev-1_rstrunc_2023.csv");
        for (E2e.SrcRow row : rowsOf(data, "dev-1", 3, 5)) {
            delete(data, row);
        }
        // a run that only restates: dev-1's file is cut back to what window [2, 3) made of it
        run(data, out, YEARS, 3, 5, "stream");
        assertFiles(data, out, YEARS, 2, 5);
        assertArrayEquals(afterFirst, E2e.snapshot(out).get("dev-1_rstrunc_2023.csv"));
        JSONObject e = restated(out, "rstrunc").get("dev-1_rstrunc_2023.csv");
        assertEquals("truncated", e.getString("outcome"));
        assertEquals(2, e.getJSONArray("windows").size(), e.toJSONString());
    }

    @Test
    void gzipMonthFilesStayOneFileOfMembers() throws Exception {
        IncrementalData data = table("rsgz", true);
        Path out = dir.resolve("out");
        runWindows(data, out, MONTHS_GZIP, 2, 4, 6, 8);
        put(data, "a/b", at(5, 1), 5, "late into 2023-12");
        update(data, rowsOf(data, "dev-1", 6, 7).get(0), "v", -1);   // 2024-01
        delete(data, rowsOf(data, "k.2", 2, 3).get(0));
        run(data, out, MONTHS_GZIP, 8, 9, "stream");
        assertFiles(data, out, MONTHS_GZIP, 2, 9);
        assertFreshExportEquals(data, out, MONTHS_GZIP, 2, 9, dir.resolve("fresh"));
        // a second restatement of a restated file keeps its members' offsets right
        put(data, "a/b", at(7, 2), 6, "late into 2024-01");
        put(data, "a/b", at(3, 2), 6, "late into 2023-12 again");
        run(data, out, MONTHS_GZIP, 9, 10, "stream");
        assertFiles(data, out, MONTHS_GZIP, 2, 10);
        assertFreshExportEquals(data, out, MONTHS_GZIP, 2, 10, dir.resolve("fresh2"));
        assertCounts(restated(out, "rsgz").get("a%2Fb/2023/12.csv.gz"), 1, 0, 0);
    }


    @Test
    void aStreamChangeThatLeavesTheTextAsItWasRewritesNoFile() throws Exception {
        IncrementalData data = table("rssame", true);
        Path out = dir.resolve("out");
        runWindows(data, out, YEARS, 2, 3, 5);
        Map<String, byte[]> before = E2e.snapshot(out);
        Path k2 = out.resolve("k.2_rssame_2023.csv");
        Object k2File = Files.readAttributes(k2, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        // a relevant record each (an exported column written) that changes no exported value, in two files
        for (String key : Arrays.asList("k.2", "dev-1")) {
            E2e.SrcRow row = rowsOf(data, key, 2, 5).stream().filter(x -> x.attrs.get("v") != null).findFirst().get();
            update(data, row, "v", ((Number) row.attrs.get("v")).longValue());
        }

        RunResult r = E2e.run(job(data, out, YEARS, 3, 5, "stream"));
        assertTrue(r.succeeded(), r.errorMessage());
        assertEquals(2, manifest(out, "rssame").getJSONObject("changes").getIntValue("relevantRecords"),
                manifest(out, "rssame").toJSONString());
        assertEquals(0, restated(out, "rssame").size(), "the same text: nothing restated");
        assertTrue(E2e.sameSnapshot(before, E2e.snapshot(out)), E2e.diff(before, E2e.snapshot(out)));
        assertEquals(k2File, Files.readAttributes(k2, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "the same file, not a new one renamed over it");
        for (String line : Files.readAllLines(CheckpointLog.fileIn(out.resolve(".otsrange/rssame.all")))) {
            assertFalse(line.contains("\"restate\""), "no restating commit: " + line);
        }
        assertFreshExportEquals(data, out, YEARS, 2, 5, dir.resolve("fresh"));
    }


    /**
     * The manifest's counts decode the file's stretches in its charset: with a byte order mark at the
     * start of the file only, a stretch from the middle (k.2, a/b) and one from the start (dev-1) count
     * the same as in UTF-8, and the files equal a fresh export byte for byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x-UTF-16LE-BOM", "UTF-16"})
    void countsAreRightInACharsetWithAByteOrderMark(String encoding) throws Exception {
        String name = "rsbom" + (encoding.startsWith("x") ? 1 : 2);
        IncrementalData data = table(name, true);
        Path out = dir.resolve("out");
        for (int[] w : new int[][] {{2, 3}, {3, 5}}) {
            RunResult r = E2e.run(encoded(job(data, out, YEARS, w[0], w[1], "stream"), encoding));
            assertTrue(r.succeeded(), r.errorMessage());
        }
        put(data, "dev-1", at(2, 3), 42, "late, é");                    // into the first window: restated from the file's start
        update(data, rowsOf(data, "k.2", 3, 4).get(1), "v", 4242);      // from the middle of the file
        delete(data, rowsOf(data, "a/b", 3, 5).get(2));
        RunResult r = E2e.run(encoded(job(data, out, YEARS, 5, 6, "stream"), encoding));
        assertTrue(r.succeeded(), r.errorMessage());
        Map<String, JSONObject> restated = restated(out, name);
        assertCounts(restated.get("dev-1_" + name + "_2023.csv"), 1, 0, 0);
        assertCounts(restated.get("k.2_" + name + "_2023.csv"), 0, 0, 1);
        assertCounts(restated.get("a%2Fb_" + name + "_2023.csv"), 0, 1, 0);
        Path fresh = dir.resolve("fresh");
        assertTrue(E2e.run(encoded(job(data, fresh, YEARS, 2, 6, "ignore"), encoding)).succeeded());
        Map<String, byte[]> a = E2e.snapshot(fresh);
        Map<String, byte[]> b = E2e.snapshot(out);
        assertEquals(a.keySet(), b.keySet());
        for (String f : a.keySet()) {
            assertArrayEquals(a.get(f), b.get(f), f);
        }
    }

    static JSONObject encoded(JSONObject job, String encoding) {
        E2e.writerOf(job).put("encoding", encoding);
        return job;
    }

    @Test
    void aLookbackRestatesOnlyWhatDiffers() throws Exception {
        IncrementalData data = table("rslook", false);
        Path out = dir.resolve("out");
        JSONObject lookback = JSON.parseObject("{\"lookback\":\"P2D\"}");
        run(data, out, YEARS, 2, 4, "ignore");
        run(data, out, YEARS, 4, 5, "ignore");
        Map<String, byte[]> before = E2e.snapshot(out);
        E2e.Captured same = E2e.runCaptured(job(data, out, YEARS, 5, 6, lookback));
        assertTrue(same.result.succeeded(), same.result.errorMessage());
        // the task key without rows ("ghost") has no file: nothing to name in the log (RESTATE-FINDINGS 1)
        assertFalse(same.output.contains("changes: null"), same.output);
        assertEquals(0, restated(out, "rslook").size(), "the same rows: nothing restated");
        for (Map.Entry<String, byte[]> f : before.entrySet()) {
            byte[] now = E2e.snapshot(out).get(f.getKey());
            assertArrayEquals(f.getValue(), Arrays.copyOf(now, f.getValue().length), f.getKey() + " only appended to");
        }
        assertFiles(data, out, YEARS, 2, 6);
        put(data, "k.2", at(4, 4), 3, "late, seen by the lookback");
        run(data, out, YEARS, 6, 7, lookback);
        assertFiles(data, out, YEARS, 2, 7);
        assertEquals(Arrays.asList("k.2_rslook_2023.csv"), new ArrayList<>(restated(out, "rslook").keySet()));
        assertCounts(restated(out, "rslook").get("k.2_rslook_2023.csv"), 1, 0, 0);
        assertFreshExportEquals(data, out, YEARS, 2, 7, dir.resolve("fresh"));
    }
}
