package com.otsrange.cli;

import com.otsrange.emulator.DemoData;
import com.otsrange.emulator.OtsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README "Scheduled exports": the try-it block's commands, with the values written there (taken
 * from README.md, so they cannot drift), against the demo emulator. Every run must export rows
 * of the demo data: as many as the demo holds in its window (a reading every 2 hours per device,
 * dim 0 only, dates at midnight in the job's Asia/Shanghai).
 */
class ReadmeScheduledExportsTest {
    static final Pattern BLOCK = Pattern.compile("## Scheduled exports\n.*?```bash\n(.*?)```", Pattern.DOTALL);
    static final Pattern EMULATOR = Pattern.compile("bin/otsrange emulator (.*--demo.*)");
    static final Pattern VARIABLES = Pattern.compile("(?m)^V=\"([^\"]*)\"");
    static final Pattern COMMAND = Pattern.compile("(?m)^bin/otsrange (run|plan) (\\S+) -p \"\\$V ([^\"]*)\"");
    static final ZoneId JOB_ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void theTryItCommandsExportRowsOfTheDemoData() throws Exception {
        String readme = new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("README.md")), StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(readme);
        assertTrue(block.find(), "README.md has a Scheduled exports section with a bash block");
        String commands = block.group(1);
        Matcher emu = EMULATOR.matcher(commands);
        assertTrue(emu.find(), commands);
        List<String> emulatorArgs = List.of(emu.group(1).trim().split("\\s+"));
        Matcher v = VARIABLES.matcher(commands);
        assertTrue(v.find(), commands);
        String variables = v.group(1)
                .replaceAll("-DoutputDir=\\S+", "-DoutputDir=" + dir.resolve("daily"));

        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName(arg(emulatorArgs, "--instance"))
                .accessKeyId(arg(emulatorArgs, "--access-id")).accessKeySecret(arg(emulatorArgs, "--access-key")).demo(true).build()
                .start()) {
            variables = variables.replaceAll("-Dendpoint=\\S+", "-Dendpoint=" + emulator.endpoint());
            Matcher c = COMMAND.matcher(commands);
            int runs = 0;
            long before = 0;
            while (c.find()) {
                String window = c.group(3);
                // `run` resolves the job against the process's directory: name it absolutely
                String job = ValidateCommandTest.ROOT.resolve(c.group(2)).toString();
                CliHarness result = CliHarness.run(ValidateCommandTest.ROOT, c.group(1), job, "-p", variables + " " + window);
                assertEquals(0, result.status, c.group() + "\n" + result);
                if (c.group(1).equals("plan")) {
                    continue;
                }
                runs++;
                long rows = dataRows(dir.resolve("daily"));
                long expected = demoRowsIn(date(window, "startDate"), date(window, "endDate"));
                assertTrue(expected > 0, c.group() + ": the window must hold demo data (2024-2026)");
                assertEquals(expected, rows - before, c.group() + " appends the demo's rows of its window\n" + result);
                before = rows;
            }
            assertTrue(runs >= 2, "the block runs two windows one after the other: " + commands);
        }
    }

    static String arg(List<String> args, String name) {
        return args.get(args.indexOf(name) + 1);
    }

    static LocalDate date(String window, String name) {
        Matcher m = Pattern.compile("-D" + name + "=(\\d{8})").matcher(window);
        assertTrue(m.find(), window);
        return LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** The demo's dim-0 readings of all devices in [from, to) at midnight in the job's zone. */
    static long demoRowsIn(LocalDate from, LocalDate to) {
        long start = from.atStartOfDay(JOB_ZONE).toInstant().toEpochMilli();
        long end = to.atStartOfDay(JOB_ZONE).toInstant().toEpochMilli();
        long first = DemoData.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long last = DemoData.LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long readings = 0;
        for (long t = first; t < last; t += DemoData.STEP_MS) {
            readings += t >= start && t < end ? 1 : 0;
        }
        return readings * DemoData.DEVICES;
    }

    /** Rows in the CSV files under the folder (header lines left out). */
    static long dataRows(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains(".otsrange")).forEach(files::add);
        }
        long rows = 0;
        for (Path f : files) {
            rows += Files.readAllLines(f, StandardCharsets.UTF_8).size() - 1;
        }
        return rows;
    }
}
