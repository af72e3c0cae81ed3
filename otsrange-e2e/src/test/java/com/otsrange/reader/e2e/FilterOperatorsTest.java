package com.otsrange.reader.e2e;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.testkit.Oracle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operator on primary-key and attribute columns, against a brute-force oracle. */
abstract class FilterOperatorsTest {
    static Emu emu;
    static final List<String> PK = Arrays.asList("id", "ct", "dim");
    static final List<Emu.SrcRow> ROWS = new ArrayList<>();
    static final long T0 = 1672531200000L - 3 * 86_400_000L; // 2022-12-29

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        emu = Emu.forSuite(suite.getTestClass().get());
        ROWS.clear(); // shared by the suites on both read paths
        emu.createTable("ops", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER, "dim", PrimaryKeyType.INTEGER);
        Random rnd = new Random(42);
        for (String id : Arrays.asList("dev-a", "dev-b", "dev-c")) {
            for (int i = 0; i < 60; i++) {
                long ct = T0 + i * 7L * 86_400_000L + rnd.nextInt(1000);
                for (long dim = 0; dim < 3; dim++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("v", rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(10));
                    a.put("d", rnd.nextInt(6) == 0 ? null : rnd.nextInt(8) / 2.0);
                    a.put("s", rnd.nextInt(6) == 0 ? null : "s" + rnd.nextInt(5));
                    a.put("b", rnd.nextInt(6) == 0 ? null : rnd.nextBoolean());
                    a.put("m", rnd.nextBoolean() ? (Object) (long) rnd.nextInt(4) : (Object) (rnd.nextInt(8) / 2.0));
                    ROWS.add(new Emu.SrcRow(Arrays.<Object>asList(id, ct, dim), a));
                }
            }
        }
        emu.load("ops", PK, ROWS);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static final Map<String, List<String>> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put("dev-a", Arrays.asList("v", "d", "s", "b", "m"));
        TASKS.put("dev-b", Arrays.asList("s", "v"));
        TASKS.put("dev-c", Arrays.asList("b", "dim"));
    }

    static void check(String filtersJson) {
        Map<String, Object> filters = JSON.parseObject(filtersJson, Feature.OrderedField);
        Map<String, Object> p = Jobs.reader(emu, "ops");
        p.put("filters", filters);
        p.put("appendColumns", Arrays.asList("ct"));
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("source", "inline");
        tasks.put("definitions", TASKS);
        p.put("tasks", tasks);
        Jobs.Outcome o = Jobs.run(p, 2);
        assertTrue(o.result.succeeded(), () -> filtersJson + ": " + o.result.failure());
        Map<String, List<List<String>>> expected = Oracle.expected(ROWS, PK, "id", "ct", TASKS, Arrays.asList("ct"), filters, null,
                ZoneId.of("UTC"));
        assertEquals(expected, Oracle.actual(o.records), filtersJson);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"dim\":1}", "{\"dim\":{\"eq\":2}}", "{\"dim\":{\"ne\":1}}", "{\"dim\":{\"gt\":1}}", "{\"dim\":{\"gte\":1}}",
        "{\"dim\":{\"lt\":1}}", "{\"dim\":{\"lte\":1}}", "{\"dim\":{\"in\":[0,2]}}", "{\"dim\":{\"notIn\":[0,2]}}",
        "{\"dim\":{\"between\":[1,2]}}", "{\"id\":{\"in\":[\"dev-a\",\"dev-c\"]}}", "{\"id\":{\"ne\":\"dev-b\"}}",
        "{\"id\":{\"gt\":\"dev-a\",\"lt\":\"dev-c\"}}", "{\"id\":{\"notIn\":[\"dev-a\"]}}", "{\"id\":{\"between\":[\"dev-b\",\"dev-c\"]}}",
        "{\"ct\":{\"gte\":1672531200000,\"lt\":1680000000000}}", "{\"ct\":{\"gt\":1672531200000,\"lte\":1690000000000,\"chunkBy\":\"month\"}}",
        "{\"ct\":{\"between\":[1672000000000,1675000000000],\"chunkBy\":\"day\"}}", "{\"ct\":{\"ne\":0}}",
        "{\"v\":3}", "{\"v\":{\"ne\":3}}", "{\"v\":{\"gt\":4}}", "{\"v\":{\"gte\":4}}", "{\"v\":{\"lt\":2}}", "{\"v\":{\"lte\":2}}",
        "{\"v\":{\"in\":[1,5,9]}}", "{\"v\":{\"notIn\":[1,5,9]}}", "{\"v\":{\"between\":[2,4]}}", "{\"v\":{\"gt\":2.5}}",
        "{\"v\":{\"lte\":2.5}}", "{\"v\":{\"eq\":2.5}}", "{\"v\":{\"ne\":2.5}}",
        "{\"d\":{\"gt\":1.5}}", "{\"d\":2}", "{\"d\":{\"ne\":2}}", "{\"d\":{\"between\":[0.5,2]}}", "{\"d\":{\"in\":[0,3.5]}}",
        "{\"s\":\"s1\"}", "{\"s\":{\"ne\":\"s1\"}}", "{\"s\":{\"gte\":\"s3\"}}", "{\"s\":{\"in\":[\"s0\",\"s4\"]}}",
        "{\"s\":{\"notIn\":[\"s0\",\"s4\"]}}", "{\"s\":{\"between\":[\"s1\",\"s2\"]}}", "{\"s\":1}",
        "{\"b\":true}", "{\"b\":{\"ne\":true}}", "{\"b\":{\"lt\":true}}",
        "{\"m\":{\"gt\":1.5}}", "{\"m\":{\"in\":[1,2.5]}}", "{\"m\":{\"lte\":1}}",
        "{\"dim\":{\"in\":[0,1]},\"v\":{\"gte\":3},\"s\":{\"ne\":\"s2\"},\"ct\":{\"gte\":1672531200000,\"lt\":1685577600000}}",
        "{\"nosuch\":{\"ne\":1}}"
    })
    void operator(String filters) {
        check(filters);
    }

    @Test
    void perTaskFiltersAndGlobalFilters() {
        Map<String, Object> global = JSON.parseObject("{\"dim\":{\"in\":[0,1]}}", Feature.OrderedField);
        Map<String, Object> aFilter = JSON.parseObject("{\"v\":{\"gte\":5}}", Feature.OrderedField);
        Map<String, Object> defs = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("columns", Arrays.asList("v"));
        a.put("filters", aFilter);
        defs.put("dev-a", a);
        defs.put("dev-b", Arrays.asList("v"));
        Map<String, Object> p = Jobs.reader(emu, "ops");
        p.put("filters", global);
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        Jobs.Outcome o = Jobs.run(p, 1);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        Map<String, List<String>> cols = new LinkedHashMap<>();
        cols.put("dev-a", Arrays.asList("v"));
        cols.put("dev-b", Arrays.asList("v"));
        Map<String, Map<String, Object>> tf = Map.of("dev-a", aFilter);
        assertEquals(Oracle.expected(ROWS, PK, "id", "ct", cols, List.of(), global, tf, ZoneId.of("UTC")), Oracle.actual(o.records));
    }
}
