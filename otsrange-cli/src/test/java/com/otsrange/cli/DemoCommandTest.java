package com.otsrange.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoExportsEveryDeviceAndYearAndSaysWhere() throws Exception {
        System.setProperty("otsrange.home", ValidateCommandTest.ROOT.toString());
        CliHarness run = CliHarness.run(dir, "demo");
        assertEquals(0, run.status, run.toString());
        Path output = dir.resolve(DemoCommand.DEFAULT_OUTPUT);
        assertTrue(run.out.contains("output: " + output), run.out);
        assertTrue(run.out.contains("exported 18 files, 39,456 rows"), run.out);
        for (int device = 1; device <= 6; device++) {
            for (int year = 2023; year <= 2025; year++) {
                Path file = output.resolve(String.format("dev-%03d_sensor_data_%d.csv", device, year));
                assertTrue(Files.isRegularFile(file), "missing " + file + "\n" + run.out);
            }
        }
        List<String> lines = Files.readAllLines(output.resolve("dev-001_sensor_data_2023.csv"), StandardCharsets.UTF_8);
        assertEquals("ct,temp,humidity,pressure,voltage,status", lines.get(0));
        assertTrue(lines.get(1).startsWith("2023-01-01T00:0"), lines.get(1));
        assertEquals(365 * 6 + 1, lines.size(), "one dim-0 reading every 4 hours in 2023, plus the header");

        // a second run replaces the output instead of failing or appending
        CliHarness again = CliHarness.run(dir, "demo");
        assertEquals(0, again.status, again.toString());
        assertTrue(again.out.contains("exported 18 files, 39,456 rows"), again.out);
    }

    @Test
    void outputFolderCanBeChosen() throws Exception {
        System.setProperty("otsrange.home", ValidateCommandTest.ROOT.toString());
        CliHarness run = CliHarness.run(dir, "demo", "--output", "elsewhere");
        assertEquals(0, run.status, run.toString());
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere/dev-006_sensor_data_2025.csv")), run.out);
        assertEquals(Command.USAGE, CliHarness.run(dir, "demo", "extra").status);
    }
}
