package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream position value and its checkpoint line: the documented format, last one wins, older readers skip it. */
class StreamPositionTest {
    @TempDir
    Path out;

    static StreamPosition position(String streamId, long at, String... shardIteratorPairs) {
        Map<String, StreamPosition.Shard> shards = new LinkedHashMap<>();
        for (int i = 0; i < shardIteratorPairs.length; i += 2) {
            String it = shardIteratorPairs[i + 1];
            shards.put(shardIteratorPairs[i], it == null ? StreamPosition.Shard.finished() : StreamPosition.Shard.at(it));
        }
        return new StreamPosition(streamId, at, shards);
    }

    @Test
    void theLineIsTheDocumentedJson() throws Exception {
        Path state = StateDir.of(out, "t", ShardSpec.ALL);
        StreamPosition p = position("t_1", 1700000000123L, "b-shard", "it-b", "a-shard", null);
        try (CheckpointLog log = CheckpointLog.create(state, Collections.<String, String>emptyMap())) {
            log.streamPosition(p);
        }
        List<String> lines = Files.readAllLines(CheckpointLog.fileIn(state), StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"streamPosition\",\"streamId\":\"t_1\",\"at\":1700000000123,\"shards\":"
                + "{\"a-shard\":{\"finished\":true},\"b-shard\":{\"iterator\":\"it-b\"}}}", lines.get(1));
        assertEquals(p, CheckpointSnapshot.load(state).ledger().streamPosition());
        assertEquals(p, StreamPosition.fromJson(JSON.parse(lines.get(1))), "the line's type is ignored");
    }

    /**
     * The ledger reads the last position; a torn last line is no position, a damaged whole one is refused; intent, commit and window
     * lines read as before (readAll does not list the new line, as older code never knew it).
     */
    @Test
    void theLedgerHasTheLastPositionAndTheOtherLinesAreUnchanged() throws Exception {
        Path state = StateDir.of(out, "t", ShardSpec.parse("0/2"));
        assertNull(CheckpointSnapshot.load(state).ledger().streamPosition(), "no checkpoint, no position");
        TimeWindow w1 = TimeWindow.of(0, 10);
        TimeWindow w2 = TimeWindow.of(10, 20);
        StreamPosition first = position("t_1", 5, "s0", "i0");
        StreamPosition second = position("t_1", 15, "s0", "i1", "s1", null);
        try (CheckpointLog log = CheckpointLog.create(state, Collections.<String, String>emptyMap())) {
            log.commit("1970/k", "k_1970.csv", 3, 30, "sha", w1);
            log.streamPosition(first);
            log.windowDone(w1, w1);
            log.commit("1970/k", "k_1970.csv", 2, 50, "sha2", w2);
            assertEquals(first, CheckpointSnapshot.load(state).ledger().streamPosition());
            log.streamPosition(second);
            log.windowDone(w2, w2);
        }
        WindowLedger ledger = CheckpointSnapshot.load(state).ledger();
        assertEquals(second, ledger.streamPosition());
        assertEquals(Arrays.asList(w1, w2), ledger.done());
        assertEquals(4, CheckpointLines.of(state, FileLine.class).size()
                + CheckpointLines.of(state, WindowDoneLine.class).size(), "two commits and two windowDone lines, no position line");
        assertEquals(Collections.singleton("1970/k"), CheckpointSnapshot.load(state).committedUnits());

        Files.write(CheckpointLog.fileIn(state), "{\"type\":\"streamPosition\",\"streamId\":\"t_1\",\"at\":99,\"shards\":{}"
                .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertEquals(second, CheckpointSnapshot.load(state).ledger().streamPosition(), "a torn line is no position");
        Files.write(CheckpointLog.fileIn(state), "}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        StreamPosition nowComplete = new StreamPosition("t_1", 99, Collections.<String, StreamPosition.Shard>emptyMap());
        assertEquals(nowComplete, CheckpointSnapshot.load(state).ledger().streamPosition(), "the completed line counts");
        // a whole position line no writer wrote is damage: refused, not skipped (CheckpointDamageTest)
        Files.write(CheckpointLog.fileIn(state), "{\"type\":\"streamPosition\",\"streamId\":\"\",\"at\":1,\"shards\":{}}\n"
                .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        CheckpointDamaged e = assertThrows(CheckpointDamaged.class, () -> CheckpointSnapshot.load(state));
        assertTrue(e.getMessage().contains("a \"streamPosition\" line without the fields it needs"), e.getMessage());
    }

    @Test
    void valuesThatAreNoPositionReadAsNull() {
        String[] bad = {"null", "[]", "{\"at\":1,\"shards\":{}}", "{\"streamId\":\"s\",\"shards\":{}}", "{\"streamId\":\"s\",\"at\":\"x\",\"shards\":{}}",
            "{\"streamId\":\"s\",\"at\":1,\"shards\":{\"a\":{}}}", "{\"streamId\":\"s\",\"at\":1,\"shards\":{\"a\":{\"iterator\":\"\"}}}",
            "{\"streamId\":\"s\",\"at\":1,\"shards\":{\"a\":{\"finished\":false}}}", "{\"streamId\":\"s\",\"at\":1,\"shards\":[]}"};
        for (String b : bad) {
            assertNull(StreamPosition.fromJson(JSON.parse(b)), b);
        }
        StreamPosition p = StreamPosition.fromJson(JSON.parse("{\"streamId\":\"s\",\"at\":\"7\",\"shards\":{\"a\":{\"finished\":true},"
                + "\"b\":{\"iterator\":\"x\",\"extra\":1}}}"));
        assertEquals(position("s", 7, "a", null, "b", "x"), p);
        assertTrue(p.shards().get("a").isFinished());
        assertEquals("x", p.shards().get("b").iterator());
        assertEquals("stream s at 7 (2 shard(s), 1 finished)", p.toString(), "no iterator in logs");
    }
}
