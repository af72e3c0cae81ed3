package com.otsrange.reader.changes;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.StateDir;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.plan.Restatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.otsrange.reader.changes.StreamTable.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the Stream cannot say what changed since the recorded position, the reader's split refuses
 * (OtsRangeReader-12) before anything is read or written, naming the committed range at risk in the
 * job's timeZone and the remedies; the first run records a position and restates nothing.
 */
class StreamRefusalsTest {
    static final String TASKS = "{\"k-a\":[\"v\"],\"k-b\":[\"v\"]}";

    @TempDir
    Path dir;

    ReaderSpec spec(StreamTable t) throws Exception {
        Map<String, Object> reader = t.reader(TASKS, "\"stream\"", null, "2024-02-08", "2024-02-09");
        reader.put("timeZone", "Asia/Shanghai");
        ReaderSpec spec = t.spec(reader);
        t.ledger(spec, StreamChangesTest.WINDOWS);
        return spec;
    }

    static DataXException refused(StreamTable t, ReaderSpec spec) {
        DataXException e = assertThrows(DataXException.class, () -> t.plan(spec, true));
        assertEquals("OtsRangeReader-12", e.getErrorCode().getCode(), e.getMessage());
        return e;
    }

    /** The message's common part: the committed range in Asia/Shanghai, the lookback covering it, how to start over. */
    static void assertRemedies(String m, ReaderSpec spec, Path out) {
        // W1..W4 in UTC, shown in +08:00: the union [01-28, 02-04) and [02-06, 02-08)
        assertTrue(m.contains("committed time range at risk: [2024-01-28T08:00, 2024-02-04T08:00), [2024-02-06T08:00,"
                + " 2024-02-08T08:00)"), m);
        // from the first committed start to this run's window start (2024-02-08 in Shanghai = 02-07T16:00Z): 10.33 days
        assertTrue(m.contains("\"changes\": {\"lookback\": \"P11D\"}"), m);
        assertTrue(m.contains("\"resume\": false") && m.contains(StateDir.of(out, spec.table(), spec.shard()).toString()), m);
        assertTrue(m.contains("Nothing was written"), m);
    }

    @Test
    void aTableWithoutStreamIsRefusedWithHowToEnableIt() throws Exception {
        try (StreamTable t = StreamTable.start(1, dir)) {
            t.create(0);
            ReaderSpec spec = spec(t);
            String m = refused(t, spec).getMessage();
            assertTrue(m.contains("table ev has no Stream enabled") && m.contains("StreamSpecification(true, 72)")
                    && m.contains("{\"lookback\": \"P3D\"}"), m);
            assertFalse(Files.exists(StateDir.of(dir, spec.table(), spec.shard()).resolve("tmp")), "nothing handed over");
        }
    }

    @Test
    void aStreamDisabledAndEnabledAgainIsAnotherStream() throws Exception {
        try (StreamTable t = StreamTable.start(2, dir)) {
            t.create(24);
            ReaderSpec spec = spec(t);
            String before = t.streamId();
            t.recordPosition(spec, t.plan(spec, true).window().restatement());
            t.stream(false, 0);
            t.stream(true, 24);
            String after = t.streamId();
            assertNotEquals(before, after);
            String m = refused(t, spec).getMessage();
            assertTrue(m.contains("belongs to stream " + before + ", but the table's Stream is now " + after), m);
            assertRemedies(m, spec, dir);
        }
    }

    /** Records written after the position expire (the stream clock moved past the expiration): the position is trimmed. */
    @Test
    void aTrimmedPositionIsRefused() throws Exception {
        try (StreamTable t = StreamTable.start(2, dir)) {
            t.create(1);
            ReaderSpec spec = spec(t);
            Restatement first = t.plan(spec, true).window().restatement();
            t.recordPosition(spec, first);
            for (String k : Arrays.asList("k-a", "k-b")) {
                t.put(k, 0, ms("2024-01-30T00:00:00"), "v", 1);
            }
            t.emu.setStreamClockOffset(Duration.ofHours(2));
            String m = refused(t, spec).getMessage();
            assertTrue(m.contains("OTSTrimmedDataAccess") && m.contains("no longer keeps the records since then"), m);
            // S of the run that recorded it, shown in the job's zone
            assertTrue(m.contains("since " + new ChangesRefusal("ev", new com.otsrange.common.SortKeyLiteral(spec.timeUnit(),
                    spec.timeZone()), Collections.<com.otsrange.common.TimeWindow>emptyList(), 0, dir).time(first.position().at())), m);
            assertTrue(m.contains("+08:00 (when the run that recorded the stream position started)"), m);
            assertRemedies(m, spec, dir);
        }
    }

