package com.otsrange.writer.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.Problems;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.SpecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
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
        return JobFingerprint.of(spec(reader), options(writer), dir).components();
    }

    static final String TASKS = "\"tasks\": {\"source\": \"inline\", \"definitions\": {\"d1\": [\"x\"], \"d/2\": {\"columns\": [\"y\"],"
            + " \"filters\": {\"x\": {\"gt\": 1.5}}}}}";
    static final String READER = "{\"table\": \"sensor_data\", \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\", \"otherKeys\": [\"dim\"]},"
            + " \"filters\": {\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2027-01-01\", \"chunkBy\": \"month\"}},"
            + " \"timeZone\": \"Asia/Shanghai\", \"appendColumns\": [\"ct\"], \"resume\": true, " + TASKS + "}";

    /** A version-1 checkpoint's components, as version 1 computed them: the JSON as written, keys sorted at every level. */
    static Map<String, String> version1(String filters) {
        Map<String, String> v1 = new LinkedHashMap<>();
        v1.put("reader.table", "\"sensor_data\"");
        v1.put("reader.schema", "{\"otherKeys\":[\"dim\"],\"partitionKey\":\"id\",\"sortKey\":\"ct\"}");
        v1.put("reader.filters", filters);
        v1.put("reader.tasks", "{\"definitions\":{\"d/2\":{\"columns\":[\"y\"],\"filters\":{\"x\":{\"gt\":1.5}}},\"d1\":[\"x\"]},"
                + "\"source\":\"inline\"}");
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
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : v1.entrySet()) {
            hashes.put(e.getKey(), sha256(e.getValue()));
        }
        return hashes;
    }

    /** Hex SHA-256 of a component's UTF-8 text, as the fingerprint stores it (the JDK's digest, not the product's helper). */
    static String sha256(String text) {
        try {
            return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String WRITER = "{\"path\": \"out\", \"fileName\": \"{partition_key}/{year}.csv\"}";

    /** A checkpoint written by version 1 for a job written the usual way: the same job, it resumes. */
    @Test
    void aVersion1CheckpointOfTheSameJobResumes() {
        JobFingerprint f = JobFingerprint.of(spec(READER), options(WRITER), dir);
        Map<String, String> v1 = version1("{\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2027-01-01\"},\"dim\":0}");
        assertEquals(Collections.emptyList(), f.changedComponents(v1));
        assertEquals("", JobFingerprint.olderVersionNote(f.components()));

        // version 2 hashes the bounds as the raw values they stand for (midnight in Asia/Shanghai, in ms)
        long from = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        long to = LocalDate.of(2027, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        assertEquals(sha256("{\"ct\":{\"gte\":" + from + ",\"lt\":" + to + "},\"dim\":0}"), f.components().get("reader.filters"));
        assertEquals("2", f.components().get(JobFingerprint.VERSION_KEY));

        // a real change is still one, with a note that version 1 read values as written
        Map<String, String> zone = new LinkedHashMap<>(v1);
        zone.put("reader.timeZone", sha256("\"GMT+8\""));
        assertEquals(Collections.singletonList("reader.timeZone"), f.changedComponents(zone));
        assertTrue(JobFingerprint.olderVersionNote(zone).contains("as written"));
        Map<String, String> otherVersion = new LinkedHashMap<>(f.components());
        otherVersion.put(JobFingerprint.VERSION_KEY, "3");
        assertEquals(Collections.singletonList(JobFingerprint.VERSION_KEY), f.changedComponents(otherVersion));
    }

    /** Version 2 compares parsed bounds: a date written another way is the same job. */
    @Test
    void aBoundWrittenAnotherWayIsTheSameJob() {
        Map<String, String> a = fingerprint(READER, WRITER);
        long midnight = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        for (String bound : new String[] {"\"20240101\"", "\" 2024-01-01T00:00:00 \"", "\"2023-12-31T16:00:00Z\"", String.valueOf(midnight),
            "\"" + midnight + "\""}) {
            Map<String, String> b = fingerprint(READER.replace("\"2024-01-01\"", bound), WRITER);
            assertEquals(Collections.emptyList(), JobFingerprint.fromComponents(b).changedComponents(a), bound);
        }
    }

    WriterOptions options(String writer) {
        Problems problems = new Problems();
        WriterOptions w = WriterOptions.parse(json(writer), dir, problems);
        assertTrue(problems.isEmpty(), problems.texts().toString());
        return w;
    }

    ReaderSpec spec(String reader) {
        SpecResult r = ReaderSpecParser.parseShared(json(reader), dir);
        assertTrue(r.isValid(), r.problems().toString());
        return r.spec();
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

        // without schema too: where chunkBy sits names no sort key for the fingerprint
        String noSchema = r1.replace("\"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\", \"otherKeys\": [\"dim\"]},", "");
        JobFingerprint n = JobFingerprint.fromComponents(fingerprint(noSchema, truncate));
        assertEquals(Collections.emptyList(), n.changedComponents(fingerprint(noSchema.replace(", \"chunkBy\": \"year\"", ""), truncate)));

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

    /** Switching {@code changes} between runs is allowed: it is not part of the job's fingerprint. */
    @Test
    void changesIsNotPartOfTheJobFingerprint() {
        String incremental = "{\"path\": \"out\", \"writeMode\": \"append\"}";
        JobFingerprint ignoring = JobFingerprint.fromComponents(fingerprint(READER, incremental));
        assertEquals(Collections.emptyList(), ignoring.changedComponents(fingerprint(READER.replace("\"resume\": true",
                "\"resume\": true, \"changes\": \"stream\""), incremental)));
        assertEquals(Collections.emptyList(), ignoring.changedComponents(fingerprint(READER.replace("\"resume\": true",
                "\"resume\": true, \"changes\": {\"lookback\": \"P3D\"}"), incremental)));
        assertEquals(Collections.emptyList(), ignoring.changedComponents(fingerprint(READER.replace("\"resume\": true",
                "\"resume\": true, \"changes\": \"ignore\""), incremental)));
    }
}
