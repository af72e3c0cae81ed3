package com.otsrange.e2e;

import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.otsrange.emulator.FaultSpec;
import com.otsrange.runner.RunResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21's promise, model-based: random interleavings of incremental runs ({@code changes:
 * "stream"}, or a lookback on a table without a Stream), new rows, late rows into committed
 * windows, updates of exported and non-exported columns, deletes of rows and of whole key-periods,
 * writes to a key the job does not export, Stream shard splits, kill -9 of a run (a child JVM) at
 * a random moment followed by a rerun, and Stream expiry (the emulator's stream clock moved past the
 * expiration), which must give OtsRangeReader-12 with nothing written, remedied by the lookback its
 * message names. After every successful run the files (gzip decompressed) equal, byte for byte, a
 * fresh export of the committed windows of the table as the test's own model holds it at the run's
 * start ({@link RestateOracle}); shards run as {@code shard: "i/n"} processes into one path, whose
 * union is compared. After a kill every file is either as before the run or as the run would have
 * made it.
 *
 * Default: 6 sequences, one per layout below (all of year/month/day files, gzip, 2 shards, UTC and
 * Asia/Shanghai, both headers, stream and lookback), seeds 2121..2126 (-Dotsrange.seed=N starts
 * them at N). -Dotsrange.heavy=true adds 30 sequences of random layouts, longer, with more kills.
 */
class RestatePropertyTest {
    static final boolean HEAVY = Boolean.getBoolean("otsrange.heavy");
    static final long SEED = Long.getLong("otsrange.seed", 2121);
    static final long HOUR_MS = 3_600_000L;
    static final int STREAM_HOURS = 24;
    static final String[] TEXTS = {"plain", "with,comma", "with \"quotes\"", "", " padded ", "#hash", "ünï ☃", "two\nlines", "-1"};
    static final Pattern LOOKBACK = Pattern.compile("\\{\"lookback\": \"(P(\\d+)D)\"\\}");
    static final List<RestateShape> LAYOUTS = Arrays.asList(
        new RestateShape(ZoneId.of("UTC"), RestateShape.Files.YEAR, false, 1, false, 0),
        new RestateShape(ZoneId.of("Asia/Shanghai"), RestateShape.Files.MONTH, true, 1, true, 0),
        new RestateShape(ZoneId.of("UTC"), RestateShape.Files.DAY, false, 2, true, 0),
        new RestateShape(ZoneId.of("Asia/Shanghai"), RestateShape.Files.YEAR, true, 2, false, 0),
        new RestateShape(ZoneId.of("Asia/Shanghai"), RestateShape.Files.DAY, true, 1, false, 3),
        new RestateShape(ZoneId.of("UTC"), RestateShape.Files.MONTH, false, 2, true, 2));

    static E2e e2e;
    static int tables;
    /**
     * The emulator's stream clock offset, only ever moved ahead: record timestamps never go back, so
     * moving it back would leave later records stamped ahead of the clock, beyond the next expiry.
     */
    static long streamOffsetMs;
    static final Figures FIGURES = new Figures();

    static synchronized E2e emu() throws Exception {
        if (e2e == null) {
            // two Stream shards per table: a walk over several shards, and splits of either
            e2e = new E2e(null, 2);
        }
        return e2e;
    }

    @AfterContainer
    static void stop() {
        System.out.println("restate property: " + FIGURES);
        if (e2e != null) {
            e2e.close();
            e2e = null;
        }
    }

    @Property(tries = 6, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
    void everyLayoutStaysEqualToAFreshExport(@ForAll @IntRange(min = 0, max = 5) int layout) throws Exception {
        new Sequence(LAYOUTS.get(layout), SEED + layout, HEAVY ? 14 : 8, HEAVY ? 3 : 4).run();
    }

    @Property(tries = 30, seed = "21021", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(HeavyOnly.class)
    void randomLayoutsStayEqualToAFreshExport(@ForAll("layouts") RestateShape shape, @ForAll long seed) throws Exception {
        new Sequence(shape, seed, 16, 3).run();
    }

    @Provide
    Arbitrary<RestateShape> layouts() {
        return Combinators.combine(Arbitraries.of("UTC", "Asia/Shanghai"), Arbitraries.of(RestateShape.Files.class), Arbitraries.of(true, false),
                Arbitraries.of(1, 2, 3), Arbitraries.of(true, false), Arbitraries.of(0, 0, 0, 1, 3))
            .as((zone, files, gzip, shards, time, lookback) -> new RestateShape(ZoneId.of(zone), files, gzip, shards, time, lookback));
    }

    /** The heavy property runs only with -Dotsrange.heavy=true. */
    public static final class HeavyOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return HEAVY ? SkipResult.doNotSkip() : SkipResult.skip("-Dotsrange.heavy=true not set");
        }
    }

