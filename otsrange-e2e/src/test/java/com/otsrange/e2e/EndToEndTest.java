package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** otsrangereader -> csvyearwriter against the emulator: names, headers, order, values, year boundaries. */
abstract class EndToEndTest {
    static E2e e2e;
    static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        e2e = E2e.forSuite(suite.getTestClass().get());
        data = Dataset.generate("sensor", 11, 4, 40);
        data.load(e2e);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    private JSONObject job(Path out, String zone, String chunkBy) {
        JSONObject reader = e2e.reader(data.table, data.taskKeys(), Dataset.COLUMNS);
        if (zone != null) {
            reader.put("timeZone", zone);
        }
        if (chunkBy != null) {
            reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\",\"chunkBy\":\"" + chunkBy + "\"}}"));
        }
        return E2e.job(reader, E2e.writer(out), 3);
    }

    private Map<String, byte[]> exportAndCheck(Path out, String zoneName, String chunkBy) throws Exception {
        ZoneId zone = ZoneId.of(zoneName == null ? "UTC" : zoneName);
        RunResult r = E2e.run(job(out, zoneName, chunkBy));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(data.rows.size(), r.writeRecords());
        assertEquals(0, r.errorRecords());
        Map<String, byte[]> files = E2e.snapshot(out);
        Map<String, List<E2e.SrcRow>> expected = data.expectedFiles(zone);
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(files.keySet()), "file set");
        for (Map.Entry<String, List<E2e.SrcRow>> e : expected.entrySet()) {
            byte[] content = files.get(e.getKey());
            String text = new String(content, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("ct,v,n,s,b,bin\n"), e.getKey() + " header line");
            assertFalse(text.startsWith("\uFEFF"), "no BOM");
            Dataset.assertFile(e.getKey(), e.getValue(), E2e.parse(content), zone);
        }
        List<String> state = E2e.allPaths(out.resolve(".otsrange"));
        assertFalse(state.stream().anyMatch(p -> p.contains("tmp")), "temp files cleaned: " + state);
        JSONObject manifest = JSON.parseObject(new String(Files.readAllBytes(out.resolve(".otsrange/sensor.all/manifest.json")),
                StandardCharsets.UTF_8));
        assertEquals(expected.size(), manifest.getJSONObject("totals").getIntValue("files"));
        assertEquals(data.rows.size(), manifest.getJSONObject("totals").getLongValue("rows"));
        return files;
    }

    @Test
    void utcExportMatchesTheSourceRowForRow() throws Exception {
        Map<String, byte[]> files = exportAndCheck(dir.resolve("utc"), null, null);
        // the boundary rows: 2023-12-31T23:59:59.999Z closes 2023, 2024-01-01T00:00Z opens 2024
        String last2023 = new String(files.get("dev-1_sensor_2023.csv"), StandardCharsets.UTF_8);
        assertTrue(last2023.contains("2023-01-01T00:00:00Z,"), "first instant of the year, no fraction");
        assertTrue(last2023.contains("2023-12-31T23:59:59.999Z,"));
        assertTrue(new String(files.get("dev-1_sensor_2024.csv"), StandardCharsets.UTF_8).startsWith("ct,v,n,s,b,bin\n2024-01-01T00:00:00Z,"));
        assertTrue(files.containsKey("c%2Fd_sensor_2023.csv") && files.containsKey("e%20f_sensor_2022.csv")
                && files.containsKey("%25x_sensor_2024.csv") && files.containsKey("%C3%BCn%C3%AF_sensor_2023.csv"), files.keySet().toString());
        assertFalse(files.keySet().stream().anyMatch(n -> n.startsWith("ghost")), "a key without rows has no file");
    }

    @Test
    void shanghaiYearBoundaries() throws Exception {
        Map<String, byte[]> files = exportAndCheck(dir.resolve("sh"), "Asia/Shanghai", null);
        // 2023-12-31T16:00Z is 2024-01-01T00:00+08:00: first row of the 2024 file
        assertTrue(new String(files.get("dev-1_sensor_2024.csv"), StandardCharsets.UTF_8)
                .startsWith("ct,v,n,s,b,bin\n2024-01-01T00:00:00+08:00,"));
        assertTrue(new String(files.get("dev-1_sensor_2023.csv"), StandardCharsets.UTF_8).contains("\n2023-12-31T23:59:59.999+08:00,"));
    }

    @Test
    void finerChunksGiveTheSameBytes() throws Exception {
        Map<String, byte[]> year = exportAndCheck(dir.resolve("year"), null, "year");
        Map<String, byte[]> month = exportAndCheck(dir.resolve("month"), null, "month");
        Map<String, byte[]> day = exportAndCheck(dir.resolve("day"), null, "day");
        assertEquals("", E2e.diff(year, month));
        assertEquals("", E2e.diff(year, day));
        assertEquals("", E2e.diff(year, exportAndCheck(dir.resolve("nofilter"), null, null)));
    }
}
