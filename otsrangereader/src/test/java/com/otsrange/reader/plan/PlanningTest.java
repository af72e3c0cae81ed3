package com.otsrange.reader.plan;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.reader.WriterPeer;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.Split;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.Period;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.StateDir;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.range.TimeCutter;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.task.TaskUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanningTest {
    @TempDir
    Path dir;

    static final List<PrimaryKeySchema> PK = Arrays.asList(new PrimaryKeySchema("id", PrimaryKeyType.STRING),
            new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));

    ReaderSpec spec(int keys, String extra) {
        Map<String, Object> defs = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            defs.put(String.format("device-%05d", i), Arrays.asList("p34_1", "p50_1", "p51_1"));
        }
        Map<String, Object> p = JSON.parseObject("{\"endpoint\":\"http://127.0.0.1:1\",\"accessId\":\"i\",\"accessKey\":\"k\","
                + "\"instanceName\":\"n\",\"table\":\"t\",\"appendColumns\":[\"ct\"],"
                + "\"filters\":{\"ct\":{\"gte\":\"2020-01-01\",\"lt\":\"2025-01-01\",\"chunkBy\":\"month\"}}" + extra + "}", Feature.OrderedField);
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        return ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap()).spec();
    }

    Plan plan(ReaderSpec s, FakeGateway g, String writer, String fileName, int channels, int splitFactor) {
        return ReaderPlanning.plan(s, g, peer(writer, fileName, dir.toString()), dir, channels, splitFactor);
    }

    WriterPeer peer(String writerName, String fileName, String path) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("path", path);
        if (fileName != null) {
            parameter.put("fileName", fileName);
        }
        return WriterPeer.of(writerName, parameter, dir);
    }

    @Test
    void tenThousandKeysTimesSixtyMonthsGiveSmallTaskConfigs() {
        ReaderSpec s = spec(10_000, "");
        FakeGateway g = new FakeGateway(PK);
        for (Period period : Arrays.asList(Period.YEAR, Period.MONTH)) {
            Plan plan = plan(s, g, "csvyearwriter", period == Period.MONTH ? "{partition_key}_{year}{month}.csv" : null, 8, 4);
            assertEquals(period == Period.MONTH ? 600_000 : 50_000, plan.unitCount());
            assertTrue(plan.groups().size() <= 32);
            long bytes = 0;
            long maxTask = 0;
            for (List<Unit> group : plan.groups()) {
                long b = JSON.toJSONString(TaskPlanCodec.encode(TaskPlans.of(s, plan, group))).length();
                bytes += b;
                maxTask = Math.max(maxTask, b);
            }
            System.out.println("task configs for " + plan.unitCount() + " units: " + bytes + " bytes in total, largest " + maxTask);
            assertTrue(bytes < 1_000_000, "all task configs together: " + bytes + " bytes");
            assertTrue(maxTask < 64_000, "largest task config: " + maxTask + " bytes");
        }
    }

    @Test
    void taskConfigRoundTripsToTheSameUnits() {
        ReaderSpec s = spec(3, "");
        Plan plan = plan(s, new FakeGateway(PK), "csvyearwriter", "{partition_key}/{year}/{month}.csv", 1, 2);
        for (List<Unit> group : plan.groups()) {
            TaskPlan tp = TaskPlanCodec.decode(JSON.parseObject(JSON.toJSONString(TaskPlanCodec.encode(TaskPlans.of(s, plan, group))), Feature.OrderedField));
            assertEquals(group.size(), TaskUnits.of(tp).units.size());
            for (int i = 0; i < group.size(); i++) {
                assertEquals(group.get(i).id(), TaskUnits.of(tp).units.get(i).unitId);
                assertEquals(group.get(i).from(), TaskUnits.of(tp).units.get(i).from);
                assertEquals(group.get(i).to(), TaskUnits.of(tp).units.get(i).to);
            }
        }
        assertEquals("2020-01/device-00000", plan.groups().get(0).get(0).id());
    }

    @Test
    void filePeriodComesFromTheWritersFileName() {
        ReaderSpec s = spec(1, "");
        FakeGateway g = new FakeGateway(PK);
        assertEquals(5, plan(s, g, "csvyearwriter", null, 1, 4).unitCount());
        assertEquals(60, plan(s, g, "csvyearwriter", "{partition_key}_{year}{month}.csv", 1, 4).unitCount());
        assertEquals(1827, plan(s, g, "csvyearwriter", "{year}/{month}/{day}/{partition_key}.csv", 1, 4).unitCount());
        assertEquals(5, plan(s, g, "streamwriter", "{day}", 1, 4).unitCount());
        assertEquals(Period.MONTH, plan(s, g, "csvyearwriter", null, 1, 4).sliceBy());
    }

    @Test
    void unitsAreBalancedAndAHeavyKeyIsSpreadByTime() {
        ReaderSpec s = spec(40, "");
        FakeGateway g = new FakeGateway(PK);
        // device-00007 spans 200 split points: far heavier than the rest
        for (int i = 0; i < 200; i++) {
            g.splits.add(new Split("loc", pk("device-00007", i), pk("device-00007", i + 1)));
        }
        Plan plan = plan(s, g, "csvyearwriter", "{partition_key}_{year}{month}.csv", 2, 4);
        Set<Integer> tasksOfHeavy = new HashSet<>();
        Map<Integer, Set<Integer>> tasksPerKey = new HashMap<>();
        double[] loads = new double[plan.groups().size()];
        for (int t = 0; t < plan.groups().size(); t++) {
            for (Unit u : plan.groups().get(t)) {
                tasksPerKey.computeIfAbsent(u.task(), k -> new HashSet<>()).add(t);
                loads[t] += u.weight();
            }
        }
        tasksOfHeavy.addAll(tasksPerKey.get(7));
        assertTrue(tasksOfHeavy.size() >= 4, "heavy key on " + tasksOfHeavy.size() + " tasks");
        long keysSplit = tasksPerKey.entrySet().stream().filter(e -> e.getKey() != 7 && e.getValue().size() > 1).count();
        assertTrue(keysSplit <= 8, keysSplit + " light keys were split");
        double max = Arrays.stream(loads).max().getAsDouble();
        double avg = Arrays.stream(loads).average().getAsDouble();
        assertTrue(max / avg < 1.3, "imbalance " + max / avg);
        // within a task, each key's units are contiguous and in time order
        for (List<Unit> group : plan.groups()) {
            for (int i = 1; i < group.size(); i++) {
                Unit a = group.get(i - 1);
                Unit b = group.get(i);
                assertTrue(a.task() < b.task() || (a.task() == b.task() && a.to() <= b.from()));
            }
        }
    }

    @Test
    void smallJobsGetFewerTasksAndBigOnesKeepSplitFactor() {
        FakeGateway g = new FakeGateway(PK);
        String monthly = "{partition_key}_{year}{month}.csv";
        // channel 4 x splitFactor 4 = at most 16 tasks
        // 5 yearly units per key
        assertEquals(4, plan(spec(6, ""), g, "csvyearwriter", null, 4, 4).groups().size(), "30 units: one task per channel");
        assertEquals(9, plan(spec(13, ""), g, "csvyearwriter", null, 4, 4).groups().size(), "65 units: >= 8 units' worth per task");
        assertEquals(8, plan(spec(1, ""), g, "csvyearwriter", monthly, 4, 4).groups().size(), "one key x 60 months");
        assertEquals(16, plan(spec(100, ""), g, "csvyearwriter", null, 4, 4).groups().size(), "500 units keep splitFactor");
        assertEquals(1, plan(spec(1, ""), g, "csvyearwriter", null, 1, 4).groups().size(), "channel 1, 5 units");
        // a key ComputeSplitsBySize reports as big counts as that much more work
        FakeGateway big = new FakeGateway(PK);
        for (int i = 0; i < 40; i++) {
            big.splits.add(new Split("loc", pk("device-00001", i), pk("device-00001", i + 1)));
        }
        Plan heavy = plan(spec(2, ""), big, "csvyearwriter", null, 4, 4);
        assertEquals(10, heavy.unitCount());
        assertEquals(6, heavy.groups().size(), "big data: each unit of the big key a task of its own, the small key one");
        List<Unit> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(new Unit(i, "2024/k" + i, 0, 10, 10, 1));
        }
        assertEquals(3, TaskGrouper.group(three, 16, 4).size(), "never more tasks than units");
    }

    static PrimaryKey pk(String id, long ct) {
        return new PrimaryKey(Arrays.asList(new PrimaryKeyColumn("id", PrimaryKeyValue.fromString(id)),
                new PrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct))));
    }

    @Test
    void shardsPartitionTheKeys() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 4; i++) {
            ReaderSpec s = spec(200, ",\"shard\":\"" + i + "/4\"");
            Plan plan = plan(s, new FakeGateway(PK), "csvyearwriter", null, 1, 4);
            for (List<Unit> g : plan.groups()) {
                for (Unit u : g) {
                    assertTrue(seen.add(u.id()), "unit in two shards: " + u.id());
                    total++;
                }
            }
            assertTrue(plan.keysInShard() > 20 && plan.keysInShard() < 80, "shard " + i + " has " + plan.keysInShard());
        }
        assertEquals(200 * 5, total);
    }

    @Test
    void resumeLeavesCommittedUnitsOut() throws Exception {
        ReaderSpec s = spec(3, ",\"resume\":true");
        Path out = dir.resolve("out");
        try (CheckpointLog log = CheckpointLog.create(StateDir.of(out, "t", ShardSpec.ALL), Collections.<String, String>emptyMap())) {
            log.commit("2021/device-00001", "device-00001_t_2021.csv", 1, 1, "x");
            log.commit("2020/device-00000", "device-00000_t_2020.csv", 1, 1, "x");
        }
        Plan plan = ReaderPlanning.plan(s, new FakeGateway(PK), peer("csvyearwriter", null, "out"), dir, 1, 4);
        assertEquals(2, plan.unitsSkipped());
        assertEquals(13, plan.unitCount());
        for (List<Unit> g : plan.groups()) {
            for (Unit u : g) {
                assertTrue(!u.id().equals("2021/device-00001") && !u.id().equals("2020/device-00000"));
            }
        }
    }

    /** Real DataX never tells the reader Job its writer's name: the writer is recognised by its parameters. */
    @Test
    void writerWithoutNameIsRecognisedByItsParameters() throws Exception {
        ReaderSpec s = spec(3, ",\"resume\":true");
        Path out = dir.resolve("out");
        try (CheckpointLog log = CheckpointLog.create(StateDir.of(out, "t", ShardSpec.ALL), Collections.<String, String>emptyMap())) {
            log.commit("2021-03/device-00001", "device-00001_t_2021-03.csv", 1, 1, "x");
        }
        Plan plan = ReaderPlanning.plan(s, new FakeGateway(PK), peer(null, "{partition_key}_{table}_{year}-{month}.csv", "out"), dir, 1, 4);
        assertEquals(3 * 60 - 1, plan.unitCount(), "monthly units from the pattern, one committed unit skipped");
        assertEquals(1, plan.unitsSkipped());

        assertEquals(Period.YEAR, peer(null, "demo", "out").filePeriod(), "txtfilewriter-like parameters: not ours");
        assertFalse(peer(null, "demo", "out").isCsvYearWriter());
        assertEquals(Period.DAY, peer(null, "{day}/{month}/{partition_key}_{year}.csv", "out").filePeriod());
        assertTrue(peer(null, null, "out").isCsvYearWriter(), "csvyearwriter with its default fileName");
        assertFalse(WriterPeer.of(null, null, dir).isCsvYearWriter());
    }

    @Test
    void resumeWithAnotherWriterIsRefused() {
        ReaderSpec s = spec(3, ",\"resume\":true");
        DataXException e = assertThrows(DataXException.class,
                () -> ReaderPlanning.plan(s, new FakeGateway(PK), WriterPeer.of("streamwriter", null, dir), dir, 1, 4));
        assertEquals("OtsRangeReader-08", e.getErrorCode().getCode());
        assertTrue(e.getMessage().contains("parameter.resume") && e.getMessage().contains("streamwriter"), e.getMessage());
    }

    @Test
    void timeCutterBoundariesInUtcAndShanghai() {
        TimeCutter utc = new TimeCutter(SortKeyUnit.MS, ZoneId.of("UTC"));
        long y2024 = 1704067200000L;
        List<TimeCutter.Piece> p = utc.cut(y2024 - 1, y2024 + 1, Period.YEAR, 10);
        assertEquals(2, p.size());
        assertEquals("2023", p.get(0).label);
        assertEquals(y2024, p.get(0).to);
        assertEquals("2024", p.get(1).label);
        List<TimeCutter.Piece> m = utc.cut(y2024 - 1, y2024 + 32L * 86_400_000L, Period.MONTH, 10);
        assertEquals(Arrays.asList("2023-12", "2024-01", "2024-02"), labels(m));
        List<TimeCutter.Piece> d = utc.cut(y2024 - 1, y2024 + 1, Period.DAY, 10);
        assertEquals(Arrays.asList("2023-12-31", "2024-01-01"), labels(d));
        TimeCutter sh = new TimeCutter(SortKeyUnit.MS, ZoneId.of("Asia/Shanghai"));
        List<TimeCutter.Piece> s = sh.cut(y2024 - 9 * 3600_000L, y2024, Period.YEAR, 10);
        assertEquals(Arrays.asList("2023", "2024"), labels(s));
        assertEquals(y2024 - 8 * 3600_000L, s.get(0).to);
        TimeCutter sec = new TimeCutter(SortKeyUnit.S, ZoneId.of("UTC"));
        assertEquals(y2024 / 1000, sec.cut(y2024 / 1000 - 1, y2024 / 1000 + 1, Period.YEAR, 10).get(0).to);
        TimeCutter us = new TimeCutter(SortKeyUnit.US, ZoneId.of("UTC"));
        assertEquals(y2024 * 1000, us.cut(y2024 * 1000 - 1, y2024 * 1000 + 1, Period.DAY, 10).get(0).to);
    }

    static List<String> labels(List<TimeCutter.Piece> pieces) {
        List<String> l = new ArrayList<>();
        for (TimeCutter.Piece p : pieces) {
            l.add(p.label);
        }
        return l;
    }

}