    /** Counts over every sequence, printed at the end for the report. */
    static final class Figures {
        int sequences;
        int runs;
        int restatingRuns;
        int repeats;
        int ignored;
        int expiries;
        int refusals;
        int remedies;
        int kills;
        int killsMidRun;
        int killsAfterEnd;
        int splits;
        final Map<String, Integer> writes = new TreeMap<>();

        void wrote(String kind) {
            writes.merge(kind, 1, Integer::sum);
        }

        @Override
        public String toString() {
            return sequences + " sequences, " + runs + " successful runs (" + restatingRuns + " changed a committed window's bytes, "
                    + repeats + " repeats of a committed window), " + ignored + " runs with \"ignore\" between them, " + expiries
                    + " Stream expiries, " + refusals + " refused runs, "
                    + remedies + " lookback remedies, " + kills + " kills (" + killsMidRun + " after some file changed, " + killsAfterEnd
                    + " after the run ended), " + splits + " shard splits; writes " + writes;
        }
    }

    /** One random sequence of writes and runs on a table of its own. */
    final class Sequence {
        final RestateShape shape;
        final long seed;
        final int steps;
        final int killOneIn;
        final Random rnd;
        final RestateTable table;
        final Path out;
        final List<String> log = new ArrayList<>();
        final boolean[] committed = new boolean[RestateShape.DAYS];
        int watermark;
        int[] last;
        /** A run that reads the Stream succeeded, so a position is recorded. */
        boolean positionRecorded;
        int writesAtLastRun;
        final List<String> openShards = new ArrayList<>();

        Sequence(RestateShape shape, long seed, int steps, int killOneIn) throws Exception {
            this.shape = shape;
            this.seed = seed;
            this.steps = steps;
            this.killOneIn = killOneIn;
            this.rnd = new Random(seed);
            E2e emu = emu();
            this.table = new RestateTable(emu, "rs" + (++tables), shape.stream() ? STREAM_HOURS : 0);
            this.out = Files.createTempDirectory("restate");
        }

        String ctx() {
            return "seed " + seed + " (" + shape + ", table " + table.name + ") " + log;
        }

        void run() throws Exception {
            FIGURES.sequences++;
            try {
                table.load(firstRows());
                if (shape.stream()) {
                    String stream = e2e.client.describeTable(new DescribeTableRequest(table.name)).getStreamDetails().getStreamId();
                    for (StreamShard s : e2e.client.describeStream(new DescribeStreamRequest(stream)).getShards()) {
                        openShards.add(s.getShardId());
                    }
                }
                for (int step = 0; step < steps; step++) {
                    step(step);
                }
            } finally {
                KillResumeTest.deleteTree(out);
                e2e.deleteTable(table.name);
            }
        }

