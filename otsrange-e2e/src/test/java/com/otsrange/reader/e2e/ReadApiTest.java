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
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * readApi: auto reads rows with BulkExport and gives GetRange's records; a service refusing
 * BulkExport makes auto fall back (once, logged once) and bulkExport fail clearly; a transient
 * error is retried, never a reason to switch. Parallel sub-range reads give the sequential records.
 */
class ReadApiTest {
    static Emu emu;
    static Emu noBulk;
    static final long T = 1672531200000L; // 2023-01-01
    static final int HEAVY = 20_000;

    @BeforeAll
    static void start() throws Exception {
        emu = new Emu("auto");
        noBulk = new Emu("auto", Collections.singleton("BulkExport"));
        for (Emu e : Arrays.asList(emu, noBulk)) {
            e.createTable("t", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
            List<Emu.SrcRow> rows = new ArrayList<>();
            for (int i = 0; i < HEAVY; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("v", (long) i);
                a.put("d", i * 0.25);
                if (i % 3 != 0) {
                    a.put("s", "x\u00e9" + i);
                }
                rows.add(new Emu.SrcRow(Arrays.<Object>asList("heavy", T + i * 1500L), a));
            }
            for (String key : Arrays.asList("a", "b", "c", "d")) {
                for (int i = 0; i < 40; i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    if (i % 4 != 0) {
                        a.put("v", (long) i);
                    }
                    a.put("flag", i % 2 == 0);
                    rows.add(new Emu.SrcRow(Arrays.<Object>asList(key, T + i * 86_400_000L * 20), a));
                }
            }
            e.load("t", Arrays.asList("id", "ct"), rows);
        }
    }

    @AfterAll
    static void stop() {
        emu.close();
        noBulk.close();
    }

    @AfterEach
    void reset() {
        emu.faults("none");
        emu.emulator.setBulkExportRowsPerAnswer(5000);
    }

    static Map<String, Object> job(Emu e, String readApi, String extra) {
        Map<String, Object> p = Jobs.reader(e, "t");
        p.put("readApi", readApi);
        p.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2023-01-01\",\"lt\":\"2026-01-01\",\"chunkBy\":\"month\"}}", Feature.OrderedField));
        p.put("appendColumns", Collections.singletonList("ct"));
        p.put("tasks", JSON.parseObject("{\"source\":\"inline\",\"definitions\":{\"heavy\":[\"v\",\"d\",\"s\"],\"a\":[\"v\"],"
                + "\"b\":[\"v\",\"flag\"],\"c\":{\"columns\":[\"v\"],\"filters\":{\"v\":{\"gte\":10}}},\"d\":[\"flag\"]}}", Feature.OrderedField));
        p.putAll(JSON.parseObject(extra, Feature.OrderedField));
        return p;
    }

    static List<String> records(Jobs.Outcome o) {
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        List<String> out = new ArrayList<>();
        for (CollectWriter.Captured c : o.records) {
            out.add(c.meta.get("otsrange.unit") + " " + c.values);
        }
        Collections.sort(out);
        return out;
    }

    static String logOf(Supplier<Jobs.Outcome> run, Jobs.Outcome[] into) {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true));
        try {
            into[0] = run.get();
        } finally {
            System.setErr(err);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void autoReadsRowsWithBulkExportAndEmitsGetRangesRecords() {
        List<String> viaGetRange = records(Jobs.run(job(emu, "getRange", "{}"), 2));
        long getRanges = emu.emulator.stats().requests("GetRange");
        long bulk = emu.emulator.stats().requests("BulkExport");
        List<String> viaAuto = records(Jobs.run(job(emu, "auto", "{}"), 2));
        assertEquals(viaGetRange, viaAuto);
        assertTrue(viaAuto.size() > HEAVY, viaAuto.size() + " records");
        assertTrue(emu.emulator.stats().requests("BulkExport") > bulk, "auto reads with BulkExport");
        assertEquals(getRanges, emu.emulator.stats().requests("GetRange"), "and not with GetRange");
    }

    @Test
    void autoFallsBackToGetRangeOnceWhenTheServiceRefusesBulkExport() {
        List<String> reference = records(Jobs.run(job(emu, "getRange", "{}"), 2));
        long refusedBefore = noBulk.emulator.stats().requests("BulkExport");
        Jobs.Outcome[] o = new Jobs.Outcome[1];
        String log = logOf(() -> Jobs.run(job(noBulk, "auto", "{}"), 3), o);
        assertEquals(reference, records(o[0]));
        assertEquals(1, noBulk.emulator.stats().requests("BulkExport") - refusedBefore,
                "one refusal is enough for every task of the job");
        int warnings = log.split("BulkExport on table t refused", -1).length - 1;
        assertEquals(1, warnings, log);
        assertTrue(log.contains("Unsupported operation") && log.contains("GetRange instead"), log);
    }

    @Test
    void explicitBulkExportFailsClearlyWhenRefused() {
        Jobs.Outcome o = Jobs.run(job(noBulk, "bulkExport", "{}"), 1);
        assertFalse(o.result.succeeded());
        String m = o.result.errorCode() + " " + o.result.errorMessage();
        assertTrue(m.contains("OtsRangeReader-05") && m.contains("parameter.readApi") && m.contains("OTSParameterInvalid"), m);
    }

    @Test
    void aTransientBulkExportErrorIsRetriedNotAReasonToSwitch() {
        emu.faults("busy=1,actions=BulkExport,seed=2");
        long getRanges = emu.emulator.stats().requests("GetRange");
        Jobs.Outcome o = Jobs.run(job(emu, "auto", "{\"maxRetries\":2,\"retryInitialDelayMs\":1}"), 1);
        assertFalse(o.result.succeeded());
        assertTrue((o.result.errorCode() + o.result.errorMessage()).contains("OtsRangeReader-06"), o.result.errorMessage());
        assertEquals(getRanges, emu.emulator.stats().requests("GetRange"));
    }

    @Test
    void aLongRangeReadInParallelPartsGivesTheSequentialRecords() {
        emu.emulator.setBulkExportRowsPerAnswer(300); // the heavy key: ~70 answers
        for (String api : Arrays.asList("bulkExport", "getRange")) {
            String small = api.equals("getRange") ? ",\"pageSize\":300" : "";
            long before = emu.readRequestsOf(api);
            List<String> sequential = records(Jobs.run(job(emu, api, "{\"parallelReads\":1" + small + "}"), 1));
            long oneAtATime = emu.readRequestsOf(api) - before;
            before = emu.readRequestsOf(api);
            List<String> parallel = records(Jobs.run(job(emu, api, "{\"parallelReads\":4,\"readAheadMB\":1" + small + "}"), 1));
            long parts = emu.readRequestsOf(api) - before;
            assertEquals(sequential, parallel, api);
            assertTrue(parts > oneAtATime, api + ": " + parts + " vs " + oneAtATime + " requests: the long range was not cut into parts");
        }
    }
}
