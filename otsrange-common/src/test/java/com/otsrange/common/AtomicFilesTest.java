package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** AtomicFiles.write: the target holds exactly the new bytes, whatever was there, and no temp file is left. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesTheTargetAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("state.json");
        Files.write(target, "an older, longer content".getBytes(StandardCharsets.UTF_8));
        // a temp file a crash left behind, longer than the new content
        Files.write(dir.resolve("state.json.new"), "a torn write from a crash, longer".getBytes(StandardCharsets.UTF_8));

        AtomicFiles.write(target, "{\"v\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals("{\"v\":1}", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.collect(Collectors.toList());
            assertEquals(Collections.singletonList(target), left, "only the target");
        }
    }
}
