package com.otsrange.cli;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/otsrange and the packaged jar, run as a user would: other working directory, through a symlink. */
class LauncherIT {

    static final Path ROOT = Paths.get(System.getProperty("otsrange.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static Result launch(Path workingDir, Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(workingDir.resolve("stdout.txt").toFile())
                .redirectError(workingDir.resolve("stderr.txt").toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/otsrange " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(),
                new String(Files.readAllBytes(workingDir.resolve("stdout.txt")), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(workingDir.resolve("stderr.txt")), StandardCharsets.UTF_8));
    }

    @Test
    void worksFromAnotherDirectoryThroughASymlink() throws Exception {
        Path link = dir.resolve("ots");
        Files.createSymbolicLink(link, ROOT.resolve("bin/otsrange"));
        Result help = launch(dir, link, "--help");
        assertEquals(0, help.status, help.toString());
        for (String command : new String[] {"run", "plan", "validate", "migrate", "demo", "emulator"}) {
            assertTrue(help.out.contains("  " + command + " "), help.toString());
        }
        Result validate = launch(dir, link, "validate", ROOT.resolve("job/demo.json").toString());
        assertEquals(0, validate.status, validate.toString());
        Result unknown = launch(dir, link, "frobnicate");
        assertEquals(2, unknown.status, unknown.toString());
    }

    @Test
    void demoRunsThroughTheLauncherIntoTheCurrentDirectory() throws Exception {
        Result demo = launch(dir, ROOT.resolve("bin/otsrange"), "demo");
        assertEquals(0, demo.status, demo.toString());
        // 3 devices x (366 + 365 + 365 days) x 12 dim-0 readings a day
        assertTrue(demo.out.contains("exported 9 files, 39,456 rows"), demo.toString());
        assertTrue(Files.isRegularFile(dir.resolve("otsrange-demo-output/2309193932840_sensor_data_2025.csv")), demo.toString());
        assertFalse(demo.err.contains("\u001b"), "no colour codes: " + demo.err.replace("\u001b", "ESC"));
    }

    @Test
    void runExecutesAJobFileAndReportsFailureByExitCode() throws Exception {
        Files.createDirectories(dir.resolve("job"));
        Files.copy(ROOT.resolve("job/streamreader-csvyearwriter.json"), dir.resolve("job/stream.json"));
        Result run = launch(dir, ROOT.resolve("bin/otsrange"), "run", "job/stream.json");
        assertEquals(0, run.status, run.toString());
        List<String> lines = Files.readAllLines(dir.resolve("output_stream/dev-001_stream_demo_2023.csv"), StandardCharsets.UTF_8);
        assertEquals("ct,temp,status", lines.get(0), run.toString());
        assertEquals(6, lines.size(), "header + sliceRecordCount 5\n" + lines);
        assertEquals("2023-11-14T22:13:20Z,21.5,ok", lines.get(1));

        Files.write(dir.resolve("job/broken.json"), new String(Files.readAllBytes(dir.resolve("job/stream.json")),
                StandardCharsets.UTF_8).replace("\"timeColumn\": 1", "\"timeColumn\": \"${timeColumn}\"").getBytes(StandardCharsets.UTF_8));
        Result broken = launch(dir, ROOT.resolve("bin/otsrange"), "run", "job/broken.json", "-p", "-DtimeColumn=-3");
        assertEquals(1, broken.status, broken.toString());
        assertTrue(broken.err.contains("timeColumn"), broken.toString());
    }

    @Test
    void buildsTheJarFirstWhenItIsMissing() throws Exception {
        // a copy of the launcher in a checkout without the jar, and an `mvn` that records its
        // arguments, lets the real Maven (when there is one) print its version with the same
        // arguments and environment, and "builds" by copying the real jar
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(ROOT.resolve("bin/otsrange"), checkout.resolve("bin/otsrange"));
        Path fakeBin = dir.resolve("fakebin");
        Files.createDirectories(fakeBin);
        Path realMvn = onPath("mvn");
        Path mvn = fakeBin.resolve("mvn");
        Files.write(mvn, ("#!/usr/bin/env bash\n"
                + "echo \"$PWD $*\" > '" + dir.resolve("mvn-args.txt") + "'\n"
                + (realMvn == null ? "" : "'" + realMvn + "' \"$@\" -v\n")
                + "mkdir -p otsrange-cli/target && cp '" + System.getProperty("otsrange.jar") + "' otsrange-cli/target/otsrange.jar\n")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(mvn.toFile().setExecutable(true));
        List<String> command = Arrays.asList(checkout.resolve("bin/otsrange").toString(), "--help");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        String err = new String(Files.readAllBytes(dir.resolve("err.txt")), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertEquals(checkout.toRealPath() + " -B -q -DskipTests package",
                new String(Files.readAllBytes(dir.resolve("mvn-args.txt")), StandardCharsets.UTF_8).trim());
        assertTrue(err.contains("first run, building"), err);
        if (realMvn != null) {
            // Maven 3.8 (jansi 2) writes ESC[0m on stdout and stderr at exit even with -B
            assertTrue(err.contains("Apache Maven") || err.matches("(?s).*\\d+\\.\\d+\\.\\d+.*"), "the real mvn ran\n" + err);
            assertFalse(err.contains("\u001b"), "colour codes on the first run's stderr: " + err.replace("\u001b", "ESC"));
        }
        assertTrue(new String(Files.readAllBytes(dir.resolve("out.txt")), StandardCharsets.UTF_8).contains("usage: bin/otsrange"));
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        for (String entry : path == null ? new String[0] : path.split(":")) {
            Path candidate = Paths.get(entry.isEmpty() ? "." : entry, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }

    @Test
    void emulatorAnnouncesItsPortAndStopsOnSigterm() throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("bin/otsrange").toString(), "emulator", "--port", "0",
                "--instance", "it", "--access-id", "id", "--access-key", "SECRET-emu", "--demo")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertTrue(first != null && first.matches(".*listening on http://127\\.0\\.0\\.1:[1-9][0-9]*.*"), first);
            assertTrue(!first.contains("SECRET-emu"), first);
            process.destroy(); // SIGTERM: bin/otsrange exec'd java, so the JVM gets it directly
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the emulator did not stop on SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }

    static final class Result {
        final int status;
        final String out;
        final String err;

        Result(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
