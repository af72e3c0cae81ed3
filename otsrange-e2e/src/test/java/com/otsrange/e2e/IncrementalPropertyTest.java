package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random incremental sequences, real reader and writer against the emulator (local runner, in this
 * JVM): day windows in random order with repeats, overlaps, gaps (allowed or not) and runs that
 * fail part-way (an emulator fault with no retries). After every run no file holds a duplicate
 * row, a row out of order or part of a window; refused and repeated windows change nothing; and
 * the final files hold exactly the rows of the accepted days, computed from the loaded rows.
 * The decisions are predicted by a model on the day grid written here.
 * Default: 3 sequences; -Dotsrange.heavy=true: 20; -Dotsrange.seed=N starts the seeds elsewhere.
 */
class IncrementalPropertyTest {
    static final boolean HEAVY = Boolean.getBoolean("otsrange.heavy");
    static E2e e2e;
    static IncrementalData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        data = IncrementalData.generate("incprop", 11, 3);
        data.load(e2e);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    /** Figures of the sequences run, printed for the report. */
    static final class Figures {
        int runs;
        int refused;
        int nothing;
        int reduced;
        int gaps;
        int failedMidWindow;
        int leftIncomplete;
        int resumed;

        @Override
        public String toString() {
            return runs + " runs: " + refused + " refused, " + nothing + " nothing to do, " + reduced + " reduced, " + gaps
                    + " with an allowed gap, " + failedMidWindow + " failed (" + leftIncomplete + " after committing part of the window; "
                    + resumed + " interrupted windows completed by a rerun)";
        }
    }

    @Test
    void randomWindowSequencesNeverDuplicateReorderOrSplitAWindow() throws Exception {
        Figures f = new Figures();
        int sequences = HEAVY ? 20 : 3;
        for (int s = 0; s < sequences; s++) {
            sequence(Long.getLong("otsrange.seed", 9001) + s, f);
        }
        System.out.println("incremental property: " + sequences + " sequences, " + f);
        assertTrue(f.refused > 0 && f.runs > f.refused, f.toString());
    }

