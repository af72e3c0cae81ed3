package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import com.otsrange.testkit.Rules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changed-job refusal on resume, start-over without resume, and 4 concurrent shards. */
abstract class ResumeAndShardsTest {
    static E2e e2e;
    static Dataset data;
    static Map<String, byte[]> reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path shared, TestInfo suite) throws Exception {
        e2e = E2e.forSuite(suite.getTestClass().get());
        data = Dataset.generate("shards", 41, 14, 12);
        data.load(e2e);
        RunResult r = E2e.run(job(shared.resolve("ref"), false));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        reference = E2e.snapshot(shared.resolve("ref"));
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    static JSONObject job(Path out, boolean resume) {
        JSONObject reader = e2e.reader(data.table, data.taskKeys(), Dataset.COLUMNS);
        reader.put("resume", resume);
        return E2e.job(reader, E2e.writer(out), 2);
    }

    @Test
    void resumingAChangedJobIsRefusedNamingTheChange() throws Exception {
        Path out = dir.resolve("out");
        assertTrue(E2e.run(job(out, true)).succeeded());
        byte[] checkpoint = Files.readAllBytes(out.resolve(".otsrange/shards.all/checkpoint.log"));

        Map<String, JSONObject> changes = new HashMap<>();
        JSONObject nullFormat = job(out, true);
        E2e.writerOf(nullFormat).put("nullFormat", "NULL");
        changes.put("writer.nullFormat", nullFormat);
        JSONObject filters = job(out, true);
        E2e.readerOf(filters).put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2023-01-01\"}}"));
        changes.put("reader.filters", filters);
        JSONObject tasks = job(out, true);
        E2e.readerOf(tasks).getJSONObject("tasks").getJSONObject("definitions").put("dev-1", Arrays.asList("ct", "v"));
        changes.put("reader.tasks", tasks);
        JSONObject zone = job(out, true);
        E2e.readerOf(zone).put("timeZone", "Asia/Shanghai");
        changes.put("reader.timeZone", zone);
        JSONObject pattern = job(out, true);
        E2e.writerOf(pattern).put("fileName", "{year}/{partition_key}.csv");
        changes.put("writer.fileName", pattern);

        for (Map.Entry<String, JSONObject> c : changes.entrySet()) {
            RunResult r = E2e.run(c.getValue());
            assertFalse(r.succeeded(), c.getKey());
            assertEquals("CsvYearWriter-05", r.errorCode(), c.getKey() + ": " + r.errorMessage());
            String m = r.errorMessage();
            assertTrue(m.contains(c.getKey()), "names the change " + c.getKey() + ": " + m);
            assertTrue(m.contains("\"resume\": false") && m.contains(".otsrange"), "says how to start over: " + m);
            assertEquals("", E2e.diff(reference, E2e.snapshot(out)), "output untouched after refusal of " + c.getKey());
            assertTrue(Arrays.equals(checkpoint, Files.readAllBytes(out.resolve(".otsrange/shards.all/checkpoint.log"))),
                    "checkpoint untouched after refusal of " + c.getKey());
        }
        // an unchanged job resumes: nothing to do, output unchanged
        RunResult same = E2e.run(job(out, true));
        assertTrue(same.succeeded(), String.valueOf(same.failure()));
        assertEquals(0, same.readRecords(), "every unit was committed already");
        assertEquals("", E2e.diff(reference, E2e.snapshot(out)));

        // without resume the changed job starts over under its write mode
        JSONObject over = job(out, false);
        E2e.writerOf(over).put("nullFormat", "NULL");
        RunResult r = E2e.run(over);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(data.rows.size(), r.readRecords());
        Map<String, byte[]> now = E2e.snapshot(out);
        assertEquals(reference.keySet(), now.keySet());
        assertTrue(new String(now.get("dev-1_sensor_2023.csv".replace("sensor", "shards")), StandardCharsets.UTF_8).contains("NULL")
                || now.values().stream().anyMatch(b -> new String(b, StandardCharsets.UTF_8).contains(",NULL")), "rewritten with the new nullFormat");
        JSONObject nonConflict = job(out, false);
        E2e.writerOf(nonConflict).put("writeMode", "nonConflict");
        RunResult nc = E2e.run(nonConflict);
        assertFalse(nc.succeeded());
        assertEquals("CsvYearWriter-03", nc.errorCode(), nc.errorMessage());
    }

    /** Issue 14: chunkBy changes no output byte (slices never cross a file period), so resuming after changing it is fine. */
    @Test
    void resumingAfterChangingOnlyChunkByIsAccepted() throws Exception {
        Path out = dir.resolve("chunk");
        JSONObject byYear = job(out, true);
        E2e.readerOf(byYear).put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\",\"chunkBy\":\"year\"}}"));
        assertTrue(E2e.run(byYear).succeeded());
        assertEquals("", E2e.diff(reference, E2e.snapshot(out)));
        for (String chunk : new String[] {"day", "month", null}) {
            JSONObject other = job(out, true);
            E2e.readerOf(other).put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2025-01-01\""
                    + (chunk == null ? "" : ",\"chunkBy\":\"" + chunk + "\"") + "}}"));
            RunResult r = E2e.run(other);
            assertTrue(r.succeeded(), chunk + ": " + r.errorMessage());
            assertEquals(0, r.readRecords(), chunk + ": every unit was committed already");
        }
        assertEquals("", E2e.diff(reference, E2e.snapshot(out)));
        // the bounds still are the job (outside incremental mode)
        JSONObject bounds = job(out, true);
        E2e.readerOf(bounds).put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2022-01-01\",\"lt\":\"2024-01-01\",\"chunkBy\":\"year\"}}"));
        assertEquals("CsvYearWriter-05", E2e.run(bounds).errorCode());
    }

    @Test
    void fourConcurrentShardsEqualTheSingleRun() throws Exception {
        Path out = dir.resolve("sharded");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<RunResult>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JSONObject j = job(out, true);
            E2e.readerOf(j).put("shard", i + "/4");
            runs.add(pool.submit(() -> E2e.run(j)));
        }
        long rows = 0;
        for (Future<RunResult> f : runs) {
            RunResult r = f.get();
            assertTrue(r.succeeded(), String.valueOf(r.failure()));
            rows += r.writeRecords();
        }
        pool.shutdown();
        assertEquals(data.rows.size(), rows, "every row exported exactly once");
        assertEquals("", E2e.diff(reference, E2e.snapshot(out)));
        Set<String> stateDirs = new TreeSet<>();
        try (java.util.stream.Stream<Path> s = Files.list(out.resolve(".otsrange"))) {
            s.forEach(p -> stateDirs.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(Arrays.asList("shards.shard-0-of-4", "shards.shard-1-of-4", "shards.shard-2-of-4",
                "shards.shard-3-of-4")), stateDirs);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            JSONObject manifest = JSON.parseObject(new String(Files.readAllBytes(out.resolve(".otsrange/shards.shard-" + i + "-of-4/manifest.json")),
                    StandardCharsets.UTF_8));
            for (String line : Files.readAllLines(out.resolve(".otsrange/shards.shard-" + i + "-of-4/checkpoint.log"))) {
                JSONObject e = JSON.parseObject(line);
                if ("commit".equals(e.getString("type"))) {
                    String file = e.getString("file");
                    assertTrue(seen.add(file), "two shards committed " + file);
                    String key = keyOfFile(file);
                    assertEquals(i, Rules.shardOf(key, 4), "shard " + i + " wrote " + file + " of another shard");
                }
            }
            assertTrue(manifest.getJSONObject("totals").getIntValue("files") > 0, "every shard got some keys (seeded)");
        }
        assertEquals(reference.keySet(), seen);

        // re-running one shard touches only its own state dir
        Map<String, byte[]> others = new HashMap<>();
        for (int i = 1; i < 4; i++) {
            Path cp = out.resolve(".otsrange/shards.shard-" + i + "-of-4/checkpoint.log");
            others.put(cp.toString(), Files.readAllBytes(cp));
        }
        JSONObject again = job(out, false);
        E2e.readerOf(again).put("shard", "0/4");
        assertTrue(E2e.run(again).succeeded());
        for (Map.Entry<String, byte[]> e : others.entrySet()) {
            assertTrue(Arrays.equals(e.getValue(), Files.readAllBytes(java.nio.file.Paths.get(e.getKey()))), e.getKey());
        }
        assertEquals("", E2e.diff(reference, E2e.snapshot(out)));
    }

    @Test
    void invalidShardSpecsAreRejected() throws Exception {
        for (Object spec : new Object[] {"4/4", "-1/4", "a/b", "1/0", "1", "1/2/3", 3, "0/-2", "", " ", "${shard}"}) {
            Path out = dir.resolve("bad" + Math.abs(String.valueOf(spec).hashCode()));
            JSONObject j = job(out, false);
            E2e.readerOf(j).put("shard", spec);
            RunResult r = E2e.run(j);
            assertFalse(r.succeeded(), "shard " + spec);
            assertEquals("OtsRangeReader-01", r.errorCode(), spec + ": " + r.errorMessage());
            // an unreplaced ${shard} is told how to pass it instead
            assertTrue(r.errorMessage().contains("parameter.shard")
                    && r.errorMessage().contains("${shard}".equals(spec) ? "-Dshard=value" : "0 <= i < n"), spec + ": " + r.errorMessage());
            if (String.valueOf(spec).trim().isEmpty()) {
                // blank is what a scheduler's empty variable produces: never taken as "all"
                assertTrue(r.errorMessage().contains("omit shard"), spec + ": " + r.errorMessage());
            }
            assertEquals(0, E2e.allPaths(out).size(), "nothing written for shard " + spec);
        }
    }

    /** The key of a default-pattern file name, decoded (test keys are ASCII or UTF-8 %XX). */
    static String keyOfFile(String file) {
        String enc = file.substring(0, file.indexOf("_shards_"));
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%') {
                b.write(Integer.parseInt(enc.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.write(c);
            }
        }
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }
}
