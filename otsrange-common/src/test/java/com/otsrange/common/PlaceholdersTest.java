package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceholdersTest {

    static Map<String, Object> json(String text) {
        return JSON.parseObject(text, Feature.OrderedField);
    }

    @Test
    void everyBracedPlaceholderIsNamedWithTheOptionThatFillsIt() {
        List<JsonProblem> found = Placeholders.unreplaced(json("{\"path\": \"${outputDir}\", \"a\": {\"b\": [\"x\", \"${y}/${z}\"]},"
                + " \"n\": 5, \"price\": \"$5\", \"bare\": \"$HOME/x\"}"), "parameter");
        assertEquals(2, found.size(), found.toString());
        assertEquals("parameter.path", found.get(0).path());
        assertTrue(found.get(0).message().startsWith("still holds ${outputDir}"), found.get(0).message());
        assertTrue(found.get(0).message().contains("-DoutputDir=value"), found.get(0).message());
        assertEquals("parameter.a.b[1]", found.get(1).path());
        assertTrue(found.get(1).message().contains("-Dy=value -Dz=value"), found.get(1).message());
    }

    @Test
    void aSecretMixedWithAPlaceholderIsNotEchoed() {
        List<JsonProblem> found = Placeholders.unreplaced(json("{\"accessKey\": \"s3cr${et}x\", \"password\": \"${pw}\"}"), "parameter");
        assertEquals(2, found.size());
        assertFalse(found.get(0).message().contains("et"), found.get(0).message());
        assertTrue(found.get(0).message().contains("a ${...} placeholder"), found.get(0).message());
        assertTrue(found.get(1).message().contains("-Dpw=value"), found.get(1).message());
    }

    @Test
    void valuesWithTheDataXPatternAlsoFindBareReferences() {
        Map<String, String> bare = Placeholders.values(json("{\"bare\": \"$HOME\", \"n\": 1, \"t\": {\"k.1\": [\"${x}\"]}}"),
                "parameter", Placeholders.REFERENCE);
        assertEquals(Arrays.asList("parameter.bare", "parameter.t[\"k.1\"][0]"), new java.util.ArrayList<>(bare.keySet()));
        assertEquals("$HOME", bare.get("parameter.bare"));
        assertEquals(Collections.emptyMap(), Placeholders.values(json("{\"bare\": \"$HOME\"}"), "parameter", Placeholders.UNREPLACED));
    }

    @Test
    void coversTheValueAndWhatIsInsideIt() {
        List<String> paths = Arrays.asList("parameter.shard", "parameter.tasks");
        assertTrue(Placeholders.covers(paths, "parameter.shard"));
        assertTrue(Placeholders.covers(paths, "parameter.tasks.path"));
        assertTrue(Placeholders.covers(paths, "parameter.tasks[0]"));
        assertFalse(Placeholders.covers(paths, "parameter.shards"));
    }
}