    /** A split shard the position had not read to its end, gone once its records expired: refused before any read. */
    @Test
    void aRecordedShardThatIsGoneIsRefused() throws Exception {
        try (StreamTable t = StreamTable.start(2, dir)) {
            t.create(1);
            ReaderSpec spec = spec(t);
            t.put("k-a", 0, ms("2024-01-30T00:00:00"), "v", 1);
            String shard = t.shardOf("k-a");
            t.recordPosition(spec, t.plan(spec, true).window().restatement());
            t.emu.splitStreamShard(StreamTable.TABLE, shard);
            t.emu.setStreamClockOffset(Duration.ofHours(3));
            long reads = t.emu.stats().requests("GetStreamRecord");
            String m = refused(t, spec).getMessage();
            assertTrue(m.contains("shard " + shard + " of the Stream, which the last run had not read to its end, is gone"), m);
            assertRemedies(m, spec, dir);
            assertEquals(reads, t.emu.stats().requests("GetStreamRecord"), "refused before reading a record");
        }
    }

    /**
     * The first run takes an iterator per shard at its start (less a margin for clocks) and restates
     * nothing; changes older than that are not seen by the next run, later ones are.
     */
    @Test
    void theFirstRunRecordsThePositionAndRestatesNothing() throws Exception {
        try (StreamTable t = new StreamTable(OtsEmulator.builder().streamShards(2), dir)) {
            t.emu.setStreamClockOffset(Duration.ofHours(-1)); // the stream clock never goes back: set before the stream exists
            t.create(48);
            ReaderSpec spec = spec(t);
            t.put("k-a", 0, ms("2024-01-30T00:00:00"), "v", 1);           // an hour "ago": before the first run's position
            t.emu.setStreamClockOffset(Duration.ZERO);
            t.put("k-b", 0, ms("2024-01-30T00:00:00"), "v", 1);           // just before it, inside the clocks' margin
            long iterators = t.emu.stats().requests("GetShardIterator");
            long reads = t.emu.stats().requests("GetStreamRecord");
            long describes = t.emu.stats().requests("DescribeTable");
            Restatement first = t.plan(spec, true).window().restatement();
            assertTrue(first.units().isEmpty());
            assertTrue(first.read().firstRun());
            assertEquals(1, t.emu.stats().requests("DescribeTable") - describes, "one DescribeTable: the key and the Stream");
            assertEquals(2, t.emu.stats().requests("GetShardIterator") - iterators, "one iterator per shard");
            assertEquals(reads, t.emu.stats().requests("GetStreamRecord"), "a first run reads no record");
            t.recordPosition(spec, first);
            t.put("k-a", 0, ms("2024-02-02T00:00:00"), "v", 2);           // after the first run
            Map<String, String> marks = StreamChangesTest.marks(t.plan(spec, true).window().restatement());
            assertEquals(Arrays.asList("2024-01/k-b", "2024-02/k-a"), new java.util.ArrayList<>(marks.keySet()),
                    "k-a's January change predates the position; k-b's is inside the margin, k-a's February one after it");
        }
    }

    @Test
    void changesOutsideIncrementalModeAreRefusedAsAnInvalidParameter() throws Exception {
        try (StreamTable t = StreamTable.start(1, dir)) {
            Map<String, Object> reader = t.reader(TASKS, "{\"lookback\":\"P3D\"}", null, "2024-02-08", "2024-02-09");
            ReaderSpec incremental = t.spec(reader);
            ReaderPlanning.requireChangesFit(incremental, t.writer(false));
            Map<String, Object> truncate = StreamTable.writerParameter(dir, false);
            truncate.put("writeMode", "truncate");
            reader.put("resume", false);
            List<Object[]> cases = Arrays.asList(new Object[] {t.spec(reader), t.writer(false)},
                    new Object[] {incremental, com.otsrange.reader.WriterPeer.of(null, truncate, dir)},
                    new Object[] {incremental, com.otsrange.reader.WriterPeer.of(null, Collections.<String, Object>emptyMap(), dir)});
            for (Object[] c : cases) {
                DataXException e = assertThrows(DataXException.class,
                        () -> ReaderPlanning.requireChangesFit((ReaderSpec) c[0], (com.otsrange.reader.WriterPeer) c[1]));
                assertEquals("OtsRangeReader-01", e.getErrorCode().getCode());
                assertTrue(e.getMessage().contains("parameter.changes: {\"lookback\":\"P3D\"} needs incremental mode"), e.getMessage());
            }
            // csvyearwriter's parameter invalid (null peer): the mode is unknown, csvyearwriter refuses its own parameter
            ReaderPlanning.requireChangesFit(t.spec(reader), null);
        }
    }

    /** The split of a run whose sort-key bounds leave no window (validate and the writer Job refuse it first). */
    @Test
    @SuppressWarnings("unchecked")
    void aSplitWithoutAWindowIsRefusedAsAnInvalidParameter() throws Exception {
        try (StreamTable t = StreamTable.start(1, dir)) {
            t.create(0);
            Map<String, Object> reader = t.reader(TASKS, null, null, "2024-02-08", "2024-02-09");
            ((Map<String, Object>) ((Map<String, Object>) reader.get("filters")).get("ct")).remove("lt");
            DataXException e = assertThrows(DataXException.class, () -> t.plan(t.spec(reader), false));
            assertEquals("OtsRangeReader-01", e.getErrorCode().getCode());
            assertTrue(e.getMessage().contains("incremental mode (writer writeMode append with resume true) needs the run's window in"
                    + " the sort key's bounds: parameter.filters.ct: incremental mode needs a lower and an upper bound on the sort key ct"), e.getMessage());
        }
    }
}
