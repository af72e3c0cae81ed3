package com.otsrange.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {
    /** The reader parameter of {@link #pairedJob}, as far as the writer reads it. */
    static final Map<String, Object> READER_OF_PAIRED_JOB = com.alibaba.fastjson.JSON.parseObject(
            "{\"table\": \"t\", \"tasks\": {\"source\": \"inline\", \"definitions\": {\"d1\": [\"x\"]}}}");


    static final Path ROOT = Paths.get(System.getProperty("otsrange.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Runs validate with an empty environment, so OTS_* variables of the machine do not matter. */
    static CliHarness validate(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, "UTF-8"); PrintStream e = new PrintStream(err, true, "UTF-8")) {
            Main main = new Main(Collections.<Command>singletonList(new ValidateCommand(Collections.<String, String>emptyMap())));
            String[] all = Stream.concat(Stream.of("validate"), Arrays.stream(args)).toArray(String[]::new);
            status = main.run(all, new Console(o, e, workingDir));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
        return CliHarness.of(status, out, err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"job/export.json", "job/demo.json", "job/sharded.json", "job/export-connection-file.json",
        "job/streamreader-csvyearwriter.json", "job/incremental.json"})
    void everyExampleJobIsValid(String job) {
        CliHarness run = validate(ROOT, job);
        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("OK: no problems found"), run.out);
    }

    @Test
    void exampleJobsAreAllCovered() throws Exception {
        try (Stream<Path> files = Files.list(ROOT.resolve("job"))) {
            List<String> jobs = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("connection")).sorted().collect(Collectors.toList());
            assertEquals(Arrays.asList("demo.json", "export-connection-file.json", "export.json", "incremental.json", "sharded.json",
                    "streamreader-csvyearwriter.json"), jobs, "add new example jobs to everyExampleJobIsValid");
        }
    }

    /** Problems are filtered by their path, not by the text up to the first ": " (which a quoted key may hold). */
    @Test
    void aDroppedNullUnderAKeyWithColonSpaceIsReportedOnce() throws Exception {
        String job = new String(Files.readAllBytes(ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8);
        String vars = "-Dendpoint=http://127.0.0.1:1 -DinstanceName=i -DaccessId=a -DaccessKey=k -DoutputDir=out";
        String plain = null;
        for (String key : Arrays.asList("dim", "dim: x")) {
            Files.write(dir.resolve("null.json"), job.replace("\"dim\": 0,", "\"" + key + "\": {\"gt\": null},")
                    .getBytes(StandardCharsets.UTF_8));
            CliHarness run = validate(dir, "null.json", "-p", vars);
            assertEquals(Command.FAILED, run.status, run.toString());
            assertTrue(run.out.contains("1 problem:") && run.out.contains("null is not a value"), run.out);
            String text = run.out.replace("[\"dim: x\"]", ".dim");
            if (plain == null) {
                plain = text;
            } else {
                assertEquals(plain, text);
            }
        }
    }

    /** Incremental mode (append + resume) needs schema.sortKey and both window bounds: reported once, with the reader's paths. */
    @Test
    void incrementalModeNeedsTheSortKeyAndBothBounds() throws Exception {
        String job = new String(Files.readAllBytes(ROOT.resolve("job/incremental.json")), StandardCharsets.UTF_8);
        String vars = "-DstartDate=20240101 -DendDate=20240102 -Dendpoint=http://127.0.0.1:1 -DinstanceName=i -DaccessId=a"
                + " -DaccessKey=k -DoutputDir=out";
        Files.write(dir.resolve("noschema.json"), job.replace("\"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\", \"otherKeys\": [\"dim\"]},", "")
                .getBytes(StandardCharsets.UTF_8));
        CliHarness noSchema = validate(dir, "noschema.json", "-p", vars);
        assertEquals(Command.FAILED, noSchema.status, noSchema.toString());
        assertTrue(noSchema.out.contains("1 problem:") && noSchema.out.contains("job.content[0].reader.parameter.schema.sortKey: incremental mode"),
                noSchema.out);

        Files.write(dir.resolve("open.json"), job.replace(", \"lt\": \"${endDate}\"", "")
                .getBytes(StandardCharsets.UTF_8));
        CliHarness open = validate(dir, "open.json", "-p", vars);
        assertEquals(Command.FAILED, open.status, open.toString());
        assertTrue(open.out.contains("job.content[0].reader.parameter.filters.ct: incremental mode needs a lower and an upper bound")
                && open.out.contains("missing the upper bound"), open.out);

        // not incremental without resume: the same bounds are fine
        Files.write(dir.resolve("full.json"), job.replace(", \"lt\": \"${endDate}\"", "").replace("\"resume\": true", "\"resume\": false")
                .getBytes(StandardCharsets.UTF_8));
        CliHarness full = validate(dir, "full.json", "-p", vars);
        assertEquals(0, full.status, full.toString());
    }

    @Test
    void placeholdersAreReportedAsNotCheckedAndCheckedOnceGiven() {
        CliHarness unresolved = validate(ROOT, "job/sharded.json");
        assertEquals(0, unresolved.status, unresolved.toString());
        assertTrue(unresolved.out.contains("job.content[0].reader.parameter.shard = \"${shard}\""), unresolved.out);

        CliHarness badShard = validate(ROOT, "job/sharded.json", "-p", "-Dshard=4/4 -DstartDate=20240101 -DendDate=20240102");
        assertEquals(Command.FAILED, badShard.status, badShard.toString());
        assertTrue(badShard.out.contains("job.content[0].reader.parameter.shard"), badShard.out);
        assertFalse(badShard.out.contains("= \"${shard}\""), badShard.out);

        CliHarness good = validate(ROOT, "job/sharded.json", "-p", "-Dshard=3/4 -DstartDate=20240101 -DendDate=20240102"
                + " -Dendpoint=http://127.0.0.1:1 -DinstanceName=i -DaccessId=a -DaccessKey=k -DoutputDir=out");
        assertEquals(0, good.status, good.toString());
        assertTrue(good.out.contains("shard 3/4"), good.out);
        assertFalse(good.out.contains("not checked"), good.out);
    }

    @Test
    void aBlankShardIsAnErrorNotAllKeys() throws Exception {
        String sharded = new String(Files.readAllBytes(ROOT.resolve("job/sharded.json")), StandardCharsets.UTF_8);
        String vars = "-DstartDate=20240101 -DendDate=20240102 -Dendpoint=http://127.0.0.1:1 -DinstanceName=i"
                + " -DaccessId=a -DaccessKey=k -DoutputDir=out";
        Files.createDirectories(dir.resolve("job"));
        copyTaskFiles();
        for (String blank : new String[] {"", " "}) {
            write("blank.json", sharded.replace("\"${shard}\"", "\"" + blank + "\""));
            CliHarness run = validate(dir, "blank.json", "-p", vars);
            assertEquals(Command.FAILED, run.status, run.toString());
            assertTrue(run.out.contains("job.content[0].reader.parameter.shard"), run.out);
            assertTrue(run.out.contains("omit shard"), run.out);
        }
        write("absent.json", sharded.replace("\"shard\": \"${shard}\"", "\"shard\": \"all\""));
        CliHarness all = validate(dir, "absent.json", "-p", vars);
        assertEquals(0, all.status, all.toString());
    }

    private void copyTaskFiles() throws Exception {
        Files.createDirectories(dir.resolve("job/tasks"));
        try (Stream<Path> files = Files.list(ROOT.resolve("job/tasks"))) {
            for (Path f : files.collect(Collectors.toList())) {
                Files.copy(f, dir.resolve("job/tasks").resolve(f.getFileName().toString()));
            }
        }
    }

    @Test
    void everyProblemIsListedAtOnceWithItsPath() throws Exception {
        Files.createDirectories(dir.resolve("tasks"));
        Files.write(dir.resolve("tasks/t.json"), "{\"dev-1\": [\"temp\"], \"dev-2\": 5}".getBytes(StandardCharsets.UTF_8));
        write("bad.json", "{\"job\": {\"setting\": {\"speed\": {\"channel\": 0}},"
                + " \"content\": [{\"reader\": {\"name\": \"otsrangereader\", \"parameter\": {"
                + "   \"endpoint\": \"ftp://x\", \"accessId\": \"a\", \"accessKey\": \"k\", \"instanceName\": \"i\","
                + "   \"table\": \"sensor_data\", \"timeUnit\": \"minutes\", \"timeZone\": \"Mars/Olympus\","
                + "   \"filters\": {\"ct\": {\"gte\": \"not-a-date\", \"chunkBy\": \"week\"}},"
                + "   \"tasks\": {\"source\": \"file\", \"path\": \"tasks/t.json\"}, \"shard\": \"5/2\", \"readApi\": \"scan\"}},"
                + " \"writer\": {\"name\": \"csvyearwriter\", \"parameter\": {\"fileName\": \"/abs/{year}.csv\","
                + "   \"compress\": \"zip\"}}}]}}");
        CliHarness run = validate(dir, "bad.json");
        assertEquals(Command.FAILED, run.status, run.toString());
        for (String path : new String[] {"job.setting.speed", "reader.parameter.endpoint", "reader.parameter.timeUnit",
            "reader.parameter.timeZone", "reader.parameter.shard", "reader.parameter.tasks", "reader.parameter.readApi",
            "writer.parameter.path", "writer.parameter.fileName", "writer.parameter.compress"}) {
            assertTrue(run.out.contains(path), "expected a problem at " + path + "\n" + run.out);
        }
        assertTrue(run.out.contains("INVALID"), run.out);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "validate writes nothing");
        }
    }

    @Test
    void genericModeWriterNeedsItsRecordColumns() throws Exception {
        String job = new String(Files.readAllBytes(ROOT.resolve("job/streamreader-csvyearwriter.json")), StandardCharsets.UTF_8)
                .replace("\"partitionKeyColumn\": 0,", "")
                .replace("\"timeColumn\": 1,", "\"timeColumn\": -1,")
                .replace("\"columnNames\": [\"ct\", \"temp\", \"status\"]", "\"columnNames\": [\"ct\"]");
        write("generic.json", job);
        CliHarness run = validate(dir, "generic.json");
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.out.contains("writer.parameter.partitionKeyColumn: missing"), run.out);
        assertTrue(run.out.contains("writer.parameter.timeColumn: expected an integer from 0 to 2147483647, got -1"), run.out);
        assertTrue(run.out.contains("writer.parameter.columnNames: [\"ct\"] is invalid; one name per entry of parameter.columns"
                + " (3 columns, 1 names)"), run.out);
        assertTrue(run.out.contains("3 problems"), run.out);
    }

    /** validate runs the writer's own validation: the rules the writer Job applies, word for word. */
    @Test
    void writerProblemsAreExactlyTheWritersOwn() throws Exception {
        String writer = "{\"path\": \"out\", \"fileNmae\": \"{partition_key}.csv\", \"timeZone\": \"UTC\","
                + " \"compress\": \"zip\", \"maxOpenFiles\": 8}";
        write("w.json", pairedJob(writer));
        CliHarness run = validate(dir, "w.json");
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.out.contains("writer.parameter.fileNmae: not a csvyearwriter parameter (did you mean \"fileName\"?)"), run.out);
        assertTrue(run.out.contains("writer.parameter.timeZone: \"UTC\" is invalid; not used with otsrangereader"), run.out);
        assertTrue(run.out.contains("writer.parameter.maxOpenFiles: 8 is invalid; not used with otsrangereader"), run.out);
        List<String> own = com.otsrange.writer.CsvYearWriterValidation.problems(com.alibaba.fastjson.JSON.parseObject(writer),
                "otsrangereader", READER_OF_PAIRED_JOB, dir);
        assertEquals(4, own.size(), own.toString());
        for (String problem : own) {
            assertTrue(run.out.contains("job.content[0].writer." + problem), problem + "\n" + run.out);
        }
        assertTrue(run.out.contains("4 problems"), run.out);
        assertFalse(Files.exists(dir.resolve("out")), "validate writes nothing");
    }

    /** Issue 14: the writer's new refusals (bookkeeping pattern, '~' path, verifyCommitted, record width) in validate, word for word. */
    @Test
    void writerSafetyProblemsAreTheWritersOwn() throws Exception {
        String writer = "{\"path\": \"~/x\", \"fileName\": \".otsrange/{partition_key}_{year}.csv\", \"verifyCommitted\": \"md5\"}";
        write("w.json", pairedJob(writer));
        CliHarness run = validate(dir, "w.json");
        assertEquals(Command.FAILED, run.status, run.toString());
        List<String> own = com.otsrange.writer.CsvYearWriterValidation.problems(com.alibaba.fastjson.JSON.parseObject(writer),
                "otsrangereader", READER_OF_PAIRED_JOB, dir);
        assertEquals(3, own.size(), own.toString());
        assertTrue(own.get(0).startsWith("parameter.path") && own.get(0).contains("absolute path"), own.toString());
        assertTrue(own.get(1).startsWith("parameter.fileName") && own.get(1).contains("bookkeeping"), own.toString());
        assertTrue(own.get(2).startsWith("parameter.verifyCommitted"), own.toString());
        for (String problem : own) {
            assertTrue(run.out.contains("job.content[0].writer." + problem), problem + "\n" + run.out);
        }
        assertFalse(Files.exists(dir.resolve("~")), "validate writes nothing");

        String stream = new String(Files.readAllBytes(ROOT.resolve("job/streamreader-csvyearwriter.json")), StandardCharsets.UTF_8)
                .replace("\"columns\": [1, 2, 3],", "\"columns\": [1, 2, 4],");
        write("stream.json", stream);
        CliHarness width = validate(dir, "stream.json");
        assertEquals(Command.FAILED, width.status, width.toString());
        assertTrue(width.out.contains("writer.parameter.columns[2]: 4 is invalid; the reader's records have 4 columns"), width.out);
    }

    @Test
    void writerPathThatIsAFileIsReported() throws Exception {
        Files.write(dir.resolve("afile"), new byte[] {1});
        String job = new String(Files.readAllBytes(ROOT.resolve("job/streamreader-csvyearwriter.json")), StandardCharsets.UTF_8)
                .replace("\"path\": \"output_stream\"", "\"path\": \"afile\"");
        write("file.json", job);
        CliHarness run = validate(dir, "file.json");
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.out.contains("writer.parameter.path: \"" + dir.resolve("afile") + "\" exists but is not a directory"), run.out);
    }

    @Test
    void structuralProblemsAreReported() throws Exception {
        write("nojob.json", "{\"jobs\": {}}");
        CliHarness noJob = validate(dir, "nojob.json");
        assertEquals(Command.FAILED, noJob.status);
        assertTrue(noJob.out.contains("job: missing"), noJob.out);

        write("two.json", "{\"job\": {\"setting\": {\"speed\": {\"channel\": 1}}, \"content\": [{}, {}]}}");
        CliHarness two = validate(dir, "two.json");
        assertEquals(Command.FAILED, two.status);
        assertTrue(two.out.contains("job.content: has 2 elements"), two.out);

        write("broken.json", "{\"job\": ");
        CliHarness broken = validate(dir, "broken.json");
        assertEquals(Command.FAILED, broken.status);
        assertTrue(broken.out.contains("not valid JSON"), broken.out);

        CliHarness missing = validate(dir, "missing.json");
        assertEquals(Command.FAILED, missing.status);
        assertTrue(missing.out.contains("file not found"), missing.out);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(Command.USAGE, validate(dir).status);
        assertEquals(Command.USAGE, validate(dir, "a.json", "b.json").status);
        assertEquals(Command.USAGE, validate(dir, "a.json", "-p").status);
    }

    @Test
    void secretsNeverAppearInTheReport() throws Exception {
        write("secret.json", "{\"job\": {\"setting\": {\"speed\": {\"channel\": 1}},"
                + " \"content\": [{\"reader\": {\"name\": \"otsrangereader\", \"parameter\": {"
                + "   \"endpoint\": \"http://127.0.0.1:1\", \"accessId\": \"a\", \"accessKey\": \"TOP-SECRET-42\", \"instanceName\": \"i\","
                + "   \"table\": \"t\", \"tasks\": {\"source\": \"inline\", \"definitions\": {\"k\": [\"c\"]}}, \"bogus\": 1}},"
                + " \"writer\": {\"name\": \"csvyearwriter\", \"parameter\": {\"path\": \"out\"}}}]}}");
        CliHarness run = validate(dir, "secret.json");
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.out.contains("bogus"), run.out);
        assertFalse(run.out.contains("TOP-SECRET-42"), run.out);
    }

    /** A valid otsrangereader job (table t) with this writer parameter. */
    private static String pairedJob(String writerParameter) {
        return "{\"job\": {\"setting\": {\"speed\": {\"channel\": 1}},"
                + " \"content\": [{\"reader\": {\"name\": \"otsrangereader\", \"parameter\": {"
                + "   \"endpoint\": \"http://127.0.0.1:1\", \"accessId\": \"a\", \"accessKey\": \"k\", \"instanceName\": \"i\","
                + "   \"table\": \"t\", \"tasks\": {\"source\": \"inline\", \"definitions\": {\"k\": [\"c\"]}}}},"
                + " \"writer\": {\"name\": \"csvyearwriter\", \"parameter\": " + writerParameter + "}}]}}";
    }

    private void write(String name, String text) throws Exception {
        Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
