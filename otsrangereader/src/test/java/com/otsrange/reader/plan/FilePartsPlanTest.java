package com.otsrange.reader.plan;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.FileParts;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.StateDir;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.scan.SdkGateway;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.task.TaskUnits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which file units the reader cuts into parts read by several tasks (planning against the
 * emulator, which answers the probes for where a unit's rows are), and what a resumed run reads.
 */
class FilePartsPlanTest {
    static Emu emu;

    @TempDir
    Path dir;

    static final String ID_CT = "t";
    static final String ID_DIM_CT = "t3";
    static final String SKEWED = "skew";
    /** Rows of the heavy key of SKEWED in 2024, and of each of its two light keys. */
    static final int HEAVY_ROWS = 6000;
    static final int LIGHT_ROWS = 60;
    static final long Y2024 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long Y2025 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;
    /** Rows of "half" lie between these, in 2024. */
    static final long HALF_FIRST = Y2024 + 10 * DAY + 5;
    static final long HALF_STEP = (180 * DAY + 2) / 50;
    static final long HALF_LAST = HALF_FIRST + 50 * HALF_STEP;

    @BeforeAll
    static void start() throws Exception {
        emu = new Emu("getRange");
        emu.createTable(ID_CT, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        emu.createTable(ID_DIM_CT, "id", PrimaryKeyType.STRING, "dim", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> rows = new ArrayList<>();
        List<Emu.SrcRow> rows3 = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (long t = Y2024; t < Y2025; t += DAY) {
                rows.add(new Emu.SrcRow(Arrays.<Object>asList("dev-" + i, t + i), Map.<String, Object>of("v", 1L)));
            }
        }
        for (long t = HALF_FIRST; t <= HALF_LAST; t += HALF_STEP) {
            rows.add(new Emu.SrcRow(Arrays.<Object>asList("half", t), Map.<String, Object>of("v", 1L)));
        }
        for (long t = Y2024; t < Y2025; t += DAY) {
            for (String dim : Arrays.asList("a", "b")) {
                rows3.add(new Emu.SrcRow(Arrays.<Object>asList("dev-0", dim, t), Map.<String, Object>of("v", 1L)));
            }
        }
        emu.load(ID_CT, Arrays.asList("id", "ct"), rows);
        emu.createTable(SKEWED, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> skewed = new ArrayList<>();
        long year = Y2025 - Y2024;
        for (int i = 0; i < HEAVY_ROWS; i++) {
            skewed.add(new Emu.SrcRow(Arrays.<Object>asList("heavy", Y2024 + year * i / HEAVY_ROWS), Map.<String, Object>of("v", 1L)));
        }
        for (String light : Arrays.asList("light-1", "light-2")) {
            for (int i = 0; i < LIGHT_ROWS; i++) {
                skewed.add(new Emu.SrcRow(Arrays.<Object>asList(light, Y2024 + year * i / LIGHT_ROWS), Map.<String, Object>of("v", 1L)));
            }
        }
        emu.load(SKEWED, Arrays.asList("id", "ct"), skewed);
        emu.load(ID_DIM_CT, Arrays.asList("id", "dim", "ct"), rows3);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    ReaderSpec spec(int keys, String extra) {
        return spec(keys, extra, ID_CT);
    }

    ReaderSpec spec(int keys, String extra, String table) {
        Map<String, Object> defs = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            defs.put("dev-" + i, Arrays.asList("v"));
        }
        return spec(defs, extra, table);
    }

    ReaderSpec spec(Map<String, Object> defs, String extra, String table) {
        Map<String, Object> p = Jobs.reader(emu, table);
        // explicit: the automatic limit depends on the machine's processors
        p.put("maxPartsPerFile", 8);
        p.putAll(JSON.parseObject("{\"filters\":{\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2025-01-01\"}}" + extra + "}",
                Feature.OrderedField));
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        return ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap()).spec();
    }

    Plan plan(ReaderSpec s, String table, String writer, int channels) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("path", "out");
        try (SdkGateway gateway = new SdkGateway(s.connection(), s.table(), s.tuning())) {
            return ReaderPlanning.plan(s, gateway, WriterPeer.of(writer, parameter, dir), dir, channels, 4);
        }
    }

    static List<Unit> all(Plan plan) {
        List<Unit> out = new ArrayList<>();
        for (List<Unit> g : plan.groups()) {
            out.addAll(g);
        }
        return out;
    }

    @Test
    void oneHeavyFileIsReadInOnePartPerChannelEachInItsOwnTask() {
        ReaderSpec s = spec(1, "");
        Plan plan = plan(s, ID_CT, "csvyearwriter", 4);
        assertEquals(4, plan.groups().size());
        long expectedFrom = Y2024;
        List<Unit> parts = new ArrayList<>();
        for (List<Unit> g : plan.groups()) {
            assertEquals(1, g.size(), "one part per task");
            parts.add(g.get(0));
        }
        parts.sort((a, b) -> Integer.compare(a.part().k, b.part().k));
        for (int k = 0; k < 4; k++) {
            Unit u = parts.get(k);
            assertEquals("2024/dev-0", u.id());
            assertEquals(k, u.part().k);
            assertEquals(4, u.part().n);
            assertEquals(expectedFrom, u.from(), "parts tile the year without gap or overlap");
            // cut over where the rows are: the first row at Y2024, the last one 365 days later (2024 has 366);
            // t_k = first + floor((last + 1 - first) * k / n), computed here independently; the last part ends with the year
            long width = 365 * DAY + 1;
            assertEquals(k == 3 ? Y2025 : Y2024 + width * (k + 1) / 4, u.to());
            expectedFrom = u.to();
        }
        assertEquals(Y2025, expectedFrom);

        // each task's configuration carries its part, and cuts no period boundary
        for (List<Unit> g : plan.groups()) {
            TaskPlan tp = TaskPlanCodec.decode(JSON.parseObject(JSON.toJSONString(TaskPlanCodec.encode(TaskPlans.of(s, plan, g))), Feature.OrderedField));
            assertEquals(1, TaskUnits.of(tp).units.size());
            assertEquals(g.get(0).part(), TaskUnits.of(tp).units.get(0).part);
            assertEquals(g.get(0).from(), TaskUnits.of(tp).units.get(0).from);
            assertEquals(g.get(0).to(), TaskUnits.of(tp).units.get(0).to);
            assertEquals("2024/dev-0", TaskUnits.of(tp).units.get(0).unitId);
        }
        assertEquals(1, plan.unitCount(), "one file");
        assertEquals(4, plan.partCount());
        assertEquals(1, plan.unitsInParts());
    }

    /** Probing where the rows are: an empty file is not cut, and a half-empty one is cut where its rows are. */
    @Test
    void filesAreCutWhereTheirRowsAreAndEmptyOnesNotAtAll() {
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("half", Arrays.asList("v"));
        defs.put("ghost", Arrays.asList("v"));
        Plan plan = plan(spec(defs, "", ID_CT), ID_CT, "csvyearwriter", 4);
        List<Unit> half = new ArrayList<>();
        for (Unit u : all(plan)) {
            if (u.id().equals("2024/ghost")) {
                assertNull(u.part(), "a file without rows is read whole (one request)");
            } else {
                half.add(u);
            }
        }
        assertEquals(4, half.size(), "the rows of half are worth all four channels once ghost is known to be empty");
        half.sort((a, b) -> Integer.compare(a.part().k, b.part().k));
        long width = HALF_LAST + 1 - HALF_FIRST;
        assertEquals(Y2024, half.get(0).from(), "the first part reaches back to the year's start");
        assertEquals(HALF_FIRST + width / 4, half.get(0).to());
        assertEquals(HALF_FIRST + width * 3 / 4, half.get(3).from());
        assertEquals(Y2025, half.get(3).to(), "the last part reaches on to the year's end");
        for (int k = 1; k < 4; k++) {
            assertEquals(half.get(k - 1).to(), half.get(k).from());
        }
    }

    /**
     * A file is heavy by its rows, not by its time span: next to two light keys over the same year,
     * the key with a hundred times their rows holds 6000 of the job's 6120 rows, about three
     * channels' shares of 2040, so it is read in three parts, one per task, and the light ones whole.
     */
    @Test
    void theKeyWithTheRowsIsCutNotTheKeysWithTheSameTimeSpan() {
        Map<String, Object> defs = new LinkedHashMap<>();
        for (String key : Arrays.asList("light-1", "heavy", "light-2")) {
            defs.put(key, Arrays.asList("v"));
        }
        Plan plan = plan(spec(defs, "", SKEWED), SKEWED, "csvyearwriter", 3);
        Map<String, List<Unit>> byId = new LinkedHashMap<>();
        for (Unit u : all(plan)) {
            byId.computeIfAbsent(u.id(), k -> new ArrayList<>()).add(u);
        }
        assertEquals(1, byId.get("2024/light-1").size());
        assertNull(byId.get("2024/light-1").get(0).part(), "a light file is read whole");
        assertNull(byId.get("2024/light-2").get(0).part(), "a light file is read whole");
        List<Unit> heavy = byId.get("2024/heavy");
        assertEquals(3, heavy.size(), "round(6000 / (6120 / 3)) = 3 parts");
        for (Unit u : heavy) {
            assertEquals(3, u.part().n);
        }
        Set<Integer> tasksOfParts = new HashSet<>();
        for (int t = 0; t < plan.groups().size(); t++) {
            for (Unit u : plan.groups().get(t)) {
                if (u.part() != null) {
                    tasksOfParts.add(t);
                }
            }
        }
        assertEquals(3, tasksOfParts.size(), "each part in a task of its own");
    }

    @Test
    void twoHeavyFilesOnFourChannelsGetTwoPartsEach() {
        Plan plan = plan(spec(2, ""), ID_CT, "csvyearwriter", 4);
        Map<String, Set<Integer>> parts = new LinkedHashMap<>();
        for (Unit u : all(plan)) {
            parts.computeIfAbsent(u.id(), k -> new HashSet<>()).add(u.part().k * 10 + u.part().n);
        }
        assertEquals(Set.of(2, 12), parts.get("2024/dev-0"));
        assertEquals(Set.of(2, 12), parts.get("2024/dev-1"));
        assertEquals(4, plan.groups().size());
    }

    @Test
    void filesAreNotCutWhenItCannotPayOrWouldBeWrong() {
        // one channel: nothing runs in parallel anyway
        assertNull(all(plan(spec(1, ""), ID_CT, "csvyearwriter", 1)).get(0).part());
        // another writer does not join parts
        for (Unit u : all(plan(spec(1, ""), ID_CT, "streamwriter", 4))) {
            assertNull(u.part());
        }
        // switched off
        for (Unit u : all(plan(spec(1, ",\"maxPartsPerFile\":1"), ID_CT, "csvyearwriter", 4))) {
            assertNull(u.part());
        }
        // many files of about a channel's share or less: whole files already keep every channel busy
        for (Unit u : all(plan(spec(10, ""), ID_CT, "csvyearwriter", 4))) {
            assertNull(u.part());
        }
        // a primary-key column before the sort key that is not pinned: a sort-key cut would interleave rows
        String schema = ",\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"}";
        for (Unit u : all(plan(spec(1, schema, ID_DIM_CT), ID_DIM_CT, "csvyearwriter", 4))) {
            assertNull(u.part());
        }
        // ... pinned by an eq filter: fine
        List<Unit> pinned = all(plan(spec(1, schema + ",\"filters\":{\"ct\":{\"gte\":\"2024-01-01\","
                + "\"lt\":\"2025-01-01\"},\"dim\":{\"eq\":\"a\"}}", ID_DIM_CT), ID_DIM_CT, "csvyearwriter", 4));
        assertEquals(4, pinned.size());
        assertEquals(4, pinned.get(0).part().n);
        // maxPartsPerFile caps the cut
        assertEquals(2, all(plan(spec(1, ",\"maxPartsPerFile\":2"), ID_CT, "csvyearwriter", 4)).get(0).part().n);
    }

    @Test
    void aResumedRunReadsOnlyTheMissingPartsOfTheRecordedCut() throws Exception {
        ReaderSpec s = spec(2, ",\"resume\":true");
        Path state = StateDir.of(dir.resolve("out"), "t", ShardSpec.ALL);
        FileParts.Part cut = new FileParts.Part(0, 3, Y2024, Y2025);
        try (CheckpointLog log = CheckpointLog.create(state, Collections.<String, String>emptyMap())) {
            // dev-0: part 0 recorded with its file, part 1 recorded but its file is gone, part 2 never recorded
            String p0 = FileParts.fileFor("2024/dev-0", cut);
            Files.createDirectories(state.resolve(p0).getParent());
            Files.write(state.resolve(p0), new byte[] {'a', '\n'});
            log.part("2024/dev-0", cut, p0, "dev-0_t_2024.csv", 1, 2, "x", Collections.singletonList("v"));
            log.part("2024/dev-0", cut.sibling(1), FileParts.fileFor("2024/dev-0", cut.sibling(1)), "dev-0_t_2024.csv", 1, 2, "x",
                    Collections.singletonList("v"));
            // dev-1: every part recorded with its (empty) file: only the writer's join is left
            for (int k = 0; k < 3; k++) {
                String f = FileParts.fileFor("2024/dev-1", cut.sibling(k));
                Files.write(state.resolve(f), new byte[0]);
                log.part("2024/dev-1", cut.sibling(k), f, "dev-1_t_2024.csv", 0, 0, "x", Collections.singletonList("v"));
            }
        }
        // 4 channels would cut into 2 parts each today: the recorded cut of 3 wins
        Plan plan = plan(s, ID_CT, "csvyearwriter", 4);
        List<Unit> units = all(plan);
        assertEquals(2, units.size(), "parts 1 and 2 of dev-0 only");
        Set<Integer> ks = new HashSet<>();
        for (Unit u : units) {
            assertEquals("2024/dev-0", u.id());
            assertTrue(cut.sameCut(u.part()));
            assertEquals(u.part().from(), u.from());
            ks.add(u.part().k);
        }
        assertEquals(Set.of(1, 2), ks);
        assertEquals(1, plan.unitsSkipped(), "dev-1 waits only for the join");
    }
}
