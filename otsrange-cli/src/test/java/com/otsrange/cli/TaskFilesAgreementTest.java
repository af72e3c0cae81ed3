package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.TaskFiles;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.TaskDefinition;
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

/**
 * The reader (the files it lists and the keys it loads) and `migrate`'s task-file scan resolve a
 * tasks pattern to the same files, through otsrange-common TaskFiles (whose tests also cover the
 * job fingerprint): resume is only safe if they agree.
 */
class TaskFilesAgreementTest {
    @TempDir
    Path dir;

    @Test
    void readerAndMigrateSeeTheSameFiles() throws Exception {
        for (String f : new String[] {"tasks/a.json", "tasks/b.json", "tasks/sub/c.json", "tasks/sub/deep/d.json", "other/e.json"}) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            // one key per file, its own path; a filter on a column named not_in is what migrate points out
            Files.write(p, ("{\"" + f + "\": {\"columns\": [\"c\"], \"filters\": {\"not_in\": 1}}}").getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<String>> cases = new LinkedHashMap<>();
        // before TaskFiles, migrate found nothing for a wildcard in a folder name
        cases.put("tasks/*/*.json", Arrays.asList("tasks/sub/c.json"));
        cases.put("*/?.json", Arrays.asList("other/e.json", "tasks/a.json", "tasks/b.json"));
        cases.put("tasks/**/*.json", Arrays.asList("tasks/sub/c.json", "tasks/sub/deep/d.json"));
        cases.put("./tasks/sub/../*.json", Arrays.asList("tasks/a.json", "tasks/b.json"));
        cases.put(dir + "/tasks/**.json", Arrays.asList("tasks/a.json", "tasks/b.json", "tasks/sub/c.json", "tasks/sub/deep/d.json"));
        Console console = new Console(new PrintStream(System.out), new PrintStream(System.err), dir);
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Map<String, Object> tasks = new LinkedHashMap<>();
            tasks.put("source", "pattern");
            tasks.put("path", c.getKey());

            List<String> common = new ArrayList<>();
            for (Path p : TaskFiles.of(tasks, dir)) {
                common.add(dir.relativize(p).toString());
            }
            ReaderSpec spec = ReaderSpecParser.parse(reader(tasks), dir).spec();
            List<String> listed = new ArrayList<>();
            for (Path p : spec.taskFiles()) {
                listed.add(dir.relativize(p).toString());
            }
            List<String> loaded = new ArrayList<>();
            for (TaskDefinition d : spec.tasks()) {
                loaded.add(d.keyText());
            }
            List<String> scanned = new ArrayList<>();
            for (String warning : TaskFileScan.snakeCaseOperators(tasks, console)) {
                scanned.add(warning.substring("task file ".length(), warning.indexOf(" uses the operator")));
            }
            assertEquals(c.getValue(), common, "TaskFiles " + c.getKey());
            assertEquals(c.getValue(), listed, "reader taskFiles " + c.getKey());
            assertEquals(c.getValue(), loaded, "reader keys " + c.getKey());
            assertEquals(c.getValue(), scanned, "migrate scan " + c.getKey());
        }
    }

    private static Map<String, Object> reader(Map<String, Object> tasks) {
        Map<String, Object> p = JSON.parseObject("{\"endpoint\": \"http://127.0.0.1:1\", \"accessId\": \"id\", \"accessKey\": \"key\","
                + " \"instanceName\": \"i\", \"table\": \"t\"}", Feature.OrderedField);
        p.put("tasks", tasks);
        return p;
    }
}