        void step(int step) throws Exception {
            for (int i = rnd.nextInt(5); i > 0; i--) {
                mutate();
            }
            if (shape.stream() && positionRecorded && rnd.nextInt(8) == 0) {
                split();
            }
            boolean expire = shape.stream() && positionRecorded && rnd.nextInt(6) == 0;
            boolean mustRefuse = false;
            if (expire) {
                // records written since the last run's position expire with the rest: that run's position is lost
                mustRefuse = table.writes > writesAtLastRun;
                streamOffsetMs += (STREAM_HOURS + 1) * HOUR_MS;
                e2e.emulator.setStreamClockOffset(Duration.ofMillis(streamOffsetMs));
                log.add("expire" + (mustRefuse ? "!" : ""));
                FIGURES.expiries++;
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    mutate();
                }
            }
            int[] window;
            if (watermark < RestateShape.DAYS && (last == null || !shape.stream() || rnd.nextInt(5) > 0)) {
                window = new int[] {watermark, Math.min(RestateShape.DAYS, watermark + 1 + (rnd.nextInt(4) == 0 ? 1 : 0))};
            } else if (shape.stream() && last != null) {
                window = last; // nothing to do, but it still restates
            } else {
                return;
            }
            // now and then a day with "ignore" (nothing read from the Stream, the recorded position kept): the
            // next "stream" run must restate what it missed, so the files are compared after that one only
            boolean ignore = shape.stream() && positionRecorded && !expire && window[1] > watermark && rnd.nextInt(8) == 0;
            // a kill needs a recorded position (else a rerun is a first run, which by design restates nothing)
            boolean kill = !expire && !ignore && step > 0 && (positionRecorded || !shape.stream()) && rnd.nextInt(killOneIn) == 0;
            List<String> shards = shape.shardValues();
            String killed = kill ? shards.get(rnd.nextInt(shards.size())) : null;
            log.add((ignore ? "ignore" : "run") + "[" + window[0] + "," + window[1] + ")" + (kill ? " kill " + (killed == null ? "" : killed) : ""));
            if (kill) {
                killAndCheck(killed, window);
                // Not with a lookback: a kill after the window's windowDone line makes the rerun "nothing to
                // do", which by design looks back from the run's start time (now), not from the window, so
                // writes meanwhile are not its business (RestateResumeTest covers a rerun completing a window)
                for (int i = shape.stream() ? rnd.nextInt(3) : 0; i > 0; i--) {
                    mutate();
                }
            }
            Map<String, String> before = RestateOracle.texts(E2e.snapshot(out), shape.gzip);
            for (String shard : shards) {
                runOne(shard, window, ignore ? "ignore" : RestateShape.changes(shape.lookbackDays), expire, mustRefuse);
            }
            boolean repeat = window[1] <= watermark;
            for (int d = window[0]; d < window[1]; d++) {
                committed[d] = true;
            }
            watermark = Math.max(watermark, window[1]);
            last = window;
            if (ignore) {
                FIGURES.ignored++;
                return;
            }
            positionRecorded |= shape.stream();
            writesAtLastRun = table.writes;
            Map<String, String> want = RestateOracle.expected(table, shape, committedTimes());
            Map<String, String> got = RestateOracle.texts(E2e.snapshot(out), shape.gzip);
            assertEquals("", RestateOracle.diff(want, got), ctx() + ": the files differ from a fresh export of the committed windows");
            checkReport(before, got, repeat, shards);
            FIGURES.runs++;
            FIGURES.repeats += repeat ? 1 : 0;
            FIGURES.restatingRuns += restated(before, got, repeat) ? 1 : 0;
        }

        /** One process of a run; a refusal of an expired Stream position is remedied by the lookback it names. */
        void runOne(String shard, int[] window, Object changes, boolean expired, boolean mustRefuse) throws Exception {
            Map<String, byte[]> before = E2e.snapshot(out);
            byte[] ledger = checkpoint(shard);
            RunResult r = E2e.run(shape.job(e2e, table.name, out, shard, window[0], window[1], changes));
            String at = ctx() + (shard == null ? "" : " shard " + shard);
            if (r.succeeded()) {
                assertFalse(mustRefuse, at + ": records since the recorded position expired, yet the run succeeded");
                assertTrue(!Files.exists(out.resolve(shape.stateDir(table.name, shard)).resolve("tmp")), at + ": tmp/ left after success");
                return;
            }
            assertTrue(expired, at + ": failed: " + r.errorCode() + " " + r.errorMessage());
            assertEquals("OtsRangeReader-12", r.errorCode(), at + ": " + r.errorMessage());
            assertTrue(E2e.sameSnapshot(before, E2e.snapshot(out)), at + ": a refused run wrote files");
            assertArrayEquals(ledger, checkpoint(shard), at + ": a refused run changed the ledger");
            FIGURES.refusals++;
            Matcher m = LOOKBACK.matcher(r.errorMessage());
            assertTrue(m.find(), at + ": the refusal names a lookback: " + r.errorMessage());
            int firstDay = 0;
            while (firstDay < committed.length && !committed[firstDay]) {
                firstDay++;
            }
            // independent of the message: the lookback reaches back over every committed day
            assertTrue(Integer.parseInt(m.group(2)) >= Math.min(window[0], watermark) - firstDay, at + ": " + m.group(1) + " is too short");
            log.add("lookback " + m.group(1) + (shard == null ? "" : " " + shard));
            RunResult remedy = E2e.run(shape.job(e2e, table.name, out, shard, window[0], window[1],
                    RestateShape.changes(Integer.parseInt(m.group(2)))));
            assertTrue(remedy.succeeded(), at + ": the lookback remedy failed: " + remedy.errorCode() + " " + remedy.errorMessage());
            FIGURES.remedies++;
        }

