package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checkpoint's byte format did not change with the typed lines: {@code checkpoint/a363eee.log} was
 * written by the code of main a363eee (CheckpointLog's writing methods, every line kind); the same calls
 * now write the same bytes, every line reads back to its own text, and the snapshot of that old log says
 * what its lines say (the values below are read off the fixture by hand).
 */
class CheckpointFormatTest {
    private static final TimeWindow W1 = TimeWindow.of(1000, 2000);
    private static final TimeWindow W2 = TimeWindow.of(2000, 3000);

    @TempDir
    Path out;

    private static byte[] fixture() throws Exception {
        try (InputStream in = CheckpointFormatTest.class.getResourceAsStream("/checkpoint/a363eee.log")) {
            assertNotNull(in, "fixture on the test classpath");
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                b.write(buf, 0, n);
            }
            return b.toByteArray();
        }
    }

    private Path stateWithFixture() throws Exception {
        Path state = StateDir.of(out, "sensor", ShardSpec.ALL);
        Files.createDirectories(state);
        Files.write(CheckpointLog.fileIn(state), fixture());
        return state;
    }

    @Test
    void theSameCallsWriteTheBytesTheOldCodeWrote() throws Exception {
        Path state = StateDir.of(out, "sensor", ShardSpec.ALL);
        Map<String, String> fp = new TreeMap<>();
        fp.put("reader.table", "sensor");
        fp.put("writer.nullFormat", "\u00e9\"q\"");
        FileParts.Part cut = FileParts.Part.parse("0/2/1000/1500/1000/2000");
        List<long[]> offsets = Collections.singletonList(new long[] {2000, 25});
        List<long[]> rows = Collections.singletonList(new long[] {2000, 1});
        try (CheckpointLog log = CheckpointLog.create(state, fp)) {
            log.intent("2023/a", "a_2023.csv", 3, 40, "aa11");
            log.commit("2023/a", "a_2023.csv", 3, 40, "aa11");
            log.part("2023/p", cut, FileParts.fileFor("2023/p", cut), "p_2023.csv", 5, 60, "pp00",
                    Arrays.asList("pk", "ct", "v,\u00e9"));
            log.intent("2023/b", "b_2023.csv", 2, 30, "bb22", W1);
            log.commit("2023/b", "b_2023.csv", 2, 30, "bb22", W1);
            log.windowDone(W1, TimeWindow.of(500, 2000));
            log.intent("2023/b", "b_2023.csv", 1, 25, "bb33", W2, new RestateLine(1500, 10, offsets, rows, false));
            log.commit("2023/b", "b_2023.csv", 1, 25, "bb33", W2, new RestateLine(1500, 10, offsets, rows, false));
            log.intent("2023/c", "c_2023.csv", 0, 0, null, W2, RestateLine.deletion(1200));
            log.commit("2023/c", "c_2023.csv", 0, 0, null, W2, RestateLine.deletion(1200));
            Map<String, StreamPosition.Shard> shards = new TreeMap<>();
            shards.put("s0", StreamPosition.Shard.at("it-0"));
            shards.put("s1", StreamPosition.Shard.finished());
            log.streamPosition(new StreamPosition("t_1", 2999, shards));
            log.windowDone(W2, W2);
            log.intent("2023/d", "d_2023.csv", 4, 50, "dd44", TimeWindow.of(3000, 4000));
        }
        assertArrayEquals(fixture(), Files.readAllBytes(CheckpointLog.fileIn(state)));
    }

    @Test
    void everyLineOfTheOldLogReadsBackToItsOwnText() throws Exception {
        String[] lines = new String(fixture(), StandardCharsets.UTF_8).split("\n");
        assertEquals(14, lines.length);
        for (String text : lines) {
            CheckpointLine l = CheckpointLines.parse(text);
            assertNotNull(l, text);
            assertEquals(text, l.toJson());
        }
    }

    @Test
    void theOldLogResumes() throws Exception {
        Path state = stateWithFixture();
        CheckpointSnapshot s = CheckpointSnapshot.load(state);
        Map<String, String> fp = new TreeMap<>();
        fp.put("reader.table", "sensor");
        fp.put("writer.nullFormat", "\u00e9\"q\"");
        assertEquals(fp, s.fingerprint());
        assertEquals(Arrays.asList("2023/a", "2023/b", "2023/c"), Arrays.asList(s.committedUnits().toArray()));
        assertEquals(25, s.committed().get("2023/b").bytes(), "the restating commit is b's latest");
        assertTrue(s.committed().get("2023/c").deletes());
        assertTrue(s.provenIntents().isEmpty(), "d's final file does not exist");
        assertEquals(Collections.singleton("2023/p"), s.pendingParts().keySet());
        PendingParts p = s.pendingParts().get("2023/p");
        assertEquals(2, p.cut.n);
        assertEquals(Arrays.asList("pk", "ct", "v,\u00e9"), p.recorded().get(0).header());
        assertEquals(2, p.missing(state).size(), "part 1 never recorded, part 0's file is not there");
        assertTrue(s.hasProgress());

        WindowLedger ledger = s.ledger();
        assertEquals(Arrays.asList(W1, W2), ledger.done());
        assertEquals(TimeWindow.of(500, 2000), ledger.doneEntries().get(0).requested());
        assertEquals(Long.valueOf(3000), ledger.watermark());
        assertNull(ledger.incomplete(), "d's intent proves nothing: window [3000, 4000) is not incomplete");
        assertEquals(Arrays.asList("2023/b", "2023/c"), Arrays.asList(ledger.commitsByUnit().keySet().toArray()));
        assertEquals(25, ledger.offsets("2023/b").end());
        assertEquals(25, ledger.offsets("2023/b").prefix(2000), "the restating commit left one window, ending at 2000 with 25 bytes");
        assertFalse(ledger.offsets("2023/c").hasFile());
        StreamPosition pos = s.streamPosition();
        assertEquals("t_1", pos.streamId());
        assertEquals(2999, pos.at());
        assertEquals("it-0", pos.shards().get("s0").iterator());
        assertTrue(pos.shards().get("s1").isFinished());
    }
}
