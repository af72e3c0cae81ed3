package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incremental mode: gzip appends, shards, month files, the primary-key layouts it accepts, what it requires. */
class IncrementalEdgeCasesTest {
    static E2e e2e;
    static IncrementalData data;
    static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        data = IncrementalData.generate("incedge", 5, 4);
        data.load(e2e);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    /** One ordinary (not incremental) export of the day window [from, to) into out. */
    Map<String, byte[]> oneExport(Path out, IncrementalData.Shape shape, int from, int to) throws Exception {
        JSONObject job = data.job(e2e, out, shape, from, to);
        E2e.readerOf(job).put("resume", false);
        E2e.writerOf(job).put("writeMode", "truncate");
        RunResult r = E2e.run(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        return E2e.snapshot(out);
    }

    void runWindow(Path out, IncrementalData.Shape shape, int from, int to) {
        RunResult r = E2e.run(data.job(e2e, out, shape, from, to));
        assertTrue(r.succeeded(), "[" + from + "," + to + "): " + r.errorMessage());
    }

    /** Each append is a new gzip member: the file stays valid gzip and reads as the one-shot export's text. */
    @Test
    void gzipFilesStayValidAfterAnyNumberOfAppends() throws Exception {
        IncrementalData.Shape gz = new IncrementalData.Shape(SH, false, true, null, 2);
        Path out = dir.resolve("gz");
        for (int[] w : new int[][] {{2, 3}, {3, 4}, {4, 5}, {5, 7}, {7, 10}}) {
            runWindow(out, gz, w[0], w[1]);
        }
        Map<String, byte[]> union = oneExport(dir.resolve("gz-union"), gz, 2, 10);
        Map<String, byte[]> got = E2e.snapshot(out);
        assertEquals(union.keySet(), got.keySet());
        boolean zcat = Files.isExecutable(Paths.get("/bin/zcat")) || Files.isExecutable(Paths.get("/usr/bin/zcat"));
        int members = 0;
        for (String name : union.keySet()) {
            byte[] text = IncrementalData.text(got.get(name), true);
            assertArrayEquals(IncrementalData.text(union.get(name), true), text, name);
            members = Math.max(members, countMembers(got.get(name)));
            if (zcat) {
                assertArrayEquals(text, zcat(out.resolve(name)), "zcat " + name);
            }
        }
        assertTrue(members >= 3, "appends made several gzip members: " + members);
    }

    /**
     * Issue 20 item 1: windows appended in UTF-16 (plain and gzip) give the one-shot export's text
     * encoded once: one byte order mark at the start of each file, none where a window begins.
     */
    @Test
    void utf16WindowsAppendWithoutAByteOrderMarkInside() throws Exception {
        java.nio.charset.Charset utf16 = java.nio.charset.Charset.forName("UTF-16");
        for (boolean gzip : new boolean[] {false, true}) {
            IncrementalData.Shape shape = new IncrementalData.Shape(SH, false, gzip, null, 2);
            Path out = dir.resolve("utf16-" + gzip);
            for (int[] w : new int[][] {{2, 3}, {3, 4}, {4, 7}}) {
                JSONObject job = data.job(e2e, out, shape, w[0], w[1]);
                E2e.writerOf(job).put("encoding", "UTF-16");
                RunResult r = E2e.run(job);
                assertTrue(r.succeeded(), "[" + w[0] + "," + w[1] + "): " + r.errorMessage());
            }
            // the model: the UTF-8 one-shot export's text, encoded at once
            Map<String, byte[]> union = oneExport(dir.resolve("utf16-union-" + gzip), shape, 2, 7);
            Map<String, byte[]> got = E2e.snapshot(out);
            assertEquals(union.keySet(), got.keySet());
            for (String name : union.keySet()) {
                String text = new String(IncrementalData.text(union.get(name), gzip), java.nio.charset.StandardCharsets.UTF_8);
                assertArrayEquals(text.getBytes(utf16), IncrementalData.text(got.get(name), gzip), name + " gzip " + gzip);
            }
        }
    }

    static int countMembers(byte[] gz) {
        int n = 0;
        for (int i = 0; i + 2 < gz.length; i++) {
            // the gzip member header: magic 1f 8b, deflate (8); a deflate stream could hold these bytes
            // too, so this is a lower bound check only where it matters (>= 3 members)
            if ((gz[i] & 0xff) == 0x1f && (gz[i + 1] & 0xff) == 0x8b && gz[i + 2] == 8) {
                n++;
            }
        }
        return n;
    }

    static byte[] zcat(Path file) throws Exception {
        Process p = new ProcessBuilder("zcat", file.toString()).redirectErrorStream(false).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "zcat exit status");
        return out.toByteArray();
    }

