package com.otsrange.reader.e2e;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.common.UnitMeta;
import com.otsrange.testkit.CollectWriter;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class SmokeTest {
    static Emu emu;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        emu = Emu.forSuite(suite.getTestClass().get());
        emu.createTable("sensor", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER, "dim", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> rows = new ArrayList<>();
        long y2023 = 1672531200000L; // 2023-01-01T00:00:00Z
        long y2024 = 1704067200000L;
        for (String id : Arrays.asList("dev-1", "dev/2 x")) {
            for (long t : new long[] {y2023 - 1, y2023, y2023 + 1000, y2024 - 1, y2024, y2024 + 5}) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("temp", (double) (t % 1000));
                a.put("hum", t % 7);
                rows.add(new Emu.SrcRow(Arrays.<Object>asList(id, t, 0L), a));
            }
        }
        emu.load("sensor", Arrays.asList("id", "ct", "dim"), rows);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void exportsTwoKeysInYearUnits() {
        Map<String, Object> p = Jobs.reader(emu, "sensor");
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> ct = new LinkedHashMap<>();
        ct.put("gte", "2023-01-01");
        ct.put("lt", "2025-01-01");
        f.put("ct", ct);
        p.put("filters", f);
        p.put("appendColumns", Arrays.asList("ct"));
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("dev-1", Arrays.asList("temp", "hum"));
        defs.put("dev/2 x", Arrays.asList("temp"));
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("source", "inline");
        tasks.put("definitions", defs);
        p.put("tasks", tasks);
        long reads = emu.readRequests();
        long getRanges = emu.emulator.stats().requests("GetRange");
        long bulkExports = emu.emulator.stats().requests("BulkExport");
        Jobs.Outcome o = Jobs.run(p, 2);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        assertEquals(10, o.records.size());
        assertTrue(emu.readRequests() > reads, "rows are read with " + emu.readAction());
        // the other API is not used for rows (planning's edge probes are GetRange, but this job has bounds)
        assertEquals(emu.readAction().equals("GetRange") ? bulkExports : getRanges,
                emu.emulator.stats().requests(emu.readAction().equals("GetRange") ? "BulkExport" : "GetRange"));
        CollectWriter.Captured first = o.records.stream()
                .filter(c -> c.values.get(0).equals("dev-1") && ((Number) c.values.get(1)).longValue() < 1704067200000L).findFirst().get();
        assertEquals("2023/dev-1", first.meta.get(UnitMeta.KEY_UNIT));
        assertEquals("[\"ct\",\"temp\",\"hum\"]", first.meta.get(UnitMeta.KEY_HEADER));
        assertEquals("0", first.meta.get(UnitMeta.KEY_TIME_CELLS));
    }
}
