package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowLedgerTest {
    static final SortKeyLiteral RAW = new SortKeyLiteral(SortKeyUnit.S, ZoneId.of("UTC"));

    @TempDir
    Path out;

    Path state() {
        return StateDir.of(out, "t", ShardSpec.ALL);
    }

    static TimeWindow w(long from, long to) {
        return TimeWindow.of(from, to);
    }

    CheckpointLog log() throws Exception {
        return CheckpointLog.exists(state()) ? CheckpointLog.open(state()) : CheckpointLog.create(state(), Collections.<String, String>emptyMap());
    }

    void done(TimeWindow... windows) throws Exception {
        try (CheckpointLog log = log()) {
            for (TimeWindow x : windows) {
                log.commit("2024/k", "k.csv", 1, 1, "x", x);
                log.windowDone(x, x);
            }
        }
    }

    WindowLedger.Decision decide(long from, long to) throws Exception {
        return CheckpointSnapshot.load(state()).ledger().decide(w(from, to), RAW, false);
    }

    WindowLedger.Decision decideAllowingGaps(long from, long to) throws Exception {
        return CheckpointSnapshot.load(state()).ledger().decide(w(from, to), RAW, true);
    }

    @Test
    void anEmptyLedgerRunsTheWindowAsAsked() throws Exception {
        WindowLedger.Decision d = decide(10, 20);
        assertEquals(WindowLedger.Decision.Kind.RUN, d.kind());
        assertEquals(w(10, 20), d.window());
        assertNull(d.gap());
        assertFalse(d.reduced());
    }

    @Test
    void rulesAgainstTheCommittedWatermark() throws Exception {
        done(w(10, 30));
        assertEquals(w(30, 50), decide(30, 50).window(), "the next window");
        assertNull(decide(30, 50).gap());

        WindowLedger.Decision skipped = decide(40, 50);
        assertEquals(WindowLedger.Decision.Kind.REFUSED, skipped.kind(), "a gap needs allowGaps");
        assertTrue(skipped.message().contains("run that window first (bounds gte \"1970-01-01T00:00:30\", lt \"1970-01-01T00:00:40\")")
                && skipped.message().contains("\"allowGaps\": true"), skipped.message());
        WindowLedger.Decision gap = decideAllowingGaps(40, 50);
        assertEquals(WindowLedger.Decision.Kind.RUN, gap.kind());
        assertEquals(w(30, 40), gap.gap());
        assertTrue(gap.message().contains("gap"), gap.message());

        WindowLedger.Decision overlap = decide(20, 50);
        assertEquals(WindowLedger.Decision.Kind.RUN, overlap.kind());
        assertTrue(overlap.reduced());
        assertEquals(w(30, 50), overlap.window(), "reduced to the part not yet committed");

        assertEquals(WindowLedger.Decision.Kind.NOTHING, decide(10, 30).kind(), "repeated");
        assertEquals(WindowLedger.Decision.Kind.NOTHING, decide(15, 20).kind(), "inside");

        WindowLedger.Decision before = decide(0, 20);
        assertEquals(WindowLedger.Decision.Kind.REFUSED, before.kind(), "out of order: ends inside the committed part");
        assertTrue(before.message().contains("out of order") && before.message().contains("Nothing was written")
                && before.message().contains(state().toAbsolutePath().toString()), before.message());
        assertEquals(WindowLedger.Decision.Kind.REFUSED, decide(0, 10).kind(), "out of order: before everything");
        assertEquals(WindowLedger.Decision.Kind.REFUSED, decide(0, 50).kind(), "also covers uncommitted time before the watermark");
    }

    @Test
    void aGapBeforeTheWatermarkCanNoLongerBeFilled() throws Exception {
        done(w(10, 20), w(30, 40));
        WindowLedger ledger = CheckpointSnapshot.load(state()).ledger();
        assertEquals(Arrays.asList(w(10, 20), w(30, 40)), ledger.committed());
        assertEquals(Collections.singletonList(w(20, 30)), ledger.gaps());
        assertEquals(Long.valueOf(40), ledger.watermark());
        assertEquals(WindowLedger.Decision.Kind.REFUSED, decide(20, 30).kind());
        assertEquals(WindowLedger.Decision.Kind.REFUSED, decide(25, 45).kind());
        assertEquals(w(40, 45), decide(35, 45).window());
    }

    @Test
    void anIncompleteWindowThatLeftAGapIsCompletedWithoutAllowingGapsAgain() throws Exception {
        done(w(10, 20));
        try (CheckpointLog log = log()) {
            log.commit("2024/a", "a.csv", 3, 10, "s", w(25, 30));
        }
        WindowLedger.Decision d = decide(25, 30);
        assertEquals(WindowLedger.Decision.Kind.RESUME, d.kind());
        assertEquals(w(20, 25), d.gap());
    }

    @Test
    void anIncompleteWindowIsCompletedByTheSameWindowOnly() throws Exception {
        done(w(10, 20));
        try (CheckpointLog log = log()) {
            log.commit("2024/a", "a.csv", 3, 10, "s", w(20, 30));
        }
        WindowLedger ledger = CheckpointSnapshot.load(state()).ledger();
        assertEquals(w(20, 30), ledger.incomplete());
        WindowLedger.Decision again = ledger.decide(w(20, 30), RAW, false);
        assertEquals(WindowLedger.Decision.Kind.RESUME, again.kind());
        assertEquals(Collections.singleton("2024/a"), again.committedUnits());
        assertEquals(WindowLedger.Decision.Kind.RESUME, ledger.decide(w(15, 30), RAW, false).kind(), "the same window once reduced");

        WindowLedger.Decision other = ledger.decide(w(30, 40), RAW, false);
        assertEquals(WindowLedger.Decision.Kind.REFUSED, other.kind());
        assertTrue(other.message().contains("window [1970-01-01T00:00:20, 1970-01-01T00:00:30) is incomplete")
                && other.message().contains("gte \"1970-01-01T00:00:20\", lt \"1970-01-01T00:00:30\""),
                other.message());
        assertEquals(WindowLedger.Decision.Kind.REFUSED, ledger.decide(w(20, 40), RAW, false).kind());
        WindowLedger.Decision repeat = ledger.decide(w(10, 20), RAW, false);
        assertEquals(WindowLedger.Decision.Kind.NOTHING, repeat.kind());
        assertTrue(repeat.message().contains("incomplete"), repeat.message());
    }

    @Test
    void anIntentCountsWhenItsFinalFileProvesTheRename() throws Exception {
        done(w(10, 20));
        Files.write(out.resolve("a.csv"), "h\nr1\nr2\n".getBytes(StandardCharsets.UTF_8));
        String sha = Sha256.ofFile(out.resolve("a.csv"));
        try (CheckpointLog log = log()) {
            log.intent("2024/a", "a.csv", 1, 8, sha, w(20, 30));
            log.intent("2024/b", "b.csv", 1, 8, sha, w(20, 30)); // renamed never: no such file
        }
        WindowLedger ledger = CheckpointSnapshot.load(state()).ledger();
        assertEquals(w(20, 30), ledger.incomplete());
        assertEquals(new LinkedHashSet<>(Collections.singletonList("2024/a")), ledger.unitsCommittedIn(w(20, 30)));
        assertEquals(1, ledger.provenIntents().size());
        assertEquals(FileLine.Kind.COMMIT, ledger.provenIntents().get(0).kind());

        // an intent alone that proves nothing leaves no incomplete window
        Files.delete(out.resolve("a.csv"));
        assertNull(CheckpointSnapshot.load(state()).ledger().incomplete());
    }

    /**
     * A run of [20, 30) announced a file (intent) and failed before the rename; [20, 25) and
     * [25, 30) then grew the file to exactly the announced bytes. The stale intent proves nothing.
     */
    @Test
    void aStaleIntentIsNotProvenByAFileThatLaterWindowsGrewToTheSameBytes() throws Exception {
        byte[] whole = "h\nr1\nr2\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("a.csv"), whole);
        String sha = Sha256.ofFile(out.resolve("a.csv"));
        try (CheckpointLog log = log()) {
            log.intent("2024/a", "a.csv", 2, whole.length, sha, w(20, 30));
            log.commit("2024/a", "a.csv", 1, 5, "s1", w(20, 25));
            log.windowDone(w(20, 25), w(20, 25));
            log.commit("2024/a", "a.csv", 1, whole.length, sha, w(25, 30));
            log.windowDone(w(25, 30), w(25, 30));
        }
        WindowLedger ledger = CheckpointSnapshot.load(state()).ledger();
        assertNull(ledger.incomplete());
        assertTrue(ledger.provenIntents().isEmpty());
        assertEquals(WindowLedger.Decision.Kind.RUN, decide(30, 40).kind());
    }

    @Test
    void datesInMessagesReadBackAsTheSameBounds() throws Exception {
        SortKeyLiteral sh = new SortKeyLiteral(SortKeyUnit.MS, ZoneId.of("Asia/Shanghai"));
        long d2 = sh.toRaw("20240102");
        long d3 = sh.toRaw("2024-01-03");
        long t = sh.toRaw("2024-01-03T08:30:00");
        assertEquals("[2024-01-02, 2024-01-03)", w(d2, d3).text(sh));
        assertEquals("2024-01-03T08:30", sh.text(t));
        assertEquals(Long.valueOf(t), sh.toRaw(sh.text(t)));
        SortKeyLiteral us = new SortKeyLiteral(SortKeyUnit.US, ZoneId.of("UTC"));
        assertEquals("2024-01-01T00:00:00.000001", us.text(1704067200000001L));
        assertEquals("9223372036854775807", RAW.text(Long.MAX_VALUE), "no date for it: the number");
    }

    /** A window with no time in it appends nothing and moves no bound: nothing to do, unless a window is incomplete. */
    @Test
    void anEmptyWindowIsNothingToDoUnlessAWindowIsIncomplete() throws Exception {
        WindowLedger.Decision first = CheckpointSnapshot.load(state()).ledger().decideEmpty("filters.ct gte \"02:00\", lt \"03:00\"", RAW);
        assertEquals(WindowLedger.Decision.Kind.NOTHING, first.kind());
        assertFalse(first.exports());
        assertNull(first.requested());
        assertTrue(first.message().contains("holds no s of time"), first.message());
        done(w(0, 10));
        assertEquals(WindowLedger.Decision.Kind.NOTHING, CheckpointSnapshot.load(state()).ledger().decideEmpty("x", RAW).kind());
        assertEquals(WindowLedger.Decision.Kind.RUN, decide(10, 20).kind(), "the next window starts at the watermark: no gap");
        try (CheckpointLog log = log()) {
            log.commit("2025/k", "k.csv", 1, 1, "x", w(10, 20));
        }
        WindowLedger.Decision whileOpen = CheckpointSnapshot.load(state()).ledger().decideEmpty("x", RAW);
        assertEquals(WindowLedger.Decision.Kind.REFUSED, whileOpen.kind());
        assertTrue(whileOpen.message().contains("[1970-01-01T00:00:10, 1970-01-01T00:00:20)") && whileOpen.message().contains("incomplete"),
                whileOpen.message());
        // the refusal names the bounds that complete the window, as decide's does
        assertTrue(whileOpen.message().contains("(bounds gte \"1970-01-01T00:00:10\", lt \"1970-01-01T00:00:20\")"), whileOpen.message());
    }
}
