package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalTest {

    private static Map<String, Object> reader(String filters) {
        JSONObject r = JSON.parseObject("{\"table\":\"t\",\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"resume\":true}");
        r.put("filters", JSON.parseObject(filters));
        return r;
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void modeIsAppendWithResume() {
        assertTrue(Incremental.isOn("append", true));
        assertTrue(Incremental.isOn(" Append ", "true"));
        assertFalse(Incremental.isOn("append", false));
        assertFalse(Incremental.isOn("append", null));
        assertFalse(Incremental.isOn("truncate", true));
        assertFalse(Incremental.isOn(null, true));
    }

    @Test
    void everyBoundFormBecomesAHalfOpenWindowInTheRawUnit() {
        // dates are midnight in the job's zone, ${bizdate}-style compact dates included
        Map<String, Object> r = reader("{\"ct\":{\"gte\":\"20240102\",\"lt\":\"2024-01-03\",\"chunkBy\":\"day\"}}");
        r.put("timeZone", "Asia/Shanghai");
        Incremental.Request q = Incremental.request(r);
        assertEquals(Collections.emptyList(), q.problems());
        assertEquals(TimeWindow.of(ms("2024-01-01T16:00:00Z"), ms("2024-01-02T16:00:00Z")), q.window());
        assertEquals("[2024-01-02, 2024-01-03)", q.window().text(q.literal()));

        assertEquals(TimeWindow.of(6, 101), Incremental.request(reader("{\"ct\":{\"gt\":5,\"lte\":100}}")).window());
        assertEquals(TimeWindow.of(5, 101), Incremental.request(reader("{\"ct\":{\"between\":[5,100]}}")).window());
        // several bounds: the tightest
        assertEquals(TimeWindow.of(7, 50), Incremental.request(reader("{\"ct\":{\"gte\":5,\"gt\":6,\"lt\":50,\"lte\":60}}")).window());
        Map<String, Object> seconds = reader("{\"ct\":{\"gte\":\"2024-01-01\",\"lte\":\"2024-01-01T00:00:09Z\"}}");
        seconds.put("timeUnit", "s");
        assertEquals(TimeWindow.of(1704067200L, 1704067210L), Incremental.request(seconds).window());
    }

    @Test
    void whatIncrementalModeNeedsIsNamedByPath() {
        Map<String, Object> noSchema = reader("{\"ct\":{\"gte\":1,\"lt\":2}}");
        noSchema.remove("schema");
        Incremental.Request a = Incremental.request(noSchema);
        assertNull(a.window());
        assertEquals(1, a.problems().size());
        assertTrue(a.problems().get(0).startsWith("schema.sortKey: incremental mode"), a.problems().toString());

        List<String> onlyLow = Incremental.request(reader("{\"ct\":{\"gte\":1}}")).problems();
        assertEquals(1, onlyLow.size());
        assertTrue(onlyLow.get(0).startsWith("filters.ct: ") && onlyLow.get(0).contains("upper bound"), onlyLow.toString());
        List<String> none = Incremental.request(reader("{\"dim\":0}")).problems();
        assertTrue(none.get(0).startsWith("filters.ct: ") && none.get(0).contains("missing both"), none.toString());

        List<String> eq = Incremental.request(reader("{\"ct\":{\"gte\":1,\"lt\":9,\"ne\":3}}")).problems();
        assertEquals(Arrays.asList("filters.ct.ne"), Arrays.asList(eq.get(0).substring(0, eq.get(0).indexOf(": "))));
        assertTrue(Incremental.request(reader("{\"ct\":5}")).problems().get(0).contains("plain value"));

        // values the reader's parser already reports are not repeated, but there is no window
        Incremental.Request bad = Incremental.request(reader("{\"ct\":{\"gte\":\"2023-13-45\",\"lt\":\"2024-01-01\"}}"));
        assertEquals(Collections.emptyList(), bad.problems());
        assertNull(bad.window());
        assertTrue(bad.error().contains("filters.ct.gte"), bad.error());
        Incremental.Request reversed = Incremental.request(reader("{\"ct\":{\"gte\":9,\"lt\":9}}"));
        assertNull(reversed.window());
        assertNotNull(reversed.error());
    }

    @Test
    void chunkByNeverAndTheWindowOnlyInIncrementalModeShapeTheFingerprint() {
        Map<String, Object> r1 = reader("{\"dim\":0,\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2024-01-02\",\"chunkBy\":\"year\"}}");
        Map<String, Object> r2 = reader("{\"dim\":0,\"ct\":{\"gte\":\"2024-01-02\",\"lt\":\"2024-01-03\",\"chunkBy\":\"day\"}}");
        Map<String, Object> r3 = reader("{\"dim\":1,\"ct\":{\"gte\":\"2024-01-02\",\"lt\":\"2024-01-03\"}}");
        Map<String, Object> append = JSON.parseObject("{\"path\":\"/out\",\"writeMode\":\"append\"}");
        Map<String, Object> truncate = JSON.parseObject("{\"path\":\"/out\"}");
        JobFingerprint a = JobFingerprint.of(r1, append, Paths.get(""));
        assertEquals(Collections.emptyList(), JobFingerprint.of(r2, append, Paths.get("")).changedComponents(a.components()),
                "another window and another chunkBy: the same incremental job");
        assertEquals(Arrays.asList("reader.filters"), JobFingerprint.of(r3, append, Paths.get("")).changedComponents(a.components()));

        // outside incremental mode the bounds are the job, chunkBy still is not
        JobFingerprint t = JobFingerprint.of(r1, truncate, Paths.get(""));
        assertEquals(Arrays.asList("reader.filters"), JobFingerprint.of(r2, truncate, Paths.get("")).changedComponents(t.components()));
        Map<String, Object> r1Month = reader("{\"dim\":0,\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2024-01-02\",\"chunkBy\":\"month\"}}");
        assertEquals(Collections.emptyList(), JobFingerprint.of(r1Month, truncate, Paths.get("")).changedComponents(t.components()));
        Map<String, Object> noChunk = reader("{\"dim\":0,\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2024-01-02\"}}");
        assertEquals(Collections.emptyList(), JobFingerprint.of(noChunk, truncate, Paths.get("")).changedComponents(t.components()));

        // switching a folder between incremental and full exports is a change of the job
        Map<String, Object> notResumed = reader("{\"dim\":0,\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2024-01-02\"}}");
        notResumed.put("resume", false);
        assertEquals(Arrays.asList("incremental", "reader.filters"),
                JobFingerprint.of(notResumed, append, Paths.get("")).changedComponents(a.components()));
    }

    @Test
    void filtersIdentityDropsOnlyWhatShapesNoOutput() {
        Object f = JSON.parseObject("{\"a\":{\"chunkBy\":\"day\"},\"ct\":{\"gte\":1,\"lt\":2,\"ne\":5,\"chunkBy\":\"day\"},\"x\":3}");
        assertEquals(JSON.parseObject("{\"ct\":{\"ne\":5},\"x\":3}"), Incremental.filtersIdentity(f, "ct"));
        assertEquals(JSON.parseObject("{\"ct\":{\"gte\":1,\"lt\":2,\"ne\":5},\"x\":3}"), Incremental.filtersIdentity(f, null));
        assertNull(Incremental.filtersIdentity(null, "ct"));
    }
}