    /** Two shards, each with its own ledger, into one folder, with month files: together one export of the union. */
    @Test
    void shardsWithMonthFilesTogetherEqualOneExport() throws Exception {
        Path out = dir.resolve("shards");
        for (String shard : new String[] {"0/2", "1/2"}) {
            IncrementalData.Shape s = new IncrementalData.Shape(SH, true, false, shard, 2);
            runWindow(out, s, 3, 5);
            runWindow(out, s, 5, 6);
            runWindow(out, s, 6, 8);
        }
        assertTrue(Files.isDirectory(out.resolve(".otsrange/incedge.shard-0-of-2")));
        assertTrue(Files.isDirectory(out.resolve(".otsrange/incedge.shard-1-of-2")));
        Map<String, byte[]> union = oneExport(dir.resolve("shards-union"), new IncrementalData.Shape(SH, true, false, null, 2), 3, 8);
        assertTrue(union.keySet().stream().anyMatch(n -> n.contains("/2023/12.csv")) && union.keySet().stream().anyMatch(n -> n.contains("/2024/01.csv")),
                union.keySet().toString());
        assertEquals("", E2e.diff(union, E2e.snapshot(out)));
    }

    /** Appending a later window keeps a file in PK order only when the columns before the sort key are fixed. */
    @Test
    void aColumnBeforeTheSortKeyMustBeFixedByEq() throws Exception {
        e2e.createTable("incdim", "id", PrimaryKeyType.STRING, "dim", PrimaryKeyType.INTEGER, "ct", PrimaryKeyType.INTEGER);
        List<E2e.SrcRow> rows = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            for (int day = 0; day < 4; day++) {
                rows.add(new E2e.SrcRow(Arrays.<Object>asList("k", (long) d, IncrementalData.dayStart(day, SH) + 3600_000L),
                        E2e.attrs("v", (long) (10 * d + day))));
            }
        }
        e2e.load("incdim", Arrays.asList("id", "dim", "ct"), rows);
        Path out = dir.resolve("dim");
        JSONObject job = E2e.job(reader("incdim", null, 0, 2), incrementalWriter(out), 1);
        RunResult refused = E2e.run(job);
        assertEquals("OtsRangeReader-02", refused.errorCode(), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("[dim]") && refused.errorMessage().contains("eq"), refused.errorMessage());
        assertTrue(E2e.snapshot(out).isEmpty(), "nothing written");

