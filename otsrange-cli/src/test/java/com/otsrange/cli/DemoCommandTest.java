package com.otsrange.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {

    @TempDir
    Path dir;

    /** The devices of job/tasks/device_mappings.json (the example the demo table holds). */
    static final String[] DEVICES = {"2309193932839", "2309193932840", "2309193932841"};

    /** dim-0 rows of one device in one year: one reading every 2 hours, every day of the year. */
    static long rowsPerDeviceYear(int year) {
        return Year.of(year).length() * 12L;
    }

    @Test
    void demoExportsEveryDeviceAndYearAndSaysWhere() throws Exception {
        System.setProperty("otsrange.home", ValidateCommandTest.ROOT.toString());
        CliHarness run = CliHarness.run(dir, "demo");
        assertEquals(0, run.status, run.toString());
        Path output = dir.resolve(DemoCommand.DEFAULT_OUTPUT);
        assertTrue(run.out.contains("output: " + output), run.out);
        long rows = 3 * (rowsPerDeviceYear(2024) + rowsPerDeviceYear(2025) + rowsPerDeviceYear(2026));
        String exported = String.format(Locale.ROOT, "exported 9 files, %,d rows", rows);
        assertTrue(run.out.contains(exported), exported + "\n" + run.out);
        for (String device : DEVICES) {
            for (int year = 2024; year <= 2026; year++) {
                Path file = output.resolve(device + "_sensor_data_" + year + ".csv");
                assertTrue(Files.isRegularFile(file), "missing " + file + "\n" + run.out);
                assertEquals(rowsPerDeviceYear(year) + 1, Files.readAllLines(file, StandardCharsets.UTF_8).size(), file.toString());
            }
        }
        List<String> lines = Files.readAllLines(output.resolve("2309193932839_sensor_data_2024.csv"), StandardCharsets.UTF_8);
        assertEquals("ct,p34_1,p50_1,p51_1", lines.get(0));
        assertTrue(lines.get(1).startsWith("2024-01-01T00:0"), lines.get(1));
        assertEquals("ct,p20_1,p20_2,p21_1",
                Files.readAllLines(output.resolve("2309193932841_sensor_data_2026.csv"), StandardCharsets.UTF_8).get(0));

        // a second run replaces the output instead of failing or appending
        CliHarness again = CliHarness.run(dir, "demo");
        assertEquals(0, again.status, again.toString());
        assertTrue(again.out.contains(exported), again.out);
    }

    /** The demo table holds exactly the columns the example's task file asks for, device by device. */
    @Test
    void demoTableColumnsAreTheTaskFilesColumns() throws Exception {
        com.alibaba.fastjson.JSONObject tasks = com.alibaba.fastjson.JSON.parseObject(new String(Files.readAllBytes(
                ValidateCommandTest.ROOT.resolve("job/tasks/device_mappings.json")), StandardCharsets.UTF_8));
        assertEquals(tasks.keySet(), com.otsrange.emulator.DemoData.COLUMNS.keySet());
        for (String device : tasks.keySet()) {
            assertEquals(tasks.getJSONArray(device).toJavaList(String.class), com.otsrange.emulator.DemoData.COLUMNS.get(device), device);
        }
    }

    /** Files already in the folder are neither counted nor listed as exported, and are left alone. */
    @Test
    void onlyWhatThisRunExportedIsCountedAndListed() throws Exception {
        System.setProperty("otsrange.home", ValidateCommandTest.ROOT.toString());
        Path output = dir.resolve("mine");
        Files.createDirectories(output.resolve("old"));
        Files.write(output.resolve("notes.txt"), "a\nb\n".getBytes(StandardCharsets.UTF_8));
        Files.write(output.resolve("old/dev-001_sensor_data_2023.csv"), "ct,temp\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        // a file of the demo's own name is written by the run (truncate), so it counts
        Files.write(output.resolve("2309193932839_sensor_data_2024.csv"), "stale\n".getBytes(StandardCharsets.UTF_8));

        CliHarness run = CliHarness.run(dir, "demo", "--output", "mine");
        assertEquals(0, run.status, run.toString());
        long rows = 3 * (rowsPerDeviceYear(2024) + rowsPerDeviceYear(2025) + rowsPerDeviceYear(2026));
        assertTrue(run.out.contains(String.format(Locale.ROOT, "exported 9 files, %,d rows", rows)), run.out);
        assertFalse(run.out.contains("notes.txt") || run.out.contains("old/"), run.out);
        assertTrue(run.out.contains("and 2 other file(s) that were there before"), run.out);
        assertTrue(run.out.contains("  2309193932839_sensor_data_2024.csv"), run.out);
        assertEquals("a\nb\n", new String(Files.readAllBytes(output.resolve("notes.txt")), StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(output.resolve("old/dev-001_sensor_data_2023.csv")));
        assertEquals("ct,p34_1,p50_1,p51_1",
                Files.readAllLines(output.resolve("2309193932839_sensor_data_2024.csv"), StandardCharsets.UTF_8).get(0));
    }

    @Test
    void outputFolderCanBeChosen() throws Exception {
        System.setProperty("otsrange.home", ValidateCommandTest.ROOT.toString());
        CliHarness run = CliHarness.run(dir, "demo", "--output", "elsewhere");
        assertEquals(0, run.status, run.toString());
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere/2309193932841_sensor_data_2026.csv")), run.out);
        assertEquals(Command.USAGE, CliHarness.run(dir, "demo", "extra").status);
    }
}