    void sequence(long seed, Figures f) throws Exception {
        Random rnd = new Random(seed);
        int period = rnd.nextInt(3);
        IncrementalData.Shape shape = new IncrementalData.Shape(ZoneId.of(rnd.nextBoolean() ? "Asia/Shanghai" : "UTC"),
                period == 1, period == 2, rnd.nextInt(3) == 0, rnd.nextInt(3) == 0 ? "1/2" : null, 1 + rnd.nextInt(3));
        Path out = dir.resolve("seq" + seed);
        boolean[] exported = new boolean[IncrementalData.DAYS];
        int[] incomplete = null;
        List<String> log = new ArrayList<>();
        int steps = 6 + rnd.nextInt(4);
        for (int i = 0; i <= steps; i++) {
            int from;
            int to;
            boolean fault;
            boolean allowGaps;
            int watermark = 0;
            for (int d = 0; d < exported.length; d++) {
                watermark = exported[d] ? d + 1 : watermark;
            }
            if (i < steps) {
                // mostly the next window, as a scheduler runs them; else repeats, overlaps, gaps, anything
                int pick = rnd.nextInt(10);
                from = incomplete != null && pick < 3 ? incomplete[0]
                        : pick < 6 ? watermark : pick < 8 ? Math.max(0, watermark - 1 - rnd.nextInt(3))
                        : pick < 9 ? watermark + 1 + rnd.nextInt(2) : rnd.nextInt(IncrementalData.DAYS);
                from = Math.min(from, IncrementalData.DAYS - 1);
                to = Math.min(IncrementalData.DAYS, from + 1 + rnd.nextInt(3));
                if (incomplete != null && pick < 3) {
                    to = incomplete[1];
                }
                fault = rnd.nextInt(5) < 2;
                allowGaps = rnd.nextInt(3) == 0;
            } else if (incomplete != null) {
                // the last word: complete what a failure left open
                from = incomplete[0];
                to = incomplete[1];
                fault = false;
                allowGaps = false;
            } else {
                break;
            }
            String ctx = "seed " + seed + " (" + shape + ") " + log + " then [" + from + "," + to + ")" + (fault ? " with a fault" : "")
                    + (allowGaps ? " allowing gaps" : "");
            log.add("[" + from + "," + to + ")" + (fault ? "!" : "") + (allowGaps ? "g" : ""));

            // the model, on the day grid
            int mark = 0;
            for (int d = 0; d < exported.length; d++) {
                mark = exported[d] ? d + 1 : mark;
            }
            boolean covered = true;
            boolean holeBefore = false;
            for (int d = from; d < to; d++) {
                covered &= exported[d];
            }
            for (int d = from; d < mark; d++) {
                holeBefore |= !exported[d];
            }
            int[] eff = {Math.max(from, mark), to};
            boolean resumes = Arrays.equals(eff, incomplete);
            boolean gap = mark > 0 && from > mark;
            String kind = covered ? "NOTHING" : to <= mark || holeBefore || incomplete != null && !resumes
                    || gap && !allowGaps && !resumes ? "REFUSED" : resumes ? "RESUME" : "RUN";

            Map<String, byte[]> before = E2e.snapshot(out);
            byte[] ledgerBefore = checkpoint(out, shape);
            JSONObject job = data.job(e2e, out, shape, from, to);
            if (allowGaps) {
                E2e.writerOf(job).put("allowGaps", true);
            }
            if (fault) {
                // small, slow pages and a rare fault (no retries): the writer keeps up with the reader, so
                // the fault tends to strike after some units were committed
                E2e.readerOf(job).put("maxRetries", 0);
                E2e.readerOf(job).put("pageSize", 2);
                // records reach the writer one by one (DataX batches 32 by default), so it commits a unit
                // as soon as the reader moves on to the next
                job.getJSONObject("core").put("transport", JSON.parseObject("{\"exchanger\":{\"bufferSize\":1}}"));
                e2e.faults("busy=0.05,slow=1,slowMs=10,seed=" + rnd.nextInt(1000) + ",actions=GetRange");
            }
            RunResult r;
            try {
                r = E2e.run(job);
            } finally {
                e2e.emulator.setFaults(com.otsrange.emulator.FaultSpec.none());
            }
            f.runs++;
            switch (kind) {
                case "REFUSED":
                    f.refused++;
                    assertFalse(r.succeeded(), ctx);
                    assertEquals("CsvYearWriter-10", r.errorCode(), ctx + ": " + r.errorMessage());
                    assertTrue(E2e.sameSnapshot(before, E2e.snapshot(out)), ctx + ": a refused window writes nothing");
                    assertArrayEquals(ledgerBefore, checkpoint(out, shape), ctx + ": the ledger is untouched");
                    break;
                case "NOTHING":
                    f.nothing++;
                    assertTrue(r.succeeded(), ctx + ": " + r.errorMessage());
                    assertEquals(0, r.writeRecords(), ctx);
                    assertTrue(E2e.sameSnapshot(before, E2e.snapshot(out)), ctx + ": a committed window changes nothing");
                    break;
                default:
                    f.reduced += from < eff[0] ? 1 : 0;
                    f.gaps += gap ? 1 : 0;
                    f.resumed += resumes && r.succeeded() ? 1 : 0;
                    if (r.succeeded()) {
                        for (int d = eff[0]; d < eff[1]; d++) {
                            exported[d] = true;
                        }
                        incomplete = null;
                    } else {
                        assertTrue(fault, ctx + ": failed without a fault: " + r.errorMessage());
                        f.failedMidWindow++;
                        // a unit is committed exactly when its file was renamed into place: some file changed
                        boolean committed = !E2e.sameSnapshot(before, E2e.snapshot(out));
                        incomplete = committed ? eff : resumes ? incomplete : null;
                        f.leftIncomplete += committed ? 1 : 0;
                    }
            }
            check(out, shape, exported, incomplete, ctx);
        }
        // the accepted days, exactly, from the loaded rows
        Map<String, List<E2e.SrcRow>> want = data.expected(shape, days(exported, shape.zone));
        Map<String, byte[]> got = E2e.snapshot(out);
        String ctx = "seed " + seed + " (" + shape + ") " + log;
        assertEquals(want.keySet(), got.keySet(), ctx);
        long rows = 0;
        for (Map.Entry<String, List<E2e.SrcRow>> e : want.entrySet()) {
            IncrementalData.assertRows(ctx + " " + e.getKey(), e.getValue(), E2e.parse(IncrementalData.text(got.get(e.getKey()), shape.gzip)));
            rows += e.getValue().size();
        }
        if (!want.isEmpty()) {
            JSONObject manifest = JSON.parseObject(new String(Files.readAllBytes(state(out, shape).resolve("manifest.json")),
                    StandardCharsets.UTF_8));
            assertEquals(rows, manifest.getJSONObject("totals").getLongValue("rows"), ctx + ": manifest rows");
            assertEquals(want.size(), manifest.getJSONArray("files").size(), ctx + ": manifest files");
        }
    }

