package com.otsrange.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's decisions against a model written separately on a grid of time cells: random
 * window sequences with repeats, overlaps, gaps and runs that stop after some units. Whatever the
 * sequence, a run never exports a cell twice nor a cell before one already exported.
 */
class WindowLedgerPropertyTest {
    static final int CELLS = 40;
    static final List<String> UNITS = Arrays.asList("2024/a", "2024/b", "2024/c");
    static final SortKeyLiteral RAW = new SortKeyLiteral(SortKeyUnit.MS, ZoneId.of("UTC"));

    /** One run: the window [from, to), how many units it commits before it stops (3 = all, then done), allowGaps. */
    static final class Step {
        final int from;
        final int to;
        final int commits;
        final boolean allowGaps;

        Step(int from, int to, int commits, boolean allowGaps) {
            this.from = from;
            this.to = to;
            this.commits = commits;
            this.allowGaps = allowGaps;
        }

        @Override
        public String toString() {
            return "[" + from + "," + to + ")x" + commits + (allowGaps ? "+gaps" : "");
        }
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, CELLS - 1),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 5), Arbitraries.of(true, false))
                .as((from, len, commits, gaps) -> new Step(from, Math.min(CELLS, from + len), Math.min(commits, UNITS.size()), gaps));
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 200)
    void decisionsFollowTheModelAndNeverDuplicateOrReorder(@ForAll("sequences") List<Step> steps) throws Exception {
        Path out = Files.createTempDirectory("ledger");
        try {
            run(steps, out);
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(out)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(List<Step> steps, Path out) throws Exception {
        Path state = StateDir.of(out, "t", ShardSpec.ALL);
        CheckpointLog.create(state, Collections.<String, String>emptyMap()).close();
        boolean[] exported = new boolean[CELLS];
        int[] incomplete = null;
        List<String> committedInIncomplete = new ArrayList<>();
        for (Step s : steps) {
            WindowLedger.Decision d = CheckpointSnapshot.load(state).ledger().decide(TimeWindow.of(s.from, s.to), RAW, s.allowGaps);

            // the model
            int mark = 0;
            for (int c = 0; c < CELLS; c++) {
                mark = exported[c] ? c + 1 : mark;
            }
            boolean all = true;
            for (int c = s.from; c < s.to; c++) {
                all &= exported[c];
            }
            String kind;
            int[] eff = null;
            if (all) {
                kind = "NOTHING";
            } else if (s.to <= mark) {
                kind = "REFUSED";
            } else {
                boolean holeBefore = false;
                for (int c = s.from; c < mark; c++) {
                    holeBefore |= !exported[c];
                }
                eff = new int[] {Math.max(s.from, mark), s.to};
                boolean resumes = Arrays.equals(eff, incomplete);
                boolean gap = mark > 0 && s.from > mark;
                kind = holeBefore || gap && !s.allowGaps && !resumes ? "REFUSED"
                        : incomplete == null ? "RUN" : resumes ? "RESUME" : "REFUSED";
            }
            assertEquals(kind, d.kind().name(), steps + " at " + s + ": " + d.message());
            if (d.window() == null) {
                continue;
            }
            assertEquals(eff[0], d.window().from(), s.toString());
            assertEquals(eff[1], d.window().to(), s.toString());
            for (int c = eff[0]; c < eff[1]; c++) {
                assertFalse(exported[c], "cell " + c + " exported twice at " + s);
            }
            assertTrue(eff[0] >= mark, "a window before the watermark at " + s);
            assertEquals(new java.util.HashSet<>(committedInIncomplete), d.committedUnits());

            // the run: commit units not yet committed in this window, then mark it done if all are
            try (CheckpointLog log = CheckpointLog.open(state)) {
                for (String u : UNITS) {
                    if (committedInIncomplete.size() < s.commits && !committedInIncomplete.contains(u)
                            || s.commits == UNITS.size() && !committedInIncomplete.contains(u)) {
                        log.commit(u, u + ".csv", 1, 1, "x", d.window());
                        committedInIncomplete.add(u);
                    }
                }
                if (s.commits == UNITS.size()) {
                    log.windowDone(d.window(), d.requested());
                    for (int c = eff[0]; c < eff[1]; c++) {
                        exported[c] = true;
                    }
                    incomplete = null;
                    committedInIncomplete.clear();
                } else {
                    // a run that committed nothing leaves no trace: any window may follow
                    incomplete = committedInIncomplete.isEmpty() ? null : eff;
                }
            }
        }
    }
}
