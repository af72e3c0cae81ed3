package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `validate` and a run (the local runner, as `bin/otsrange run`) read a job file exactly as
 * strictly as DataX's engine: what it refuses they refuse, what it reads they read, and what it
 * reads but hides from the plugin they refuse, naming the JSON path ({@link JobTexts}; the same
 * table goes through the real engine in {@link JobTextStrictnessIT}).
 */
class JobTextStrictnessTest {
    static OtsEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        emulator = OtsEmulator.builder().port(0).instanceName("strict").accessKeyId("id").accessKeySecret("key").demo(true).build()
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static List<JobTexts.Case> cases() {
        return JobTexts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateAndRunGiveDataxsVerdict(JobTexts.Case c) throws Exception {
        Path out = dir.resolve("out");
        Path file = dir.resolve("job.json");
        Files.write(file, c.job(emulator.endpoint(), "strict", out.toString()).getBytes(StandardCharsets.UTF_8));
        CliHarness validate = ValidateCommandTest.validate(dir, file.toString());
        RunResult run = new LocalRunner(RunOptions.quiet()).run(file);
        String both = validate + "\n--- run\n" + run.errorCode() + " " + run.errorMessage();
        switch (c.verdict) {
            case SYNTAX:
                assertEquals(Command.FAILED, validate.status, both);
                assertTrue(validate.out.contains("not valid JSON as DataX reads it"), both);
                assertEquals("Common-00", run.errorCode(), both);
                assertTrue(run.errorMessage().contains("not valid JSON as DataX reads it"), both);
                assertFalse(Files.exists(out), "nothing written");
                break;
            case HIDDEN:
                String path = "job.content[0]." + c.plugin + "." + c.path + ":";
                assertEquals(Command.FAILED, validate.status, both);
                assertTrue(validate.out.contains(path), both);
                assertEquals(1, SameVerdictTest.problems(validate.out).size(), "only the hidden value, not what follows from it: " + both);
                assertEquals("Framework-03", run.errorCode(), both);
                assertTrue(run.errorMessage().contains(path), both);
                assertFalse(Files.exists(out), "nothing written");
                break;
            default:
                assertEquals(0, validate.status, both);
                assertTrue(run.succeeded(), both);
                List<String> lines = Files.readAllLines(out.resolve("2309193932839_sensor_data_2024.csv"), StandardCharsets.UTF_8);
                assertTrue(lines.size() > 1, "rows exported: " + lines);
        }
    }
}
