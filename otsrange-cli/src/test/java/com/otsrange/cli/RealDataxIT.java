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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        String dataxHome = System.getenv("DATAX_HOME");
        Assumptions.assumeTrue(dataxHome != null && !dataxHome.isEmpty(), "DATAX_HOME is not set: no real DataX to test against");
        Path source = Paths.get(dataxHome);
        Assumptions.assumeTrue(Files.isDirectory(source.resolve("lib")), "DATAX_HOME has no lib/: " + source);
        home = DataxInstall.copyWithPlugins(source, work.resolve("datax"));
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
            assertTrue(result.output.contains("39456"), result.output);
            assertFalse(result.output.contains("SECRET-real-datax"), "DataX masks accessKey when it prints the job");
            for (int device = 1; device <= 6; device++) {
                for (int year = 2023; year <= 2025; year++) {
                    assertTrue(Files.isRegularFile(work.resolve(String.format("out/dev-%03d_sensor_data_%d.csv", device, year))),
                            "dev " + device + " " + year + "\n" + result.output);
                }
            }
            List<String> lines = Files.readAllLines(work.resolve("out/dev-001_sensor_data_2023.csv"), StandardCharsets.UTF_8);
            assertEquals("ct,temp,humidity,pressure,voltage,status", lines.get(0));
            assertTrue(lines.get(1).startsWith("2023-01-01T00:0") && lines.get(1).contains("Z,"),
                    "UTC instants even though DataX sets the JVM zone to GMT+8: " + lines.get(1));
            assertEquals(365 * 6 + 1, lines.size());
        }
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

    /** Without this the job container polls every 10 s. */
    private static String fast(String job) {
        return "{\"core\": {\"container\": {\"job\": {\"sleepInterval\": 100}}}," + job.trim().substring(1);
    }

    private Result runEngine(String job) throws IOException, InterruptedException {
        Path jobFile = work.resolve("job.json");
        Files.write(jobFile, job.getBytes(StandardCharsets.UTF_8));
        List<String> command = DataxInstall.engineCommand(home, jobFile, "otsrange_it");
        Path log = work.resolve("engine.log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
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
