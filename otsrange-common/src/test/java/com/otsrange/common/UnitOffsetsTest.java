package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window -> byte offset map the ledger gives each unit (issue 21), from the lines as written. */
class UnitOffsetsTest {
    @TempDir
    Path out;

    Path state() {
        return StateDir.of(out, "t", ShardSpec.ALL);
    }

    static List<long[]> pairs(long... v) {
        List<long[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.length; i += 2) {
            out.add(new long[] {v[i], v[i + 1]});
        }
        return out;
    }

    /** Window end -> [bytes, rows] as the test expects it. */
    static Map<Long, List<Long>> map(UnitOffsets o) {
        Map<Long, List<Long>> m = new LinkedHashMap<>();
        for (Map.Entry<Long, long[]> e : o.windows().entrySet()) {
            m.put(e.getKey(), Arrays.asList(e.getValue()[0], e.getValue()[1]));
        }
        return m;
    }

    @Test
    void ordinaryCommitsThenARestatementThenARemoval() throws Exception {
        try (CheckpointLog log = CheckpointLog.create(state(), Collections.<String, String>emptyMap())) {
            log.commit("u", "u.csv", 3, 100, "a", TimeWindow.of(0, 10));
            log.windowDone(TimeWindow.of(0, 10), TimeWindow.of(0, 10));
            log.commit("u", "u.csv", 2, 150, "b", TimeWindow.of(10, 20));
            log.windowDone(TimeWindow.of(10, 20), TimeWindow.of(10, 20));
            // window [20, 30): no rows of u, no line
            log.windowDone(TimeWindow.of(20, 30), TimeWindow.of(20, 30));
            log.commit("u", "u.csv", 4, 260, "c", TimeWindow.of(30, 40));
            log.windowDone(TimeWindow.of(30, 40), TimeWindow.of(30, 40));
        }
        UnitOffsets before = CheckpointSnapshot.load(state()).ledger().offsets("u");
        assertEquals(0, before.prefix(0));
        assertEquals(100, before.prefix(10));
        assertEquals(150, before.prefix(20), "no line in [20, 30): the offset of the window before");
        assertEquals(150, before.prefix(30));
        assertEquals(260, before.end());
        assertEquals(9, before.rows());

        try (CheckpointLog log = CheckpointLog.open(state())) {
            // restated from 10, with this run's window [40, 50): [10, 20) now 1 row, [30, 40) none, [40, 50) 5 rows
            log.commit("u", "u.csv", 6, 300, "d", TimeWindow.of(40, 50),
                    new RestateLine(10, 100, pairs(20, 120, 50, 300), pairs(20, 1, 50, 5), false));
            log.windowDone(TimeWindow.of(40, 50), TimeWindow.of(40, 50));
        }
        UnitOffsets after = CheckpointSnapshot.load(state()).ledger().offsets("u");
        Map<Long, List<Long>> expected = new LinkedHashMap<>();
        expected.put(10L, Arrays.asList(100L, 3L));
        expected.put(20L, Arrays.asList(120L, 1L));
        expected.put(50L, Arrays.asList(300L, 5L));
        assertEquals(expected, map(after));
        assertEquals(120, after.prefix(30), "the dropped window [30, 40) no longer counts");
        assertEquals(300, after.end());
        assertEquals("u.csv", after.file());

        try (CheckpointLog log = CheckpointLog.open(state())) {
            // a run that only restates (no window): the unit has no rows left
            log.intent("u", "u.csv", 0, 0, null, null, RestateLine.deletion(0));
            log.commit("u", "u.csv", 0, 0, null, null, RestateLine.deletion(0));
        }
        WindowLedger ledger = CheckpointSnapshot.load(state()).ledger();
        assertFalse(ledger.offsets("u").hasFile());
        assertNull(ledger.incomplete(), "a line without a window makes none incomplete");
        assertTrue(CheckpointSnapshot.load(state()).committed().get("u").deletes());
    }

    @Test
    void anOlderCheckpointWithoutOffsetsIsReadAsBefore() throws Exception {
        String lines = "{\"type\":\"header\",\"version\":1,\"fingerprint\":{}}\n"
                + "{\"type\":\"intent\",\"unit\":\"u\",\"file\":\"u.csv\",\"rows\":3,\"bytes\":40,\"sha256\":\"x\",\"window\":[0,10]}\n"
                + "{\"type\":\"commit\",\"unit\":\"u\",\"file\":\"u.csv\",\"rows\":3,\"bytes\":40,\"sha256\":\"x\",\"window\":[0,10]}\n"
                + "{\"type\":\"windowDone\",\"window\":[0,10],\"requested\":[0,10]}\n"
                + "{\"type\":\"commit\",\"unit\":\"u\",\"file\":\"u.csv\",\"rows\":1,\"bytes\":55,\"sha256\":\"y\",\"window\":[10,20]}\n"
                + "{\"type\":\"windowDone\",\"window\":[10,20],\"requested\":[10,20]}\n";
        Files.createDirectories(state());
        Files.write(CheckpointLog.fileIn(state()), lines.getBytes(StandardCharsets.UTF_8));
        UnitOffsets o = CheckpointSnapshot.load(state()).ledger().offsets("u");
        assertEquals(40, o.prefix(10));
        assertEquals(55, o.end());
        assertEquals(4, o.rows());
    }

    @Test
    void theIntentRuleHoldsForRestatingLines() throws Exception {
        Files.write(out.resolve("new.csv"), "h\nr\n".getBytes(StandardCharsets.UTF_8));
        Files.write(out.resolve("gone.csv"), "h\nr\n".getBytes(StandardCharsets.UTF_8));
        String sha = Sha256.ofFile(out.resolve("new.csv"));
        try (CheckpointLog log = CheckpointLog.create(state(), Collections.<String, String>emptyMap())) {
            log.commit("n", "new.csv", 1, 2, "old", TimeWindow.of(0, 10));
            log.commit("g", "gone.csv", 1, 4, "old", TimeWindow.of(0, 10));
            log.windowDone(TimeWindow.of(0, 10), TimeWindow.of(0, 10));
            // renamed, commit line lost (a run without a window)
            log.intent("n", "new.csv", 1, 4, sha, null, new RestateLine(0, 0, pairs(10, 4), pairs(10, 1), false));
            // removal announced, the file is still there (killed before the delete)
            log.intent("g", "gone.csv", 0, 0, null, null, RestateLine.deletion(0));
        }
        WindowLedger ledger = CheckpointSnapshot.load(state()).ledger();
        assertEquals(4, ledger.offsets("n").end(), "the proven intent counts");
        assertEquals(1, ledger.provenIntents().size());
        assertTrue(ledger.offsets("g").hasFile(), "the removal did not happen");
        Files.delete(out.resolve("gone.csv"));
        assertFalse(CheckpointSnapshot.load(state()).ledger().offsets("g").hasFile(), "the file is gone: the removal is proven");
    }
}
