package com.otsrange.reader.e2e;

import com.alibaba.datax.common.element.Record;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.StateDir;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.convert.UnitReader;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.TaskPlans;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.task.UnitWork;
import com.otsrange.reader.scan.SdkGateway;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.testkit.ListSender;
import com.otsrange.reader.task.TaskUnits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run of a key's units read as one range and cut by time on the client must give exactly what
 * reading unit by unit gives (same records, same order, same meta), across layouts, zones,
 * periods, empty periods, rows on period starts and page boundaries, with fewer GetRange calls
 * where the layout allows it and the per-unit path (same call count) where it does not.
 */
abstract class RunMergeTest {
    static Emu emu;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> KEYS = Arrays.asList("a", "b", "c d", "e"); // "e" has no rows at all

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        emu = Emu.forSuite(suite.getTestClass().get());
        emu.createTable("m2", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        emu.createTable("m3", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER, "dim", PrimaryKeyType.INTEGER);
        emu.createTable("m3b", "id", PrimaryKeyType.STRING, "dim", PrimaryKeyType.INTEGER, "ct", PrimaryKeyType.INTEGER);
        emu.createTable("m1", "ct", PrimaryKeyType.INTEGER, "id", PrimaryKeyType.STRING);
        emu.createTable("s2", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<long[]> times = times();
        Random rnd = new Random(11);
        Map<String, List<Emu.SrcRow>> rows = new LinkedHashMap<>();
        Map<String, Set<List<Object>>> keys = new LinkedHashMap<>();
        for (String t : Arrays.asList("m2", "m3", "m3b", "m1", "s2")) {
            rows.put(t, new ArrayList<Emu.SrcRow>());
            keys.put(t, new HashSet<List<Object>>());
        }
        for (long[] kt : times) {
            String id = KEYS.get((int) kt[0]);
            long ct = kt[1];
            long dim = rnd.nextInt(3);
            Map<String, Object> attrs = new LinkedHashMap<>();
            if (rnd.nextInt(5) != 0) {
                attrs.put("v", (long) rnd.nextInt(10));
            }
            attrs.put("d", rnd.nextInt(4) == 0 ? Double.NaN : rnd.nextDouble() * 100);
            attrs.put("s", "r" + rnd.nextInt(1000));
            add(rows, keys, "m2", Arrays.<Object>asList(id, ct), attrs);
            add(rows, keys, "m3", Arrays.<Object>asList(id, ct, dim), attrs);
            add(rows, keys, "m3b", Arrays.<Object>asList(id, dim, ct), attrs);
            add(rows, keys, "m1", Arrays.<Object>asList(ct, id), attrs);
            add(rows, keys, "s2", Arrays.<Object>asList(id, Math.floorDiv(ct, 1000L)), attrs);
        }
        emu.load("m2", Arrays.asList("id", "ct"), rows.get("m2"));
        emu.load("m3", Arrays.asList("id", "ct", "dim"), rows.get("m3"));
        emu.load("m3b", Arrays.asList("id", "dim", "ct"), rows.get("m3b"));
        emu.load("m1", Arrays.asList("ct", "id"), rows.get("m1"));
        emu.load("s2", Arrays.asList("id", "ct"), rows.get("s2"));
    }

    /** One row per primary key (a batch may not hold a key twice; several generated times coincide). */
    static void add(Map<String, List<Emu.SrcRow>> rows, Map<String, Set<List<Object>>> keys, String table, List<Object> pk,
                    Map<String, Object> attrs) {
        if (keys.get(table).add(pk)) {
            rows.get(table).add(new Emu.SrcRow(pk, attrs));
        }
    }

    /**
     * [key index, epoch ms]: 2022-2024, some months empty per key, key "b" nearly empty; rows on
     * (and 1 ms before) every UTC and Shanghai month start and, in Jan-Feb 2023, day start.
     */
    static List<long[]> times() {
        Random rnd = new Random(5);
        List<long[]> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int m = 0; m < 36; m++) {
                if (k == 1 ? m % 11 != 3 : (m + k) % 4 == 0) {
                    continue;
                }
                LocalDate first = LocalDate.of(2022, 1, 1).plusMonths(m);
                for (ZoneId z : Arrays.asList(ZoneOffset.UTC, SHANGHAI)) {
                    long start = first.atStartOfDay(z).toInstant().toEpochMilli();
                    out.add(new long[]{k, start});
                    out.add(new long[]{k, start - 1});
                    long len = first.plusMonths(1).atStartOfDay(z).toInstant().toEpochMilli() - start;
                    out.add(new long[]{k, start + (long) (rnd.nextDouble() * len)});
                }
            }
            for (int d = 0; k != 1 && d < 59; d += 2) {
                LocalDate day = LocalDate.of(2023, 1, 1).plusDays(d);
                for (ZoneId z : Arrays.asList(ZoneOffset.UTC, SHANGHAI)) {
                    long start = day.atStartOfDay(z).toInstant().toEpochMilli();
                    out.add(new long[]{k, start});
                    out.add(new long[]{k, start + 1});
                }
            }
        }
        return out;
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void noFaults() {
        emu.faults("none");
    }

