package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 9: an hourly schedule written in local time across both DST changes of
 * Europe/Berlin. The hour the spring change skips holds no time: nothing to do (exit 0, no file
 * changed), and the next hour starts where the last one ended; the autumn hour that happens twice
 * is one window of two real hours. Every row is exported exactly once, in order.
 */
class DstWindowsTest {
    static E2e e2e;
    static final List<Long> TIMES = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        e2e.createTable("dst", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<E2e.SrcRow> rows = new ArrayList<>();
        // a row every 10 minutes around both changes (UTC)
        for (String from : new String[] {"2024-03-30T21:00:00Z", "2024-10-26T21:00:00Z"}) {
            long t0 = Instant.parse(from).toEpochMilli();
            for (int i = 0; i < 8 * 6; i++) {
                long t = t0 + i * 600_000L;
                TIMES.add(t);
                rows.add(new E2e.SrcRow(Arrays.<Object>asList("k", t), E2e.attrs("v", (long) i)));
            }
        }
        e2e.load("dst", Dataset.PK, rows);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    RunResult window(Path out, String from, String to) {
        JSONObject reader = e2e.reader("dst", Arrays.asList("k"), Arrays.asList("v"));
        reader.put("schema", JSON.parseObject("{\"partitionKey\": \"id\", \"sortKey\": \"ct\"}"));
        reader.put("timeZone", "Europe/Berlin");
        reader.put("appendColumns", Arrays.asList("ct"));
        reader.put("resume", true);
        reader.put("filters", JSON.parseObject("{\"ct\": {\"gte\": \"" + from + "\", \"lt\": \"" + to + "\"}}"));
        JSONObject writer = E2e.writer(out);
        writer.put("writeMode", "append");
        return E2e.run(E2e.job(reader, writer, 1));
    }

    /** Local hours of one day, from its 00:00 to 06:00, each run as its own window. */
    void hourly(Path out, String day) {
        for (int h = 0; h < 6; h++) {
            String from = String.format("%sT%02d:00:00", day, h);
            String to = String.format("%sT%02d:00:00", day, h + 1);
            RunResult r = window(out, from, to);
            assertTrue(r.succeeded(), from + ": " + r.errorMessage());
        }
    }

    @Test
    void anHourlyScheduleAcrossBothChangesExportsEveryRowOnce() throws Exception {
        // six local hours from midnight, in UTC: the spring day loses an hour, the autumn day gains one
        check("2024-03-31", "2024-03-30T23:00:00Z", "2024-03-31T04:00:00Z");
        check("2024-10-27", "2024-10-26T22:00:00Z", "2024-10-27T05:00:00Z");
    }

    void check(String day, String utcFrom, String utcTo) throws Exception {
        Path out = dir.resolve(day);
        hourly(out, day);
        long from = Instant.parse(utcFrom).toEpochMilli();
        long to = Instant.parse(utcTo).toEpochMilli();
        List<Long> expected = new ArrayList<>();
        for (long t : TIMES) {
            if (t >= from && t < to) {
                expected.add(t);
            }
        }
        List<List<String>> rows = E2e.parse(Files.readAllBytes(out.resolve("k_dst_2024.csv")));
        assertEquals(Arrays.asList("ct", "v"), rows.get(0));
        List<Long> got = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            got.add(OffsetDateTime.parse(row.get(0)).toInstant().toEpochMilli());
        }
        assertEquals(expected, got, day);
    }

    /** The skipped hour alone: nothing to do, exit 0, nothing written, and the ledger still ends where it did. */
    @Test
    void theSkippedHourIsNothingToDo() throws Exception {
        Path out = dir.resolve("gap");
        assertTrue(window(out, "2024-03-31T01:00:00", "2024-03-31T02:00:00").succeeded());
        byte[] before = Files.readAllBytes(out.resolve("k_dst_2024.csv"));
        RunResult gap = window(out, "2024-03-31T02:00:00", "2024-03-31T03:00:00");
        assertTrue(gap.succeeded(), gap.errorMessage());
        assertEquals(0, gap.readRecords());
        assertTrue(Arrays.equals(before, Files.readAllBytes(out.resolve("k_dst_2024.csv"))));
        String manifest = new String(Files.readAllBytes(out.resolve(".otsrange/dst.all/manifest.json")), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("nothing to do", JSON.parseObject(manifest).getJSONObject("incremental").getJSONObject("thisRun").getString("decision"));
        // no gap: 03:00 local is where 02:00 would have been
        RunResult next = window(out, "2024-03-31T03:00:00", "2024-03-31T04:00:00");
        assertTrue(next.succeeded(), next.errorMessage());
        assertTrue(next.readRecords() > 0);
    }
}
