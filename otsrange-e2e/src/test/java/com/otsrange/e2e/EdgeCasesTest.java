package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Empty table, single row, extreme keys, chunk-boundary rows, maximum-size cells. */
abstract class EdgeCasesTest {
    static E2e e2e;
    static final int MAX_CELL = 2 * 1024 * 1024;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        e2e = E2e.forSuite(suite.getTestClass().get());
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void emptyTableExportsNothingAndSucceeds() throws Exception {
        e2e.createTable("empty", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        Path out = dir.resolve("empty");
        JSONObject reader = e2e.reader("empty", Arrays.asList("a", "b"), Arrays.asList("ct", "v"));
        reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2023-01-01\",\"lt\":\"2024-01-01\"}}"));
        RunResult r = E2e.run(E2e.job(reader, E2e.writer(out), 2));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(0, r.writeRecords());
        assertTrue(E2e.snapshot(out).isEmpty());
        JSONObject manifest = JSON.parseObject(new String(Files.readAllBytes(out.resolve(".otsrange/empty.all/manifest.json")),
                StandardCharsets.UTF_8));
        assertEquals(0, manifest.getJSONObject("totals").getIntValue("files"));
        // and the unbounded form too
        Path out2 = dir.resolve("empty2");
        RunResult r2 = E2e.run(E2e.job(e2e.reader("empty", Arrays.asList("a"), Arrays.asList("ct", "v")), E2e.writer(out2), 1));
        assertTrue(r2.succeeded(), String.valueOf(r2.failure()));
        assertTrue(E2e.snapshot(out2).isEmpty());
    }

    @Test
    void singleRowExactBytes() throws Exception {
        e2e.createTable("single", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        e2e.load("single", Arrays.asList("id", "ct"), Collections.singletonList(
                new E2e.SrcRow(Arrays.<Object>asList("only", ms("2023-05-05T05:05:05Z")), E2e.attrs("v", 1.5, "s", "a,b"))));
        Path out = dir.resolve("single");
        RunResult r = E2e.run(E2e.job(e2e.reader("single", Arrays.asList("only", "none"), Arrays.asList("ct", "v", "s", "gone")),
                E2e.writer(out), 2));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, byte[]> files = E2e.snapshot(out);
        assertEquals(Collections.singleton("only_single_2023.csv"), files.keySet());
        assertEquals("ct,v,s,gone\n2023-05-05T05:05:05Z,1.5,\"a,b\",\n", new String(files.get("only_single_2023.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void extremeIntegerKeysAndValues() throws Exception {
        e2e.createTable("ints", "id", PrimaryKeyType.INTEGER, "ct", PrimaryKeyType.INTEGER);
        List<Long> keys = Arrays.asList(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE);
        List<E2e.SrcRow> rows = new java.util.ArrayList<>();
        for (long k : keys) {
            rows.add(new E2e.SrcRow(Arrays.<Object>asList(k, ms("2023-01-01T00:00:00Z")), E2e.attrs("n", Long.MIN_VALUE, "m", Long.MAX_VALUE,
                    "d", Double.NaN, "p", Double.POSITIVE_INFINITY, "q", Double.NEGATIVE_INFINITY)));
        }
        e2e.load("ints", Arrays.asList("id", "ct"), rows);
        Path out = dir.resolve("ints");
        RunResult r = E2e.run(E2e.job(e2e.reader("ints", keys, Arrays.asList("id", "ct", "n", "m", "d", "p", "q")), E2e.writer(out), 2));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, byte[]> files = E2e.snapshot(out);
        assertEquals(4, files.size(), files.keySet().toString());
        for (long k : keys) {
            String name = k + "_ints_2023.csv";
            assertEquals("id,ct,n,m,d,p,q\n" + k + ",2023-01-01T00:00:00Z,-9223372036854775808,9223372036854775807,NaN,Infinity,-Infinity\n",
                    new String(files.get(name), StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void rowsExactlyOnChunkAndFilterBoundaries() throws Exception {
        e2e.createTable("bounds", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        String[] times = {"2023-02-28T23:59:59.999Z", "2023-03-01T00:00:00Z", "2023-03-02T00:00:00Z", "2023-03-02T23:59:59.999Z",
            "2023-03-03T00:00:00Z", "2023-12-31T23:59:59.999Z", "2024-01-01T00:00:00Z"};
        List<E2e.SrcRow> rows = new java.util.ArrayList<>();
        for (String t : times) {
            rows.add(new E2e.SrcRow(Arrays.<Object>asList("k", ms(t)), E2e.attrs("v", 1L)));
        }
        e2e.load("bounds", Arrays.asList("id", "ct"), rows);
        for (String chunk : new String[] {"day", "month", "year"}) {
            Path out = dir.resolve("bounds-" + chunk);
            JSONObject reader = e2e.reader("bounds", Collections.singletonList("k"), Arrays.asList("ct"));
            reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2023-03-01\",\"lt\":\"2023-03-03\",\"chunkBy\":\"" + chunk + "\"}}"));
            RunResult r = E2e.run(E2e.job(reader, E2e.writer(out), 2));
            assertTrue(r.succeeded(), String.valueOf(r.failure()));
            assertEquals("ct\n2023-03-01T00:00:00Z\n2023-03-02T00:00:00Z\n2023-03-02T23:59:59.999Z\n",
                    new String(E2e.snapshot(out).get("k_bounds_2023.csv"), StandardCharsets.UTF_8), chunk);
            Path all = dir.resolve("all-" + chunk);
            JSONObject reader2 = e2e.reader("bounds", Collections.singletonList("k"), Arrays.asList("ct"));
            reader2.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2023-01-01\",\"lte\":\"2024-01-01\",\"chunkBy\":\"" + chunk + "\"}}"));
            assertTrue(E2e.run(E2e.job(reader2, E2e.writer(all), 2)).succeeded());
            Map<String, byte[]> files = E2e.snapshot(all);
            assertEquals(7, E2e.parse(files.get("k_bounds_2023.csv")).size(), chunk);
            assertEquals("ct\n2024-01-01T00:00:00Z\n", new String(files.get("k_bounds_2024.csv"), StandardCharsets.UTF_8), chunk);
        }
    }

    @Test
    void maximumSizeStringAndBinaryCells() throws Exception {
        e2e.createTable("big", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        StringBuilder sb = new StringBuilder(MAX_CELL);
        String unit = "ab,\"c\"\n d é ";
        while (sb.length() + unit.length() < MAX_CELL / 2) {
            sb.append(unit);
        }
        String text = sb.toString();
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= MAX_CELL);
        byte[] bin = new byte[MAX_CELL];
        new java.util.Random(5).nextBytes(bin);
        StringBuilder longKey = new StringBuilder();
        while (longKey.length() < 1024) {
            longKey.append("k/");
        }
        e2e.load("big", Arrays.asList("id", "ct"), Arrays.asList(
                new E2e.SrcRow(Arrays.<Object>asList("k", ms("2023-01-01T00:00:00Z")), E2e.attrs("s", text)),
                new E2e.SrcRow(Arrays.<Object>asList("k", ms("2023-01-01T00:00:01Z")), E2e.attrs("bin", bin)),
                new E2e.SrcRow(Arrays.<Object>asList(longKey.toString(), ms("2023-01-01T00:00:00Z")), E2e.attrs("s", "x"))));
        Path out = dir.resolve("big");
        RunResult r = E2e.run(E2e.job(e2e.reader("big", Arrays.asList("k", longKey.toString()), Arrays.asList("ct", "s", "bin")),
                E2e.writer(out), 1));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, byte[]> files = E2e.snapshot(out);
        assertEquals(2, files.size(), files.keySet().toString());
        List<List<String>> back = E2e.parse(files.get("k_big_2023.csv"));
        assertEquals(text, back.get(1).get(1));
        assertArrayEquals(bin, Base64.getDecoder().decode(back.get(2).get(2)));
        for (String name : files.keySet()) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, "file name fits a file system: " + name.length());
        }
        assertFalse(files.keySet().stream().anyMatch(n -> n.contains("/")), "a key with / stays in path/");
    }
}
