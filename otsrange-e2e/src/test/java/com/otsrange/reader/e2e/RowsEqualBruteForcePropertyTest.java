package com.otsrange.reader.e2e;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.testkit.Oracle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: for random data, layout and filters, the rows exported equal a brute-force filter over
 * the same data, on both read paths (GetRange and BulkExport) and with 1 to 4 requests in flight.
 */
class RowsEqualBruteForcePropertyTest {
    static Emu emu;
    static int tables;

    @BeforeContainer
    static void start() throws Exception {
        emu = new Emu("getRange");
    }

    @AfterContainer
    static void stop() {
        emu.close();
    }

    static final String[] OPS = {"eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "between"};

    static Object literal(Random r, String op, boolean dbl) {
        if (op.equals("in") || op.equals("notIn")) {
            List<Object> l = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                l.add(dbl ? (Object) (r.nextInt(10) / 2.0) : (Object) (long) r.nextInt(5));
            }
            return l;
        }
        if (op.equals("between")) {
            long a = r.nextInt(5);
            return Arrays.<Object>asList(a, a + r.nextInt(3));
        }
        return dbl ? (Object) (r.nextInt(10) / 2.0) : (Object) (long) r.nextInt(5);
    }

    @Property(tries = 25)
    void exportedRowsEqualBruteForce(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        String table = "p" + (++tables);
        boolean third = r.nextBoolean();
        List<String> pk = third ? Arrays.asList("id", "dim", "ct") : Arrays.asList("id", "ct", "dim");
        emu.createTable(table, pk.get(0), PrimaryKeyType.STRING, pk.get(1), PrimaryKeyType.INTEGER, pk.get(2), PrimaryKeyType.INTEGER);
        long base = 1700000000000L;
        Map<List<Object>, Emu.SrcRow> unique = new LinkedHashMap<>();
        int n = 20 + r.nextInt(120);
        for (int i = 0; i < n; i++) {
            String id = "k" + r.nextInt(3);
            long ct = base + (long) r.nextInt(800) * 86_400_000L;
            long dim = r.nextInt(5);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("v", r.nextInt(4) == 0 ? null : (long) r.nextInt(5));
            a.put("d", r.nextInt(4) == 0 ? null : (r.nextBoolean() ? (Object) (r.nextInt(10) / 2.0) : (Object) (long) r.nextInt(5)));
            List<Object> key = third ? Arrays.<Object>asList(id, dim, ct) : Arrays.<Object>asList(id, ct, dim);
            unique.put(key, new Emu.SrcRow(key, a));
        }
        List<Emu.SrcRow> rows = new ArrayList<>(unique.values());
        emu.load(table, pk, rows);

        Map<String, Object> filters = new LinkedHashMap<>();
        for (String col : Arrays.asList("dim", "v", "d")) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            String op = OPS[r.nextInt(OPS.length)];
            Map<String, Object> c = new LinkedHashMap<>();
            c.put(op, literal(r, op, col.equals("d")));
            filters.put(col, c);
        }
        Map<String, Object> ct = new LinkedHashMap<>();
        ct.put("gte", base + (long) r.nextInt(300) * 86_400_000L);
        ct.put("lt", base + (long) (400 + r.nextInt(400)) * 86_400_000L);
        ct.put("chunkBy", new String[] {"year", "month", "day"}[r.nextInt(3)]);
        filters.put("ct", ct);

        Map<String, List<String>> tasks = new LinkedHashMap<>();
        tasks.put("k0", Arrays.asList("v", "d"));
        tasks.put("k2", Arrays.asList("d"));
        Map<String, Object> p = Jobs.reader(emu, table);
        p.put("schema", Map.of("partitionKey", "id", "sortKey", "ct"));
        p.put("filters", filters);
        p.put("appendColumns", Arrays.asList("ct", "dim"));
        int pageSize = 1 + r.nextInt(40);
        p.put("pageSize", pageSize);
        p.put("parallelReads", 1 + r.nextInt(4));
        p.put("tasks", Map.of("source", "inline", "definitions", tasks));
        int channels = 1 + r.nextInt(3);
        Object expected = Oracle.expected(rows, pk, "id", "ct", tasks, Arrays.asList("ct", "dim"), filters, null, ZoneId.of("UTC"));
        emu.emulator.setBulkExportRowsPerAnswer(pageSize);
        for (String api : Arrays.asList("getRange", "bulkExport")) {
            p.put("readApi", api);
            Jobs.Outcome o = Jobs.run(p, channels);
            assertTrue(o.result.succeeded(), () -> api + " " + filters + ": " + o.result.failure());
            assertEquals(expected, Oracle.actual(o.records), () -> api + ": layout " + pk + " filters " + filters);
        }
    }
}
