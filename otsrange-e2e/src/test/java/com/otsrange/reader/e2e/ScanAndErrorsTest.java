package com.otsrange.reader.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.testkit.CollectWriter;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pagination, filter-emptied pages, retries under faults, error codes, key types, task sources. */
abstract class ScanAndErrorsTest {
    static Emu emu;
    static final long T = 1700000000000L;
    static final int BIG = 12_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        emu = Emu.forSuite(suite.getTestClass().get());
        emu.createTable("big", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> rows = new ArrayList<>();
        for (int i = 0; i < BIG; i++) {
            rows.add(new Emu.SrcRow(Arrays.<Object>asList("k", T + i * 1000L), Map.<String, Object>of("v", (long) i, "s", "x" + i)));
        }
        for (String key : Arrays.asList("a.b", "c/d", "e%f", "g h", "z")) {
            for (int i = 0; i < 5; i++) {
                rows.add(new Emu.SrcRow(Arrays.<Object>asList(key, T + i), Map.<String, Object>of("v", (long) i)));
            }
        }
        emu.load("big", Arrays.asList("id", "ct"), rows);
        emu.createTable("secs", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> secs = new ArrayList<>();
        long y2024 = 1704067200L;
        for (long t = y2024 - 86_400 * 2; t < y2024 + 86_400 * 2; t += 3600) {
            secs.add(new Emu.SrcRow(Arrays.<Object>asList("s1", t), Map.<String, Object>of("v", t)));
        }
        emu.load("secs", Arrays.asList("id", "ct"), secs);
        emu.createTable("ints", "id", PrimaryKeyType.INTEGER, "ct", PrimaryKeyType.INTEGER);
        emu.load("ints", Arrays.asList("id", "ct"), Arrays.asList(
                new Emu.SrcRow(Arrays.<Object>asList(7L, T), Map.<String, Object>of("v", 1L)),
                new Emu.SrcRow(Arrays.<Object>asList(-3L, T), Map.<String, Object>of("v", 2L))));
        emu.createTable("bins", "id", PrimaryKeyType.BINARY, "ct", PrimaryKeyType.INTEGER);
        emu.load("bins", Arrays.asList("id", "ct"), Arrays.asList(
                new Emu.SrcRow(Arrays.<Object>asList(new byte[] {0, 1, 2}, T), Map.<String, Object>of("v", 1L)),
                new Emu.SrcRow(Arrays.<Object>asList(new byte[] {(byte) 0xff}, T), Map.<String, Object>of("v", 2L))));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void clearFaults() {
        emu.faults("none");
    }

    static Map<String, Object> job(String table, String json) {
        Map<String, Object> p = Jobs.reader(emu, table);
        p.putAll(JSON.parseObject(json, Feature.OrderedField));
        return p;
    }

    static List<Long> column(List<CollectWriter.Captured> records, int i) {
        return records.stream().map(c -> ((Number) c.values.get(i)).longValue()).collect(Collectors.toList());
    }

    @Test
    void paginatesOverMoreThan5000RowsInOrder() {
        long before = emu.readRequests();
        Jobs.Outcome o = Jobs.run(job("big", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"k\":[\"v\"]}}}"), 1);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        assertEquals(BIG, o.records.size());
        List<Long> v = column(o.records, 2);
        for (int i = 0; i < BIG; i++) {
            assertEquals(i, v.get(i).longValue());
        }
        assertTrue(emu.readRequests() - before >= 3, "expected several pages");
    }

    @Test
    void filterEmptiedPagesKeepPaging() {
        long before = emu.readRequests();
        Jobs.Outcome o = Jobs.run(job("big", "{\"pageSize\":1000,\"filters\":{\"v\":{\"gte\":11990}},"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"k\":[\"v\"]}}}"), 1);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        assertEquals(10, o.records.size());
        assertEquals(11990L, column(o.records, 2).get(0).longValue());
        // the server scans at most 5000 rows per page: the first pages come back empty but with a next key
        assertTrue(emu.readRequests() - before >= 3, "pages emptied by the filter must keep paging");
    }

    @Test
    void retriesUnderFaultsGiveExactlyTheCleanOutput() {
        String json = "{\"retryInitialDelayMs\":1,\"retryMaxDelayMs\":20,\"maxRetries\":50,\"pageSize\":500,"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"k\":[\"v\",\"s\"],\"z\":[\"v\"],\"c/d\":[\"v\"]}}}";
        Jobs.Outcome clean = Jobs.run(job("big", json), 2);
        assertTrue(clean.result.succeeded());
        emu.faults("busy=0.1,timeout=0.05,throttle=0.05,reset=0.03,seed=7");
        long faultsBefore = emu.emulator.stats().totalFaults();
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true));
        Jobs.Outcome faulty;
        try {
            faulty = Jobs.run(job("big", json), 2);
        } finally {
            System.setErr(err);
        }
        assertTrue(faulty.result.succeeded(), () -> String.valueOf(faulty.result.failure()));
        assertTrue(emu.emulator.stats().totalFaults() > faultsBefore, "the emulator injected no fault");
        assertEquals(byUnit(clean.records), byUnit(faulty.records));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("retry") && (text.contains("OTSServerBusy") || text.contains("OTSTimeout")
                || text.contains("OTSQuotaExhausted") || text.contains("network")), "retries must be logged with their cause");
        assertFalse(text.contains(Emu.SECRET));
    }

    @Test
    void jobPostSaysHowManyUnitsWereExportedAndSkipped() {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true));
        Jobs.Outcome o;
        try {
            o = Jobs.run(job("big", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"k\":[\"v\"],\"z\":[\"v\"]}}}"), 1);
        } finally {
            System.setErr(err);
        }
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        String text = log.toString(StandardCharsets.UTF_8);
        int units = byUnit(o.records).size();
        assertTrue(units > 0);
        assertTrue(text.contains("otsrangereader summary: " + units + " file unit(s) exported by this run, 0 skipped"), text);
    }

    static Map<String, List<List<Object>>> byUnit(List<CollectWriter.Captured> records) {
        Map<String, List<List<Object>>> m = new LinkedHashMap<>();
        for (CollectWriter.Captured c : records) {
            m.computeIfAbsent(c.meta.get("otsrange.unit"), k -> new ArrayList<>()).add(c.values);
        }
        return new java.util.TreeMap<>(m);
    }

    @Test
    void persistentServerBusyExhaustsTheRetryBudget() {
        emu.faults("busy=1.0,actions=" + emu.readAction() + ",seed=1");
        Jobs.Outcome o = Jobs.run(job("big", "{\"maxRetries\":2,\"retryInitialDelayMs\":1,"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"z\":[\"v\"]}}}"), 1);
        assertFalse(o.result.succeeded());
        assertTrue(o.result.errorMessage().contains("OtsRangeReader-06") || "OtsRangeReader-06".equals(o.result.errorCode()),
                o.result.errorMessage());
    }

    @Test
    void wrongSecretFailsFastWithAuthErrorAndNoSecret() {
        Map<String, Object> p = job("big", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"z\":[\"v\"]}}}");
        p.put("accessKey", "WRONG-SECRET-555");
        Jobs.Outcome o = Jobs.run(p, 1);
        assertFalse(o.result.succeeded());
        String all = o.result.errorCode() + " " + o.result.errorMessage();
        assertTrue(all.contains("OtsRangeReader-04"), all);
        assertFalse(all.contains("WRONG-SECRET-555"));
    }

    @Test
    void missingTableIsReported() {
        Jobs.Outcome o = Jobs.run(job("nosuch", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"z\":[\"v\"]}}}"), 1);
        assertFalse(o.result.succeeded());
        assertTrue((o.result.errorCode() + o.result.errorMessage()).contains("OtsRangeReader-03"), o.result.errorMessage());
    }

    @Test
    void jobNotFittingTheTableListsEveryProblem() {
        Jobs.Outcome o = Jobs.run(job("ints", "{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\",\"otherKeys\":[\"dim\"]},"
                + "\"filters\":{\"ct\":{\"gte\":\"2024-01-01\"},\"id\":{\"eq\":\"seven\"}},"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"x\":[\"v\"],\"7\":[\"v\"],\"007\":[\"v\"]}}}"), 1);
        assertFalse(o.result.succeeded());
        String m = o.result.errorMessage();
        assertTrue((o.result.errorCode() + m).contains("OtsRangeReader-02"), m);
        assertTrue(m.contains("parameter.schema.otherKeys"), m);
        Jobs.Outcome o2 = Jobs.run(job("ints", "{\"filters\":{\"ct\":{\"gte\":\"yesterday\"},\"id\":{\"eq\":\"seven\"}},"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"x\":[\"v\"],\"7\":[\"v\"],\"007\":[\"v\"]}}}"), 1);
        String m2 = o2.result.errorMessage();
        assertTrue(m2.contains("parameter.filters.ct.gte") && m2.contains("\"yesterday\""), m2);
        assertTrue(m2.contains("parameter.filters.id.eq") && m2.contains("an integer"), m2);
        assertTrue(m2.contains("task key \"x\"") && m2.contains("INTEGER") || m2.contains("task key \"x\" does not convert"), m2);
        assertTrue(m2.contains("\"007\" is the same INTEGER key as \"7\""), m2);
        Jobs.Outcome o3 = Jobs.run(job("big", "{\"schema\":{\"partitionKey\":\"ct\",\"sortKey\":\"id\"},"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"1\":[\"v\"]}}}"), 1);
        assertTrue(o3.result.errorMessage().contains("must be an INTEGER column"), o3.result.errorMessage());
        Jobs.Outcome o4 = Jobs.run(job("big", "{\"filters\":{\"v\":{\"gte\":1,\"chunkBy\":\"day\"}},"
                + "\"tasks\":{\"source\":\"inline\",\"definitions\":{\"z\":[\"v\"]}}}"), 1);
        assertTrue(o4.result.errorMessage().contains("chunkBy belongs on the sort key ct"), o4.result.errorMessage());
    }

    @Test
    void integerAndBinaryKeysConvertAndTravelTyped() {
        Jobs.Outcome ints = Jobs.run(job("ints", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"7\":[\"v\"],\"-3\":[\"v\"],\"99\":[\"v\"]}}}"), 1);
        assertTrue(ints.result.succeeded(), () -> String.valueOf(ints.result.failure()));
        assertEquals(2, ints.records.size());
        assertTrue(ints.records.stream().anyMatch(c -> Long.valueOf(7).equals(c.values.get(0)) && "2023/7".equals(c.meta.get("otsrange.unit"))));
        String b64 = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2});
        Jobs.Outcome bins = Jobs.run(job("bins", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"" + b64 + "\":[\"v\"],\"/w==\":[\"v\"]}}}"), 1);
        assertTrue(bins.result.succeeded(), () -> String.valueOf(bins.result.failure()));
        assertEquals(2, bins.records.size());
        CollectWriter.Captured c = bins.records.stream().filter(r -> "2023/AAEC".equals(r.meta.get("otsrange.unit"))).findFirst().get();
        assertArrayEquals(new byte[] {0, 1, 2}, (byte[]) c.values.get(0));
        assertTrue(bins.records.stream().anyMatch(r -> "2023/%2Fw%3D%3D".equals(r.meta.get("otsrange.unit"))));
        Jobs.Outcome bad = Jobs.run(job("bins", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"not base64!\":[\"v\"]}}}"), 1);
        assertTrue(bad.result.errorMessage().contains("Base64"), bad.result.errorMessage());
    }

    @Test
    void keysWithDotsSlashesPercentAndSpacesAreDataFromFilesAndPatterns() throws Exception {
        Files.createDirectories(dir.resolve("tasks"));
        Files.write(dir.resolve("tasks/t_1.json"), "{\"a.b\":[\"v\"],\"c/d\":{\"columns\":[\"v\"],\"filters\":{\"v\":{\"gte\":2}}}}"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("tasks/t_2.json"), "{\"e%f\":[\"v\"],\"g h\":[\"ct\",\"v\"]}".getBytes(StandardCharsets.UTF_8));
        Jobs.Outcome o = Jobs.run(job("big", "{\"tasks\":{\"source\":\"pattern\",\"path\":\"" + dir.toString().replace("\\", "/")
                + "/tasks/t_*.json\"}}"), 2);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        Map<String, Long> perUnit = o.records.stream().collect(Collectors.groupingBy(c -> c.meta.get("otsrange.unit"), Collectors.counting()));
        assertEquals(Map.of("2023/a.b", 5L, "2023/c%2Fd", 3L, "2023/e%25f", 5L, "2023/g%20h", 5L), perUnit);
        CollectWriter.Captured gh = o.records.stream().filter(c -> "g h".equals(c.values.get(0))).findFirst().get();
        assertEquals("0", gh.meta.get("otsrange.timeCells"));
        assertEquals("[\"ct\",\"v\"]", gh.meta.get("otsrange.header"));
        Jobs.Outcome file = Jobs.run(job("big", "{\"tasks\":{\"source\":\"file\",\"path\":\"" + dir.toString().replace("\\", "/")
                + "/tasks/t_2.json\"}}"), 1);
        assertTrue(file.result.succeeded());
        assertEquals(10, file.records.size());
        Jobs.Outcome inline = Jobs.run(job("big", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"c/d\":[\"v\"],\"no rows\":[\"v\"]}}}"), 1);
        assertTrue(inline.result.succeeded());
        assertEquals(5, inline.records.size());
    }

    @Test
    void secondsTimeUnitWithDateBoundsAndDayChunks() {
        Jobs.Outcome o = Jobs.run(job("secs", "{\"timeUnit\":\"s\",\"filters\":{\"ct\":{\"gte\":\"2023-12-31\",\"lt\":\"20240102\",\"chunkBy\":\"day\"}},"
                + "\"appendColumns\":[\"ct\"],\"tasks\":{\"source\":\"inline\",\"definitions\":{\"s1\":[\"v\"]}}}"), 2);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        Map<String, Long> perUnit = o.records.stream().collect(Collectors.groupingBy(c -> c.meta.get("otsrange.unit"), Collectors.counting()));
        assertEquals(Map.of("2023/s1", 24L, "2024/s1", 24L), perUnit);
        List<Long> t = column(o.records.stream().filter(c -> "2024/s1".equals(c.meta.get("otsrange.unit"))).collect(Collectors.toList()), 1);
        assertEquals(1704067200L, t.get(0).longValue());
    }

    @Test
    void sameMetaInstanceForAllRecordsOfAUnit() {
        Jobs.Outcome o = Jobs.run(job("big", "{\"tasks\":{\"source\":\"inline\",\"definitions\":{\"z\":[\"v\"]}}}"), 1);
        assertEquals(5, o.records.size());
        for (CollectWriter.Captured c : o.records) {
            assertTrue(c.meta == o.records.get(0).meta);
        }
    }
}
