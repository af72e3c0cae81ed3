package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one task-file glob, and the job fingerprint hashing exactly its files. otsrange-cli's
 * TaskFilesAgreementTest checks that the reader and `migrate` see the same files.
 */
class TaskFilesTest {
    private static final String[] TREE = {"tasks/a.json", "tasks/b.json", "tasks/notes.txt", "tasks/sub/c.json",
        "tasks/sub/deep/d.json", "other/e.json", "we[ir]d/f.json"};

    /** {source, path (ROOT = the absolute test folder), expected files relative to it...}. */
    private static final String[][] CASES = {
        {"pattern", "tasks/*.json", "tasks/a.json", "tasks/b.json"},
        {"pattern", "tasks/*/*.json", "tasks/sub/c.json"},
        {"pattern", "tasks/**/*.json", "tasks/sub/c.json", "tasks/sub/deep/d.json"},
        {"pattern", "tasks/**.json", "tasks/a.json", "tasks/b.json", "tasks/sub/c.json", "tasks/sub/deep/d.json"},
        {"pattern", "t*/s?b/c.json", "tasks/sub/c.json"},
        {"pattern", "{tasks,other}/*.json", "other/e.json", "tasks/a.json", "tasks/b.json"},
        {"pattern", "./tasks/../tasks/b.json", "tasks/b.json"},
        {"pattern", "ROOT/tasks/*.json", "tasks/a.json", "tasks/b.json"},
        {"pattern", "ROOT/tasks/sub/../*.js?n", "tasks/a.json", "tasks/b.json"},
        {"pattern", "missing/*.json"},
        {"pattern", "tasks/none.json"},
        {"file", "tasks/a.json", "tasks/a.json"},
        {"file", "ROOT/tasks/sub/c.json", "tasks/sub/c.json"},
        {"file", "tasks/nope.json", "tasks/nope.json"},
        {"inline", "tasks/a.json"},
    };

    @TempDir
    Path dir;

    private static void createTree(Path dir) throws IOException {
        for (String f : TREE) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.write(p, "{\"k\": [\"c\"]}".getBytes("UTF-8"));
        }
    }

    private static Map<String, Object> tasks(String[] c, Path dir) {
        Map<String, Object> t = new HashMap<>();
        t.put("source", c[0]);
        t.put("path", c[1].replace("ROOT", dir.toString()));
        return t;
    }

    private static List<String> expected(String[] c) {
        return Arrays.asList(c).subList(2, c.length);
    }

    @Test
    void resolvesEveryCase() throws IOException {
        createTree(dir);
        for (String[] c : CASES) {
            List<String> resolved = new ArrayList<>();
            for (Path p : TaskFiles.of(tasks(c, dir), dir)) {
                resolved.add(dir.relativize(p).toString());
            }
            assertEquals(expected(c), resolved, c[1]);
        }
    }

    @Test
    void aFolderWithGlobCharactersIsSearchedLiterally() throws IOException {
        createTree(dir);
        Path weird = dir.resolve("we[ir]d");
        assertEquals(Collections.singletonList(weird.resolve("f.json")), TaskFiles.glob("*.json", weird));
        assertEquals(weird, TaskFiles.root("*.json", weird));
    }

    @Test
    void anInvalidGlobIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> TaskFiles.glob("tasks/[a", dir));
    }
}
