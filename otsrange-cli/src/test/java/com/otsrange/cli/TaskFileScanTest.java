package com.otsrange.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** migrate scans the task files the reader loads (otsrange-common TaskFiles), whole paths included. */
class TaskFileScanTest {
    @TempDir
    Path dir;

    @Test
    void scansTheFilesOfDirectoryWildcardsDoubleStarsAndAbsolutePatterns() throws Exception {
        for (String f : new String[] {"tasks/a.json", "tasks/b.json", "tasks/sub/c.json", "tasks/sub/deep/d.json", "other/e.json"}) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.write(p, "{\"k\": {\"columns\": [\"c\"], \"filters\": {\"c\": {\"not_in\": [1]}}}}".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<String>> cases = new LinkedHashMap<>();
        // before TaskFiles, a wildcard in a folder name found nothing here
        cases.put("tasks/*/*.json", Arrays.asList("tasks/sub/c.json"));
        cases.put("*/?.json", Arrays.asList("other/e.json", "tasks/a.json", "tasks/b.json"));
        cases.put("tasks/**/*.json", Arrays.asList("tasks/sub/c.json", "tasks/sub/deep/d.json"));
        cases.put(dir + "/tasks/sub/../*.json", Arrays.asList("tasks/a.json", "tasks/b.json"));
        Console console = new Console(new PrintStream(System.out), new PrintStream(System.err), dir);
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Map<String, Object> tasks = new LinkedHashMap<>();
            tasks.put("source", "pattern");
            tasks.put("path", c.getKey());
            List<String> scanned = new ArrayList<>();
            for (String warning : TaskFileScan.snakeCaseOperators(tasks, console)) {
                scanned.add(warning.substring("task file ".length(), warning.indexOf(" uses the operator")));
            }
            assertEquals(c.getValue(), scanned, c.getKey());
        }
    }
}
