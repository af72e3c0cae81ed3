package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin tarball installed into a copy of a real DataX (only when DATAX_HOME is set; skipped
 * otherwise) and jobs run through DataX's own engine, as `datax.py` starts it.
 */
class RealDataxIT {

    @TempDir
    Path work;

    Path home;

    @BeforeEach
    void installIntoACopyOfDatax() throws IOException {
        home = DataxInstall.installedOrSkip(work);
    }

    @Test
    void otsrangereaderToCsvyearwriterThroughTheRealEngine() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("realdatax").accessKeyId("id")
                .accessKeySecret("SECRET-real-datax").demo(true).build().start()) {
            String job = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                    .replace("${endpoint}", emulator.endpoint())
                    .replace("${instanceName}", "realdatax")
                    .replace("${accessId}", "id")
                    .replace("${accessKey}", "SECRET-real-datax")
                    .replace("${outputDir}", work.resolve("out").toString());
            Result result = runEngine(fast(job));
            assertEquals(0, result.status, result.output);
            assertTrue(result.output.contains("39456"), "3 devices x 1096 days x 12 dim-0 readings\n" + result.output);
            assertFalse(result.output.contains("SECRET-real-datax"), "DataX masks accessKey when it prints the job");
            for (String device : DemoCommandTest.DEVICES) {
                for (int year = 2024; year <= 2026; year++) {
                    assertTrue(Files.isRegularFile(work.resolve("out/" + device + "_sensor_data_" + year + ".csv")),
                            device + " " + year + "\n" + result.output);
                }
            }
            List<String> lines = Files.readAllLines(work.resolve("out/2309193932839_sensor_data_2024.csv"), StandardCharsets.UTF_8);
            assertEquals("ct,p34_1,p50_1,p51_1", lines.get(0));
            assertTrue(lines.get(1).startsWith("2024-01-01T00:0") && lines.get(1).contains("Z,"),
                    "UTC instants even though DataX sets the JVM zone to GMT+8: " + lines.get(1));
            assertEquals(DemoCommandTest.rowsPerDeviceYear(2024) + 1, lines.size());
        }
    }

    /**
     * The README's first DataX run, as a newcomer types it: datax.py with -p, job/export.json
     * unchanged, from a folder laid out like the repository root, against the demo emulator.
     */
    @Test
    void theReadmesExportJobRunsAsItIsThroughDataxPy() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "no python on PATH to run datax.py");
        Path root = work.resolve("checkout");
        Files.createDirectories(root.resolve("job/tasks"));
        for (String file : new String[] {"job/export.json", "job/tasks/device_mappings.json"}) {
            Files.copy(LauncherIT.ROOT.resolve(file), root.resolve(file));
        }
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("demo").accessKeyId("id")
                .accessKeySecret("key").demo(true).build().start()) {
            List<String> command = Arrays.asList(python, home.resolve("bin/datax.py").toString(), "-p",
                    "-Dendpoint=" + emulator.endpoint() + " -DinstanceName=demo -DaccessId=id -DaccessKey=key",
                    "job/export.json");
            Result result = run(command, root);
            assertEquals(0, result.status, result.output);

            // export.json: dim = 0, 2025-02-02T05:24:42.740Z <= ct < 2026-07-11T01:46:24.870Z. The
            // demo has a reading every 2 hours (plus under 2 minutes of jitter), so the first one
            // in range is 06:00 on 2025-02-02 and the last 00:00 on 2026-07-11.
            long rows2025 = readings("2025-02-02T06:00:00Z", "2025-12-31T22:00:00Z");
            long rows2026 = readings("2026-01-01T00:00:00Z", "2026-07-11T00:00:00Z");
            assertTrue(result.output.contains(String.valueOf(3 * (rows2025 + rows2026))), 3 * (rows2025 + rows2026) + "\n" + result.output);
            Path out = root.resolve("output_data");
            List<String> files = new ArrayList<>();
            try (Stream<Path> list = Files.list(out)) {
                list.filter(Files::isRegularFile).forEach(f -> files.add(f.getFileName().toString()));
            }
            java.util.Collections.sort(files);
            List<String> expected = new ArrayList<>();
            for (String device : DemoCommandTest.DEVICES) {
                expected.add(device + "_sensor_data_2025.csv");
                expected.add(device + "_sensor_data_2026.csv");
            }
            assertEquals(expected, files);
            List<String> y2025 = Files.readAllLines(out.resolve("2309193932839_sensor_data_2025.csv"), StandardCharsets.UTF_8);
            assertEquals("p34_1,p50_1,p51_1,ct", y2025.get(0), "appendColumns at the end, as the exporter wrote them");
            assertTrue(y2025.get(1).matches("[^,]*,[^,]*,[^,]*,2025-02-02T06:0[0-9]:[0-9.]+Z"), y2025.get(1));
            assertEquals(rows2025 + 1, y2025.size());
            List<String> y2026 = Files.readAllLines(out.resolve("2309193932841_sensor_data_2026.csv"), StandardCharsets.UTF_8);
            assertEquals("p20_1,p20_2,p21_1,ct", y2026.get(0));
            assertTrue(y2026.get(y2026.size() - 1).matches(".*,2026-07-11T00:0[0-9]:[0-9.]+Z"), y2026.get(y2026.size() - 1));
            assertEquals(rows2026 + 1, y2026.size());
        }
    }

    /** Readings every 2 hours from {@code first} to {@code last}, both included. */
    private static long readings(String first, String last) {
        return java.time.Duration.between(java.time.Instant.parse(first), java.time.Instant.parse(last)).toHours() / 2 + 1;
    }

    private static String python() throws InterruptedException {
        for (String name : new String[] {"python", "python3"}) {
            try {
                Process p = new ProcessBuilder(name, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return name;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    @Test
    void streamreaderToCsvyearwriterThroughTheRealEngine() throws Exception {
        String job = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/streamreader-csvyearwriter.json")),
                StandardCharsets.UTF_8).replace("\"output_stream\"", "\"" + work.resolve("stream").toString().replace("\\", "/") + "\"");
        Result result = runEngine(fast(job));
        assertEquals(0, result.status, result.output);
        List<String> lines = Files.readAllLines(work.resolve("stream/dev-001_stream_demo_2023.csv"), StandardCharsets.UTF_8);
        assertEquals(Arrays.asList("ct,temp,status", "2023-11-14T22:13:20Z,21.5,ok"), lines.subList(0, 2));
        assertEquals(6, lines.size());
    }

    /** The generic-mode example of docs/writer.md, as printed there, runs in DataX itself. */
    @Test
    void docsStreamreaderExampleThroughTheRealEngine() throws Exception {
        List<String> examples = StreamreaderExamplesTest.docExamples();
        assertEquals(1, examples.size(), "one streamreader example in docs/writer.md");
        Path out = work.resolve("docs-example");
        Result result = runEngine(fast(examples.get(0).replace("\"/tmp/out\"", "\"" + out.toString().replace("\\", "/") + "\"")));
        assertEquals(0, result.status, result.output);
        long rows = 0;
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(f)) {
                    files.add(f.getFileName().toString());
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    assertEquals("device,ts,value", lines.get(0));
                    assertTrue(lines.get(1).matches("\\d,20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z,[0-9.E]+"), lines.get(1));
                    rows += lines.size() - 1;
                }
            }
        }
        assertEquals(2000, rows, files.toString());
        assertTrue(files.contains("0_demo_2023.csv") && files.contains("9_demo_2024.csv"), files.toString());
    }

    /**
     * changes "stream" in DataX's own engine: refused outside incremental mode when the reader Job
     * starts (DataX hands it the writer's parameter before init), a first run exports as without
     * it, and a restatement (a recorded position, then a late row) fails cleanly with today's writer.
     */
    @Test
    void changesStreamThroughTheRealEngine() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("realdatax").accessKeyId("id")
                .accessKeySecret("key").demo(true).build().start()) {
            Path out = work.resolve("out");
            String job = DemoStream.incrementalJob(emulator.endpoint(), "realdatax", "key", out, "\"stream\"");
            Result oneShot = runEngine(fast(job.replace("\"writeMode\": \"append\"", "\"writeMode\": \"truncate\"")
                    .replace("${startDate}", "20231231").replace("${endDate}", "20240102")));
            assertTrue(oneShot.status != 0 && oneShot.output.contains("OtsRangeReader-01")
                    && oneShot.output.contains("parameter.changes: \"stream\" needs incremental mode"), oneShot.output);
            assertFalse(Files.exists(out), "refused before the writer prepared anything");

            com.alicloud.openservices.tablestore.SyncClient client =
                    new com.alicloud.openservices.tablestore.SyncClient(emulator.endpoint(), "id", "key", "realdatax");
            try {
                DemoStream.enable(client);
                Result first = runEngine(fast(job.replace("${startDate}", "20231231").replace("${endDate}", "20240102")));
                assertEquals(0, first.status, first.output);
                assertTrue(first.output.contains("changes: stream: first run, stream position recorded"), first.output);
                Path file = out.resolve("2309193932841_sensor_data_2024.csv");
                byte[] before = Files.readAllBytes(file);

                DemoStream.recordPositionNow(client, out.resolve(".otsrange/sensor_data.all"));
                DemoStream.lateReading(client, "2309193932841", "2024-01-01T00:30:00+08:00");
                Result restated = runEngine(fast(job.replace("${startDate}", "20240102").replace("${endDate}", "20240103")));
                assertTrue(restated.status != 0 && restated.output.contains("CsvYearWriter-08")
                        && restated.output.contains("restatement not supported by this csvyearwriter"), restated.output);
                assertArrayEquals(before, Files.readAllBytes(file), "the file to restate is untouched");
            } finally {
                client.shutdown();
            }
        }
    }

    /** Without this the job container polls every 10 s. */
    static String fast(String job) {
        return "{\"core\": {\"container\": {\"job\": {\"sleepInterval\": 100}}}," + job.trim().substring(1);
    }

    private Result runEngine(String job) throws IOException, InterruptedException {
        Path jobFile = work.resolve("job.json");
        Files.write(jobFile, job.getBytes(StandardCharsets.UTF_8));
        List<String> command = DataxInstall.engineCommand(home, jobFile, "otsrange_it");
        return run(command, work);
    }

    private Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        return run(command, directory, work.resolve("engine.log"));
    }

    /** Runs a command (at most 5 minutes) with its output in {@code log}. */
    static Result run(List<String> command, Path directory, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("DataX did not finish:\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    }

    static final class Result {
        final int status;
        final String output;

        Result(int status, String output) {
            this.status = status;
            this.output = output;
        }
    }
}
