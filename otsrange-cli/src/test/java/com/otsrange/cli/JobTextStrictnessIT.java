package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JobTexts} through DataX's own engine (only when DATAX_HOME is set): the texts it refuses
 * fail with its Common-00; the ones whose value the plugin would not see fail in our plugin's Job
 * with its error code and the JSON path (the plugin reads the job file DataX runs again); the
 * others run. {@link JobTextStrictnessTest} holds validate and our runner to the same verdicts.
 */
class JobTextStrictnessIT {
    @TempDir
    static Path work;

    static Path home;
    static OtsEmulator emulator;

    @BeforeAll
    static void install() throws Exception {
        Path source = DataxInstall.home();
        Assumptions.assumeTrue(source != null, "DATAX_HOME is not set: no real DataX to test against");
        home = DataxInstall.copyWithPlugins(source, work.resolve("datax"));
        emulator = OtsEmulator.builder().port(0).instanceName("strict").accessKeyId("id").accessKeySecret("key").demo(true).build()
                .start();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static List<JobTexts.Case> cases() {
        return JobTexts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dataxGivesTheVerdict(JobTexts.Case c) throws Exception {
        Path dir = Files.createTempDirectory(work, "case");
        Path out = dir.resolve("out");
        DataxInstall.Result r = DataxInstall.runJob(home, dir, "job", c.job(emulator.endpoint(), "strict", out.toString()));
        switch (c.verdict) {
            case SYNTAX:
                assertNotEquals(0, r.status, r.output);
                assertTrue(r.output.contains("Common-00"), r.output);
                assertFalse(Files.exists(out), "nothing written");
                break;
            case HIDDEN:
                assertNotEquals(0, r.status, r.output);
                assertTrue(r.output.contains(c.plugin.equals("reader") ? "OtsRangeReader-01" : "CsvYearWriter-01"), r.output);
                assertTrue(r.output.contains(c.path + ":"), c.path + "\n" + r.output);
                assertFalse(Files.exists(out), "nothing written");
                break;
            default:
                assertEquals(0, r.status, r.output);
                List<String> lines = Files.readAllLines(out.resolve("2309193932839_sensor_data_2024.csv"), StandardCharsets.UTF_8);
                assertTrue(lines.size() > 1, "rows exported: " + lines);
        }
    }
}
