package com.otsrange.writer;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.Sha256;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** csvyearwriter behind DataX's streamreader (generic mode): interleaved records, parts joined at post. */
class GenericModeTest {
    @TempDir
    Path dir;

    static JSONObject col(String type, String key, String value) {
        return new JSONObject(true).fluentPut("type", type).fluentPut(key, value);
    }

    static JSONObject streamJob(Path out, long perTask, int channels, int keys, long stepMs) {
        JSONArray columns = new JSONArray();
        columns.add(col("long", "random", "0," + (keys - 1)));
        columns.add(col("long", "incr", "1672531200000," + stepMs));
        columns.add(col("string", "value", "a \"quoted\", value"));
        columns.add(col("double", "random", "0,1000"));
        JSONObject reader = new JSONObject(true).fluentPut("column", columns).fluentPut("sliceRecordCount", perTask);
        JSONObject writer = new JSONObject(true);
        writer.put("path", out.toString());
        writer.put("table", "bench");
        writer.put("partitionKeyColumn", 0);
        writer.put("timeColumn", 1);
        writer.put("timeUnit", "ms");
        writer.put("columnNames", Arrays.asList("key", "ts", "text", "value"));
        return Jobs.job("streamreader", reader, writer, channels);
    }

    @Test
    void interleavedRecordsAreJoinedPerFileWithOneHeader() throws Exception {
        Path out = dir.resolve("generic");
        // 3 tasks x 3000 records, 7 keys, one record per 8 hours: 2023..2025 from every task
        JSONObject job = streamJob(out, 3000, 3, 7, 8 * 3600_000L);
        Jobs.writer(job).put("maxOpenFiles", 2); // forces close/reopen of part files
        RunResult r = Jobs.run(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, Path> files = Jobs.outputFiles(out);
        long rows = 0;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            assertTrue(e.getKey().matches("[0-6]_bench_202[345]\\.csv"), e.getKey());
            List<List<String>> back = Jobs.parse(e.getValue());
            assertEquals(Arrays.asList("key", "ts", "text", "value"), back.get(0));
            String key = e.getKey().substring(0, 1);
            String year = e.getKey().substring(8, 12);
            long last = Long.MIN_VALUE;
            for (List<String> row : back.subList(1, back.size())) {
                assertEquals(key, row.get(0));
                Instant t = Instant.parse(row.get(1));
                assertEquals(year, String.valueOf(t.atZone(ZoneOffset.UTC).getYear()));
                assertEquals("a \"quoted\", value", row.get(2));
                Double.parseDouble(row.get(3));
                rows++;
                last = t.toEpochMilli();
            }
            assertTrue(last != Long.MIN_VALUE, "no empty file");
        }
        assertEquals(9000, rows);
        assertEquals(21, files.size());
        assertFalse(Files.exists(out.resolve(".otsrange/bench.all/tmp")));
        assertTrue(Files.exists(out.resolve(".otsrange/bench.all/manifest.json")));
    }

    /**
     * One task: every file is a single part, renamed into place instead of copied (with its own
     * header, or none). The files, the manifest's sha256/bytes/rows and the parse-back must agree,
     * and a multi-task run of the same rows (parts joined, each part's header skipped) must give
     * byte-identical files. Also with gzip (joined, never renamed).
     */
    @Test
    void singlePartFilesAreRenamedAndEqualJoinedOnes() throws Exception {
        for (boolean header : new boolean[] {true, false}) {
            for (String compress : new String[] {"none", "gzip"}) {
                Path one = dir.resolve("one-" + header + compress);
                JSONObject job1 = streamJob(one, 2000, 1, 3, 12 * 3600_000L);
                Jobs.writer(job1).put("header", header);
                Jobs.writer(job1).put("compress", compress);
                RunResult r1 = Jobs.run(job1);
                assertTrue(r1.succeeded(), String.valueOf(r1.failure()));
                Map<String, Path> files = Jobs.outputFiles(one);
                assertFalse(files.isEmpty());
                JSONObject manifest = JSON.parseObject(Jobs.text(one.resolve(".otsrange/bench.all/manifest.json")));
                JSONArray listed = manifest.getJSONArray("files");
                assertEquals(files.size(), listed.size());
                long rows = 0;
                for (int i = 0; i < listed.size(); i++) {
                    JSONObject f = listed.getJSONObject(i);
                    Path p = files.get(f.getString("file"));
                    byte[] bytes = Files.readAllBytes(p);
                    assertEquals(f.getLongValue("bytes"), bytes.length, f.getString("file"));
                    assertEquals(f.getString("sha256"), Sha256.hex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                    List<List<String>> back = Jobs.parse(p);
                    int dataRows = back.size() - (header ? 1 : 0);
                    assertEquals(f.getLongValue("rows"), dataRows);
                    if (header) {
                        assertEquals(Arrays.asList("key", "ts", "text", "value"), back.get(0));
                    } else {
                        assertFalse(back.get(0).get(0).equals("key"));
                    }
                    rows += dataRows;
                }
                assertEquals(2000, rows);
                assertFalse(Files.exists(one.resolve(".otsrange/bench.all/tmp")));
            }
        }
    }

    @Test
    void genericModeNeedsTheKeyAndTimeColumns() {
        JSONObject job = streamJob(dir.resolve("x"), 10, 1, 2, 1000);
        Jobs.writer(job).remove("timeColumn");
        RunResult r = Jobs.run(job);
        assertEquals("CsvYearWriter-01", r.errorCode());
        assertTrue(r.failure().getMessage().contains("parameter.timeColumn"), r.failure().getMessage());
    }

    /** Not a timed assertion: prints the writer's throughput for the report. */
    @Test
    void throughput() throws Exception {
        Path out = dir.resolve("bench");
        long perTask = Long.getLong("bench.records", 200_000L);
        JSONObject job = streamJob(out, perTask, 2, 200, 60_000L);
        long t0 = System.nanoTime();
        RunResult r = Jobs.run(job);
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(2 * perTask, r.writeRecords());
        System.out.printf("csvyearwriter generic: %d records into %d files in %.2f s = %.0f records/s%n",
                r.writeRecords(), Jobs.outputFiles(out).size(), secs, r.writeRecords() / secs);
    }
}