        RunResult w1 = E2e.run(E2e.job(reader("incdim", 1, 0, 2), incrementalWriter(out), 1));
        assertTrue(w1.succeeded(), w1.errorMessage());
        RunResult w2 = E2e.run(E2e.job(reader("incdim", 1, 2, 4), incrementalWriter(out), 1));
        assertTrue(w2.succeeded(), w2.errorMessage());
        List<List<String>> file = E2e.parse(E2e.snapshot(out).get("k_incdim_2023.csv"));
        List<String> v = new ArrayList<>();
        for (List<String> row : file.subList(1, file.size())) {
            v.add(row.get(1));
        }
        assertEquals(Arrays.asList("10", "11", "12", "13"), v, "both windows of dim 1, in time order");
    }

    JSONObject reader(String table, Integer dim, int from, int to) {
        JSONObject r = e2e.reader(table, Arrays.asList("k"), Arrays.asList("ct", "v"));
        r.put("schema", JSON.parseObject("{\"partitionKey\":\"id\",\"sortKey\":\"ct\",\"otherKeys\":[\"dim\"]}"));
        JSONObject filters = JSON.parseObject("{\"ct\":{\"gte\":\"" + IncrementalData.date(from) + "\",\"lt\":\"" + IncrementalData.date(to) + "\"}}");
        if (dim != null) {
            filters.put("dim", dim);
        }
        r.put("filters", filters);
        r.put("timeZone", SH.getId());
        r.put("resume", true);
        return r;
    }

    static JSONObject incrementalWriter(Path out) {
        JSONObject w = E2e.writer(out);
        w.put("writeMode", "append");
        return w;
    }

    /** What incremental mode requires is refused when the job starts, before anything is written. */
    @Test
    void withoutTheSortKeyOrBothBoundsTheJobIsRefusedBeforeWriting() throws Exception {
        Path out = dir.resolve("req");
        JSONObject noUpper = data.job(e2e, out, new IncrementalData.Shape(SH, false, false, null, 1), 1, 2);
        E2e.readerOf(noUpper).getJSONObject("filters").getJSONObject("ct").remove("lt");
        RunResult a = E2e.run(noUpper);
        assertEquals("CsvYearWriter-08", a.errorCode(), a.errorMessage());
        assertTrue(a.errorMessage().contains("reader parameter.filters.ct: incremental mode needs a lower and an upper bound"), a.errorMessage());
        JSONObject noSchema = data.job(e2e, out, new IncrementalData.Shape(SH, false, false, null, 1), 1, 2);
        E2e.readerOf(noSchema).remove("schema");
        RunResult b = E2e.run(noSchema);
        assertEquals("CsvYearWriter-08", b.errorCode(), b.errorMessage());
        assertTrue(b.errorMessage().contains("reader parameter.schema.sortKey"), b.errorMessage());
        assertFalse(Files.exists(out), "nothing created");
    }

    /** Deleting the state folder but keeping the files does not make the next window append to them. */
    @Test
    void aFileTheLedgerNeverWroteIsNotAppendedTo() throws Exception {
        IncrementalData.Shape shape = new IncrementalData.Shape(SH, false, false, null, 1);
        Path out = dir.resolve("foreign");
        runWindow(out, shape, 1, 3);
        Map<String, byte[]> files = E2e.snapshot(out);
        KillResumeTest.deleteTree(out.resolve(".otsrange"));
        RunResult r = E2e.run(data.job(e2e, out, shape, 3, 4));
        assertEquals("CsvYearWriter-10", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("never wrote unit") && r.errorMessage().contains("Move the file away, or start over"),
                r.errorMessage());
        assertEquals("", E2e.diff(files, E2e.snapshot(out)), "no file appended to");

        // starting over as the message says: the files go too, then the windows in order
        for (String name : files.keySet()) {
            Files.delete(out.resolve(name));
        }
        KillResumeTest.deleteTree(out.resolve(".otsrange"));
        runWindow(out, shape, 1, 3);
        runWindow(out, shape, 3, 4);
        assertEquals("", E2e.diff(oneExport(dir.resolve("foreign-union"), shape, 1, 4), E2e.snapshot(out)));
    }

    /**
     * A file a committed window wrote and that was deleted since is refused before the next window
     * writes anything: appending would start the file anew without its earlier windows.
     */
    @Test
    void aDeletedCommittedFileRefusesTheNextWindow() throws Exception {
        IncrementalData.Shape shape = new IncrementalData.Shape(SH, false, false, null, 1);
        Path out = dir.resolve("deleted");
        runWindow(out, shape, 1, 3);
        Map<String, byte[]> files = new TreeMap<>(E2e.snapshot(out));
        String gone = files.keySet().iterator().next();
        Files.delete(out.resolve(gone));
        files.remove(gone);
        RunResult r = E2e.run(data.job(e2e, out, shape, 3, 4));
        assertEquals("CsvYearWriter-05", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains(gone), r.errorMessage());
        assertEquals("", E2e.diff(files, E2e.snapshot(out)), "nothing written");
    }

    /** The first window may start anywhere; bounds given as epoch numbers and as dates mean the same window. */
    @Test
    void epochAndDateBoundsAreTheSameWindow() throws Exception {
        IncrementalData.Shape shape = new IncrementalData.Shape(SH, false, false, null, 1);
        Path out = dir.resolve("epoch");
        runWindow(out, shape, 1, 3);
        JSONObject again = data.job(e2e, out, shape, 1, 3);
        E2e.readerOf(again).put("filters", JSON.parseObject("{\"ct\":{\"gte\":" + IncrementalData.dayStart(1, SH)
                + ",\"lte\":" + (IncrementalData.dayStart(3, SH) - 1) + "}}"));
        Map<String, byte[]> before = new TreeMap<>(E2e.snapshot(out));
        E2e.Captured c = E2e.runCaptured(again);
        assertTrue(c.result.succeeded(), c.result.errorMessage());
        assertTrue(c.output.contains("nothing to do"), "the same window, already committed");
        assertEquals("", E2e.diff(before, E2e.snapshot(out)));
    }
}