    /** What one path produced: every record shown as text, and the read requests (GetRange or BulkExport) it took. */
    static final class Read {
        final List<String> records = new ArrayList<>();
        long getRanges;
        long runs;
        final Set<String> units = new HashSet<>();
    }

    Map<String, Object> job(String table, String zone, String filters, String extra) {
        Map<String, Object> p = Jobs.reader(emu, table);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("partitionKey", "id");
        schema.put("sortKey", "ct");
        boolean dim = table.startsWith("m3");
        if (dim) {
            schema.put("otherKeys", Collections.singletonList("dim"));
        }
        p.put("schema", schema);
        p.put("timeZone", zone);
        if (table.equals("s2")) {
            p.put("timeUnit", "s");
        }
        p.put("filters", JSON.parseObject(filters, Feature.OrderedField));
        p.put("appendColumns", dim ? Arrays.asList("ct", "dim") : Collections.singletonList("ct"));
        Map<String, Object> defs = new LinkedHashMap<>();
        for (String k : KEYS) {
            defs.put(k, Arrays.asList("v", "d", "s"));
        }
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        p.putAll(JSON.parseObject(extra, Feature.OrderedField));
        return p;
    }

    /** Plans the job as Job.split() does (3 tasks max), then reads every task config both ways. */
    Read[] readBothWays(Map<String, Object> parameter, String fileName) {
        ReaderSpec spec = ReaderSpecParser.parse(parameter, dir, Collections.<String, String>emptyMap()).spec();
        // BulkExport has no page size: the emulator's answers get the same size, for the same page boundaries
        emu.emulator.setBulkExportRowsPerAnswer(spec.tuning().pageSize() > 0 ? spec.tuning().pageSize() : 5000);
        Map<String, Object> writer = new LinkedHashMap<>();
        writer.put("path", dir.resolve("out").toString());
        if (fileName != null) {
            writer.put("fileName", fileName);
        }
        Read merged = new Read();
        Read perUnit = new Read();
        try (SdkGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
            Plan plan = ReaderPlanning.plan(spec, gateway, WriterPeer.of("csvyearwriter", writer, dir), dir, 1, 3);
            for (List<Unit> group : plan.groups()) {
                TaskPlan tp = TaskPlanCodec.decode(JSON.parseObject(JSON.toJSONString(TaskPlanCodec.encode(TaskPlans.of(spec, plan, group))),
                        Feature.OrderedField));
                read(tp, gateway, true, merged);
                read(tp, gateway, false, perUnit);
            }
        }
        return new Read[]{merged, perUnit};
    }

