package com.otsrange.reader.plan;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.task.TaskUnits;
import com.otsrange.reader.task.UnitWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskPlansTest {
    @TempDir
    Path dir;

    /** Keys k0..k(n-1), each with the same task filter; the job's window is 2020..2023 cut by month. */
    private ReaderSpec spec(int keys) {
        Map<String, Object> defs = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            defs.put("k" + i, JSON.parseObject("{\"columns\": [\"a\"], \"filters\": {\"a\": {\"gte\": 1}}}"));
        }
        Map<String, Object> p = JSON.parseObject("{\"endpoint\":\"http://127.0.0.1:1\",\"accessId\":\"i\",\"accessKey\":\"k\","
                + "\"instanceName\":\"n\",\"table\":\"t\",\"filters\":{\"ct\":{\"gte\":\"2020-01-01\",\"lt\":\"2023-01-01\"}}}",
                Feature.OrderedField);
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        return ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap()).spec();
    }

    private Plan plan(ReaderSpec s, int channels, int splitFactor) {
        Map<String, Object> writer = new LinkedHashMap<>();
        writer.put("path", dir.toString());
        writer.put("fileName", "{partition_key}_{year}{month}.csv");
        return ReaderPlanning.plan(s, new FakeGateway(PlanningTest.PK), WriterPeer.of("csvyearwriter", writer, dir), dir, channels, splitFactor);
    }

    private static Map<String, Object> wire(Map<String, Object> config) {
        return JSON.parseObject(JSON.toJSONString(config), Feature.OrderedField);
    }

    @Test
    void theSplitsRunsAreEachKeysTouchingUnitsAndEqualFiltersTravelOnce() {
        ReaderSpec s = spec(5);
        Plan plan = plan(s, 2, 2);
        int units = 0;
        for (List<Unit> group : plan.groups()) {
            Map<String, Object> config = wire(TaskPlanCodec.encode(TaskPlans.of(s, plan, group)));
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) config.get(TaskPlanCodec.PLAN_KEY);
            assertEquals(1, t.get("v"));
            assertEquals(1, ((List<?>) t.get("filters")).size(), "five keys with equal filters: one filter entry");
            TaskPlan tp = TaskPlanCodec.decode(config);
            assertEquals(TaskPlans.of(s, plan, group), tp, "the task reads the plan the Job built");
            List<UnitWork> flat = new ArrayList<>();
            for (List<UnitWork> run : TaskUnits.of(tp).runs) {
                for (int i = 1; i < run.size(); i++) {
                    assertEquals(run.get(0).keyText, run.get(i).keyText);
                    assertEquals(run.get(i - 1).to, run.get(i).from);
                }
                flat.addAll(run);
            }
            List<UnitWork> cut = TaskUnits.of(tp).units;
            assertEquals(cut.size(), flat.size());
            for (int i = 0; i < flat.size(); i++) {
                assertEquals(group.get(i).id(), flat.get(i).unitId);
                assertEquals(group.get(i).id(), cut.get(i).unitId);
            }
            units += flat.size();
        }
        assertEquals(5 * 36, units);
    }
}
