package com.otsrange.writer;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.ShortestDouble;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test: records/s of the writer alone through the local runner, printed. Runs only with
 * {@code -Dotsrange.bench=true}:
 * {@code mvn -o -pl csvyearwriter test -Dtest=WriterBench -Dotsrange.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (output in target/surefire-reports/com.otsrange.writer.WriterBench-output.txt).
 *
 * <ul>
 *   <li>generic: the built-in streamreader generating bench/jobs/stream-csvyear.json's 13 columns
 *   (100 keys x 3 years = 300 files), channel 1;</li>
 *   <li>paired: the test stand-in for otsrangereader, 100 keys x 3 years, 12 cells (ISO time, 4
 *   full-precision doubles, integers, strings, bool, a note on 2 % of rows, 8 bytes), channel 1, with
 *   DOUBLE cells as Java-8 {@code Double.toString} text (parse + format) and as ShortestDouble
 *   text with meta {@code otsrange.doubles=shortest} (verbatim).</li>
 * </ul>
 */
class WriterBench {
    private static final int ROWS = Integer.getInteger("otsrange.bench.rows", 300_000);

    @TempDir
    Path dir;

    @Test
    void printRecordsPerSecond() {
        assumeTrue(Boolean.getBoolean("otsrange.bench"), "benchmark: run with -Dotsrange.bench=true");
        String plain = scenario(false);
        String shortest = scenario(true);
        for (int round = 0; round < 4; round++) {
            String tag = round == 0 ? "warm-up" : "run " + round;
            System.out.printf("%-8s generic streamreader  %,9.0f rows/s%n", tag, rate(generic(dir.resolve("g" + round)), ROWS));
            System.out.printf("%-8s paired  parse+format  %,9.0f rows/s%n", tag, rate(paired(plain, dir.resolve("p" + round), false), ROWS));
            System.out.printf("%-8s paired  verbatim      %,9.0f rows/s%n", tag, rate(paired(shortest, dir.resolve("s" + round), true), ROWS));
        }
    }

    private static double rate(JSONObject job, long rows) {
        long t0 = System.nanoTime();
        RunResult r = Jobs.run(job);
        long t = System.nanoTime() - t0;
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        return rows / (t / 1e9);
    }

    private static JSONObject generic(Path out) {
        String columns = "[{\"type\":\"long\",\"random\":\"1,100\"},{\"type\":\"long\",\"random\":\"1640995200,1735689599\"},"
                + "{\"type\":\"double\",\"random\":\"0,40\"},{\"type\":\"double\",\"random\":\"20,90\"},"
                + "{\"type\":\"double\",\"random\":\"990,1030\"},{\"type\":\"double\",\"value\":\"3.3\"},"
                + "{\"type\":\"long\",\"random\":\"0,99\"},{\"type\":\"long\",\"random\":\"0,1000000\"},"
                + "{\"type\":\"string\",\"value\":\"ok\"},{\"type\":\"string\",\"value\":\"v1.2.3\"},"
                + "{\"type\":\"bool\",\"value\":\"false\"},{\"type\":\"string\",\"random\":\"0,12\"},"
                + "{\"type\":\"bytes\",\"random\":\"8,8\"}]";
        JSONObject reader = new JSONObject(true).fluentPut("column", JSON.parseArray(columns)).fluentPut("sliceRecordCount", ROWS);
        JSONObject writer = new JSONObject(true);
        writer.put("path", out.toString());
        writer.put("table", "stream");
        writer.put("partitionKeyColumn", 0);
        writer.put("timeColumn", 1);
        writer.put("timeUnit", "s");
        writer.put("maxOpenFiles", 1024);
        writer.put("columns", Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        writer.put("columnNames", Arrays.asList("ts", "temp", "humidity", "pressure", "voltage", "rssi", "seq",
                "status", "firmware", "alarm", "note", "raw"));
        return Jobs.job("streamreader", reader, writer, 1);
    }

    private static JSONObject paired(String scenario, Path out, boolean shortest) {
        JSONObject job = Jobs.paired(scenario, out, 1);
        Jobs.reader(job).put("doublesShortest", shortest);
        return job;
    }

    /** Rows in unit order (key, year), times ascending; cell lists shared from a pool to keep the heap small. */
    private static String scenario(boolean shortest) {
        SplittableRandom r = new SplittableRandom(7);
        List<String> header = Arrays.asList("ct", "temp", "humidity", "pressure", "voltage", "rssi", "seq",
                "status", "firmware", "alarm", "note", "raw");
        List<Column[]> pool = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            Column[] c = new Column[header.size()];
            c[0] = null; // the time cell, per row
            for (int d = 1; d <= 4; d++) {
                double v = (d * 250) + r.nextDouble() * 100;
                c[d] = new DoubleColumn(shortest ? ShortestDouble.format(v) : Double.toString(v));
            }
            c[5] = new LongColumn((long) r.nextInt(-100, 0));
            c[6] = new LongColumn((long) r.nextInt(0, 1_000_000));
            c[7] = new StringColumn("ok");
            c[8] = new StringColumn("v1.2.3");
            c[9] = new BoolColumn(r.nextBoolean());
            c[10] = r.nextInt(50) == 0 ? new StringColumn("door \"open\", check\nline " + i) : new StringColumn();
            byte[] raw = new byte[8];
            for (int b = 0; b < 8; b++) {
                raw[b] = (byte) r.nextInt(256);
            }
            c[11] = new BytesColumn(raw);
            pool.add(c);
        }
        long start = 1640995200000L;
        long span = 3L * 365 * 86_400_000L;
        int keys = 100;
        int perKey = ROWS / keys;
        long step = span / perKey;
        List<TestOtsReader.Row> rows = new ArrayList<>(ROWS);
        for (int k = 0; k < keys; k++) {
            String key = "dev-" + k;
            for (int i = 0; i < perKey; i++) {
                long t = start + i * step;
                Column[] c = pool.get(r.nextInt(pool.size())).clone();
                c[0] = new LongColumn(t);
                rows.add(new TestOtsReader.Row(key, t, header, new int[] {0}, c));
            }
        }
        String id = "bench-" + shortest + "-" + System.nanoTime();
        TestOtsReader.SCENARIOS.put(id, Collections.singletonList(rows));
        return id;
    }
}
