package com.otsrange.cli;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.otsrange.emulator.UnsentRequestRetry;

class PlanCommandTest {

    static OtsEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = OtsEmulator.builder().port(0).instanceName("plantest").accessKeyId("id").accessKeySecret("key")
                .demo(true).build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    static CliHarness plan(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, "UTF-8"); PrintStream e = new PrintStream(err, true, "UTF-8")) {
            Main main = new Main(Collections.<Command>singletonList(new PlanCommand(Collections.<String, String>emptyMap())));
            status = main.run(Stream.concat(Stream.of("plan"), Arrays.stream(args)).toArray(String[]::new), new Console(o, e, workingDir));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
        return CliHarness.of(status, out, err);
    }

    private String vars(String accessKey) {
        return "-Dendpoint=" + emulator.endpoint() + " -DinstanceName=plantest -DaccessId=id -DaccessKey=" + accessKey
                + " -DoutputDir=" + dir.resolve("out");
    }

    @Test
    void demoJobPlanShowsUnitsTasksSlicesAndEstimates() {
        CliHarness run = plan(ValidateCommandTest.ROOT, "job/demo.json", "-p", vars("key"));
        assertEquals(0, run.status, run.toString());
        String out = run.out;
        assertTrue(out.contains("primary key id STRING (partition key), ct INTEGER (sort key), dim INTEGER"), out);
        assertTrue(out.contains("keys: 3 in the job"), out);
        assertTrue(out.contains("9 to export"), "3 devices x 3 years\n" + out);
        // 9 small units: one task per channel (extra tasks only while each keeps 8 units of work)
        assertTrue(out.contains("DataX tasks: 4 (channel 4 x splitFactor 4"), out);
        assertTrue(out.contains("estimate source: bounded sample"), out);
        assertTrue(out.contains("2024/2309193932839"), out);
        assertTrue(out.contains("2025-01-01T00:00 .. 2026-01-01T00:00"), out);

        // dim = 0 keeps half of the demo rows (3 devices x 1096 days x 12 a day x dim 0 and 1 = 78,912);
        // the sample extrapolates one page per unit
        Matcher total = Pattern.compile("total: ([0-9,]+) rows").matcher(out);
        assertTrue(total.find(), out);
        long rows = Long.parseLong(total.group(1).replace(",", ""));
        assertTrue(Math.abs(rows - 39_456) < 39_456 * 0.15, "estimate " + rows + " should be near 39,456");

        assertFalse(Files.exists(dir.resolve("out")), "plan writes nothing");
    }

    /** job/incremental.json: plan shows the committed windows, this run's decision and each file's watermark. */
    @Test
    void incrementalPlanShowsTheWindowDecisionAndEachFilesWatermark() throws Exception {
        String job = new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/incremental.json")), StandardCharsets.UTF_8)
                .replace("${endpoint}", emulator.endpoint()).replace("${instanceName}", "plantest").replace("${accessId}", "id")
                .replace("${accessKey}", "key").replace("${outputDir}", dir.resolve("out").toString().replace("\\", "/"));
        Files.write(dir.resolve("job.json"), job.getBytes(StandardCharsets.UTF_8));
        com.otsrange.runner.RunResult first = new com.otsrange.runner.LocalRunner(com.otsrange.runner.RunOptions.quiet())
                .runJson(job.replace("${startDate}", "20231231").replace("${endDate}", "20240102"));
        assertTrue(first.succeeded(), String.valueOf(first.failure()));

        CliHarness next = plan(dir, "job.json", "-p", "-DstartDate=20240101 -DendDate=20240103");
        assertEquals(0, next.status, next.toString());
        assertTrue(next.out.contains("incremental: committed windows [2023-12-31, 2024-01-02), watermark 2024-01-02"), next.out);
        assertTrue(next.out.contains("incremental: reduced: window [2024-01-01, 2024-01-03) overlaps the committed windows up to"
                + " 2024-01-02: exporting only [2024-01-02, 2024-01-03)"), next.out);
        assertTrue(next.out.matches("(?s).*2024/2309193932841 +committed up to 2024-01-02 -> adds \\[2024-01-02, 2024-01-03\\).*"), next.out);

        CliHarness gap = plan(dir, "job.json", "-p", "-DstartDate=20240105 -DendDate=20240106");
        assertEquals(Command.FAILED, gap.status, gap.toString());
        assertTrue(gap.err.contains("OtsRangeReader-11") && gap.err.contains("run that window first (bounds gte \"2024-01-02\", lt \"2024-01-05\")"),
                gap.toString());
    }

    /** One device's year on four channels: the plan shows the file read in four parts, one per task. */
    @Test
    void oneHeavyFileIsShownReadInParts() throws Exception {
        String job = new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                .replace("\"2024-01-01\", \"lt\": \"2027-01-01\"", "\"2025-01-01\", \"lt\": \"2026-01-01\"")
                .replace("\"appendColumns\": [\"ct\"],", "\"appendColumns\": [\"ct\"], \"maxPartsPerFile\": 8,")
                .replace("\"2309193932840\": [\"p32_1\", \"p54_1\", \"p56_1\"],", "")
                .replaceAll(",\\s*\"2309193932841\": \\{[^}]*\\}", "");
        Files.write(dir.resolve("job.json"), job.getBytes(StandardCharsets.UTF_8));
        CliHarness run = plan(dir, "job.json", "-p", vars("key"));
        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("keys: 1 in the job"), run.out);
        assertTrue(run.out.contains("1 to export"), run.out);
        assertTrue(run.out.contains("read in parts: 1 heavy file(s) in 4 parts"), run.out);
        assertTrue(run.out.contains("(at most 8 parts per file)"), run.out);
        assertTrue(run.out.contains("DataX tasks: 4 "), run.out);
        for (int k = 0; k < 4; k++) {
            assertTrue(run.out.contains("(part " + k + " of 4)"), run.out);
        }
        // the demo has readings all year round, so the cuts lie near the quarters (the first and last row of
        // the year are within hours of its ends; 365 days / 4 = 91.25 days: 2025-04-02 06:00), and the
        // outer parts reach to the year's ends
        assertTrue(run.out.contains("2025-01-01T00:00 .. 2025-04-02T"), run.out);
        assertTrue(run.out.contains(" .. 2026-01-01T00:00  task"), run.out);
    }

    /**
     * A task of 200 columns: the sample pages are GetRange requests, which take at most 128 column
     * names; they read every column instead and count the rows the export sends (20 rows, 5 of
     * which have none of the task's columns).
     */
    @Test
    void aTaskOfMoreThan128ColumnsIsSampled() throws Exception {
        SyncClient client = UnsentRequestRetry.client(emulator.endpoint(), "id", "key", "plantest");
        try {
            TableMeta meta = new TableMeta("wide");
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
            client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));
            for (int i = 0; i < 20; i++) {
                RowPutChange put = new RowPutChange("wide", PrimaryKeyBuilder.createPrimaryKeyBuilder()
                        .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString("k"))
                        .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(1735689600000L + i * 3_600_000L)).build());
                put.addColumn("c" + (i % 4 == 0 ? 999 : i * 10), ColumnValue.fromLong(i));
                client.putRow(new PutRowRequest(put));
            }
        } finally {
            client.shutdown();
        }
        StringBuilder columns = new StringBuilder();
        for (int c = 0; c < 200; c++) {
            columns.append(c == 0 ? "" : ", ").append("\"c").append(c).append('"');
        }
        String job = new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                .replace("\"sensor_data\"", "\"wide\"")
                .replace("\"otherKeys\": [\"dim\"]", "\"otherKeys\": []")
                .replace("\"dim\": 0,", "")
                .replace("\"appendColumns\": [\"ct\"],", "")
                .replaceAll("\"definitions\": \\{[^}]*\\}\\s*\\}", "\"definitions\": {\"k\": [" + columns + "]}");
        Files.write(dir.resolve("job.json"), job.getBytes(StandardCharsets.UTF_8));
        CliHarness run = plan(dir, "job.json", "-p", vars("key"));
        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("total: 15 rows"), run.out);
    }

    @Test
    void aSchemaThatDoesNotFitTheTableIsReported() throws Exception {
        String job = new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                .replace("\"partitionKey\": \"id\"", "\"partitionKey\": \"device\"");
        Files.write(dir.resolve("job.json"), job.getBytes(StandardCharsets.UTF_8));
        CliHarness run = plan(dir, "job.json", "-p", vars("key"));
        assertEquals(Command.FAILED, run.status, run.toString());
        assertTrue(run.err.contains("OtsRangeReader-02"), run.toString());
        assertTrue(run.err.contains("parameter.schema.partitionKey: \"device\" is not a primary-key column"), run.toString());
    }

    @Test
    void wrongCredentialsFailWithoutLeakingTheKey() {
        CliHarness run = plan(ValidateCommandTest.ROOT, "job/demo.json", "-p", vars("WRONG-KEY-123"));
        assertEquals(Command.FAILED, run.status, run.toString());
        assertFalse(run.toString().contains("WRONG-KEY-123"), run.toString());
    }

    @Test
    void missingVariablesAndInvalidJobsAreRefusedBeforeConnecting() throws Exception {
        CliHarness unresolved = plan(ValidateCommandTest.ROOT, "job/demo.json");
        assertEquals(Command.USAGE, unresolved.status, unresolved.toString());
        assertTrue(unresolved.err.contains("${...} values"), unresolved.toString());

        Files.write(dir.resolve("bad.json"), "{\"job\": {}}".getBytes(StandardCharsets.UTF_8));
        CliHarness invalid = plan(dir, "bad.json");
        assertEquals(Command.FAILED, invalid.status, invalid.toString());
        assertTrue(invalid.out.contains("INVALID"), invalid.toString());
    }

    /**
     * Incremental mode with changes "stream": plan shows the refusal of a table without a Stream, the
     * first run, and then what the next run would restate (read from the recorded position), writing
     * nothing: neither the ledger nor the hand-over file changes.
     */
    @Test
    void incrementalPlanShowsWhatTheStreamWouldRestateAndWritesNothing() throws Exception {
        try (OtsEmulator emu = OtsEmulator.builder().port(0).instanceName("plantest").accessKeyId("id").accessKeySecret("key")
                .demo(true).build().start()) {
            String job = DemoStream.incrementalJob(emu.endpoint(), "plantest", "key", dir.resolve("out"), "\"stream\"");
            Files.write(dir.resolve("job.json"), job.getBytes(StandardCharsets.UTF_8));
            CliHarness noStream = plan(dir, "job.json", "-p", "-DstartDate=20231231 -DendDate=20240102");
            assertEquals(Command.FAILED, noStream.status, noStream.toString());
            assertTrue(noStream.err.contains("OtsRangeReader-12") && noStream.err.contains("table sensor_data has no Stream enabled"),
                    noStream.toString());

            SyncClient client = UnsentRequestRetry.client(emu.endpoint(), "id", "key", "plantest");
            try {
                DemoStream.enable(client);
                CliHarness firstPlan = plan(dir, "job.json", "-p", "-DstartDate=20231231 -DendDate=20240102");
                assertEquals(0, firstPlan.status, firstPlan.toString());
                assertTrue(firstPlan.out.contains("changes: stream: first run: it records the stream position and restates nothing"),
                        firstPlan.out);
                // the first run records the position the next one reads on from
                RunResult first = new LocalRunner(RunOptions.quiet()).runJson(job.replace("${startDate}", "20231231").replace("${endDate}", "20240102"));
                assertTrue(first.succeeded(), String.valueOf(first.failure()));

                Path state = dir.resolve("out/.otsrange/sensor_data.all");
                // a late reading of device ...41 inside the committed window, on 2024-01-01 in Shanghai
                DemoStream.lateReading(client, "2309193932841", "2024-01-01T00:30:00+08:00");
                byte[] ledger = Files.readAllBytes(state.resolve("checkpoint.log"));

                CliHarness next = plan(dir, "job.json", "-p", "-DstartDate=20240102 -DendDate=20240103");
                assertEquals(0, next.status, next.toString());
                assertTrue(next.out.contains("changes: stream: 1 record(s) of 1 shard(s) since ") && next.out.contains(
                        ", 1 relevant: 1 file unit(s) to restate"), next.out);
                long size = Files.size(dir.resolve("out/2309193932841_sensor_data_2024.csv"));
                assertTrue(next.out.matches("(?s).*\\n  2024/2309193932841 +restated from 2024-01-01 \\(committed to 2024-01-02\\):"
                        + " 1 changed record\\(s\\); 2309193932841_sensor_data_2024.csv: keeps 0 of " + size + " bytes\\n.*"), next.out);
                assertTrue(next.out.matches("(?s).*2024/2309193932841 +committed up to 2024-01-02 -> restates \\[2024-01-01,"
                        + " 2024-01-03\\).*"), next.out);
                assertTrue(next.out.matches("(?s).*2024/2309193932839 +committed up to 2024-01-02 -> adds \\[2024-01-02,"
                        + " 2024-01-03\\).*"), next.out);
                // the restated unit is estimated over what it reads, [2024-01-01, 2024-01-03) in Shanghai, not over this
                // run's window alone: its rows counted here with plain GetRange requests
                assertEquals(rowsOfDim0(client, "2309193932841", "2024-01-01T00:00:00+08:00", "2024-01-03T00:00:00+08:00"),
                        estimatedRowsOfOnlyUnit(next.out, "2024/2309193932841"), next.out);
                assertTrue(Arrays.equals(ledger, Files.readAllBytes(state.resolve("checkpoint.log"))), "plan records nothing");
                assertFalse(Files.exists(state.resolve("tmp/restate.json")), "plan hands nothing over");
            } finally {
                client.shutdown();
            }
        }
    }
    /** The demo rows of {@code device} with dim 0 in [from, to) (ISO-8601 with offset), every page read. */
    private static long rowsOfDim0(SyncClient client, String device, String from, String to) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(DemoStream.TABLE);
        c.setInclusiveStartPrimaryKey(demoKey(device, from, PrimaryKeyValue.INF_MIN));
        c.setExclusiveEndPrimaryKey(demoKey(device, to, PrimaryKeyValue.INF_MIN));
        c.setMaxVersions(1);
        long rows = 0;
        while (true) {
            GetRangeResponse page = client.getRange(new GetRangeRequest(c));
            for (Row row : page.getRows()) {
                rows += row.getPrimaryKey().getPrimaryKeyColumn("dim").getValue().asLong() == 0 ? 1 : 0;
            }
            if (page.getNextStartPrimaryKey() == null) {
                return rows;
            }
            c.setInclusiveStartPrimaryKey(page.getNextStartPrimaryKey());
        }
    }

    private static PrimaryKey demoKey(String device, String time, PrimaryKeyValue dim) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(device))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(OffsetDateTime.parse(time).toInstant().toEpochMilli()))
                .addPrimaryKeyColumn("dim", dim).build();
    }

    /** The est.rows of the task that reads {@code unit} alone, from plan's task table. */
    private static long estimatedRowsOfOnlyUnit(String out, String unit) {
        Matcher m = Pattern.compile("(?m)^ +\\d+ +1 +\\d+ +([0-9,]+) +.* " + Pattern.quote(unit + " .. " + unit) + "$").matcher(out);
        assertTrue(m.find(), "a task reading only " + unit + "\n" + out);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
