package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeekCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheFirstDemoRowsAndNeverTheKey() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("peektest").accessKeyId("peek-id")
                .accessKeySecret("peek-secret-4242").demo(true).build().start()) {
            CliHarness run = CliHarness.run(dir, "peek", "--endpoint", emulator.endpoint(), "--instance", "peektest",
                    "--access-id", "peek-id", "--access-key", "peek-secret-4242", "--limit", "3");
            assertEquals(0, run.status, run.toString());
            String[] lines = run.out.trim().split("\n");
            assertEquals(3, lines.length, run.out);
            assertTrue(lines[0].startsWith("id=2309193932839 ct="), lines[0]);
            assertFalse((run.out + run.err).contains("peek-secret-4242"));

            CliHarness wrongKey = CliHarness.run(dir, "peek", "--endpoint", emulator.endpoint(), "--instance", "peektest",
                    "--access-id", "peek-id", "--access-key", "not-the-key");
            assertTrue(wrongKey.status != 0, wrongKey.toString());
            assertTrue(wrongKey.err.contains("OTSAuthFailed"), wrongKey.err);
        }
    }
}
