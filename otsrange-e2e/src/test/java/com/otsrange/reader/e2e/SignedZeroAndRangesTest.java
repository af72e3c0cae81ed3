package com.otsrange.reader.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.testkit.CollectWriter;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's table rp (id STRING, ct INTEGER): d1@2024-01-01 x=5 z=-0.0, d1@2024-01-02 x=50 z=0.0,
 * d1@2025-01-01 x=7 z=1.0. DOUBLE filters compare as IEEE numbers end to end (server filter and
 * client recheck agree: -0.0 equals 0.0), and ranges that cannot match are refused, offline or,
 * where only the column type decides, once DescribeTable gave it.
 */
class SignedZeroAndRangesTest {
    static Emu emu;
    static final long JAN1_2024 = 1704067200000L;
    static final long JAN2_2024 = JAN1_2024 + 86_400_000L;
    static final long JAN1_2025 = 1735689600000L;

    @BeforeAll
    static void start() throws Exception {
        emu = new Emu("getRange");
        emu.createTable("rp", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        emu.load("rp", Arrays.asList("id", "ct"), Arrays.asList(
                row("d1", JAN1_2024, 5L, -0.0), row("d1", JAN2_2024, 50L, 0.0), row("d1", JAN1_2025, 7L, 1.0)));
        emu.createTable("rpdim", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER, "dim", PrimaryKeyType.INTEGER);
        emu.createTable("rpbin", "id", PrimaryKeyType.BINARY, "ct", PrimaryKeyType.INTEGER);
    }

    static Emu.SrcRow row(String id, long ct, long x, double z) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", x);
        a.put("z", z);
        return new Emu.SrcRow(Arrays.<Object>asList(id, ct), a);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static Jobs.Outcome run(String table, String filters, String key) {
        Map<String, Object> p = Jobs.reader(emu, table);
        p.put("filters", JSON.parseObject(filters, Feature.OrderedField));
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("source", "inline");
        tasks.put("definitions", Collections.singletonMap(key, Arrays.asList("x")));
        p.put("tasks", tasks);
        return Jobs.run(p, 1);
    }

    @ParameterizedTest(name = "z {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"gte\": 0}       | 5 50 7",
        "{\"eq\": 0}        | 5 50",
        "{\"eq\": -0.0}     | 5 50",
        "{\"eq\": 0.0}      | 5 50",
        "{\"in\": [-0.0]}   | 5 50",
        "{\"lte\": -0.0}    | 5 50",
        "{\"gt\": -0.0}     | 7",
        "{\"lt\": 0}        | ''",
        "{\"ne\": 0}        | 7",
        "{\"notIn\": [0]}   | 7",
        "{\"between\": [-0.0, 0]} | 5 50",
    })
    void negativeZeroIsZero(String condition, String expectedX) {
        Jobs.Outcome o = run("rp", "{\"z\": " + condition + "}", "d1");
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        List<Object> xs = new ArrayList<>();
        for (CollectWriter.Captured c : o.records) {
            xs.add(c.values.get(2));
        }
        List<Object> expected = new ArrayList<>();
        for (String x : expectedX.split(" ")) {
            if (!x.isEmpty()) {
                expected.add(Long.valueOf(x));
            }
        }
        assertEquals(expected, xs, condition);
    }

    @Test
    void aReversedStringRangeIsRefusedBeforeAnyRequest() {
        for (String filters : new String[] {"{\"id\": {\"between\": [\"z\", \"a\"]}}", "{\"id\": {\"gt\": \"m\", \"lt\": \"a\"}}"}) {
            Jobs.Outcome o = run("rp", filters, "d1");
            assertFalse(o.result.succeeded(), filters);
            assertEquals("OtsRangeReader-01", o.result.errorCode(), o.result.errorMessage());
            assertTrue(o.result.errorMessage().contains("parameter.filters.id") && o.result.errorMessage().contains("impossible range"),
                    o.result.errorMessage());
            assertTrue(o.records.isEmpty());
        }
    }

    @Test
    void rangesOnlyTheColumnTypeDecidesAreRefusedOnceDescribeTableGaveIt() {
        // "10" and "9" are in order as strings, reversed as the INTEGER column they are
        Jobs.Outcome integer = run("rpdim", "{\"dim\": {\"gt\": \"10\", \"lt\": \"9\"}}", "d1");
        assertEquals("OtsRangeReader-01", integer.result.errorCode(), integer.result.errorMessage());
        assertTrue(integer.result.errorMessage().contains("parameter.filters.dim: impossible range"), integer.result.errorMessage());

        // "/w==" (0xFF) sorts before "AA==" (0x00) as text, after it as the BINARY column's bytes
        String high = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF});
        String low = Base64.getEncoder().encodeToString(new byte[] {0});
        Jobs.Outcome binary = run("rpbin", "{\"id\": {\"between\": [\"" + high + "\", \"" + low + "\"]}}", low);
        assertEquals("OtsRangeReader-01", binary.result.errorCode(), binary.result.errorMessage());
        assertTrue(binary.result.errorMessage().contains("parameter.filters.id.between: impossible range"), binary.result.errorMessage());

        Jobs.Outcome fine = run("rpbin", "{\"id\": {\"between\": [\"" + low + "\", \"" + high + "\"]}}", low);
        assertTrue(fine.result.succeeded(), () -> String.valueOf(fine.result.failure()));
    }
}