        /**
         * The run of one process in a child JVM killed at a random moment (the emulator slowed a
         * little, so kills land between commits): every file is then as before or as the run makes it.
         */
        void killAndCheck(String shard, int[] window) throws Exception {
            Map<String, byte[]> before = E2e.snapshot(out);
            boolean[] after = committed.clone();
            for (int d = window[0]; d < window[1]; d++) {
                after[d] = true;
            }
            Map<String, String> made = RestateOracle.expected(table, shape, times(after));
            Path dir = Files.createTempDirectory("restate-kill");
            try {
                Path job = dir.resolve("job.json");
                JSONObject j = shape.job(e2e, table.name, out, shard, window[0], window[1], RestateShape.changes(shape.lookbackDays));
                E2e.readerOf(j).put("pageSize", 2);
                Files.write(job, j.toJSONString().getBytes(StandardCharsets.UTF_8));
                e2e.faults("slow=1,slowMs=20,seed=" + rnd.nextInt(1000));
                KillResumeTest.Child child = KillResumeTest.Child.start(KillResumeTest.localRunner(), job, dir, "child");
                // a third of the kills at a random moment (mostly before anything is written), the others once
                // the ledger has grown by 1 to 4 lines (intents, commits, the position: between the steps of a commit)
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + rnd.nextInt(3000));
                int lines = rnd.nextInt(3) == 0 ? Integer.MAX_VALUE : ledgerLines(shard) + 1 + rnd.nextInt(4);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (child.process.isAlive() && (lines == Integer.MAX_VALUE ? System.nanoTime() < killAt
                        : ledgerLines(shard) < lines && System.nanoTime() < deadline)) {
                    Thread.sleep(1);
                }
                boolean ended = !child.process.isAlive();
                child.process.destroyForcibly();
                assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
                e2e.emulator.setFaults(FaultSpec.none());
                if (ended) {
                    assertEquals(0, child.process.exitValue(), ctx() + ": the child run failed: " + child.output());
                }
                FIGURES.kills++;
                FIGURES.killsAfterEnd += ended ? 1 : 0;
                Map<String, byte[]> now = E2e.snapshot(out);
                FIGURES.killsMidRun += !ended && !E2e.sameSnapshot(before, now) ? 1 : 0;
                for (String name : union(before.keySet(), now.keySet(), made.keySet())) {
                    byte[] file = now.get(name);
                    boolean asBefore = file == null ? !before.containsKey(name) : Arrays.equals(file, before.get(name));
                    boolean asMade = file == null ? !made.containsKey(name)
                            : made.containsKey(name) && made.get(name).equals(RestateOracle.texts(single(name, file), shape.gzip).get(name));
                    assertTrue(asBefore || asMade, ctx() + ": after the kill " + name + " is neither as before nor as the run makes it");
                }
            } finally {
                e2e.emulator.setFaults(FaultSpec.none());
                KillResumeTest.deleteTree(dir);
            }
        }

        void split() {
            String shard = openShards.remove(rnd.nextInt(openShards.size()));
            openShards.addAll(e2e.emulator.splitStreamShard(table.name, shard));
            log.add("split " + shard);
            FIGURES.splits++;
        }

        /** One random write: new rows, late rows, updates, deletes, a whole key-period deleted, another key's rows. */
        void mutate() {
            int lo = shape.stream() ? 0 : Math.max(0, watermark - shape.lookbackDays);
            boolean late = watermark > lo && rnd.nextInt(4) > 0;
            long from = late ? shape.dayStart(lo) : shape.dayStart(watermark);
            long to = late ? shape.dayStart(watermark) : shape.dayStart(RestateShape.DAYS + 1);
            String key = RestateShape.KEYS.get(rnd.nextInt(RestateShape.KEYS.size()));
            Long existing = existing(key, from, to);
            int kind = rnd.nextInt(9);
            if (kind == 8) {
                key = RestateShape.OUTSIDER;
                existing = existing(key, from, to);
                kind = rnd.nextInt(4);
            }
            String what = (late ? "late " : "new ") + key + " ";
            if (existing == null || kind <= 1) {
                long t = time(from, to);
                table.put(key, t, attrs(true));
                log.add(what + "put " + t);
                FIGURES.wrote(key.equals(RestateShape.OUTSIDER) ? "other key" : late ? "late row" : "new row");
            } else if (kind == 2) {
                // each exported column deleted, set or left as it is (at least one changed)
                Map<String, Object> fresh = attrs(false);
                Map<String, Object> set = new LinkedHashMap<>();
                for (String c : new String[] {"v", "s", "d"}) {
                    int how = rnd.nextInt(3);
                    if (how < 2) {
                        set.put(c, how == 0 ? null : fresh.get(c));
                    }
                }
                if (set.isEmpty()) {
                    set.put("v", fresh.get("v"));
                }
                table.update(key, existing, set);
                log.add(what + "update " + existing + " " + set.keySet());
                FIGURES.wrote("update exported");
            } else if (kind == 3) {
                table.update(key, existing, E2e.attrs("x", rnd.nextLong()));
                log.add(what + "update x " + existing);
                FIGURES.wrote("update not exported");
            } else if (kind == 4) {
                table.put(key, existing, E2e.attrs("x", 1L));
                log.add(what + "replace by x only " + existing);
                FIGURES.wrote("row without exported columns");
            } else if (kind <= 6) {
                table.delete(key, existing);
                log.add(what + "delete " + existing);
                FIGURES.wrote("delete row");
            } else {
                long[] period = period(existing);
                List<Long> gone = table.deleteRange(key, Math.max(period[0], from), Math.min(period[1], to));
                log.add(what + "delete period of " + existing + " (" + gone.size() + " rows)");
                FIGURES.wrote("delete key-period");
            }
        }

        /** The file period holding t, in the job's zone. */
        long[] period(long t) {
            java.time.ZonedDateTime z = java.time.Instant.ofEpochMilli(t).atZone(shape.zone).toLocalDate().atStartOfDay(shape.zone);
            java.time.ZonedDateTime start = shape.files == RestateShape.Files.DAY ? z
                    : shape.files == RestateShape.Files.MONTH ? z.withDayOfMonth(1) : z.withDayOfYear(1);
            java.time.ZonedDateTime end = shape.files == RestateShape.Files.DAY ? start.plusDays(1)
                    : shape.files == RestateShape.Files.MONTH ? start.plusMonths(1) : start.plusYears(1);
            return new long[] {start.toInstant().toEpochMilli(), end.toInstant().toEpochMilli()};
        }

        Long existing(String key, long from, long to) {
            List<Long> in = new ArrayList<>(table.rowsOf(key).subMap(from, to).keySet());
            return in.isEmpty() ? null : in.get(rnd.nextInt(in.size()));
        }

        /** A time in [from, to): often a midnight of either zone or a millisecond beside it. */
        long time(long from, long to) {
            if (rnd.nextInt(3) == 0) {
                int day = rnd.nextInt(RestateShape.DAYS + 1);
                long t = RestateShape.dayStart(day, ZoneId.of(rnd.nextBoolean() ? "UTC" : "Asia/Shanghai")) + rnd.nextInt(3) - 1;
                if (t >= from && t < to) {
                    return t;
                }
            }
            return from + (long) (rnd.nextDouble() * (to - from));
        }

        /** Random attributes; x always (the test keeps it in every row). */
        Map<String, Object> attrs(boolean mayLeaveOut) {
            Map<String, Object> a = new LinkedHashMap<>();
            if (!mayLeaveOut || rnd.nextInt(5) > 0) {
                a.put("v", (long) rnd.nextInt(2000) - 1000);
            }
            if (!mayLeaveOut || rnd.nextInt(5) > 0) {
                a.put("s", TEXTS[rnd.nextInt(TEXTS.length)]);
            }
            if (!mayLeaveOut || rnd.nextInt(5) > 0) {
                a.put("d", (rnd.nextInt(4000) - 2000) / 4.0);
            }
            a.put("x", (long) rnd.nextInt(100));
            return a;
        }

        Map<String, Map<Long, Map<String, Object>>> firstRows() {
            Map<String, Map<Long, Map<String, Object>>> rows = new TreeMap<>();
            List<String> keys = new ArrayList<>(RestateShape.KEYS.subList(0, 3));
            keys.add(RestateShape.OUTSIDER);
            long from = RestateShape.dayStart(-1, ZoneId.of("Asia/Shanghai"));
            long to = RestateShape.dayStart(RestateShape.DAYS + 1, ZoneId.of("UTC"));
            for (String k : keys) {
                Map<Long, Map<String, Object>> m = rows.computeIfAbsent(k, x -> new TreeMap<>());
                for (int i = 0; i < 3 * (RestateShape.DAYS + 2); i++) {
                    m.put(time(from, to), attrs(true));
                }
            }
            return rows;
        }

        LongPredicate committedTimes() {
            return times(committed);
        }

        LongPredicate times(boolean[] days) {
            return t -> {
                for (int d = 0; d < days.length; d++) {
                    if (days[d] && shape.dayStart(d) <= t && t < shape.dayStart(d + 1)) {
                        return true;
                    }
                }
                return false;
            };
        }

        /**
         * The manifests' {@code restated} lists every file whose text before this run changed (not only
         * grew), and its rows added minus removed equal the rows it gained outside this run's window.
         */
        void checkReport(Map<String, String> before, Map<String, String> after, boolean repeat, List<String> shards) throws Exception {
            Map<String, JSONObject> reported = new TreeMap<>();
            for (String shard : shards) {
                Path manifest = out.resolve(shape.stateDir(table.name, shard)).resolve("manifest.json");
                com.alibaba.fastjson.JSONArray restated = com.alibaba.fastjson.JSON.parseObject(
                        new String(Files.readAllBytes(manifest), StandardCharsets.UTF_8)).getJSONArray("restated");
                for (int i = 0; restated != null && i < restated.size(); i++) {
                    reported.put(restated.getJSONObject(i).getString("file"), restated.getJSONObject(i));
                }
            }
            for (String name : union(before.keySet(), after.keySet())) {
                String a = before.get(name);
                String b = after.get(name);
                if (a == null || b != null && b.startsWith(a) && !(repeat && !a.equals(b))) {
                    continue; // new, or only grown by this run's window
                }
                JSONObject r = reported.get(name);
                String at = ctx() + ": manifest restated, " + name + ": " + r;
                assertTrue(r != null && !"unchanged".equals(r.getString("outcome")), at);
                if (!r.getBooleanValue("approximate")) {
                    long gained = (b == null ? 0 : rows(b)) - r.getLongValue("rowsAppendedByThisWindow") - rows(a);
                    assertEquals(gained, r.getLongValue("rowsAdded") - r.getLongValue("rowsRemoved"), at);
                }
            }
        }

        long rows(String csv) throws Exception {
            return com.otsrange.testkit.Csv.parse(new java.io.StringReader(csv)).size() - 1;
        }

        /** Whether the run changed text a file held before (a committed window restated; late rows at a file's end not counted). */
        boolean restated(Map<String, String> before, Map<String, String> after, boolean repeat) {
            for (String name : union(before.keySet(), after.keySet())) {
                String a = before.getOrDefault(name, "");
                String b = after.getOrDefault(name, "");
                if (!b.startsWith(a) || repeat && !a.equals(b)) {
                    return true;
                }
            }
            return false;
        }

        int ledgerLines(String shard) throws Exception {
            byte[] log = checkpoint(shard);
            int n = 0;
            for (byte b : log) {
                n += b == '\n' ? 1 : 0;
            }
            return n;
        }

        byte[] checkpoint(String shard) throws Exception {
            Path f = out.resolve(shape.stateDir(table.name, shard)).resolve("checkpoint.log");
            return Files.exists(f) ? Files.readAllBytes(f) : new byte[0];
        }
    }

    static Map<String, byte[]> single(String name, byte[] content) {
        Map<String, byte[]> m = new TreeMap<>();
        m.put(name, content);
        return m;
    }

    @SafeVarargs
    static java.util.Set<String> union(java.util.Collection<String>... sets) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (java.util.Collection<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