    static Path state(Path out, IncrementalData.Shape shape) {
        return out.resolve(".otsrange/" + data.table + "." + (shape.shard == null ? "all" : "shard-1-of-2"));
    }

    static byte[] checkpoint(Path out, IncrementalData.Shape shape) throws Exception {
        Path f = state(out, shape).resolve("checkpoint.log");
        return Files.exists(f) ? Files.readAllBytes(f) : new byte[0];
    }

    static LongPredicate days(boolean[] exported, ZoneId zone) {
        return t -> {
            for (int d = 0; d < exported.length; d++) {
                if (exported[d] && IncrementalData.dayStart(d, zone) <= t && t < IncrementalData.dayStart(d + 1, zone)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Every file: one header, rows strictly ascending (no duplicate, none out of order); on the
     * exported days exactly the expected rows; in an incomplete window all of its rows or none.
     */
    void check(Path out, IncrementalData.Shape shape, boolean[] exported, int[] incomplete, String ctx) throws Exception {
        ZoneId zone = shape.zone;
        LongPredicate done = days(exported, zone);
        LongPredicate open = incomplete == null ? t -> false
                : t -> IncrementalData.dayStart(incomplete[0], zone) <= t && t < IncrementalData.dayStart(incomplete[1], zone);
        Map<String, List<E2e.SrcRow>> wantDone = data.expected(shape, done);
        Map<String, List<E2e.SrcRow>> wantOpen = data.expected(shape, open);
        Map<String, byte[]> got = E2e.snapshot(out);
        for (String name : wantDone.keySet()) {
            assertTrue(got.containsKey(name), ctx + ": missing " + name);
        }
        for (Map.Entry<String, byte[]> e : got.entrySet()) {
            String name = e.getKey();
            List<Long> times = IncrementalData.times(E2e.parse(IncrementalData.text(e.getValue(), shape.gzip)), ctx + " " + name);
            List<Long> inDone = new ArrayList<>();
            List<Long> inOpen = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                long t = times.get(i);
                assertTrue(i == 0 || times.get(i - 1) < t, ctx + ": " + name + " row " + (i + 1) + " duplicate or out of order");
                assertTrue(done.test(t) || open.test(t), ctx + ": " + name + " holds a row outside every window run");
                (done.test(t) ? inDone : inOpen).add(t);
            }
            assertEquals(timesOf(wantDone.get(name)), inDone, ctx + ": " + name + " on the exported days");
            List<Long> openWant = timesOf(wantOpen.get(name));
            assertTrue(inOpen.isEmpty() || inOpen.equals(openWant), ctx + ": " + name + " holds part of the interrupted window");
        }
    }

    static List<Long> timesOf(List<E2e.SrcRow> rows) {
        List<Long> out = new ArrayList<>();
        if (rows != null) {
            for (E2e.SrcRow r : rows) {
                out.add((Long) r.pk.get(1));
            }
        }
        return out;
    }
}
