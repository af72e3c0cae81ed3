package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemsTest {
    private static final List<String> READER_KEYS = Arrays.asList("table", "timeUnit", "timeZone", "accessId", "splitFactor");

    @Test
    void didYouMeanTakesTheAliasThenTheSameKeyThenTheClosestWithinTwoEdits() {
        Map<String, String> aliases = Collections.singletonMap("access_key_id", "accessId");
        assertEquals(" (did you mean \"accessId\"?)", Problems.didYouMean("access_key_id", READER_KEYS, aliases));
        assertEquals("", Problems.didYouMean("access_key_id", READER_KEYS), "no alias declared");
        assertEquals(" (did you mean \"timeZone\"?)", Problems.didYouMean("TIME_ZONE", READER_KEYS));
        assertEquals(" (did you mean \"splitFactor\"?)", Problems.didYouMean("splitFactr", READER_KEYS));
        assertEquals(" (did you mean \"table\"?)", Problems.didYouMean("tabel", READER_KEYS));
        assertEquals("", Problems.didYouMean("columns", READER_KEYS));
        // an alias to a key that is not valid here falls back to the distance
        assertEquals("", Problems.didYouMean("sort_key", READER_KEYS, Collections.singletonMap("sort_key", "sortKey")));
    }

    @Test
    void placeholderProblemsComeFirstAndHideWhatFollowsFromThem() {
        List<JsonProblem> unreplaced = Collections.singletonList(new JsonProblem("parameter.endpoint", "still holds ${e}"));
        List<JsonProblem> others = Arrays.asList(new JsonProblem("parameter.endpoint", "not a URL"),
                new JsonProblem("parameter.endpointX", "unknown key"), new JsonProblem("parameter.table", "missing"));
        assertEquals(Arrays.asList("parameter.endpoint: still holds ${e}", "parameter.endpointX: unknown key",
                "parameter.table: missing"), Problems.texts(Problems.placeholdersFirst(unreplaced, others)));
        assertEquals(others, Problems.placeholdersFirst(Collections.<JsonProblem>emptyList(), others));
    }

    @Test
    void aProblemKeepsPathMessageAndCodeApart() {
        Problems problems = new Problems();
        problems.add("a: b", "x: y");
        problems.invalid("parameter.n", Collections.singletonMap("k", 1), "a number");
        JsonProblem moved = problems.list().get(0).under("parameter.");
        assertEquals("parameter.a: b", moved.path());
        assertEquals("x: y", moved.message());
        assertEquals("parameter.n: {\"k\":1} is invalid; a number", problems.texts().get(1));
        assertEquals(2, problems.count());
    }
}
