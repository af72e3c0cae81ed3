package com.otsrange.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.datax.common.util.Configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterMapTest {
    @Test
    void keysKeepTheirWrittenOrderAndTypeKeysStayPlainKeys() {
        Configuration conf = Configuration.from(
                "{\"table\":\"t\",\"column\":[{\"name\":\"a\"}],\"@type\":\"java.lang.Thread\",\"b\":1.5,\"a\":2}");
        Map<String, Object> m = ParameterMap.of(conf);
        assertEquals(Arrays.asList("table", "column", "@type", "b", "a"), new ArrayList<>(m.keySet()));
        assertEquals("java.lang.Thread", m.get("@type"));
        assertEquals(2, ((Number) m.get("a")).intValue());
        assertEquals("1.5", m.get("b").toString());
        List<?> columns = (List<?>) m.get("column");
        assertEquals("a", ((Map<?, ?>) columns.get(0)).get("name"));
    }

    @Test
    void aParameterThatIsNoObjectIsAnEmptyMap() {
        assertTrue(ParameterMap.of(Configuration.from("[1, 2]")).isEmpty());
    }
}
