package com.otsrange.reader.config;

import com.otsrange.common.SortKeyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader loads exactly the files otsrange-common's TaskFiles resolves (the ones the resume
 * fingerprint hashes): each task file here defines one key, its own relative path.
 */
class TaskLoaderFilesTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheFilesOfDirectoryWildcardsDoubleStarsAndAbsolutePatterns() throws Exception {
        for (String f : new String[] {"tasks/a.json", "tasks/b.json", "tasks/sub/c.json", "tasks/sub/deep/d.json", "other/e.json"}) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.write(p, ("{\"" + f + "\": [\"c\"]}").getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("tasks/*/*.json", Arrays.asList("tasks/sub/c.json"));
        cases.put("tasks/**/*.json", Arrays.asList("tasks/sub/c.json", "tasks/sub/deep/d.json"));
        cases.put("*/?.json", Arrays.asList("other/e.json", "tasks/a.json", "tasks/b.json"));
        cases.put("./tasks/sub/../*.json", Arrays.asList("tasks/a.json", "tasks/b.json"));
        cases.put(dir + "/tasks/**.json", Arrays.asList("tasks/a.json", "tasks/b.json", "tasks/sub/c.json", "tasks/sub/deep/d.json"));
        TaskLoader loader = new TaskLoader(dir, new FilterParser(new TimeLiteral(SortKeyUnit.MS, ZoneOffset.UTC)), false);
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Map<String, Object> tasks = new LinkedHashMap<>();
            tasks.put("source", "pattern");
            tasks.put("path", c.getKey());
            Problems problems = new Problems();
            List<String> files = new ArrayList<>();
            for (Path p : loader.files(tasks, problems)) {
                files.add(dir.relativize(p).toString());
            }
            List<String> keys = new ArrayList<>();
            for (TaskDefinition d : loader.load(tasks, problems)) {
                keys.add(d.keyText());
            }
            assertTrue(problems.isEmpty(), problems.list().toString());
            assertEquals(c.getValue(), files, c.getKey());
            assertEquals(c.getValue(), keys, c.getKey());
        }
    }

    @Test
    void anInvalidGlobIsAProblemNotACrash() {
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("source", "pattern");
        tasks.put("path", "tasks/[a*.json");
        Problems problems = new Problems();
        new TaskLoader(dir, new FilterParser(new TimeLiteral(SortKeyUnit.MS, ZoneOffset.UTC)), false).load(tasks, problems);
        assertTrue(problems.list().get(0).startsWith("parameter.tasks.path: not a valid path or glob pattern: "), problems.list().toString());
    }
}
