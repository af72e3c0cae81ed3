package com.otsrange.e2e;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.runner.RunResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows exported for random filters on random small tables == a brute-force filter over the same
 * rows (then grouped into files by key and UTC year, in primary-key order).
 */
class RangeDerivationPropertyTest {
    static E2e e2e;
    static int tables;
    static final long EDGE = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final String[] KEYS = {"a", "b", "c/d", "e"};

    static synchronized E2e emu() throws Exception {
        if (e2e == null) {
            e2e = new E2e();
        }
        return e2e;
    }

    @AfterContainer
    static void stop() {
        if (e2e != null) {
            e2e.close();
            e2e = null;
        }
    }

    /** One generated condition: JSON for the job and the predicate it means. */
    static final class Cond {
        final String op;
        final Object json;
        final LongPredicate test;

        Cond(String op, Object json, LongPredicate test) {
            this.op = op;
            this.json = json;
            this.test = test;
        }
    }

    static Cond condition(Random rnd, long[] domain) {
        long a = domain[rnd.nextInt(domain.length)];
        long b = domain[rnd.nextInt(domain.length)];
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        switch (rnd.nextInt(9)) {
            case 0: return new Cond("eq", a, x -> x == a);
            case 1: return new Cond("ne", a, x -> x != a);
            case 2: return new Cond("gt", a, x -> x > a);
            case 3: return new Cond("gte", a, x -> x >= a);
            case 4: return new Cond("lt", a, x -> x < a);
            case 5: return new Cond("lte", a, x -> x <= a);
            case 6: return new Cond("in", new JSONArray(Arrays.<Object>asList(a, b)), x -> x == a || x == b);
            case 7: return new Cond("notIn", new JSONArray(Arrays.<Object>asList(a, b)), x -> x != a && x != b);
            default: return new Cond("between", new JSONArray(Arrays.<Object>asList(lo, hi)), x -> x >= lo && x <= hi);
        }
    }

    @Property(tries = 30)
    void exportedRowsEqualBruteForce(@ForAll long seed) throws Exception {
        E2e emu = emu();
        Random rnd = new Random(seed);
        String table = "prop" + (++tables);
        emu.createTable(table, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER, "seq", PrimaryKeyType.INTEGER);
        long[] times = new long[8];
        for (int i = 0; i < times.length; i++) {
            times[i] = rnd.nextBoolean() ? EDGE + rnd.nextInt(41) - 20 : EDGE + (long) ((rnd.nextDouble() - 0.5) * 3 * 365 * 86_400_000L);
        }
        List<E2e.SrcRow> rows = new ArrayList<>();
        int n = rnd.nextInt(40);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            String k = KEYS[rnd.nextInt(KEYS.length)];
            long t = times[rnd.nextInt(times.length)];
            long seq = rnd.nextInt(4);
            if (seen.add(k + "|" + t + "|" + seq)) {
                rows.add(new E2e.SrcRow(Arrays.<Object>asList(k, t, seq), E2e.attrs("v", (long) rnd.nextInt(10))));
            }
        }
        emu.load(table, Arrays.asList("id", "ct", "seq"), rows);

        List<String> taskKeys = new ArrayList<>();
        for (String k : KEYS) {
            if (rnd.nextInt(3) > 0) {
                taskKeys.add(k);
            }
        }
        taskKeys.add("zz-no-rows");
        JSONObject filters = new JSONObject(true);
        // the sort key always gets one condition (the reader needs it to bound time), others maybe
        Cond ct = condition(rnd, times);
        filters.put("ct", new JSONObject().fluentPut(ct.op, ct.json));
        Cond seq = rnd.nextBoolean() ? condition(rnd, new long[] {0, 1, 2, 3}) : null;
        if (seq != null) {
            filters.put("seq", new JSONObject().fluentPut(seq.op, seq.json));
        }
        Cond v = rnd.nextBoolean() ? condition(rnd, new long[] {0, 3, 5, 9}) : null;
        if (v != null) {
            filters.put("v", new JSONObject().fluentPut(v.op, v.json));
        }
        JSONObject reader = emu.reader(table, taskKeys, Arrays.asList("ct", "seq", "v"));
        reader.put("filters", filters);
        Path out = Files.createTempDirectory("prop");
        try {
            RunResult r = E2e.run(E2e.job(reader, E2e.writer(out), 2));
            assertTrue(r.succeeded(), filters + ": " + r.failure());

            Map<String, List<String>> expected = new TreeMap<>();
            List<E2e.SrcRow> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing((E2e.SrcRow x) -> (String) x.pk.get(0)).thenComparingLong(x -> (Long) x.pk.get(1))
                    .thenComparingLong(x -> (Long) x.pk.get(2)));
            for (E2e.SrcRow row : sorted) {
                String k = (String) row.pk.get(0);
                long t = (Long) row.pk.get(1);
                long s = (Long) row.pk.get(2);
                long val = (Long) row.attrs.get("v");
                if (taskKeys.contains(k) && ct.test.test(t) && (seq == null || seq.test.test(s)) && (v == null || v.test.test(val))) {
                    String file = E2e.encodeKey(k) + "_" + table + "_" + OffsetDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC).getYear() + ".csv";
                    expected.computeIfAbsent(file, x -> new ArrayList<>()).add(t + "," + s + "," + val);
                }
            }
            Map<String, List<String>> actual = new TreeMap<>();
            for (Map.Entry<String, byte[]> f : E2e.snapshot(out).entrySet()) {
                List<List<String>> parsed = E2e.parse(f.getValue());
                assertEquals(Arrays.asList("ct", "seq", "v"), parsed.get(0));
                List<String> got = new ArrayList<>();
                for (List<String> row : parsed.subList(1, parsed.size())) {
                    got.add(OffsetDateTime.parse(row.get(0)).toInstant().toEpochMilli() + "," + row.get(1) + "," + row.get(2));
                }
                actual.put(f.getKey(), got);
            }
            assertEquals(expected, actual, "filters " + filters + " tasks " + taskKeys);
        } finally {
            KillResumeTest.deleteTree(out);
            emu.deleteTable(table);
        }
    }
}
