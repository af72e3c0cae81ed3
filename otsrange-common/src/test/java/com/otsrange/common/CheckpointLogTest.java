package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointLogTest {
    @TempDir
    Path out;

    /** The fingerprint is the first complete line's; a header without its line end is torn: no fingerprint. */
    @Test
    void theFingerprintIsTheFirstCompleteLine() throws Exception {
        Path state = StateDir.of(out, "t", ShardSpec.ALL);
        Files.createDirectories(state);
        String header = "{\"type\":\"header\",\"version\":1,\"fingerprint\":{\"reader.table\":\"t\u00e9\"}}";
        Files.write(CheckpointLog.fileIn(state), header.getBytes(StandardCharsets.UTF_8));
        assertNull(CheckpointSnapshot.load(state).fingerprint());
        // an empty line, the header, a newer writer's line kind, a torn commit (a damaged whole line: CheckpointDamageTest)
        Files.write(CheckpointLog.fileIn(state), ("\n" + header + "\n{\"type\":\"later\"}\n{\"type\":\"commit\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(Collections.singletonMap("reader.table", "t\u00e9"), CheckpointSnapshot.load(state).fingerprint());
    }

    @Test
    void intentRuleAndTornLines() throws Exception {
        Path state = StateDir.of(out, "sensor", ShardSpec.parse("1/3"));
        assertEquals(out.resolve(".otsrange/sensor.shard-1-of-3"), state);
        assertTrue(CheckpointSnapshot.load(state).committedUnits().isEmpty());
        assertNull(CheckpointSnapshot.load(state).fingerprint());

        Files.write(out.resolve("a_2023.csv"), "x\n".getBytes(StandardCharsets.UTF_8));
        Files.write(out.resolve("b_2023.csv"), "y\n".getBytes(StandardCharsets.UTF_8));
        String shaA = Sha256.ofFile(out.resolve("a_2023.csv"));
        try (CheckpointLog log = CheckpointLog.create(state, Collections.singletonMap("reader.table", "abc"))) {
            log.intent("2023/a", "a_2023.csv", 1, 2, shaA);
            log.commit("2023/a", "a_2023.csv", 1, 2, shaA);
            // rename happened, commit line lost
            log.intent("2023/b", "b_2023.csv", 1, 2, Sha256.ofFile(out.resolve("b_2023.csv")));
            // rename did not happen (file content differs)
            log.intent("2023/c", "c_2023.csv", 1, 2, shaA);
        }
        Files.write(CheckpointLog.fileIn(state), "{\"type\":\"commit\",\"unit\":\"2023/d\"".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        assertEquals(Arrays.asList("2023/a", "2023/b"), new java.util.ArrayList<>(CheckpointSnapshot.load(state).committedUnits()));
        assertEquals("abc", CheckpointSnapshot.load(state).fingerprint().get("reader.table"));

        // appending after a torn line cuts it off first
        try (CheckpointLog log = CheckpointLog.open(state)) {
            log.commit("2023/e", "e.csv", 0, 0, "0");
        }
        assertTrue(CheckpointSnapshot.load(state).committedUnits().contains("2023/e"));
        assertEquals(3, CheckpointSnapshot.load(state).committedUnits().size());

        // a fresh log forgets everything
        CheckpointLog.create(state, Collections.<String, String>emptyMap()).close();
        assertTrue(CheckpointSnapshot.load(state).committedUnits().isEmpty());
    }
}
