package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.TaskFiles;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.TaskDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `split-tasks`: the batches a pattern source reads back are exactly the input's tasks (as the
 * reader parses the input itself), in both task formats; a key written twice, an existing batch
 * and bad arguments are refused without writing anything.
 */
class SplitTasksCommandTest {
    @TempDir
    Path dir;

    CliHarness split(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "split-tasks";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliHarness.run(dir, all);
    }

    /** The tasks a job reads from its tasks source, as the reader parses them: key, columns, filters. */
    List<List<Object>> readTasks(Map<String, Object> tasks) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("endpoint", "http://127.0.0.1:1");
        p.put("accessId", "id");
        p.put("accessKey", "key");
        p.put("instanceName", "i");
        p.put("table", "t");
        p.put("appendColumns", Collections.singletonList("ct"));
        p.put("tasks", tasks);
        ReaderSpec spec = ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap()).spec();
        List<List<Object>> out = new ArrayList<>();
        for (TaskDefinition d : spec.tasks()) {
            out.add(Arrays.<Object>asList(d.keyText(), d.columns(), d.filters()));
        }
        return out;
    }

    List<List<Object>> original(String input) {
        return readTasks(Map.of("source", "file", "path", input));
    }

    List<List<Object>> viaPattern(String pattern) {
        return readTasks(Map.of("source", "pattern", "path", pattern));
    }

    List<String> batchFiles(String folder) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(folder))) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    JSONObject batch(String folder, String name) throws IOException {
        return JSON.parseObject(new String(Files.readAllBytes(dir.resolve(folder).resolve(name)), StandardCharsets.UTF_8),
                Feature.OrderedField);
    }

    @Test
    void compactTasksComeBackAsTheyWereInBatchesOfTheChunkSize() throws Exception {
        StringBuilder json = new StringBuilder("{\n");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = i % 5 == 0 ? "dev/" + i + " x.%" : "2309193932" + (800 + i);
            keys.add(key);
            json.append(i == 0 ? "" : ",\n").append("  ").append(JSON.toJSONString(key)).append(": [\"p").append(i).append("_1\", \"v\"]");
        }
        Files.write(dir.resolve("all_devices.json"), json.append("\n}\n").toString().getBytes(StandardCharsets.UTF_8));

        CliHarness run = split("--input=all_devices.json", "--output-dir=tasks_split/", "--chunk-size=10");
        assertEquals(0, run.status, run.toString());
        assertEquals(Arrays.asList("tasks_batch_0001.json", "tasks_batch_0002.json", "tasks_batch_0003.json"), batchFiles("tasks_split"),
                "the Python tool's default prefix; 25 tasks by 10");
        assertEquals(keys.subList(0, 10), new ArrayList<>(batch("tasks_split", "tasks_batch_0001.json").keySet()));
        assertEquals(keys.subList(10, 20), new ArrayList<>(batch("tasks_split", "tasks_batch_0002.json").keySet()));
        assertEquals(keys.subList(20, 25), new ArrayList<>(batch("tasks_split", "tasks_batch_0003.json").keySet()));
        assertTrue(run.out.contains("\"path\": \"tasks_split/tasks_batch_*.json\""), run.out);

        List<List<Object>> original = original("all_devices.json");
        assertEquals(25, original.size());
        assertEquals(original, viaPattern("tasks_split/tasks_batch_*.json"));
    }

    @Test
    void standardAndMixedTasksKeepTheirFiltersAndOrder() throws Exception {
        String input = "{\n"
                + "  \"2309193932839\": {\"columns\": [\"p34_1\", \"p50_1\"], \"filters\": {\"p34_1\": {\"gt\": 0, \"lt\": 100.5}}},\n"
                + "  \"2309193932840\": [\"p32_1\"],\n"
                + "  \"a b\": {\"columns\": [], \"filters\": {\"s\": {\"in\": [\"x\", \"y\"]}, \"n\": {\"notIn\": [1, 2]}}},\n"
                + "  \"ü/é\": {\"columns\": [\"c\"]},\n"
                + "  \"z\": {\"columns\": [\"c\"], \"filters\": {\"ok\": true, \"big\": 12345678901234567890}}\n"
                + "}\n";
        Files.write(dir.resolve("huge_mappings.json"), input.getBytes(StandardCharsets.UTF_8));
        CliHarness run = split("--input", "huge_mappings.json", "--output-dir", "tasks", "--chunk-size", "2", "--prefix", "batch_");
        assertEquals(0, run.status, run.toString());
        assertEquals(Arrays.asList("batch_0001.json", "batch_0002.json", "batch_0003.json"), batchFiles("tasks"));
        List<List<Object>> original = original("huge_mappings.json");
        assertEquals(5, original.size());
        assertFalse(((com.otsrange.reader.config.FilterSpec) original.get(0).get(2)).isEmpty(), "the per-task filters are read");
        assertEquals(original, viaPattern("tasks/batch_*.json"));
        JSONObject input0 = JSON.parseObject(input, Feature.OrderedField);
        assertEquals(input0.getJSONObject("2309193932839"), batch("tasks", "batch_0001.json").getJSONObject("2309193932839"),
                "a standard definition is copied as written");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedNamingItAndTheFile() throws Exception {
        Files.write(dir.resolve("dups.json"), "{\n  \"k1\": [\"a\"],\n  \"k2\": [\"b\"],\n  \"k1\": [\"c\"]\n}\n"
                .getBytes(StandardCharsets.UTF_8));
        CliHarness run = split("--input", "dups.json", "--output-dir", "out", "--chunk-size", "1");
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.err.contains("\"k1\" appears twice") && run.err.contains("lines 2 and 4"), run.err);
        assertTrue(run.err.contains("dups.json"), run.err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void whatTheReaderWouldRefuseIsRefusedBeforeWriting() throws Exception {
        Files.write(dir.resolve("bad.json"), "{\"k\": {\"columns\": [\"p34:1\"], \"filters\": {\"v\": {\"not_in\": [1]}}}}"
                .getBytes(StandardCharsets.UTF_8));
        CliHarness run = split("--input", "bad.json", "--output-dir", "out", "--chunk-size", "1");
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.err.contains("p34:1") && run.err.contains("not_in"), run.err);
        Files.write(dir.resolve("empty.json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Command.FAILED, split("--input", "empty.json", "--output-dir", "out", "--chunk-size", "1").status);
        assertEquals(Command.FAILED, split("--input", "missing.json", "--output-dir", "out", "--chunk-size", "1").status);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void existingBatchesAreNeverOverwrittenSilently() throws Exception {
        Files.write(dir.resolve("v1.json"), "{\"a\": [\"x\"], \"b\": [\"x\"], \"c\": [\"x\"]}".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("v2.json"), "{\"d\": [\"y\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, split("--input", "v1.json", "--output-dir", "out", "--chunk-size", "1").status);
        byte[] first = Files.readAllBytes(dir.resolve("out/tasks_batch_0001.json"));
        Files.write(dir.resolve("out/notes.txt"), "mine".getBytes(StandardCharsets.UTF_8));

        CliHarness refused = split("--input", "v2.json", "--output-dir", "out", "--chunk-size", "1");
        assertEquals(Command.FAILED, refused.status, refused.toString());
        assertTrue(refused.err.contains("tasks_batch_0001.json") && refused.err.contains("--overwrite"), refused.err);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("out/tasks_batch_0001.json")), "left as it was");
        assertEquals(4, batchFiles("out").size());

        CliHarness replaced = split("--input", "v2.json", "--output-dir", "out", "--chunk-size", "1", "--overwrite");
        assertEquals(0, replaced.status, replaced.toString());
        assertEquals(Arrays.asList("notes.txt", "tasks_batch_0001.json"), batchFiles("out"), "the stale batches 2 and 3 are gone too");
        assertEquals(original("v2.json"), viaPattern("out/tasks_batch_*.json"));

        // the input among the files the pattern reads: refused even with --overwrite
        CliHarness self = split("--input", "out/tasks_batch_0001.json", "--output-dir", "out", "--chunk-size", "1", "--overwrite");
        assertEquals(Command.FAILED, self.status, self.toString());
        assertTrue(Files.exists(dir.resolve("out/tasks_batch_0001.json")));
    }

    /**
     * What is in the way is what the job's pattern reads (the reader's glob: regular files only): a
     * folder whose name the pattern would match is not a task file, is left alone and blocks nothing.
     */
    @Test
    void onlyFilesThePatternReadsAreInTheWay() throws Exception {
        Files.write(dir.resolve("v1.json"), "{\"a\": [\"x\"], \"b\": [\"x\"]}".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("out/tasks_batch_old.json"));
        assertEquals(Collections.emptyList(), TaskFiles.glob("out/tasks_batch_*.json", dir), "the job reads no file yet");

        CliHarness run = split("--input", "v1.json", "--output-dir", "out", "--chunk-size", "1");
        assertEquals(0, run.status, run.toString());
        assertEquals(Arrays.asList("tasks_batch_0001.json", "tasks_batch_0002.json", "tasks_batch_old.json"), batchFiles("out"));
        assertEquals(original("v1.json"), viaPattern("out/tasks_batch_*.json"));
    }

    @Test
    void badArgumentsExitWithStatusTwo() throws Exception {
        Files.write(dir.resolve("t.json"), "{\"a\": [\"x\"]}".getBytes(StandardCharsets.UTF_8));
        String[][] bad = {
            {"--output-dir", "out", "--chunk-size", "1"},
            {"--input", "t.json", "--chunk-size", "1"},
            {"--input", "t.json", "--output-dir", "out"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "0"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "-3"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "ten"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "99999999999"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "1", "--prefix", "a/b"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "1", "--prefix", "b*"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "1", "--prefix", ""},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "1", "--prefix", ".hidden"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "1", "--size", "2"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size", "1", "extra"},
            {"--input", "t.json", "--output-dir", "out", "--chunk-size"},
        };
        for (String[] args : bad) {
            CliHarness run = split(args);
            assertEquals(Command.USAGE, run.status, Arrays.toString(args) + "\n" + run);
            assertTrue(run.err.contains("usage: bin/otsrange split-tasks"), run.err);
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
