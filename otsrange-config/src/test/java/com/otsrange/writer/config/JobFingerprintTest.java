package com.otsrange.writer.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.Problems;
import com.otsrange.common.Sha256;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.SpecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fingerprint hashes what each plugin's parse gave, and keeps the hashes of version 1 for jobs written the usual way. */
class JobFingerprintTest {
    @TempDir
    Path dir;

    static Map<String, Object> json(String text) {
        return JSON.parseObject(text, Feature.OrderedField);
    }

    Map<String, String> fingerprint(String reader, String writer) {
        SpecResult r = ReaderSpec.parseShared(json(reader), dir);
        assertTrue(r.isValid(), r.problems().toString());
        Problems problems = new Problems();
        WriterOptions w = WriterOptions.parse(json(writer), dir, problems);
        assertTrue(problems.isEmpty(), problems.texts().toString());
        return JobFingerprint.of(r.spec(), w, dir).components();
    }

    static final String TASKS = "\"tasks\": {\"source\": \"inline\", \"definitions\": {\"d1\": [\"x\"], \"d/2\": {\"columns\": [\"y\"],"
            + " \"filters\": {\"x\": {\"gt\": 1.5}}}}}";
    static final String READER = "{\"table\": \"sensor_data\", \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\", \"otherKeys\": [\"dim\"]},"
            + " \"filters\": {\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2027-01-01\", \"chunkBy\": \"month\"}},"
            + " \"timeZone\": \"Asia/Shanghai\", \"appendColumns\": [\"ct\"], \"resume\": true, " + TASKS + "}";

    /** Version 1 hashed the JSON as written, keys sorted at every level: a job written the usual way keeps every hash. */
    @Test
    void aUsualJobKeepsItsVersion1Hashes() {
        Map<String, String> c = fingerprint(READER, "{\"path\": \"out\", \"fileName\": \"{partition_key}/{year}.csv\"}");
        Map<String, String> v1 = new LinkedHashMap<>();
        v1.put("reader.table", "\"sensor_data\"");
        v1.put("reader.schema", "{\"otherKeys\":[\"dim\"],\"partitionKey\":\"id\",\"sortKey\":\"ct\"}");
        v1.put("reader.filters", "{\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2027-01-01\"},\"dim\":0}");
        v1.put("reader.appendColumns", "[\"ct\"]");
        v1.put("reader.appendColumnsPosition", "\"start\"");
        v1.put("reader.timeUnit", "\"ms\"");
        v1.put("reader.timeZone", "\"Asia/Shanghai\"");
        v1.put("reader.shard", "\"all\"");
        v1.put("writer.fileName", "\"{partition_key}/{year}.csv\"");
        v1.put("writer.header", "true");
        v1.put("writer.encoding", "\"UTF-8\"");
        v1.put("writer.nullFormat", "\"\"");
        v1.put("writer.compress", "\"none\"");
        v1.put("writer.dateFormat", "\"\"");
        v1.put("writer.lineSeparator", "\"\\n\"");
        v1.put("writer.writeMode", "\"truncate\"");
        for (Map.Entry<String, String> e : v1.entrySet()) {
            assertEquals(Sha256.ofText(e.getValue()), c.get(e.getKey()), e.getKey());
        }
        String tasks = "{\"definitions\":{\"d/2\":{\"columns\":[\"y\"],\"filters\":{\"x\":{\"gt\":1.5}}},\"d1\":[\"x\"]},\"source\":\"inline\"}";
        assertEquals(Sha256.ofText(tasks), c.get("reader.tasks"));
        assertEquals("2", c.get(JobFingerprint.VERSION_KEY));
    }

    /** A checkpoint of version 1 has no version component: that alone is no change; any other difference is, with a note. */
    @Test
    void aVersion1CheckpointResumesAndARealChangeIsNamed() {
        Map<String, String> now = fingerprint(READER, "{\"path\": \"out\"}");
        Map<String, String> v1 = new LinkedHashMap<>(now);
        v1.remove(JobFingerprint.VERSION_KEY);
        JobFingerprint f = JobFingerprint.fromComponents(now);
        assertEquals(Collections.emptyList(), f.changedComponents(v1));
        v1.put("reader.timeZone", Sha256.ofText("\"GMT+8\""));
        assertEquals(Collections.singletonList("reader.timeZone"), f.changedComponents(v1));
        assertTrue(JobFingerprint.olderVersionNote(v1).contains("as written"));
        assertEquals("", JobFingerprint.olderVersionNote(now));
        Map<String, String> noVersion = new LinkedHashMap<>(now);
        noVersion.put(JobFingerprint.VERSION_KEY, "3");
        assertEquals(Collections.singletonList(JobFingerprint.VERSION_KEY), f.changedComponents(noVersion));
    }

