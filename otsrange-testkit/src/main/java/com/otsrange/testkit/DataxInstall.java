package com.otsrange.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A copy of a real DataX installation with the plugin tarball untarred into it, and the command `datax.py` runs. */
public final class DataxInstall {
    private DataxInstall() {
    }

    /** Copies {@code dataxHome} to {@code into} and installs the freshly built tarball (system property otsrange.tarball). */
    public static Path copyWithPlugins(Path dataxHome, Path into) throws IOException {
        return copyWithPlugins(dataxHome, into, Paths.get(System.getProperty("otsrange.tarball")));
    }

    /** Copies {@code dataxHome} to {@code into} and installs the plugins of {@code tarball}. */
    public static Path copyWithPlugins(Path dataxHome, Path into, Path tarball) throws IOException {
        copyTree(dataxHome, into);
        for (Map.Entry<String, byte[]> entry : TarGz.read(tarball).entrySet()) {
            Path target = into.resolve(entry.getKey());
            if (entry.getKey().endsWith("/")) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, entry.getValue());
            }
        }
        Files.createDirectories(into.resolve("log"));
        Files.createDirectories(into.resolve("log_perf"));
        return into;
    }

    /**
     * A copy of the installation DATAX_HOME names, under {@code work}, with the freshly built
     * plugins installed; the calling test is skipped when DATAX_HOME is not set.
     */
    public static Path installedOrSkip(Path work) throws IOException {
        Path source = home();
        Assumptions.assumeTrue(source != null, "DATAX_HOME is not set (or has no lib/): no real DataX to test against");
        return copyWithPlugins(source, work.resolve("datax"));
    }

    /** DataX's engine on a job file, started as `datax.py` starts it. */
    public static List<String> engineCommand(Path home, Path jobFile, String logName) {
        return engineCommand(home, jobFile, logName, List.of());
    }

    /** The same, with more JVM options (e.g. {@code -Dname=value} a plugin reads) before the main class. */
    public static List<String> engineCommand(Path home, Path jobFile, String logName, List<String> jvmOptions) {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(Arrays.asList(java, "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-Ddatax.home=" + home, "-Dlogback.configurationFile=" + home.resolve("conf/logback.xml"),
                "-Dlog.file.name=" + logName));
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-classpath", home.resolve("lib") + File.separator + "*",
                "com.alibaba.datax.core.Engine", "-mode", "standalone", "-jobid", "-1", "-job", jobFile.toString()));
        return command;
    }

    /** DataX's engine on a job text, written to {@code dir/name.json} and run in {@code dir}. */
    public static Result runJob(Path home, Path dir, String name, String job) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".json");
        Files.write(file, job.getBytes(StandardCharsets.UTF_8));
        return run(engineCommand(home, file, "otsrange_" + name), dir, dir.resolve(name + ".log"));
    }

    /** The DataX installation of DATAX_HOME, or null when it is not set or has no lib/. */
    public static Path home() {
        String home = System.getenv("DATAX_HOME");
        if (home == null || home.isEmpty() || !Files.isDirectory(Paths.get(home, "lib"))) {
            return null;
        }
        return Paths.get(home);
    }

    /** Without this the job container polls every 10 s. */
    public static String fast(String job) {
        return "{\"core\": {\"container\": {\"job\": {\"sleepInterval\": 100}}}," + job.trim().substring(1);
    }

    /** The job (text) through the engine of {@code home}, from {@code work} (job file and log there). */
    public static Result runEngine(Path home, Path work, String job) throws IOException, InterruptedException {
        return runJob(home, work, "job", job);
    }

    /** Runs a command in {@code directory}, its output (stdout and stderr) into {@code log}, for at most 5 minutes. */
    public static Result run(List<String> command, Path directory, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return finish(process, log);
    }

    /** Waits at most 5 minutes for a process whose output goes to {@code log}. */
    public static Result finish(Process process, Path log) throws IOException, InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish:\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    }

    /** How the engine ended: its exit status and everything it printed. */
    public static final class Result {
        public final int status;
        public final String output;

        Result(int status, String output) {
            this.status = status;
            this.output = output;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
