package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrateCommandTest {

    /** The export configuration of the Python exporter's quick start (seed 000). */
    static final String SEED_CONFIG = "{\n"
            + "  \"table\": \"sensor_data\",\n"
            + "  \"schema\": {\"partition_key\": \"id\", \"sort_key\": \"ct\", \"other_keys\": [\"dim\"]},\n"
            + "  \"filters\": {\"dim\": 0, \"ct\": {\"gte\": 1738473882740, \"lt\": 1783734384870, \"chunk_by\": \"year\"},\n"
            + "              \"status\": {\"not_in\": [3, 4]}},\n"
            + "  \"append_columns\": [\"ct\"],\n"
            + "  \"tasks\": {\"source\": \"file\", \"path\": \"tasks/device_mappings.json\"},\n"
            + "  \"output\": {\"format\": \"csv\", \"directory\": \"output_data\",\n"
            + "             \"filename_pattern\": \"{partition_key}_{table}_{year}.csv\"}\n"
            + "}\n";

    static final String SEED_CONNECTION = "{\"endpoint\": \"https://inst.cn-hangzhou.ots.aliyuncs.com\","
            + " \"access_key_id\": \"LTAIexampleid\", \"access_key_secret\": \"s3cr3t-value\","
            + " \"instance_name\": \"inst\"}";

    @TempDir
    Path dir;

    @Test
    void seedConfigBecomesAnEquivalentJob() throws Exception {
        write("export_config.json", SEED_CONFIG);
        CliHarness run = CliHarness.run(dir, "migrate", "--config", "export_config.json");
        assertEquals(0, run.status, run.toString());

        JSONObject job = JSON.parseObject(run.out);
        JSONObject content = job.getJSONObject("job").getJSONArray("content").getJSONObject(0);
        JSONObject reader = content.getJSONObject("reader");
        JSONObject writer = content.getJSONObject("writer");
        assertEquals("otsrangereader", reader.getString("name"));
        assertEquals("csvyearwriter", writer.getString("name"));

        JSONObject r = reader.getJSONObject("parameter");
        assertEquals("sensor_data", r.getString("table"));
        assertEquals("id", r.getJSONObject("schema").getString("partitionKey"));
        assertEquals("ct", r.getJSONObject("schema").getString("sortKey"));
        assertEquals(Arrays.asList("dim"), r.getJSONObject("schema").getJSONArray("otherKeys"));
        assertEquals(0, r.getJSONObject("filters").getIntValue("dim"));
        JSONObject ct = r.getJSONObject("filters").getJSONObject("ct");
        assertEquals(1738473882740L, ct.getLongValue("gte"));
        assertEquals(1783734384870L, ct.getLongValue("lt"));
        assertEquals("year", ct.getString("chunkBy"));
        assertFalse(ct.containsKey("chunk_by"));
        assertEquals(Arrays.asList(3, 4), r.getJSONObject("filters").getJSONObject("status").getJSONArray("notIn"));
        assertEquals(Arrays.asList("ct"), r.getJSONArray("appendColumns"));
        assertEquals("end", r.getString("appendColumnsPosition"), "the exporter puts append columns last");
        assertEquals("file", r.getJSONObject("tasks").getString("source"));
        assertEquals("tasks/device_mappings.json", r.getJSONObject("tasks").getString("path"));
        assertEquals("config/connection.json", r.getString("connectionFile"), "the exporter's default");
        assertFalse(r.containsKey("accessKey"));

        JSONObject w = writer.getJSONObject("parameter");
        assertEquals("output_data", w.getString("path"));
        assertEquals("{partition_key}_{table}_{year}.csv", w.getString("fileName"));
        assertEquals(4, job.getJSONObject("job").getJSONObject("setting").getJSONObject("speed").getIntValue("channel"));

        assertTrue(run.err.contains("no --connection given"), run.err);
        assertTrue(run.err.contains("resume"), run.err);
    }

    @Test
    void theMigratedSeedJobPassesValidate() throws Exception {
        write("export_config.json", SEED_CONFIG);
        write("connection.json", SEED_CONNECTION);
        Files.createDirectories(dir.resolve("tasks"));
        Files.copy(ValidateCommandTest.ROOT.resolve("job/tasks/device_mappings.json"), dir.resolve("tasks/device_mappings.json"));
        CliHarness migrated = CliHarness.run(dir, "migrate", "--config", "export_config.json", "--connection", "connection.json");
        assertEquals(0, migrated.status, migrated.toString());
        write("job.json", migrated.out);
        CliHarness validated = ValidateCommandTest.validate(dir, "job.json");
        assertEquals(0, validated.status, validated.toString());
        assertTrue(validated.out.contains("3 task key(s) from 1 task file(s)"), validated.out);
    }

    @Test
    void connectionSecretsAreNeverCopied() throws Exception {
        write("export_config.json", SEED_CONFIG);
        write("connection.json", SEED_CONNECTION);
        CliHarness run = CliHarness.run(dir, "migrate", "--config=export_config.json", "--connection", "connection.json");
        assertEquals(0, run.status, run.toString());
        assertFalse(run.out.contains("s3cr3t-value"), run.out);
        assertFalse(run.err.contains("s3cr3t-value"), run.err);
        assertFalse(run.out.contains("LTAIexampleid"), run.out);
        JSONObject r = JSON.parseObject(run.out).getJSONObject("job").getJSONArray("content")
                .getJSONObject(0).getJSONObject("reader").getJSONObject("parameter");
        assertEquals("connection.json", r.getString("connectionFile"));
        for (String inline : new String[] {"endpoint", "accessId", "accessKey", "instanceName"}) {
            assertFalse(r.containsKey(inline), inline + " must come from the connection file");
        }
        assertTrue(run.err.contains("secrets are not copied"), run.err);
    }

    @Test
    void inlineTasksWithPerTaskFiltersAndUncarriedOptionsAreReported() throws Exception {
        write("export_config.json", "{\"table\": \"t\", \"threads\": 8, \"progress_file\": \"p.json\","
                + " \"tasks\": {\"source\": \"inline\", \"definitions\": {"
                + "   \"dev/1 a.b%\": {\"columns\": [\"temp\"], \"filters\": {\"temp\": {\"not_in\": [1], \"like\": \"x\"}}},"
                + "   \"dev-2\": [\"humidity\"]}},"
                + " \"output\": {\"format\": \"parquet\", \"directory\": \"out\", \"compression\": \"gzip\"}}");
        CliHarness run = CliHarness.run(dir, "migrate", "--config", "export_config.json");
        assertEquals(0, run.status, run.toString());
        JSONObject job = JSON.parseObject(run.out).getJSONObject("job");
        assertEquals(8, job.getJSONObject("setting").getJSONObject("speed").getIntValue("channel"));
        JSONObject defs = job.getJSONArray("content").getJSONObject(0).getJSONObject("reader")
                .getJSONObject("parameter").getJSONObject("tasks").getJSONObject("definitions");
        JSONObject taskFilter = defs.getJSONObject("dev/1 a.b%").getJSONObject("filters").getJSONObject("temp");
        assertEquals(Arrays.asList(1), taskFilter.getJSONArray("notIn"));
        assertEquals("x", taskFilter.getString("like"), "unknown operators are kept for validate to flag");
        assertEquals(Arrays.asList("humidity"), defs.getJSONArray("dev-2"));
        assertTrue(run.err.contains("progress_file"), run.err);
        assertTrue(run.err.contains("parquet"), run.err);
        assertTrue(run.err.contains("output.compression"), run.err);
        assertTrue(run.err.contains("like"), run.err);
        assertTrue(run.err.contains("threads 8"), run.err);
    }

    @Test
    void snakeCaseOperatorsInTaskFilesArePointedOut() throws Exception {
        write("export_config.json", SEED_CONFIG.replace("\"source\": \"file\", \"path\": \"tasks/device_mappings.json\"",
                "\"source\": \"pattern\", \"path\": \"tasks/batch_*.json\""));
        Files.createDirectories(dir.resolve("tasks"));
        write("tasks/batch_1.json", "{\"k1\": {\"columns\": [\"a\"], \"filters\": {\"a\": {\"not_in\": [1, 2]}}}}");
        write("tasks/batch_2.json", "{\"k2\": [\"a\"]}");
        CliHarness run = CliHarness.run(dir, "migrate", "--config", "export_config.json");
        assertEquals(0, run.status, run.toString());
        assertTrue(run.err.contains("task file tasks/batch_1.json uses the operator \"not_in\""), run.err);
        assertFalse(run.err.contains("batch_2.json"), run.err);
    }

    @Test
    void missingConfigIsAUsageError() {
        CliHarness run = CliHarness.run(dir, "migrate");
        assertEquals(Command.USAGE, run.status);
        assertTrue(run.err.contains("--config is required"), run.err);
    }

    @Test
    void unreadableOrInvalidConfigFailsNamingTheFile() throws Exception {
        CliHarness missing = CliHarness.run(dir, "migrate", "--config", "nope.json");
        assertEquals(Command.FAILED, missing.status);
        assertTrue(missing.err.contains("nope.json"), missing.err);

        write("bad.json", "{\"table\": ");
        CliHarness bad = CliHarness.run(dir, "migrate", "--config", "bad.json");
        assertNotEquals(0, bad.status);
        assertTrue(bad.err.contains("not valid JSON"), bad.err);

        write("notasks.json", "{\"table\": \"t\"}");
        CliHarness noTasks = CliHarness.run(dir, "migrate", "--config", "notasks.json");
        assertEquals(Command.FAILED, noTasks.status);
        assertTrue(noTasks.err.contains("'tasks'"), noTasks.err);
        assertEquals("", noTasks.out, "nothing half-converted on stdout");
    }

    @Test
    void aThreadsValueThatIsNotAPositiveIntegerGetsTheDefaultWithANote() throws Exception {
        for (String threads : new String[] {"0", "-3", "2.5", "\"8\"", "true", "3000000000", "[4]"}) {
            write("export_config.json", SEED_CONFIG.replace("\"table\": \"sensor_data\",",
                    "\"table\": \"sensor_data\", \"threads\": " + threads + ","));
            CliHarness run = CliHarness.run(dir, "migrate", "--config", "export_config.json");
            assertEquals(0, run.status, run.toString());
            assertEquals(4, JSON.parseObject(run.out).getJSONObject("job").getJSONObject("setting")
                    .getJSONObject("speed").getIntValue("channel"), threads);
            assertTrue(run.err.contains("migrate: note: threads " + threads + " is not a positive integer; "
                    + "job.setting.speed.channel is 4"), threads + "\n" + run.err);
        }
        write("export_config.json", SEED_CONFIG.replace("\"table\": \"sensor_data\",", "\"table\": \"sensor_data\", \"threads\": 6.0,"));
        CliHarness whole = CliHarness.run(dir, "migrate", "--config", "export_config.json");
        assertEquals(6, JSON.parseObject(whole.out).getJSONObject("job").getJSONObject("setting")
                .getJSONObject("speed").getIntValue("channel"), whole.toString());
    }

    @Test
    void perTaskChunkByIsDroppedWithANoteAndTheJobValidates() throws Exception {
        write("export_config.json", SEED_CONFIG.replace("\"source\": \"file\", \"path\": \"tasks/device_mappings.json\"",
                "\"source\": \"inline\", \"definitions\": {"
                        + "\"2309193932839\": {\"columns\": [\"p34_1\"], \"filters\": {"
                        + "\"p34_1\": {\"gt\": 0, \"chunk_by\": \"month\"}, \"ct\": {\"chunk_by\": \"day\"}}},"
                        + "\"2309193932840\": [\"p32_1\"]}"));
        write("connection.json", SEED_CONNECTION);
        CliHarness migrated = CliHarness.run(dir, "migrate", "--config", "export_config.json", "--connection", "connection.json");
        assertEquals(0, migrated.status, migrated.toString());
        JSONObject filters = JSON.parseObject(migrated.out).getJSONObject("job").getJSONArray("content").getJSONObject(0)
                .getJSONObject("reader").getJSONObject("parameter").getJSONObject("tasks").getJSONObject("definitions")
                .getJSONObject("2309193932839").getJSONObject("filters");
        assertEquals("{\"p34_1\":{\"gt\":0}}", filters.toJSONString(), "chunk_by dropped; a condition left empty by it goes too");
        assertTrue(migrated.err.contains("tasks.definitions.2309193932839.filters.p34_1.chunk_by was dropped"), migrated.err);
        assertTrue(migrated.err.contains("tasks.definitions.2309193932839.filters.ct.chunk_by was dropped"), migrated.err);
        assertTrue(migrated.err.contains("only in the job's filters"), migrated.err);

        write("job.json", migrated.out);
        CliHarness validated = ValidateCommandTest.validate(dir, "job.json");
        assertEquals(0, validated.status, validated.toString());
    }

    private void write(String name, String text) throws Exception {
        Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
