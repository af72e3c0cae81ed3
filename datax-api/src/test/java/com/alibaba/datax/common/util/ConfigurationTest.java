package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationTest {

    private static final String JOB = "{\"job\":{\"content\":[{\"reader\":{\"name\":\"r\",\"parameter\":"
            + "{\"column\":[{\"type\":\"long\",\"value\":\"7\"}],\"n\":42,\"f\":1.5,\"b\":\"TRUE\",\"s\":\"x\","
            + "\"blank\":\"  \",\"big\":12345678901234}}}]}}";

    @Test
    void pathLookupThroughMapsAndLists() {
        Configuration c = Configuration.from(JOB);
        assertEquals("r", c.getString("job.content[0].reader.name"));
        assertEquals("7", c.getString("job.content[0].reader.parameter.column[0].value"));
        assertEquals(42, c.getInt("job.content[0].reader.parameter.n"));
        assertTrue(c.get("") instanceof Map);
    }

    @Test
    void missingOrMistypedPathsGiveNull() {
        Configuration c = Configuration.from(JOB);
        assertNull(c.get("job.content[1].reader"));
        assertNull(c.get("job.content[0].nothing.deeper"));
        assertNull(c.get("job.content.reader"));
        assertNull(c.get("job[0]"));
        assertEquals("d", c.getString("job.nothing", "d"));
    }

    @Test
    void blankPathSegmentIsRejected() {
        Configuration c = Configuration.from(JOB);
        assertThrows(IllegalArgumentException.class, () -> c.get("job. .content"));
        assertThrows(IllegalArgumentException.class, () -> c.get(null));
    }

    @Test
    void valuesAreConvertedFromTheirText() {
        Configuration c = Configuration.from("{\"i\":\"12\",\"l\":12345678901234,\"d\":\"2.5\",\"b\":\"False\","
                + "\"c\":\"xy\",\"n\":1.0}");
        assertEquals(12, c.getInt("i"));
        assertEquals(12345678901234L, c.getLong("l"));
        assertEquals(2.5, c.getDouble("d"));
        assertEquals(Boolean.FALSE, c.getBool("b"));
        assertEquals('x', c.getChar("c"));
        assertEquals(7, c.getInt("none", 7));
        assertEquals(true, c.getBool("none", true));
        // Integer.valueOf("1.0") fails in DataX too
        DataXException e = assertThrows(DataXException.class, () -> c.getInt("n"));
        assertSame(CommonErrorCode.CONFIG_ERROR, e.getErrorCode());
        assertThrows(DataXException.class, () -> c.getBool("c"));
        assertThrows(DataXException.class, () -> c.getLong("c"));
    }

    @Test
    void blankCountsAsAbsentForLongAndDoubleButNotForInt() {
        Configuration c = Configuration.from("{\"s\":\" \"}");
        assertEquals(3L, c.getLong("s", 3L));
        assertEquals(1.5, c.getDouble("s", 1.5));
        assertThrows(DataXException.class, () -> c.getInt("s"));
    }

    @Test
    void necessaryValueRejectsMissingAndBlank() {
        Configuration c = Configuration.from(JOB);
        assertEquals("x", c.getNecessaryValue("job.content[0].reader.parameter.s", CommonErrorCode.CONFIG_ERROR));
        DataXException missing = assertThrows(DataXException.class,
                () -> c.getNecessaryValue("job.content[0].reader.parameter.zzz", CommonErrorCode.RUNTIME_ERROR));
        assertSame(CommonErrorCode.RUNTIME_ERROR, missing.getErrorCode());
        assertTrue(missing.getMessage().contains("job.content[0].reader.parameter.zzz"));
        assertThrows(DataXException.class,
                () -> c.getNecessaryValue("job.content[0].reader.parameter.blank", CommonErrorCode.CONFIG_ERROR));
        assertEquals("dflt", c.getUnnecessaryValue("job.content[0].reader.parameter.blank", "dflt",
                CommonErrorCode.CONFIG_ERROR));
        assertThrows(DataXException.class, () -> c.getNecessaryBool("nope", CommonErrorCode.CONFIG_ERROR));
    }

    @Test
    void valuesArePlainJavaCollections() {
        Configuration c = Configuration.from(JOB);
        Object content = c.get("job.content");
        assertEquals(ArrayList.class, content.getClass());
        assertEquals(LinkedHashMap.class, c.get("job.content[0]").getClass());
        assertEquals(LinkedHashMap.class, c.getMap("job.content[0].reader.parameter.column[0]").getClass());
        assertEquals(new BigDecimal("1.5"), c.get("job.content[0].reader.parameter.f"));
        assertEquals(Integer.valueOf(42), c.get("job.content[0].reader.parameter.n"));
        assertEquals(Long.valueOf(12345678901234L), c.get("job.content[0].reader.parameter.big"));
    }

    @Test
    void autoTypeIsNeverHonoured() {
        Configuration c = Configuration.from("{\"a\":{\"@type\":\"java.net.InetAddress\",\"val\":\"127.0.0.1\"}}");
        assertEquals("java.net.InetAddress", c.getString("a.@type"));
        assertTrue(c.get("a") instanceof Map);
    }

    @Test
    void mapAndListValuesPrintAsJson() {
        Configuration c = Configuration.from("{\"a\":{\"b\":[1,\"x\"]}}");
        assertEquals("{\"b\":[1,\"x\"]}", c.getString("a"));
        assertEquals("[1,\"x\"]", c.getString("a.b"));
    }

    @Test
    void setCreatesIntermediateMapsAndLists() {
        Configuration c = Configuration.newDefault();
        assertNull(c.set("a.b[2].c", "v"));
        assertEquals("v", c.getString("a.b[2].c"));
        List<Object> list = c.getList("a.b");
        assertEquals(3, list.size());
        assertNull(list.get(0));
        assertEquals("v", c.set("a.b[2].c", "w"));
        assertEquals("w", c.getString("a.b[2].c"));
        c.set("a.b", "scalar");
        assertEquals("scalar", c.getString("a.b"));
        assertNull(c.get("a.b[2].c"));
    }

    @Test
    void setStoresConfigurationTrees() {
        Configuration c = Configuration.newDefault();
        c.set("inner", Configuration.from("{\"k\":1}"));
        c.set("list", Arrays.asList(Configuration.from("{\"k\":2}"), "s"));
        assertEquals(1, c.getInt("inner.k"));
        assertEquals(2, c.getInt("list[0].k"));
        assertEquals("{\"inner\":{\"k\":1},\"list\":[{\"k\":2},\"s\"]}", c.toJSON());
    }

    @Test
    void nonContainerRootIsRejected() {
        Configuration c = Configuration.newDefault();
        DataXException e = assertThrows(DataXException.class, () -> c.set("", "x"));
        assertSame(CommonErrorCode.RUNTIME_ERROR, e.getErrorCode());
    }

    @Test
    void removeNullsTheValueAndFailsWhenAbsent() {
        Configuration c = Configuration.from("{\"a\":1,\"b\":2}");
        assertEquals(1, c.remove("a"));
        assertNull(c.get("a"));
        assertEquals("{\"b\":2}", c.toJSON());
        assertThrows(DataXException.class, () -> c.remove("a"));
    }

    @Test
    void getKeysListsLeaves() {
        Configuration c = Configuration.from("{\"a\":{\"b\":{\"c\":[0,1]}},\"x\":\"y\"}");
        assertEquals(new HashSet<String>(Arrays.asList("a.b.c[0]", "a.b.c[1]", "x")), c.getKeys());
    }

    @Test
    void mergeUpdatesOrKeepsOnConflict() {
        Configuration base = Configuration.from("{\"a\":1,\"b\":{\"c\":2}}");
        base.clone().merge(Configuration.from("{\"a\":9,\"b\":{\"d\":3}}"), false);
        Configuration kept = base.clone().merge(Configuration.from("{\"a\":9,\"b\":{\"d\":3}}"), false);
        assertEquals(1, kept.getInt("a"));
        assertEquals(3, kept.getInt("b.d"));
        assertEquals(2, kept.getInt("b.c"));
        Configuration updated = base.clone().merge(Configuration.from("{\"a\":9}"), true);
        assertEquals(9, updated.getInt("a"));
        assertEquals(1, base.getInt("a"));
    }

    @Test
    void cloneIsDeepAndKeepsSecretPaths() {
        Configuration c = Configuration.from("{\"a\":{\"b\":[1]}}");
        c.addSecretKeyPath("a.accessKey");
        Configuration copy = c.clone();
        copy.set("a.b[0]", 5);
        assertEquals(1, c.getInt("a.b[0]"));
        assertTrue(copy.isSecretPath("a.accessKey"));
        assertFalse(copy.isSecretPath("a.b"));
    }

    @Test
    void subConfigurationsAreCopies() {
        Configuration c = Configuration.from(JOB);
        Configuration reader = c.getConfiguration("job.content[0].reader");
        reader.set("name", "changed");
        assertEquals("r", c.getString("job.content[0].reader.name"));
        List<Configuration> columns = c.getListConfiguration("job.content[0].reader.parameter.column");
        assertEquals(1, columns.size());
        assertEquals("long", columns.get(0).getString("type"));
        Map<String, Configuration> byKey = c.getMapConfiguration("job.content[0]");
        assertEquals("r", byKey.get("reader").getString("name"));
        assertNull(c.getConfiguration("nope"));
    }

    @Test
    void typedListAndMapGetters() {
        Configuration c = Configuration.from("{\"l\":[\"a\",\"b\"],\"m\":{\"k\":\"v\"}}");
        List<String> strings = c.getList("l", String.class);
        assertEquals(Arrays.asList("a", "b"), strings);
        assertEquals(Collections.singletonList("z"), c.getList("none", Collections.singletonList("z"), String.class));
        Map<String, String> map = c.getMap("m", String.class);
        assertEquals("v", map.get("k"));
        assertEquals(Collections.<String, Object>emptyMap(), c.getMap("none", new HashMap<String, Object>()));
        List<Bean> beans = Configuration.from("{\"l\":[{\"name\":\"n\"}]}").getListWithJson("l", Bean.class);
        assertEquals("n", beans.get(0).getName());
    }

    @Test
    void variablesComeFromSystemPropertiesWhenSet() {
        System.setProperty("otsrangeCfgTestVar", "2024");
        try {
            Configuration c = Configuration.from("{\"a\":\"${otsrangeCfgTestVar}\",\"b\":\"$otsrangeCfgTestVar-x\","
                    + "\"c\":\"${otsrangeUndefinedVar}\"}");
            assertEquals("2024", c.getString("a"));
            assertEquals("2024-x", c.getString("b"));
            assertEquals("${otsrangeUndefinedVar}", c.getString("c"));
        } finally {
            System.clearProperty("otsrangeCfgTestVar");
        }
    }

    @Test
    void invalidJsonIsConfigError() {
        DataXException blank = assertThrows(DataXException.class, () -> Configuration.from(" "));
        assertSame(CommonErrorCode.CONFIG_ERROR, blank.getErrorCode());
        DataXException broken = assertThrows(DataXException.class, () -> Configuration.from("{\"a\":"));
        assertSame(CommonErrorCode.CONFIG_ERROR, broken.getErrorCode());
    }

    @Test
    void beautifyIsIndentedJsonOfTheSameTree() {
        Configuration c = Configuration.from("{\"a\":{\"b\":1}}");
        String pretty = c.beautify();
        assertTrue(pretty.contains("\n"));
        assertEquals(c.toJSON(), Configuration.from(pretty).toJSON());
    }

    public static class Bean {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
