package com.otsrange.reader.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.Problems;
import com.otsrange.common.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The incremental window comes from the reader's own parse of its filters. */
class WindowRequestTest {
    @TempDir
    Path dir;

    WindowRequest request(String filters, String extra) {
        Map<String, Object> r = JSON.parseObject("{\"table\":\"t\",\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"resume\":true,"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":[\"x\"]}}" + extra + "}", Feature.OrderedField);
        r.put("filters", JSON.parseObject(filters, Feature.OrderedField));
        SpecResult s = ReaderSpecParser.parseShared(r, dir);
        assertTrue(s.isValid(), s.problems().toString());
        return s.spec().windowRequest();
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void everyBoundFormBecomesAHalfOpenWindowInTheRawUnit() {
        // dates are midnight in the job's zone, ${bizdate}-style compact dates included
        WindowRequest q = request("{\"ct\":{\"gte\":\"20240102\",\"lt\":\"2024-01-03\",\"chunkBy\":\"day\"}}", ",\"timeZone\":\"Asia/Shanghai\"");
        assertEquals(Collections.emptyList(), q.problems());
        assertEquals(TimeWindow.of(ms("2024-01-01T16:00:00Z"), ms("2024-01-02T16:00:00Z")), q.window());
        assertEquals("[2024-01-02, 2024-01-03)", q.window().text(q.literal()));

        assertEquals(TimeWindow.of(6, 101), request("{\"ct\":{\"gt\":5,\"lte\":100}}", "").window());
        assertEquals(TimeWindow.of(5, 101), request("{\"ct\":{\"between\":[5,100]}}", "").window());
        // several bounds: the tightest
        assertEquals(TimeWindow.of(7, 50), request("{\"ct\":{\"gte\":5,\"gt\":6,\"lt\":50,\"lte\":60}}", "").window());
        assertEquals(TimeWindow.of(1704067200L, 1704067210L),
                request("{\"ct\":{\"gte\":\"2024-01-01\",\"lte\":\"2024-01-01T00:00:09Z\"}}", ",\"timeUnit\":\"s\"").window());
    }

    @Test
    void whatIncrementalModeNeedsIsNamedByPath() {
        Map<String, Object> noSchema = JSON.parseObject("{\"table\":\"t\",\"filters\":{\"ct\":{\"gte\":1,\"lt\":2}},"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"a\":[\"x\"]}}}");
        WindowRequest a = ReaderSpecParser.parseShared(noSchema, dir).spec().windowRequest();
        assertNull(a.window());
        assertEquals(1, a.problems().size());
        assertTrue(Problems.texts(a.problems()).get(0).startsWith("parameter.schema.sortKey: incremental mode"), a.problems().toString());

        List<String> onlyLow = Problems.texts(request("{\"ct\":{\"gte\":1}}", "").problems());
        assertEquals(1, onlyLow.size());
        assertTrue(onlyLow.get(0).startsWith("parameter.filters.ct: ") && onlyLow.get(0).contains("upper bound"), onlyLow.toString());
        List<String> none = Problems.texts(request("{\"dim\":0}", "").problems());
        assertTrue(none.get(0).startsWith("parameter.filters.ct: ") && none.get(0).contains("missing both"), none.toString());

        List<String> ne = Problems.texts(request("{\"ct\":{\"gte\":1,\"lt\":9,\"ne\":3}}", "").problems());
        assertTrue(ne.get(0).startsWith("parameter.filters.ct.ne: incremental mode"), ne.toString());
        assertTrue(Problems.texts(request("{\"ct\":5}", "").problems()).get(0).startsWith("parameter.filters.ct: incremental mode takes"));

        // " ct" names the sort key ct: its bounds make the window
        WindowRequest blank = request("{\"ct\":{\"gte\":1,\"lt\":9}}", ",\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\" ct\"}");
        assertEquals(TimeWindow.of(1, 9), blank.window());
    }
}
