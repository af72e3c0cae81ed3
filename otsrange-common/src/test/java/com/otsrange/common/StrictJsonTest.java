package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    static List<String> paths(List<JsonProblem> problems) {
        return problems.stream().map(JsonProblem::path).collect(Collectors.toList());
    }

    @Test
    void aRepeatedKeyIsNamedByItsPathAndBothLines() {
        String job = "{\"job\": {\"content\": [{\"reader\": {\"parameter\": {\n"
                + "  \"filters\": {\"dim\": 0},\n"
                + "  \"filters\": {\"dim\": 1}\n"
                + "}}}]}}";
        List<JsonProblem> found = StrictJson.duplicateKeys(job, "");
        assertEquals(Collections.singletonList("job.content[0].reader.parameter.filters"), paths(found));
        assertTrue(found.get(0).message().contains("lines 2 and 3"), found.get(0).message());
        // the parser does keep only the last one: this is what the check protects against
        Map<String, Object> parsed = JSON.parseObject(job, Feature.OrderedField);
        assertTrue(JSON.toJSONString(parsed).contains("{\"dim\":1}"));
    }

    @Test
    void keysAreComparedAfterUnescapingAndPathsQuoteOddKeys() {
        List<JsonProblem> found = StrictJson.duplicateKeys("{\"d\": {\"k.1\": [\"x\"], \"k\\u002e1\": [\"z\"], \"a\": 1}}", "parameter.tasks");
        assertEquals(Collections.singletonList("parameter.tasks.d[\"k.1\"]"), paths(found));
    }

    @Test
    void nestedObjectsInArraysAndEveryRepeatAreFound() {
        String text = "{\"a\": [1, {\"x\": 1, \"x\": 2, \"x\": 3}], \"b\": {\"c\": {}}, \"b\": 2}";
        assertEquals(Arrays.asList("a[1].x", "a[1].x", "b"), paths(StrictJson.duplicateKeys(text, "")));
    }

    @Test
    void sameKeyInSiblingObjectsIsFine() {
        String text = "{\"a\": {\"x\": 1}, \"b\": {\"x\": 1}, \"c\": [{\"x\": 1}, {\"x\": 2}]}";
        assertEquals(Collections.emptyList(), StrictJson.duplicateKeysAndNulls(text, ""));
    }

    @Test
    void nullMembersAreReportedOnlyWhenAsked() {
        String text = "{\"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": null}, \"x\": null, \"in\": [1, null]},"
                + " \"s\": \"null\"}";
        assertEquals(Arrays.asList("p.filters.ct.lt", "p.filters.x"), paths(StrictJson.duplicateKeysAndNulls(text, "p")));
        assertEquals(Collections.emptyList(), StrictJson.duplicateKeys(text, "p"));
    }

    @Test
    void fastjsonLeniencyIsScannedToo() {
        String text = "// job\n{'a': 1, b: 2, /* c */ \"a\": 3,, \"n\": null}";
        assertEquals(Arrays.asList("a", "n"), paths(StrictJson.duplicateKeysAndNulls(text, "")));
    }

    @Test
    void textItCannotReadEndsTheScanQuietly() {
        assertEquals(Collections.emptyList(), StrictJson.duplicateKeys("{\"a\": 1, \"a\"", ""));
        assertEquals(Collections.emptyList(), StrictJson.duplicateKeys("", ""));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            deep.append('[');
        }
        assertEquals(Collections.emptyList(), StrictJson.duplicateKeys(deep.toString(), ""));
    }

    @Test
    void withoutNullMembersIsWhatDataXHandsAPlugin() {
        Map<String, Object> p = JSON.parseObject("{\"a\": null, \"b\": {\"c\": null, \"d\": 1}, \"e\": [null, {\"f\": null}]}",
                Feature.OrderedField);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", Collections.singletonMap("d", 1));
        expected.put("e", Arrays.asList(null, Collections.emptyMap()));
        assertEquals(expected, StrictJson.withoutNullMembers(p));
        assertEquals(Arrays.asList("parameter.a", "parameter.b.c", "parameter.e[1].f"), StrictJson.nullMemberPaths(p, "parameter"));
    }

    @Test
    void numbersADoubleCannotHoldAreNamedByTheirPath() {
        String text = "{\"a\": 1e400, \"b\": [-1E+309, 1e308, 2.5e-324, 1e-400, 0e-999, 0.0, 123456789012345678901234567890],"
                + " \"c\": {\"d\": Infinity, \"e\": \"1e400\"}, \"f\": 1e99999999999}";
        assertEquals(Arrays.asList("a", "b[0]", "b[3]", "c.d", "f"), paths(StrictJson.numbersOutOfRange(text, "")));
        assertEquals(Collections.emptyList(), StrictJson.duplicateKeysAndNulls(text, ""), "only when asked");
        List<JsonProblem> all = StrictJson.hiddenFromPlugins("{\"x\": null, \"x\": 1e400}", "p");
        assertEquals(Arrays.asList("p.x", "p.x", "p.x"), paths(all));
    }

    @Test
    void thePathAtAnOffsetIsTheInnermostValueOrContainerHoldingIt() {
        String text = "{\"job\": {\"content\": [{\"reader\": {\"parameter\": {\"a\": 1 /* c */}}}], \"s\": {\"t\": tru}}}";
        assertEquals("job.content[0].reader.parameter", StrictJson.pathAt(text, text.indexOf("/*") + 1, ""));
        assertEquals("job.content[0].reader.parameter.a", StrictJson.pathAt(text, text.indexOf("1 /*"), ""));
        assertEquals("job.s.t", StrictJson.pathAt(text, text.indexOf("tru") + 2, ""));
        assertEquals("job.content", StrictJson.pathAt(text, text.indexOf("[{"), ""));
        assertEquals("r", StrictJson.pathAt(text, 0, "r"));
    }
}
