package com.otsrange.reader.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.testkit.Oracle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Range derivation with the sort key as first, second and third primary-key column. */
abstract class LayoutsTest {
    static Emu emu;
    static final Map<String, List<String>> PKS = new LinkedHashMap<>();
    static final Map<String, List<Emu.SrcRow>> ROWS = new LinkedHashMap<>();

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        emu = Emu.forSuite(suite.getTestClass().get());
        PKS.clear(); // shared by the suites on both read paths
        ROWS.clear();
        PKS.put("l1", Arrays.asList("ct", "id"));
        PKS.put("l2", Arrays.asList("id", "ct", "dim"));
        PKS.put("l3", Arrays.asList("id", "dim", "ct"));
        emu.createTable("l1", "ct", PrimaryKeyType.INTEGER, "id", PrimaryKeyType.STRING);
        emu.createTable("l2", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER, "dim", PrimaryKeyType.INTEGER);
        emu.createTable("l3", "id", PrimaryKeyType.STRING, "dim", PrimaryKeyType.INTEGER, "ct", PrimaryKeyType.INTEGER);
        Random rnd = new Random(7);
        long base = 1672531200000L - 40L * 86_400_000L; // late 2022
        for (String table : PKS.keySet()) {
            List<Emu.SrcRow> rows = new ArrayList<>();
            for (String id : Arrays.asList("a", "b", "c d")) {
                for (int i = 0; i < 40; i++) {
                    long ct = base + (long) rnd.nextInt(500) * 86_400_000L + rnd.nextInt(86_400_000);
                    long dim = rnd.nextInt(4);
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("v", (long) rnd.nextInt(10));
                    List<Object> pk = table.equals("l1") ? Arrays.<Object>asList(ct, id)
                            : table.equals("l2") ? Arrays.<Object>asList(id, ct, dim) : Arrays.<Object>asList(id, dim, ct);
                    rows.add(new Emu.SrcRow(pk, attrs));
                }
            }
            emu.load(table, PKS.get(table), rows);
            ROWS.put(table, rows);
        }
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static Jobs.Outcome run(String table, String filtersJson, String extraJson) {
        Map<String, Object> p = Jobs.reader(emu, table);
        boolean hasDim = !table.equals("l1");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("partitionKey", "id");
        schema.put("sortKey", "ct");
        if (hasDim) {
            schema.put("otherKeys", Arrays.asList("dim"));
        }
        p.put("schema", schema);
        p.put("filters", JSON.parseObject(filtersJson, Feature.OrderedField));
        p.put("appendColumns", hasDim ? Arrays.asList("ct", "dim") : Arrays.asList("ct"));
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("a", Arrays.asList("v"));
        defs.put("c d", Arrays.asList("v"));
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        p.putAll(JSON.parseObject(extraJson, Feature.OrderedField));
        return Jobs.run(p, 3);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "l1|{\"ct\":{\"gte\":1672531200000,\"lt\":1690000000000,\"chunkBy\":\"month\"}}",
        "l1|{}",
        "l1|{\"ct\":{\"lt\":1680000000000}}",
        "l1|{\"id\":{\"ne\":\"a\"},\"v\":{\"gt\":3}}",
        "l2|{\"ct\":{\"gte\":1672531200000,\"lt\":1690000000000,\"chunkBy\":\"day\"}}",
        "l2|{}",
        "l2|{\"dim\":{\"in\":[1,3]},\"ct\":{\"gt\":1675000000000}}",
        "l3|{\"ct\":{\"gte\":1672531200000,\"lt\":1690000000000}}",
        "l3|{\"dim\":{\"in\":[0,2]}}",
        "l3|{\"dim\":2,\"ct\":{\"lte\":1680000000000,\"chunkBy\":\"month\"}}",
        "l3|{\"dim\":{\"gt\":1},\"ct\":{\"gte\":1670000000000,\"lt\":1700000000000}}",
        "l3|{\"dim\":{\"between\":[1,2]},\"ct\":{\"gte\":1670000000000,\"lt\":1700000000000,\"chunkBy\":\"month\"}}",
        "l3|{\"dim\":{\"notIn\":[1]},\"ct\":{\"gte\":1670000000000,\"lt\":1700000000000}}"
    })
    void rowsEqualBruteForceInPrimaryKeyOrder(String table, String filtersJson) {
        Jobs.Outcome o = run(table, filtersJson, "{}");
        assertTrue(o.result.succeeded(), () -> table + " " + filtersJson + ": " + o.result.failure());
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        tasks.put("a", Arrays.asList("v"));
        tasks.put("c d", Arrays.asList("v"));
        List<String> append = table.equals("l1") ? Arrays.asList("ct") : Arrays.asList("ct", "dim");
        Map<String, List<List<String>>> expected = Oracle.expected(ROWS.get(table), PKS.get(table), "id", "ct", tasks, append,
                JSON.parseObject(filtersJson, Feature.OrderedField), null, ZoneId.of("UTC"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, Oracle.actual(o.records));
    }

    @Test
    void unboundedSortKeyBehindAnOpenColumnIsRejectedWithAFix() {
        Jobs.Outcome o = run("l3", "{\"dim\":{\"gt\":0}}", "{}");
        assertFalse(o.result.succeeded());
        assertTrue(o.result.errorMessage().contains("OtsRangeReader-07") || "OtsRangeReader-07".equals(o.result.errorCode()),
                o.result.errorCode() + " " + o.result.errorMessage());
        assertTrue(o.result.errorMessage().contains("gte"), o.result.errorMessage());
    }

    @Test
    void nonUtcZoneCutsYearsAtLocalMidnight() {
        Jobs.Outcome o = run("l2", "{\"ct\":{\"gte\":\"2022-12-01\",\"lt\":\"2023-02-01\",\"chunkBy\":\"day\"}}",
                "{\"timeZone\":\"Asia/Shanghai\"}");
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        tasks.put("a", Arrays.asList("v"));
        tasks.put("c d", Arrays.asList("v"));
        ZoneId sh = ZoneId.of("Asia/Shanghai");
        long from = java.time.LocalDate.of(2022, 12, 1).atStartOfDay(sh).toInstant().toEpochMilli();
        long to = java.time.LocalDate.of(2023, 2, 1).atStartOfDay(sh).toInstant().toEpochMilli();
        Map<String, Object> numeric = JSON.parseObject("{\"ct\":{\"gte\":" + from + ",\"lt\":" + to + "}}", Feature.OrderedField);
        assertEquals(Oracle.expected(ROWS.get("l2"), PKS.get("l2"), "id", "ct", tasks, Arrays.asList("ct", "dim"), numeric, null, sh),
                Oracle.actual(o.records));
    }
}
