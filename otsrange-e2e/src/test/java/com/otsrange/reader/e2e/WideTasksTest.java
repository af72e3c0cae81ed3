package com.otsrange.reader.e2e;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.testkit.Oracle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tasks of more than 128 columns: GetRange takes at most 128 names in columns_to_get (the
 * service's limit, which the emulator enforces), BulkExport 1024. Every read path must export the
 * same records, and leave out exactly the rows TableStore leaves out when it is given the columns:
 * a row with none of the requested columns.
 */
class WideTasksTest {
    static final long T = 1672531200000L; // 2023-01-01T00:00:00Z
    static final long DAY = 86_400_000L;
    static final List<String> PK = Arrays.asList("id", "ct");
    static final int COLUMNS = 300;

    static Emu withBulk;
    static Emu withoutBulk;
    static final List<Emu.SrcRow> ROWS = new ArrayList<>();

    static String col(int i) {
        return String.format("c%03d", i);
    }

    static List<String> columns(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(col(i));
        }
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        withBulk = new Emu("auto");
        withoutBulk = new Emu("auto", Collections.singleton("BulkExport"));
        for (String key : Arrays.asList("k129", "k300", "k200")) {
            for (int i = 0; i < 40; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                switch (i % 6) {
                    case 0: // primary key only
                        break;
                    case 1: // only a column no task asks for
                        a.put("zz", "other " + i);
                        break;
                    case 2: // only the last column of the widest task
                        a.put(col(COLUMNS - 1), (long) i);
                        break;
                    case 3: // only the 129th column: past the first 128 names of k129
                        a.put(col(128), i * 0.5);
                        break;
                    case 4:
                        for (int c = 0; c < COLUMNS; c++) {
                            a.put(col(c), c % 3 == 0 ? (Object) ("s" + c + "," + i) : c % 3 == 1 ? (Object) (long) (c * 1000 + i) : (Object) (c + i * 0.25));
                        }
                        break;
                    default:
                        for (int c = i % 7; c < COLUMNS; c += 7) {
                            a.put(col(c), (long) c);
                        }
                        a.put("zz", "z");
                }
                ROWS.add(new Emu.SrcRow(Arrays.<Object>asList(key, T + i * 20 * DAY), a));
            }
        }
        for (Emu e : Arrays.asList(withBulk, withoutBulk)) {
            e.createTable("wide", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
            e.load("wide", PK, ROWS);
        }
    }

    @AfterAll
    static void stop() {
        withBulk.close();
        withoutBulk.close();
    }

    static Map<String, List<String>> tasks() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("k129", columns(0, 129));
        t.put("k300", columns(0, COLUMNS));
        List<String> reversed = columns(100, COLUMNS);
        Collections.reverse(reversed);
        t.put("k200", reversed);
        return t;
    }

    static Map<String, Object> job(Emu e, String readApi, List<String> append) {
        Map<String, Object> p = Jobs.reader(e, "wide");
        p.put("readApi", readApi);
        Map<String, Object> ct = new LinkedHashMap<>();
        ct.put("gte", "2023-01-01");
        ct.put("lt", "2026-01-01");
        p.put("filters", Collections.singletonMap("ct", ct));
        p.put("appendColumns", append);
        Map<String, Object> defs = new LinkedHashMap<>(tasks());
        p.put("tasks", new LinkedHashMap<String, Object>(Map.of("source", "inline", "definitions", defs)));
        return p;
    }

    static Map<String, List<List<String>>> expected(List<String> append) {
        return Oracle.expected(ROWS, PK, "id", "ct", tasks(), append, Collections.<String, Object>emptyMap(), null, ZoneOffset.UTC);
    }

    static Map<String, List<List<String>>> run(Emu e, String readApi, List<String> append) {
        Jobs.Outcome o = Jobs.run(job(e, readApi, append), 2);
        assertTrue(o.result.succeeded(), readApi + ": " + o.result.errorCode() + " " + o.result.errorMessage());
        return Oracle.actual(o.records);
    }

    @Test
    void everyReadPathExportsTheSameRowsAsTableStoreWouldGive() {
        Map<String, List<List<String>>> expected = expected(Collections.<String>emptyList());
        int rows = 0;
        for (List<List<String>> unit : expected.values()) {
            rows += unit.size();
        }
        // left out: 7 rows per key without attributes, 7 with only "zz", and k129's 7 rows with only c299
        assertEquals(3 * 40 - 3 * 7 - 3 * 7 - 7, rows, "the oracle's count");
        long getRangesBefore = withBulk.emulator.stats().requests("GetRange");
        assertEquals(expected, run(withBulk, "getRange", Collections.<String>emptyList()), "getRange");
        assertTrue(withBulk.emulator.stats().requests("GetRange") > getRangesBefore, "read with GetRange");
        assertEquals(expected, run(withoutBulk, "auto", Collections.<String>emptyList()), "auto without BulkExport");
        assertEquals(expected, run(withBulk, "bulkExport", Collections.<String>emptyList()), "bulkExport");
        assertEquals(expected, run(withBulk, "auto", Collections.<String>emptyList()), "auto");
    }

    @Test
    void withTheSortKeyInTheHeaderEveryRowInRangeIsExported() {
        List<String> append = Collections.singletonList("ct");
        Map<String, List<List<String>>> expected = expected(append);
        int rows = 0;
        for (List<List<String>> unit : expected.values()) {
            rows += unit.size();
        }
        assertEquals(3 * 40, rows, "the oracle's count");
        assertEquals(expected, run(withBulk, "getRange", append), "getRange");
        assertEquals(expected, run(withoutBulk, "auto", append), "auto without BulkExport");
        assertEquals(expected, run(withBulk, "bulkExport", append), "bulkExport");
    }
}
