package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tmp/restate.json: written atomically, read back field by field, refused when it is something else. */
class RestateFileTest {
    @TempDir
    Path tmp;

    @Test
    void streamHandOverRoundTrip() throws Exception {
        StreamPosition position = StreamPositionTest.position("t_9", 1700000000000L, "s1", "it1", "s0", null);
        RestateFile.Unit b = new RestateFile.Unit("2024/b", 100, 200, 250, false, 3);
        RestateFile.Unit a = new RestateFile.Unit("2024/a", 10, 200, 200, false, 1);
        RestateFile f = new RestateFile(ChangesMode.STREAM, 1700000000500L, position,
                new RestateFile.StreamRead(1690000000000L, 5000, 4, 3), Arrays.asList(b, a));
        assertNull(RestateFile.read(tmp), "nothing handed over yet");
        f.write(tmp);
        try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
            assertEquals(Collections.singletonList(tmp.resolve("restate.json")), files.collect(java.util.stream.Collectors.toList()),
                    "no temp file left");
        }
        JSONObject json = JSON.parseObject(new String(Files.readAllBytes(tmp.resolve("restate.json")), StandardCharsets.UTF_8),
                com.alibaba.fastjson.parser.Feature.OrderedField);
        assertEquals(1, (int) json.getInteger("version"));
        assertEquals("stream", json.get("changes"));
        assertEquals(1700000000500L, (long) json.getLong("startedAt"));
        assertEquals("it1", json.getJSONObject("position").getJSONObject("shards").getJSONObject("s1").getString("iterator"));
        assertEquals(1690000000000L, (long) json.getJSONObject("read").getLong("positionFrom"));
        assertEquals(false, json.getJSONObject("read").getBoolean("firstRun"));
        assertEquals("{\"unit\":\"2024/a\",\"restateFrom\":10,\"coveredTo\":200,\"readTo\":200,\"mode\":\"dirty\",\"records\":1}",
                json.getJSONArray("units").getJSONObject(0).toJSONString(), "units in id order, documented fields");

        RestateFile back = RestateFile.read(tmp);
        assertEquals(ChangesMode.STREAM, back.changes());
        assertEquals(position, back.position());
        assertEquals(Arrays.asList(a, b), back.units());
        assertEquals(b, back.unit("2024/b"));
        assertNull(back.unit("2024/c"));
        assertEquals(1690000000000L, (long) back.read().positionFrom());
        assertEquals(5000, back.read().recordsRead());
        assertEquals(4, back.read().relevantRecords());
        assertEquals(3, back.read().shardsRead());
        assertFalse(back.read().firstRun());
    }

    @Test
    void firstRunAndLookbackHandOvers() throws Exception {
        StreamPosition position = StreamPositionTest.position("t_9", 5, "s0", "it0");
        new RestateFile(ChangesMode.STREAM, 5, position, new RestateFile.StreamRead(null, 0, 0, 0),
                Collections.<RestateFile.Unit>emptyList()).write(tmp);
        RestateFile first = RestateFile.read(tmp);
        assertTrue(first.read().firstRun());
        assertNull(first.read().positionFrom());
        assertTrue(first.units().isEmpty());

        ChangesMode lookback = ChangesMode.lookback(Duration.ofDays(3));
        new RestateFile(lookback, 6, null, null, Collections.singletonList(new RestateFile.Unit("2024-01/k", 1, 2, 3, true, 0)))
                .write(tmp);
        RestateFile back = RestateFile.read(tmp);
        assertEquals(lookback, back.changes());
        assertNull(back.position());
        assertNull(back.read());
        assertTrue(back.unit("2024-01/k").compare());
        assertTrue(new String(Files.readAllBytes(tmp.resolve("restate.json")), StandardCharsets.UTF_8).contains("\"mode\":\"compare\""));
    }

    @Test
    void somethingElseIsRefusedNotMisread() throws Exception {
        String[] bad = {"[]", "{\"version\":2}", "{\"version\":1,\"changes\":\"ignore\",\"startedAt\":1,\"units\":[]}",
            "{\"version\":1,\"changes\":\"stream\",\"startedAt\":1,\"units\":[]}",
            "{\"version\":1,\"changes\":\"stream\",\"startedAt\":1,\"position\":{\"x\":1},\"units\":[]}",
            "{\"version\":1,\"changes\":{\"lookback\":\"P1D\"},\"startedAt\":1,\"units\":[{\"unit\":\"u\",\"restateFrom\":5,"
                + "\"coveredTo\":5,\"readTo\":5,\"mode\":\"compare\",\"records\":0}]}",
            "{\"version\":1,\"changes\":{\"lookback\":\"P1D\"},\"startedAt\":1,\"units\":[{\"unit\":\"u\",\"restateFrom\":1,"
                + "\"coveredTo\":5,\"readTo\":5,\"mode\":\"other\",\"records\":0}]}", "not json"};
        for (String b : bad) {
            Files.write(tmp.resolve("restate.json"), b.getBytes(StandardCharsets.UTF_8));
            IOException e = assertThrows(IOException.class, () -> RestateFile.read(tmp), b);
            assertTrue(e.getMessage().contains("restate.json is not a restate hand-over"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new RestateFile(ChangesMode.IGNORE, 1, null, null,
                Collections.<RestateFile.Unit>emptyList()));
        assertThrows(IllegalArgumentException.class, () -> new RestateFile(ChangesMode.STREAM, 1, null, null,
                Collections.<RestateFile.Unit>emptyList()));
    }
}
