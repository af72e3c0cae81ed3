package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20's "validate == run for everything knowable offline": each job through
 * {@code bin/otsrange validate} and through a run of the local runner (against the demo emulator,
 * so a run gets as far as it can), with the same verdict, and for a refusal the same problems.
 */
class ValidateEqualsRunTest {
    static OtsEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        emulator = OtsEmulator.builder().port(0).instanceName("demo").accessKeyId("id").accessKeySecret("key").demo(true).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** job/demo.json with two days of data, against the emulator, writing under dir/out. */
    String demoJob() throws Exception {
        return new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                .replace("${endpoint}", emulator.endpoint()).replace("${instanceName}", "demo").replace("${accessId}", "id")
                .replace("${accessKey}", "key").replace("${outputDir}", dir.resolve("out").toString())
                .replace("\"lt\": \"2027-01-01\"", "\"lt\": \"2024-01-03\"");
    }

    /** Both refuse the job, validate's problems are the run's, and nothing is written. */
    void bothRefuse(String job, String path, String words) throws Exception {
        Verdicts v = verdicts(job);
        assertFalse(v.validateAccepts, v.toString());
        assertFalse(v.run.succeeded(), "the run must refuse what validate refuses:\n" + v);
        List<String> problems = SameVerdictTest.problems(v.validate.out);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(path) && p.contains(words)), path + " / " + words + "\n" + v);
        String message = v.run.errorMessage();
        for (String problem : problems) {
            String plugin = problem.replaceFirst("^job\\.content\\[0\\]\\.(reader|writer)\\.", "");
            assertTrue(message.contains(plugin), "the run lacks [" + plugin + "]:\n" + v);
        }
        assertFalse(Files.exists(dir.resolve("out")) && Files.list(dir.resolve("out")).anyMatch(p -> !p.getFileName().toString().equals(".otsrange")),
                "nothing may be written");
    }

    Verdicts verdicts(String job) throws Exception {
        Path file = dir.resolve("job.json");
        Files.write(file, job.getBytes(StandardCharsets.UTF_8));
        CliHarness validate = ValidateCommandTest.validate(Paths.get("").toAbsolutePath(), file.toString());
        RunResult run = new LocalRunner(RunOptions.quiet()).run(file);
        return new Verdicts(validate, run);
    }

    static final class Verdicts {
        final CliHarness validate;
        final boolean validateAccepts;
        final RunResult run;

        Verdicts(CliHarness validate, RunResult run) {
            this.validate = validate;
            this.validateAccepts = validate.status == 0;
            this.run = run;
        }

        @Override
        public String toString() {
            return "--- validate\n" + validate.out + "--- run: " + (run.succeeded() ? "succeeded" : run.errorMessage());
        }
    }

    @Test
    void chunkByOnAColumnTheSchemaSaysIsNotTheSortKey() throws Exception {
        bothRefuse(demoJob().replace("\"dim\": 0,", "\"dim\": {\"eq\": 0, \"chunkBy\": \"month\"},")
                .replace(", \"chunkBy\": \"year\"", ""), "job.content[0].reader.parameter.filters.dim.chunkBy", "sort key");
    }

    @Test
    void aBoundBeyondALong() throws Exception {
        bothRefuse(demoJob().replace("\"gte\": \"2024-01-01\"", "\"gte\": 9223372036854775808"),
                "job.content[0].reader.parameter.filters.ct.gte", "9223372036854775808");
    }

    /** A NaN literal: refused by both, not only by the run. */
    @Test
    void aNaNLiteral() throws Exception {
        // DataX's own parser refuses NaN (not JSON), and so do validate and the runner, which parse as it does
        bothRefuse(demoJob().replace("\"dim\": 0,", "\"dim\": 0, \"p34_1\": {\"gt\": NaN},"),
                "job.content[0].reader.parameter.filters.p34_1.gt", "no NaN or Infinity");
    }

    /** job.setting is DataX's: an integer, or a string Integer.valueOf reads (what ${channel} substitution gives). */
    @Test
    void aChannelWrittenAsAString() throws Exception {
        Verdicts v = verdicts(demoJob().replace("\"channel\": 4", "\"channel\": \"2\""));
        assertTrue(v.validateAccepts, v.toString());
        assertTrue(v.run.succeeded(), v.toString());
        for (String bad : Arrays.asList("\" 2\"", "\"2.0\"", "\"two\"", "0", "3000000000")) {
            Verdicts b = verdicts(demoJob().replace("\"channel\": 4", "\"channel\": " + bad));
            assertFalse(b.validateAccepts, bad + "\n" + b);
            assertFalse(b.run.succeeded(), bad + "\n" + b);
        }
    }

    @Test
    void aGzFileNameWithoutGzip() throws Exception {
        bothRefuse(demoJob().replace("\"fileName\": \"{partition_key}_{table}_{year}.csv\"",
                "\"fileName\": \"{partition_key}_{table}_{year}.csv.gz\""), "job.content[0].writer.parameter.fileName", "gzip");
    }

    @Test
    void aFileNameWithAControlCharacter() throws Exception {
        for (String c : new String[] {"\\n", "\\t", "\\u007f"}) {
            bothRefuse(demoJob().replace("\"fileName\": \"{partition_key}_{table}_{year}.csv\"",
                    "\"fileName\": \"{partition_key}" + c + "_{year}.csv\""), "job.content[0].writer.parameter.fileName", "control character");
        }
    }

    @Test
    void aFileNameSegmentOver255Bytes() throws Exception {
        String table = "t" + String.join("", java.util.Collections.nCopies(249, "x"));
        bothRefuse(demoJob().replace("\"table\": \"sensor_data\"", "\"table\": \"" + table + "\""),
                "job.content[0].writer.parameter.fileName", "255 bytes");
        String literal = String.join("", java.util.Collections.nCopies(240, "y"));
        bothRefuse(demoJob().replace("\"fileName\": \"{partition_key}_{table}_{year}.csv\"",
                "\"fileName\": \"{partition_key}_" + literal + "_{year}.csv\""), "job.content[0].writer.parameter.fileName", "255 bytes");
    }

    @Test
    void boundsTooWideForTheFilePeriod() throws Exception {
        bothRefuse(demoJob().replace("\"lt\": \"2024-01-03\"", "\"lt\": 9223372036854775807"),
                "job.content[0].reader.parameter.filters.ct", "too wide");
    }

    /** The spring-forward hour in Berlin holds no time: nothing to do, not an impossible range. */
    @Test
    void anHourlyWindowInsideTheDstGap() throws Exception {
        String job = demoJob().replace("\"writeMode\": \"truncate\"", "\"writeMode\": \"append\"")
                .replace("\"tasks\": {", "\"resume\": true, \"timeZone\": \"Europe/Berlin\", \"tasks\": {")
                .replace("\"gte\": \"2024-01-01\", \"lt\": \"2024-01-03\", \"chunkBy\": \"year\"",
                        "\"gte\": \"2024-03-31T02:00:00\", \"lt\": \"2024-03-31T03:00:00\"");
        Verdicts v = verdicts(job);
        assertTrue(v.validateAccepts, v.toString());
        assertTrue(v.run.succeeded(), v.toString());
        assertEquals(0, v.run.readRecords(), v.toString());
    }

    /**
     * changes other than "ignore" needs incremental mode: validate, the reader Job and the writer's view of the reader's
     * parameter refuse it alike; in incremental mode a lookback written with blanks and in lower case is accepted and runs.
     */
    @Test
    void changesOutsideIncrementalMode() throws Exception {
        bothRefuse(demoJob().replace("\"tasks\": {", "\"changes\": \"Stream\", \"tasks\": {"),
                "job.content[0].reader.parameter.changes", "\"stream\" needs incremental mode");
        String incremental = demoJob().replace("\"writeMode\": \"truncate\"", "\"writeMode\": \"append\"")
                .replace("\"tasks\": {", "\"resume\": true, \"changes\": {\"lookback\": \" p1d \"}, \"tasks\": {")
                .replace(", \"chunkBy\": \"year\"", "");
        Verdicts v = verdicts(incremental);
        assertTrue(v.validateAccepts, v.toString());
        assertTrue(v.run.succeeded(), v.toString());
        assertTrue(v.run.readRecords() > 0, v.toString());
    }

    /** While the writer's own parameter is invalid, whether the job is incremental is unknown: only that is reported. */
    @Test
    void changesWithAnInvalidWriteMode() throws Exception {
        bothRefuse(demoJob().replace("\"writeMode\": \"truncate\"", "\"writeMode\": \"apend\"")
                .replace("\"tasks\": {", "\"resume\": true, \"changes\": \"stream\", \"tasks\": {"),
                "job.content[0].writer.parameter.writeMode", "apend");
        Verdicts v = verdicts(demoJob().replace("\"writeMode\": \"truncate\"", "\"writeMode\": \"apend\"")
                .replace("\"tasks\": {", "\"resume\": true, \"changes\": \"stream\", \"tasks\": {"));
        assertFalse(v.validate.out.contains("parameter.changes"), v.toString());
        assertFalse(v.run.errorMessage().contains("parameter.changes"), v.toString());
    }
}
