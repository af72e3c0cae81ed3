package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one parser of {@code changes}: every form it takes, every refusal with its JSON path. */
class ChangesModeTest {
    static final String PATH = "parameter.changes";

    static ChangesMode parse(String json, Problems problems) {
        return ChangesMode.parse(json == null ? null : JSON.parse(json), PATH, problems);
    }

    static List<JsonProblem> refused(String json) {
        Problems problems = new Problems();
        assertNull(parse(json, problems), json);
        assertEquals(1, problems.count(), json + ": " + problems.texts());
        return problems.list();
    }

    @Test
    void absentIsIgnoreAndTheThreeFormsParse() {
        Problems problems = new Problems();
        assertEquals(ChangesMode.IGNORE, parse(null, problems));
        assertEquals(ChangesMode.IGNORE, parse("\"ignore\"", problems));
        assertEquals(ChangesMode.STREAM, parse("\"stream\"", problems));
        assertEquals(ChangesMode.STREAM, parse("\" stream \"", problems));
        // the product's leniency policy: keywords in any case, the duration too (Duration.parse takes "p3d")
        assertEquals(ChangesMode.STREAM, parse("\"Stream\"", problems));
        assertEquals(ChangesMode.IGNORE, parse("\"\\tIGNORE \"", problems));
        assertEquals(Duration.ofDays(3), parse("{\"lookback\": \" p3d \"}", problems).lookback());
        ChangesMode days = parse("{\"lookback\": \"P3D\"}", problems);
        assertEquals(ChangesMode.Kind.LOOKBACK, days.kind());
        assertEquals(Duration.ofHours(72), days.lookback());
        assertEquals(Duration.ofMinutes(6 * 60 + 30), parse("{\"lookback\": \"PT6H30M\"}", problems).lookback());
        assertEquals(Duration.ofHours(36), parse("{\"lookback\": \"P1DT12H\"}", problems).lookback());
        assertTrue(problems.isEmpty(), problems.texts().toString());
        assertTrue(ChangesMode.IGNORE.ignores());
        assertEquals(ChangesMode.lookback(Duration.ofDays(3)), days, "equal by the span, whatever the spelling");
    }

    @Test
    void theJsonFormKeepsWhatTheUserWrote() {
        ChangesMode days = parse("{\"lookback\": \"P3D\"}", new Problems());
        assertEquals(Collections.singletonMap("lookback", "P3D"), days.toJson());
        assertEquals("lookback P3D", days.toString());
        assertEquals("stream", ChangesMode.STREAM.toJson());
        assertEquals("ignore", ChangesMode.IGNORE.toString());
        assertEquals(days, ChangesMode.parse(days.toJson(), PATH, new Problems()), "reads back");
    }

    /** What the job fingerprint would hash and the declarations compare: one value per meaning, whatever the spelling. */
    @Test
    void theCanonicalFormIsOnePerMeaning() {
        assertEquals("stream", parse("\" STREAM\"", new Problems()).canonical());
        assertEquals("ignore", ChangesMode.IGNORE.canonical());
        Object days = Collections.singletonMap("lookback", "PT72H");
        for (String written : new String[] {"P3D", "p3d", "PT72H", "PT4320M", " P2DT24H "}) {
            assertEquals(days, parse("{\"lookback\": \"" + written + "\"}", new Problems()).canonical(), written);
        }
    }

    @Test
    void refusalsNameThePathTheValueAndTheFix() {
        String[][] cases = {
            {"\"Streams\"", PATH, "\"Streams\" is invalid"},
            {"\"\u00a0stream\"", PATH, "is invalid"},
            {"\"P3D\"", PATH, "{\"lookback\": \"P3D\"}"},
            {"true", PATH, "expected a string or an object, got a boolean"},
            {"3", PATH, "got a number"},
            {"{}", PATH, "exactly one key, \"lookback\""},
            {"{\"lookback\": \"P3D\", \"x\": 1}", PATH, "exactly one key"},
            {"{\"lookbak\": \"P3D\"}", PATH, "exactly one key"},
            {"{\"lookback\": 3}", PATH + ".lookback", "ISO-8601 duration string"},
            {"{\"lookback\": \"3 days\"}", PATH + ".lookback", "ISO-8601 duration in days, hours or minutes"},
            {"{\"lookback\": \"P1W\"}", PATH + ".lookback", "write days, e.g. \"P7D\""},
            {"{\"lookback\": \"P1M\"}", PATH + ".lookback", "no fixed length"},
            {"{\"lookback\": \"PT0S\"}", PATH + ".lookback", "must be positive"},
            {"{\"lookback\": \"-P3D\"}", PATH + ".lookback", "must be positive"},
            {"{\"lookback\": \"P-3D\"}", PATH + ".lookback", "must be positive"},
        };
        for (String[] c : cases) {
            JsonProblem p = refused(c[0]).get(0);
            assertEquals(c[1], p.path(), c[0]);
            assertTrue(p.message().contains(c[2]), c[0] + " -> " + p.message());
            assertNull(p.code(), "an invalid parameter: the plugin's code");
        }
    }

    @Test
    void onlyIncrementalModeTakesAnythingButIgnore() {
        assertNull(ChangesMode.IGNORE.outsideIncremental(false, PATH));
        assertNull(ChangesMode.STREAM.outsideIncremental(true, PATH));
        JsonProblem p = ChangesMode.STREAM.outsideIncremental(false, PATH);
        assertNotNull(p);
        assertEquals(PATH, p.path());
        assertTrue(p.message().contains("\"stream\" needs incremental mode") && p.message().contains("\"writeMode\": \"append\""),
                p.message());
        JsonProblem lb = ChangesMode.lookback(Duration.ofDays(2)).outsideIncremental(false, PATH);
        assertTrue(lb.message().startsWith("{\"lookback\":\"PT48H\"} needs incremental mode"), lb.message());
    }
}
