package com.otsrange.reader.changes;

import com.otsrange.common.CheckpointLog;
import com.otsrange.common.TimeWindow;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.plan.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.otsrange.reader.changes.StreamTable.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code {"lookback": L}}: every task key's units with committed windows in [R.from - L, R.from),
 * compared from the earliest such window's start (clipped to the unit); and the stream position a
 * lookback leaves for a later "stream" run.
 */
class LookbackTest {
    static final String TASKS = "{\"k-a\":[\"v\"],\"k-b\":[\"v\"]}";

    @TempDir
    Path dir;

    Restatement lookback(StreamTable t, String span, String from, String to, String... windows) throws Exception {
        ReaderSpec spec = t.spec(t.reader(TASKS, "{\"lookback\":\"" + span + "\"}", null, from, to));
        t.ledger(spec, windows);
        return t.plan(spec, true).window().restatement();
    }

    static Map<String, String> compared(Restatement r) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : StreamChangesTest.marks(r).entrySet()) {
            assertTrue(e.getValue().endsWith("/0/compare"), e.toString());
            String[] p = e.getValue().split("/");
            out.put(e.getKey(), p[0] + "/" + p[1]);
        }
        return out;
    }

    static String from(String from, String coveredTo) {
        return ms(from) + "/" + ms(coveredTo);
    }

    @Test
    void theUnitsWithCommittedWindowsInTheSpanAreCompared() throws Exception {
        try (StreamTable t = StreamTable.start(1, dir)) {
            t.create(0);
            String[] w = StreamChangesTest.WINDOWS;
            // [02-05, 02-08): only W4 (the gap before it was never exported)
            Map<String, String> three = compared(lookback(t, "P3D", "2024-02-08", "2024-02-09", w));
            Map<String, String> expected = new TreeMap<>();
            expected.put("2024-02/k-a", from("2024-02-06", "2024-02-08"));
            expected.put("2024-02/k-b", from("2024-02-06", "2024-02-08"));
            assertEquals(expected, three);
            // [02-03, 02-08): W3 is the earliest
            expected.put("2024-02/k-a", from("2024-02-03", "2024-02-08"));
            expected.put("2024-02/k-b", from("2024-02-03", "2024-02-08"));
            assertEquals(expected, compared(lookback(t, "P5D", "2024-02-08", "2024-02-09", w)));
            // [01-31, 02-08): W1 [01-28, 02-02) reaches into both months: January from its start, February from the 1st
            expected.put("2024-02/k-a", from("2024-02-01", "2024-02-08"));
            expected.put("2024-02/k-b", from("2024-02-01", "2024-02-08"));
            expected.put("2024-01/k-a", from("2024-01-28", "2024-02-01"));
            expected.put("2024-01/k-b", from("2024-01-28", "2024-02-01"));
            Restatement eight = lookback(t, "P8D", "2024-02-08", "2024-02-09", w);
            assertEquals(expected, compared(eight));
            assertNull(eight.position(), "no Stream, no position");
            // hours work too: [02-07T18:00, 02-08) lies in W4
            assertEquals(2, compared(lookback(t, "PT6H", "2024-02-08", "2024-02-09", w)).size());
        }
    }

    /** A run with nothing to do still compares: the span reaches back from S (now). */
    @Test
    void aRunWithNothingToDoLooksBackFromItsStart() throws Exception {
        try (StreamTable t = StreamTable.start(1, dir)) {
            t.create(0);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String a = today.minusDays(2).toString();
            String b = today.minusDays(1).toString();
            ReaderSpec spec = t.spec(t.reader(TASKS, "{\"lookback\":\"P3D\"}", null, a, b));
            t.ledger(spec, a, b);
            Plan plan = t.plan(spec, true);
            assertEquals("nothing to do", plan.window().decision().label());
            assertEquals(2, plan.unitsRestated(), "both keys' units of the committed day");
            for (List<Unit> g : plan.groups()) {
                for (Unit u : g) {
                    assertEquals(ms(a), u.from());
                    assertEquals(ms(b), u.to(), "read to the coverage end: the run's window adds nothing");
                    assertTrue(u.restate().compare());
                }
            }
        }
    }

    /**
     * On a table with a Stream, a lookback records a fresh position when the recorded one is missing
     * or trimmed (it is the remedy for that), and keeps a good one (the stream run after it reads on).
     */
    @Test
    void aLookbackLeavesAStreamPositionOnlyWhereTheRecordedOneCannotBeReadOn() throws Exception {
        try (StreamTable t = StreamTable.start(2, dir)) {
            t.create(1);
            ReaderSpec stream = t.spec(t.reader(TASKS, "\"stream\"", null, "2024-02-08", "2024-02-09"));
            ReaderSpec look = t.spec(t.reader(TASKS, "{\"lookback\":\"P3D\"}", null, "2024-02-08", "2024-02-09"));
            t.ledger(stream, StreamChangesTest.WINDOWS);
            Restatement none = t.plan(look, true).window().restatement();
            assertNotNull(none.position(), "no position recorded: a fresh one");
            assertTrue(none.read().firstRun());

            Restatement first = t.plan(stream, true).window().restatement();
            t.recordPosition(stream, first);
            assertNull(t.plan(look, true).window().restatement().position(), "the recorded position still reads");

            t.put("k-a", 0, ms("2024-02-07T00:00:00"), "v", 1);
            t.emu.setStreamClockOffset(Duration.ofHours(2));
            Restatement trimmed = t.plan(look, true).window().restatement();
            assertNotNull(trimmed.position(), "the recorded position is trimmed: the lookback records a fresh one");
            assertNotEquals(first.position(), trimmed.position());
            try (CheckpointLog log = CheckpointLog.open(t.stateDir(stream))) {
                log.streamPosition(trimmed.position());
            }
            // back to "stream": it reads on from the lookback's position, no refusal
            Restatement after = t.plan(stream, true).window().restatement();
            assertEquals(Collections.emptyMap(), after.units());
            assertEquals(trimmed.position().at(), (long) after.read().positionFrom());
        }
    }

    /**
     * A run completing an interrupted window: a change inside it marks the units already committed
     * in it (they are restated instead of skipped), and not the others (this run reads them anyway).
     */
    @Test
    void completingAnInterruptedWindowRestatesTheUnitsCommittedInIt() throws Exception {
        try (StreamTable t = StreamTable.start(1, dir)) {
            t.create(24);
            ReaderSpec spec = t.spec(t.reader(TASKS, "\"stream\"", null, "2024-02-08", "2024-02-09"));
            t.ledger(spec, StreamChangesTest.WINDOWS);
            TimeWindow open = TimeWindow.of(ms("2024-02-08"), ms("2024-02-09"));
            try (CheckpointLog log = CheckpointLog.open(t.stateDir(spec))) {
                log.commit("2024-02/k-a", "k-a/2024-02.csv", 5, 100, "x", open);
            }
            t.recordPosition(spec, t.plan(spec, true).window().restatement());
            t.put("k-a", 0, ms("2024-02-08T03:00:00"), "v", 1);
            t.put("k-b", 0, ms("2024-02-08T03:00:00"), "v", 1);
            Plan plan = t.plan(spec, true);
            assertEquals("resume", plan.window().decision().label());
            Map<String, String> expected = new TreeMap<>();
            expected.put("2024-02/k-a", ms("2024-02-08") + "/" + ms("2024-02-09") + "/1");
            assertEquals(expected, StreamChangesTest.marks(plan.window().restatement()));
            Map<String, String> planned = new TreeMap<>();
            for (List<Unit> g : plan.groups()) {
                for (Unit u : g) {
                    planned.put(u.id(), u.from() + ".." + u.to() + (u.restate() == null ? "" : " restated"));
                }
            }
            Map<String, String> reads = new TreeMap<>();
            reads.put("2024-02/k-a", ms("2024-02-08") + ".." + ms("2024-02-09") + " restated");
            reads.put("2024-02/k-b", ms("2024-02-08") + ".." + ms("2024-02-09"));
            assertEquals(reads, planned, "k-a is read again although committed in the window; k-b completes it");
            assertEquals(0, plan.unitsSkipped());
        }
    }
}