    /** What means the same hashes the same: blanks, case, numbers and booleans as strings, absent and default. */
    @Test
    void valuesThatMeanTheSameHashTheSame() {
        Map<String, String> a = fingerprint(READER, "{\"path\": \"out\"}");
        String variant = READER.replace("\"Asia/Shanghai\"", "\" Asia/Shanghai \"").replace("\"resume\": true", "\"resume\": \"TRUE\"")
                .replace("\"table\": \"sensor_data\"", "\"table\": \" sensor_data\"").replace("{\"table\"", "{\"timeUnit\": \" MS \", \"table\"");
        Map<String, String> b = fingerprint(variant, "{\"path\": \" out \", \"header\": \"true\", \"compress\": \" NONE\","
                + " \"encoding\": \"utf-8\", \"writeMode\": \"Truncate\", \"fileName\": \"{partition_key}_{table}_{year}.csv \"}");
        assertEquals(Collections.emptyList(), JobFingerprint.fromComponents(b).changedComponents(a));
        Map<String, String> digits = fingerprint(READER.replace("\"2024-01-01\"", "1704038400000"), "{\"path\": \"out\"}");
        Map<String, String> digitText = fingerprint(READER.replace("\"2024-01-01\"", "\" 1704038400000\""), "{\"path\": \"out\"}");
        assertEquals(digits, digitText, "an epoch bound as a number or as digits");
    }

    @Test
    void chunkByNeverAndTheWindowOnlyInIncrementalModeShapeTheFingerprint() {
        String r1 = READER.replace("\"lt\": \"2027-01-01\", \"chunkBy\": \"month\"", "\"lt\": \"2024-01-02\", \"chunkBy\": \"year\"");
        String r2 = READER.replace("\"gte\": \"2024-01-01\", \"lt\": \"2027-01-01\", \"chunkBy\": \"month\"",
                "\"gte\": \"2024-01-02\", \"lt\": \"2024-01-03\", \"chunkBy\": \"day\"");
        String r3 = r2.replace("\"dim\": 0", "\"dim\": 1");
        String append = "{\"path\": \"out\", \"writeMode\": \"append\"}";
        String truncate = "{\"path\": \"out\"}";
        JobFingerprint a = JobFingerprint.fromComponents(fingerprint(r1, append));
        assertEquals(Collections.emptyList(), a.changedComponents(fingerprint(r2, append)), "another window, another chunkBy");
        assertEquals(Arrays.asList("reader.filters"), a.changedComponents(fingerprint(r3, append)));

        JobFingerprint t = JobFingerprint.fromComponents(fingerprint(r1, truncate));
        assertEquals(Arrays.asList("reader.filters"), t.changedComponents(fingerprint(r2, truncate)), "outside incremental mode the bounds are the job");
        assertEquals(Collections.emptyList(), t.changedComponents(fingerprint(r1.replace("\"chunkBy\": \"year\"", "\"chunkBy\": \"month\""), truncate)));
        assertEquals(Collections.emptyList(), t.changedComponents(fingerprint(r1.replace(", \"chunkBy\": \"year\"", ""), truncate)));

        // switching a folder between incremental and full exports is a change of the job
        String notResumed = r1.replace("\"resume\": true", "\"resume\": false");
        assertEquals(Arrays.asList("incremental", "reader.filters", "writer.writeMode"),
                a.changedComponents(fingerprint(notResumed, truncate)));
    }

    /** The writer's own keys that shape no byte (path, verifyCommitted, allowGaps) are not in it; task files' contents are. */
    @Test
    void theTaskFilesContentIsPartOfTheJob() throws Exception {
        Files.write(dir.resolve("tasks.json"), "{\"a\":[\"x\"]}".getBytes(StandardCharsets.UTF_8));
        String reader = "{\"table\": \"t\", \"tasks\": {\"source\": \"file\", \"path\": \"tasks.json\"}}";
        JobFingerprint a = JobFingerprint.fromComponents(fingerprint(reader, "{\"path\": \"/somewhere\"}"));
        assertEquals(Collections.emptyList(), a.changedComponents(fingerprint(reader, "{\"path\": \"/elsewhere\", \"header\": \"true\","
                + " \"verifyCommitted\": \"sha256\", \"allowGaps\": true}")));
        Files.write(dir.resolve("tasks.json"), "{\"a\":[\"y\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Arrays.asList("reader.tasks", "writer.fileName"),
                a.changedComponents(fingerprint(reader, "{\"path\": \"/somewhere\", \"fileName\": \"{partition_key}/{year}.csv\"}")));
    }
}