    static void read(TaskPlan tp, SdkGateway gateway, boolean merge, Read into) {
        ListSender sender = new ListSender();
        long before = emu.readRequests();
        long emitted = new UnitReader(tp, gateway.pages(tp.tuning.readApi(), tp.tuning.pageSize()), merge).readAll(sender);
        into.getRanges += emu.readRequests() - before;
        into.runs += tp.runs.size();
        assertEquals(sender.records.size(), emitted);
        // one shared meta instance per unit, and a unit's records contiguous
        Map<Map<String, String>, Boolean> metas = new IdentityHashMap<>();
        Map<String, String> previous = null;
        for (Record r : sender.records) {
            Map<String, String> meta = r.getMeta();
            if (meta != previous) {
                assertFalse(metas.containsKey(meta), "unit " + meta.get("otsrange.unit") + " not contiguous");
                assertTrue(into.units.add(meta.get("otsrange.unit")), "two meta maps for " + meta.get("otsrange.unit"));
                metas.put(meta, true);
                previous = meta;
            }
            into.records.add(ListSender.show(r));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} merged={5}")
    @CsvSource(delimiter = '|', value = {
        // table | timeZone | fileName | filters | extra | runs merge
        "m2|UTC|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{}|true",
        "m2|Asia/Shanghai|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{}|true",
        "m2|Asia/Shanghai|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2021-12-15\",\"lt\":\"2024-06-01\",\"chunkBy\":\"day\"}}|{\"pageSize\":7}|true",
        "m2|UTC|{partition_key}{year}{month}{day}.csv|{\"ct\":{\"gte\":\"2023-01-01\",\"lt\":\"2023-03-01\"}}|{\"pageSize\":5}|true",
        "m2|Asia/Shanghai|{partition_key}{year}{month}{day}.csv|{\"ct\":{\"gte\":\"2022-12-31\",\"lt\":\"2023-03-01\"}}|{}|true",
        "m2|Asia/Shanghai||{\"ct\":{\"gte\":\"2021-01-01\",\"lt\":\"2026-01-01\",\"chunkBy\":\"month\"}}|{\"pageSize\":3}|true",
        "m2|UTC|{partition_key}{year}{month}.csv|{\"ct\":{\"gt\":1640995199999,\"lte\":1704067200000},\"v\":{\"gt\":3},\"id\":{\"ne\":\"a\"}}|{}|true",
        "m2|UTC|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"},\"d\":{\"lt\":50}}|{\"pageSize\":4}|true",
        "s2|Asia/Shanghai|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{\"pageSize\":6}|true",
        "m3|Asia/Shanghai|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{\"pageSize\":9}|true",
        "m3|UTC|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"},\"dim\":{\"in\":[0,2]}}|{}|true",
        "m3b|UTC|{partition_key}{year}{month}.csv|{\"dim\":1,\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{\"pageSize\":4}|true",
        "m3b|UTC|{partition_key}{year}{month}.csv|{\"dim\":{\"in\":[0,2]},\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{}|false",
        "m3b|Asia/Shanghai|{partition_key}{year}{month}.csv|{\"dim\":{\"gte\":1},\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{}|false",
        "m3b|UTC|{partition_key}{year}{month}|{\"dim\":{\"in\":[0,1,2]},\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2023-01-01\"}}|{\"maxRangesPerSlice\":2}|false",
        "m1|UTC|{partition_key}{year}{month}.csv|{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}|{}|false",
        "m2|UTC|{partition_key}{year}{month}.csv|{\"ct\":{\"in\":[1672531200000,1675209600000,1677628800000]}}|{}|false",
    })
    void mergedRunsReadExactlyWhatUnitByUnitReads(String table, String zone, String fileName, String filters, String extra,
                                                  boolean merges) {
        Read[] both = readBothWays(job(table, zone, filters, extra), fileName);
        Read merged = both[0];
        Read perUnit = both[1];
        assertFalse(perUnit.records.isEmpty());
        assertEquals(perUnit.records, merged.records);
        assertEquals(perUnit.units, merged.units);
        if (merges) {
            assertTrue(merged.getRanges < perUnit.getRanges, "GetRange merged " + merged.getRanges + " vs per unit " + perUnit.getRanges);
        } else {
            assertEquals(perUnit.getRanges, merged.getRanges, "this layout must stay unit by unit");
        }
    }

    @Test
    void sparseKeysCostAboutOneRequestPerRun() {
        // 4 keys x 36 monthly files, default page size: one page per run (a key is one run, or a few when spread over tasks)
        Read[] both = readBothWays(job("m2", "UTC", "{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}", "{}"),
                "{partition_key}{year}{month}.csv");
        assertEquals(both[1].records, both[0].records);
        assertTrue(both[1].getRanges >= 4 * 36, "per unit: " + both[1].getRanges);
        assertEquals(both[0].runs, both[0].getRanges, "merged: one GetRange per run");
        assertTrue(both[0].runs <= 2 * KEYS.size(), both[0].runs + " runs");
    }

    @Test
    void retriedPagesOfAMergedRunStayExact() {
        Map<String, Object> p = job("m2", "Asia/Shanghai", "{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}",
                "{\"pageSize\":5,\"retryInitialDelayMs\":1,\"retryMaxDelayMs\":2}");
        Read[] clean = readBothWays(p, "{partition_key}{year}{month}.csv");
        emu.faults("busy=0.3,throttle=0.1,actions=" + emu.readAction() + ",seed=3");
        Read[] faulty = readBothWays(p, "{partition_key}{year}{month}.csv");
        assertTrue(emu.emulator.stats().totalFaults() > 0);
        assertEquals(clean[1].records, faulty[0].records);
        assertEquals(clean[1].records, faulty[1].records);
    }

    @Test
    void resumedRunsNeverSpanACommittedUnit() throws Exception {
        Map<String, Object> p = job("m2", "UTC", "{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\"}}", "{\"resume\":true}");
        Set<String> committed = new HashSet<>(Arrays.asList("2022-02/a", "2023-06/a", "2022-01/c%20d", "2024-12/c%20d", "2023-03/e"));
        try (CheckpointLog log = CheckpointLog.create(StateDir.of(dir.resolve("out"), "m2", ShardSpec.ALL),
                Collections.<String, String>emptyMap())) {
            for (String id : committed) {
                log.commit(id, id.replace('/', '_') + ".csv", 1, 1, "x");
            }
        }
        ReaderSpec spec = ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap()).spec();
        Map<String, Object> writer = new LinkedHashMap<>();
        writer.put("path", dir.resolve("out").toString());
        writer.put("fileName", "{partition_key}{year}{month}.csv");
        try (SdkGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
            Plan plan = ReaderPlanning.plan(spec, gateway, WriterPeer.of("csvyearwriter", writer, dir), dir, 1, 3);
            assertEquals(committed.size(), plan.unitsSkipped());
            int runs = 0;
            for (List<Unit> group : plan.groups()) {
                TaskPlan tp = TaskPlanCodec.decode(JSON.parseObject(JSON.toJSONString(TaskPlanCodec.encode(TaskPlans.of(spec, plan, group))),
                        Feature.OrderedField));
                for (List<UnitWork> run : TaskUnits.of(tp).runs) {
                    runs++;
                    for (UnitWork u : run) {
                        assertFalse(committed.contains(u.unitId), u.unitId);
                    }
                    // the time a run's single range covers holds no committed unit of its key
                    for (String id : committed) {
                        String month = id.substring(0, 7);
                        boolean sameKey = id.substring(8).equals(run.get(0).unitId.substring(8));
                        boolean inside = month.compareTo(run.get(0).unitId.substring(0, 7)) >= 0
                                && month.compareTo(run.get(run.size() - 1).unitId.substring(0, 7)) <= 0;
                        assertFalse(sameKey && inside, "run " + run.get(0).unitId + ".." + run.get(run.size() - 1).unitId + " spans " + id);
                    }
                }
                Read merged = new Read();
                Read perUnit = new Read();
                read(tp, gateway, true, merged);
                read(tp, gateway, false, perUnit);
                assertEquals(perUnit.records, merged.records);
                for (String id : committed) {
                    assertFalse(merged.units.contains(id), id);
                }
            }
            assertTrue(runs >= KEYS.size() + 4, runs + " runs: a, c d and e are cut at their committed months");
        }
    }
}
