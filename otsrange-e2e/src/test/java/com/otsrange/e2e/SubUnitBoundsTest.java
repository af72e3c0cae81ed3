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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 6: a bound finer than the sort key's timeUnit selects exactly the rows whose time
 * satisfies it as written ({@code gte ...05.5Z} in seconds: 6 and later; {@code lt ...08.5Z}: up
 * to 8), on every operator, and incremental windows cut there still tile. The expected rows are
 * computed here from the instants, at full precision.
 */
class SubUnitBoundsTest {
    static E2e e2e;
    /** 2024-01-01T00:00:00Z */
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        e2e.createTable("subs", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        e2e.createTable("subms", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<E2e.SrcRow> seconds = new ArrayList<>();
        List<E2e.SrcRow> millis = new ArrayList<>();
        for (long i = 0; i < 15; i++) {
            seconds.add(new E2e.SrcRow(Arrays.<Object>asList("k", T0.getEpochSecond() + i), E2e.attrs("v", i)));
            millis.add(new E2e.SrcRow(Arrays.<Object>asList("k", T0.toEpochMilli() + i), E2e.attrs("v", i)));
        }
        e2e.load("subs", Dataset.PK, seconds);
        e2e.load("subms", Dataset.PK, millis);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    JSONObject job(String table, String unit, String condition, Path out) {
        JSONObject reader = e2e.reader(table, Arrays.asList("k"), Arrays.asList("v"));
        reader.put("schema", JSON.parseObject("{\"partitionKey\": \"id\", \"sortKey\": \"ct\"}"));
        reader.put("timeUnit", unit);
        reader.put("filters", JSON.parseObject("{\"ct\": " + condition + "}"));
        return E2e.job(reader, E2e.writer(out), 1);
    }

    /** The v of every row exported (v = the row's offset from T0 in the unit), in file order. */
    static List<Long> exported(Path out, String table) throws Exception {
        List<Long> vs = new ArrayList<>();
        Path file = out.resolve("k_" + table + "_2024.csv");
        if (!Files.exists(file)) {
            return vs;
        }
        List<List<String>> rows = E2e.parse(Files.readAllBytes(file));
        for (List<String> row : rows.subList(1, rows.size())) {
            vs.add(Long.parseLong(row.get(0)));
        }
        return vs;
    }

    /** Offsets 0..14 whose instant (offset in the unit after T0) the predicate on nanoseconds after T0 accepts. */
    static List<Long> expected(long nanosPerUnit, LongPredicate nanosAfterT0) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < 15; i++) {
            if (nanosAfterT0.test(i * nanosPerUnit)) {
                out.add(i);
            }
        }
        return out;
    }

    void check(String table, String unit, long nanosPerUnit, String condition, LongPredicate accepts) throws Exception {
        Path out = dir.resolve(table + Math.abs(condition.hashCode()));
        RunResult r = E2e.run(job(table, unit, condition, out));
        assertTrue(r.succeeded(), condition + ": " + r.errorMessage());
        assertEquals(expected(nanosPerUnit, accepts), exported(out, table), condition);
    }

    static final long S = 1_000_000_000L;

    @Test
    void boundsFinerThanSecondsSelectWhatTheySayInEveryOperator() throws Exception {
        check("subs", "s", S, "{\"gte\": \"2024-01-01T00:00:05.5Z\", \"lt\": \"2024-01-01T00:00:08.5Z\"}",
            n -> n >= 5_500_000_000L && n < 8_500_000_000L);
        check("subs", "s", S, "{\"gt\": \"2024-01-01T00:00:05.5Z\", \"lte\": \"2024-01-01T00:00:08.5Z\"}",
            n -> n > 5_500_000_000L && n <= 8_500_000_000L);
        check("subs", "s", S, "{\"between\": [\"2024-01-01T00:00:05.5Z\", \"2024-01-01T00:00:08.5Z\"]}",
            n -> n >= 5_500_000_000L && n <= 8_500_000_000L);
        check("subs", "s", S, "{\"gt\": \"2024-01-01T00:00:05Z\", \"lte\": \"2024-01-01T00:00:08Z\"}",
            n -> n > 5 * S && n <= 8 * S);
        // a window between two bounds of one second holds none
        check("subs", "s", S, "{\"gte\": \"2024-01-01T00:00:05.2Z\", \"lt\": \"2024-01-01T00:00:05.8Z\"}", n -> false);
    }

    @Test
    void microsecondBoundsOnMilliseconds() throws Exception {
        long ms = 1_000_000L;
        check("subms", "ms", ms, "{\"gte\": \"2024-01-01T00:00:00.005500Z\", \"lt\": \"2024-01-01T00:00:00.008500Z\"}",
            n -> n >= 5_500_000L && n < 8_500_000L);
        check("subms", "ms", ms, "{\"gt\": \"2024-01-01T00:00:00.005500Z\", \"lte\": \"2024-01-01T00:00:00.010001Z\"}",
            n -> n > 5_500_000L && n <= 10_001_000L);
    }

    /** Windows cut at fractions tile: every row in exactly one of them, in order. */
    @Test
    void incrementalWindowsCutAtFractionsTile() throws Exception {
        Path out = dir.resolve("inc");
        String[] bounds = {"00:00:01.5", "00:00:05.5", "00:00:08.5", "00:00:11.5"};
        for (int w = 0; w + 1 < bounds.length; w++) {
            JSONObject job = job("subs", "s", "{\"gte\": \"2024-01-01T" + bounds[w] + "Z\", \"lt\": \"2024-01-01T" + bounds[w + 1] + "Z\"}", out);
            E2e.readerOf(job).put("resume", true);
            E2e.writerOf(job).put("writeMode", "append");
            RunResult r = E2e.run(job);
            assertTrue(r.succeeded(), bounds[w] + ": " + r.errorMessage());
        }
        assertEquals(expected(S, n -> n >= 1_500_000_000L && n < 11_500_000_000L), exported(out, "subs"));
    }

    /** eq on a time the unit cannot hold is refused before anything runs. */
    @Test
    void anEqualityFinerThanTheUnitIsRefused() {
        Path out = dir.resolve("eq");
        RunResult r = E2e.run(job("subs", "s", "{\"eq\": \"2024-01-01T00:00:05.5Z\"}", out));
        assertFalse(r.succeeded());
        assertEquals("OtsRangeReader-01", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("parameter.filters.ct.eq") && r.errorMessage().contains("finer than the timeUnit"),
                r.errorMessage());
        assertFalse(Files.exists(out.resolve("k_subs_2024.csv")));
    }
}
