package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's hostile writer cases with the real reader: table rp (id STRING, ct INTEGER) holding
 * d1@2024-01-01 x=5, d1@2024-01-02 x=50, d1@2025-01-01 x=7 and a key named like the bookkeeping
 * folder, .otsrange@2024-01-01 x=1.
 */
class WriterSafetyTest {
    static E2e e2e;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        e2e.createTable("rp", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        e2e.load("rp", Arrays.asList("id", "ct"), Arrays.asList(
                new E2e.SrcRow(Arrays.<Object>asList("d1", ms("2024-01-01T00:00:00Z")), E2e.attrs("x", 5L, "z", -0.0)),
                new E2e.SrcRow(Arrays.<Object>asList("d1", ms("2024-01-02T00:00:00Z")), E2e.attrs("x", 50L, "z", 0.0)),
                new E2e.SrcRow(Arrays.<Object>asList("d1", ms("2025-01-01T00:00:00Z")), E2e.attrs("x", 7L, "z", 1.0)),
                new E2e.SrcRow(Arrays.<Object>asList(".otsrange", ms("2024-01-01T00:00:00Z")), E2e.attrs("x", 1L))));
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static JSONObject job(Path out, String fileName, boolean resume) {
        JSONObject reader = e2e.reader("rp", Arrays.asList("d1", ".otsrange"), Collections.singletonList("x"));
        reader.put("resume", resume);
        JSONObject writer = E2e.writer(out);
        writer.put("fileName", fileName);
        return E2e.job(reader, writer, 2);
    }

    /**
     * Item 6: the key's rows land outside path/.otsrange/ (leading dot written %2E), every file the
     * manifest lists exists with its bytes, and a resumed run skips every unit: the reader's unit
     * ids (otsrange-common) agree with the writer's checkpoint.
     */
    @Test
    void aKeyNamedLikeTheBookkeepingFolderNeverWritesIntoIt() throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("{partition_key}/{table}.all/tmp/{year}.csv",
                Arrays.asList("%2Eotsrange/rp.all/tmp/2024.csv", "d1/rp.all/tmp/2024.csv", "d1/rp.all/tmp/2025.csv"));
        expected.put("{partition_key}/{year}.csv", Arrays.asList("%2Eotsrange/2024.csv", "d1/2024.csv", "d1/2025.csv"));
        expected.put("{partition_key}_{table}_{year}.csv", Arrays.asList("%2Eotsrange_rp_2024.csv", "d1_rp_2024.csv", "d1_rp_2025.csv"));
        int n = 0;
        for (Map.Entry<String, List<String>> c : expected.entrySet()) {
            Path out = dir.resolve("out" + n++);
            RunResult r = E2e.run(job(out, c.getKey(), true));
            assertTrue(r.succeeded(), c.getKey() + ": " + r.failure());
            Map<String, byte[]> files = E2e.snapshot(out);
            assertEquals(c.getValue(), files.keySet().stream().sorted().collect(Collectors.toList()), c.getKey());
            assertEquals("x\n1\n", new String(files.get(c.getValue().get(0)), StandardCharsets.UTF_8));
            assertEquals("x\n5\n50\n", new String(files.get(c.getValue().get(1)), StandardCharsets.UTF_8));
            try (Stream<Path> s = Files.list(out.resolve(".otsrange"))) {
                assertEquals(Collections.singletonList("rp.all"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                        "only bookkeeping under .otsrange/");
            }
            JSONArray listed = JSON.parseObject(new String(Files.readAllBytes(out.resolve(".otsrange/rp.all/manifest.json")),
                    StandardCharsets.UTF_8)).getJSONArray("files");
            assertEquals(3, listed.size());
            for (int i = 0; i < listed.size(); i++) {
                JSONObject f = listed.getJSONObject(i);
                byte[] content = files.get(f.getString("file"));
                assertTrue(content != null, "listed as committed and present: " + f.getString("file"));
                assertEquals(f.getString("sha256"), hex(MessageDigest.getInstance("SHA-256").digest(content)));
            }
            assertTrue(listed.stream().anyMatch(o -> "2024/%2Eotsrange".equals(((JSONObject) o).getString("unit"))), listed.toString());

            RunResult again = E2e.run(job(out, c.getKey(), true));
            assertTrue(again.succeeded(), String.valueOf(again.failure()));
            assertEquals(0, again.readRecords(), "every unit, .otsrange's too, skipped as committed");
            assertEquals("", E2e.diff(files, E2e.snapshot(out)));
        }
    }

    /** Gap: resume notices a committed file that was deleted, before anything is written. */
    @Test
    void resumeAfterACommittedFileWasDeletedIsRefused() throws Exception {
        Path out = dir.resolve("deleted");
        JSONObject job = job(out, "{partition_key}/{year}.csv", true);
        assertTrue(E2e.run(job).succeeded());
        Files.delete(out.resolve("%2Eotsrange/2024.csv"));
        Map<String, byte[]> before = E2e.snapshot(out);
        RunResult r = E2e.run(job);
        assertEquals("CsvYearWriter-05", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("%2Eotsrange/2024.csv (missing)"), r.errorMessage());
        assertEquals("", E2e.diff(before, E2e.snapshot(out)), "nothing written");
    }

    /** Gap: append after the task's columns changed is refused instead of adding rows under the old header. */
    @Test
    void appendAfterTheColumnsChangedIsRefused() throws Exception {
        Path out = dir.resolve("append");
        JSONObject first = job(out, "{partition_key}_{year}.csv", false);
        E2e.writerOf(first).put("writeMode", "append");
        assertTrue(E2e.run(first).succeeded());
        Map<String, byte[]> before = E2e.snapshot(out);

        JSONObject wider = job(out, "{partition_key}_{year}.csv", false);
        E2e.writerOf(wider).put("writeMode", "append");
        E2e.readerOf(wider).getJSONObject("tasks").getJSONObject("definitions").put("d1", Arrays.asList("x", "z"));
        RunResult r = E2e.run(wider);
        assertEquals("CsvYearWriter-09", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("d1_2024.csv") || r.errorMessage().contains("d1_2025.csv"), r.errorMessage());
        assertTrue(r.errorMessage().contains("its header is \"x\" but this job writes \"x,z\""), r.errorMessage());
        for (Map.Entry<String, byte[]> e : E2e.snapshot(out).entrySet()) {
            if (e.getKey().startsWith("d1_")) {
                assertArrayEquals(before.get(e.getKey()), e.getValue(), e.getKey() + " unchanged");
            }
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
