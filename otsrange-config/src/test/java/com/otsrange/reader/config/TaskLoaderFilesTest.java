package com.otsrange.reader.config;

import com.otsrange.common.Problems;
import com.otsrange.common.SortKeyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task files come from otsrange-common TaskFiles (otsrange-cli's TaskFilesAgreementTest checks the files agree). */
class TaskLoaderFilesTest {
    @TempDir
    Path dir;

    @Test
    void anInvalidGlobIsAProblemNotACrash() {
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("source", "pattern");
        tasks.put("path", "tasks/[a*.json");
        Problems problems = new Problems();
        TableStoreNames names = new TableStoreNames();
        new TaskLoader(dir, new FilterParser(new TimeLiteral(SortKeyUnit.MS, ZoneOffset.UTC), names, null), names, false).load(tasks, problems);
        assertTrue(problems.texts().get(0).startsWith("parameter.tasks.path: not a valid path or glob pattern: "), problems.list().toString());
    }
}
