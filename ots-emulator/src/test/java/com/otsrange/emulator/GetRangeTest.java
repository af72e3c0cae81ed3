package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.*;
import com.alicloud.openservices.tablestore.model.filter.ColumnPaginationFilter;
import com.alicloud.openservices.tablestore.model.filter.CompositeColumnValueFilter;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * GetRange semantics checked against a brute-force model of the rows the test wrote: key order
 * (signed integers, strings and binary by unsigned bytes), bounds, directions, paging, versions,
 * time ranges, column selection and filters.
 */
class GetRangeTest {
    static EmulatorFixture f;
    static final String T = "rng";
    /** Model: every written row, PK as [String a, Long b, byte[] c], attributes name -> versions (ts -> value). */
    static final List<ModelRow> rows = new ArrayList<>();
    static final long BASE_TS = 1_600_000_000_000L;

    record ModelRow(String a, long b, byte[] c, Map<String, TreeMap<Long, ColumnValue>> cols) {
    }

    static final Comparator<ModelRow> ORDER = (x, y) -> {
        int r = Arrays.compareUnsigned(x.a.getBytes(StandardCharsets.UTF_8), y.a.getBytes(StandardCharsets.UTF_8));
        if (r != 0) return r;
        r = Long.compare(x.b, y.b);
        if (r != 0) return r;
        return Arrays.compareUnsigned(x.c, y.c);
    };

    @BeforeAll
    static void load() throws Exception {
        f = new EmulatorFixture();
        f.createTable(T, 3, "a", PrimaryKeyType.STRING, "b", PrimaryKeyType.INTEGER, "c", PrimaryKeyType.BINARY);
        Random rnd = new Random(42);
        String[] as = {"", "a", "a\u0000", "a\u0000b", "ab", "b", "\u00e9t\u00e9", "\uD83D\uDE00", "z", "Z", "_"};
        long[] bs = {Long.MIN_VALUE, -5, -1, 0, 1, 7, 1000, Long.MAX_VALUE};
        byte[][] cs = {{}, {0}, {1}, {(byte) 0x7f}, {(byte) 0x80}, {(byte) 0xff}, {(byte) 0xff, 0}, {0, (byte) 0xff}};
        Set<String> seen = new HashSet<>();
        List<RowPutChange> puts = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String a = as[rnd.nextInt(as.length)];
            long b = rnd.nextInt(4) == 0 ? bs[rnd.nextInt(bs.length)] : rnd.nextInt(200) - 100;
            byte[] c = cs[rnd.nextInt(cs.length)];
            if (!seen.add(a + "|" + b + "|" + Arrays.toString(c))) continue;
            Map<String, TreeMap<Long, ColumnValue>> cols = new TreeMap<>();
            RowPutChange p = new RowPutChange(T, pk(a, b, c));
            int versions = 1 + rnd.nextInt(3);
            for (String col : new String[] {"i", "d", "s", "flag", "bin"}) {
                if (rnd.nextInt(5) == 0) continue; // some rows miss some columns
                for (int v = 0; v < versions; v++) {
                    long ts = BASE_TS + v * 1000L + rnd.nextInt(500);
                    ColumnValue val;
                    switch (col) {
                        case "i":
                            val = ColumnValue.fromLong(rnd.nextInt(100) - 50);
                            break;
                        case "d":
                            val = ColumnValue.fromDouble(rnd.nextInt(1000) / 10.0);
                            break;
                        case "s":
                            val = ColumnValue.fromString("v" + rnd.nextInt(20));
                            break;
                        case "flag":
                            val = ColumnValue.fromBoolean(rnd.nextBoolean());
                            break;
                        default: val = ColumnValue.fromBinary(new byte[] {(byte) rnd.nextInt(256)});
                    }
                    if (cols.computeIfAbsent(col, k -> new TreeMap<>()).put(ts, val) != null) continue;
                    p.addColumn(col, val, ts);
                }
            }
            rows.add(new ModelRow(a, b, c, cols));
            puts.add(p);
        }
        for (int i = 0; i < puts.size(); i += 150) {
            BatchWriteRowRequest bw = new BatchWriteRowRequest();
            puts.subList(i, Math.min(puts.size(), i + 150)).forEach(bw::addRowChange);
            assertTrue(f.client.batchWriteRow(bw).isAllSucceed());
        }
        rows.sort(ORDER);
    }

    @AfterAll
    static void stop() { f.close(); }

    static PrimaryKey pk(String a, long b, byte[] c) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("a", PrimaryKeyValue.fromString(a))
            .addPrimaryKeyColumn("b", PrimaryKeyValue.fromLong(b)).addPrimaryKeyColumn("c", PrimaryKeyValue.fromBinary(c)).build();
    }

    static PrimaryKey pk(PrimaryKeyValue a, PrimaryKeyValue b, PrimaryKeyValue c) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("a", a).addPrimaryKeyColumn("b", b)
            .addPrimaryKeyColumn("c", c).build();
    }

    static RangeRowQueryCriteria criteria(PrimaryKey start, PrimaryKey end, Direction dir) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(T);
        c.setInclusiveStartPrimaryKey(start);
        c.setExclusiveEndPrimaryKey(end);
        c.setDirection(dir);
        c.setMaxVersions(1);
        return c;
    }

    /** Pages through the whole range; also returns the page count in pages[0]. */
    static List<Row> scan(SyncClient client, RangeRowQueryCriteria c, int[] pages) {
        List<Row> out = new ArrayList<>();
        while (true) {
            GetRangeResponse r = client.getRange(new GetRangeRequest(c));
            out.addAll(r.getRows());
            if (pages != null) pages[0]++;
            if (r.getNextStartPrimaryKey() == null) return out;
            c.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
    }

    static String key(Row r) {
        PrimaryKeyColumn[] k = r.getPrimaryKey().getPrimaryKeyColumns();
        return k[0].getValue().asString() + "|" + k[1].getValue().asLong() + "|" + Arrays.toString(k[2].getValue().asBinary());
    }

    static String key(ModelRow m) { return m.a + "|" + m.b + "|" + Arrays.toString(m.c); }

    /** Model bound: -1 below every key, 1 above; compares a model row with a (possibly INF) bound. */
    static int cmpBound(ModelRow m, PrimaryKey bound) {
        PrimaryKeyColumn[] k = bound.getPrimaryKeyColumns();
        for (int i = 0; i < 3; i++) {
            PrimaryKeyValue v = k[i].getValue();
            if (v.isInfMin()) return 1;
            if (v.isInfMax()) return -1;
            int r;
            if (i == 0) {
                r = Arrays.compareUnsigned(m.a.getBytes(StandardCharsets.UTF_8), v.asString().getBytes(StandardCharsets.UTF_8));
            } else if (i == 1) {
                r = Long.compare(m.b, v.asLong());
            } else {
                r = Arrays.compareUnsigned(m.c, v.asBinary());
            }
            if (r != 0) return r;
        }
        return 0;
    }

    static List<String> expected(PrimaryKey start, PrimaryKey end, Direction dir, Predicate<ModelRow> keep) {
        List<ModelRow> sel = new ArrayList<>();
        for (ModelRow m : rows) {
            boolean in = dir == Direction.FORWARD ? cmpBound(m, start) >= 0 && cmpBound(m, end) < 0
                : cmpBound(m, start) <= 0 && cmpBound(m, end) > 0;
            if (in && keep.test(m)) sel.add(m);
        }
        if (dir == Direction.BACKWARD) Collections.reverse(sel);
        return sel.stream().map(GetRangeTest::key).collect(Collectors.toList());
    }

    static PrimaryKeyValue randomA(Random r) {
        switch (r.nextInt(6)) {
            case 0: return PrimaryKeyValue.INF_MIN;
            case 1: return PrimaryKeyValue.INF_MAX;
            default: return PrimaryKeyValue.fromString(rows.get(r.nextInt(rows.size())).a + (r.nextBoolean() ? "" : "\u0000"));
        }
    }

    static PrimaryKey randomBound(Random r) {
        ModelRow m = rows.get(r.nextInt(rows.size()));
        switch (r.nextInt(5)) {
            case 0: return pk(randomA(r), PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
            case 1: return pk(PrimaryKeyValue.fromString(m.a), PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MIN);
            case 2: return pk(PrimaryKeyValue.fromString(m.a), PrimaryKeyValue.fromLong(m.b), PrimaryKeyValue.INF_MAX);
            case 3: return pk(PrimaryKeyValue.fromString(m.a), PrimaryKeyValue.fromLong(m.b + r.nextInt(3) - 1), PrimaryKeyValue.fromBinary(m.c));
            default: return pk(m.a, m.b, m.c);
        }
    }

    @Test
    void fullScanIsInServerOrderBothWays() {
        PrimaryKey min = pk(PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        PrimaryKey max = pk(PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX);
        List<String> fwd = scan(f.client, criteria(min, max, Direction.FORWARD), null).stream().map(GetRangeTest::key).collect(Collectors.toList());
        assertEquals(expected(min, max, Direction.FORWARD, m -> true), fwd);
        List<String> bwd = scan(f.client, criteria(max, min, Direction.BACKWARD), null).stream().map(GetRangeTest::key).collect(Collectors.toList());
        assertEquals(expected(max, min, Direction.BACKWARD, m -> true), bwd);
        assertEquals(rows.size(), fwd.size());
    }

    @Test
    void randomBoundsWithLimitsMatchTheModel() {
        Random r = new Random(7);
        int checked = 0;
        for (int i = 0; i < 150; i++) {
            PrimaryKey s = randomBound(r);
            PrimaryKey e = randomBound(r);
            int cmp = compareBounds(s, e);
            if (cmp == 0) continue;
            Direction dir = cmp < 0 ? Direction.FORWARD : Direction.BACKWARD;
            RangeRowQueryCriteria c = criteria(s, e, dir);
            int limit = 1 + r.nextInt(40);
            c.setLimit(limit);
            int[] pages = {0};
            List<String> got = scan(f.client, c, pages).stream().map(GetRangeTest::key).collect(Collectors.toList());
            List<String> want = expected(s, e, dir, m -> true);
            assertEquals(want, got, "range " + s + " .. " + e + " " + dir);
            assertTrue(pages[0] >= (want.size() + limit - 1) / limit);
            checked++;
        }
        assertTrue(checked > 100);
    }

    /** Compares two bounds the way the server orders them (INF_MIN lowest, INF_MAX highest). */
    static int compareBounds(PrimaryKey x, PrimaryKey y) {
        PrimaryKeyColumn[] a = x.getPrimaryKeyColumns();
        PrimaryKeyColumn[] b = y.getPrimaryKeyColumns();
        for (int i = 0; i < 3; i++) {
            int r = rank(a[i].getValue()) - rank(b[i].getValue());
            if (r != 0) return r;
            if (a[i].getValue().isInfMin() || a[i].getValue().isInfMax()) return 0;
            PrimaryKeyValue u = a[i].getValue();
            PrimaryKeyValue v = b[i].getValue();
            if (i == 0) {
                r = Arrays.compareUnsigned(u.asString().getBytes(StandardCharsets.UTF_8), v.asString().getBytes(StandardCharsets.UTF_8));
            } else if (i == 1) {
                r = Long.compare(u.asLong(), v.asLong());
            } else {
                r = Arrays.compareUnsigned(u.asBinary(), v.asBinary());
            }
            if (r != 0) return r;
        }
        return 0;
    }

    static int rank(PrimaryKeyValue v) { return v.isInfMin() ? -1 : v.isInfMax() ? 1 : 0; }

    @Test
    void versionsTimeRangeAndColumns() {
        PrimaryKey min = pk(PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        PrimaryKey max = pk(PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX);
        // max_versions 2, columns i and s
        RangeRowQueryCriteria c = criteria(min, max, Direction.FORWARD);
        c.setMaxVersions(2);
        c.addColumnsToGet(new String[] {"i", "s"});
        Map<String, Row> got = byKey(scan(f.client, c, null));
        List<String> want = expected(min, max, Direction.FORWARD, m -> m.cols.containsKey("i") || m.cols.containsKey("s"));
        assertEquals(new TreeSet<>(want), got.keySet());
        for (ModelRow m : rows) {
            Row row = got.get(key(m));
            if (row == null) continue;
            for (String col : new String[] {"i", "s"}) {
                TreeMap<Long, ColumnValue> vs = m.cols.get(col);
                List<Column> cols = row.getColumn(col);
                if (vs == null) {
                    assertTrue(cols.isEmpty());
                    continue;
                }
                List<Long> wantTs = new ArrayList<>(vs.descendingKeySet()).subList(0, Math.min(2, vs.size()));
                assertEquals(wantTs, cols.stream().map(Column::getTimestamp).collect(Collectors.toList()));
                assertEquals(vs.get(wantTs.get(0)), cols.get(0).getValue());
            }
            assertTrue(row.getColumn("d").isEmpty());
        }
        // time range [BASE_TS + 1000, BASE_TS + 2000): only the second version of each column
        RangeRowQueryCriteria t = new RangeRowQueryCriteria(T); // time range only, no max versions: every version in range
        t.setInclusiveStartPrimaryKey(min);
        t.setExclusiveEndPrimaryKey(max);
        t.setTimeRange(new TimeRange(BASE_TS + 1000, BASE_TS + 2000));
        Map<String, Row> tr = byKey(scan(f.client, t, null));
        Predicate<ModelRow> hasVersion = m -> m.cols.values().stream().anyMatch(v -> !v.subMap(BASE_TS + 1000, BASE_TS + 2000).isEmpty());
        assertEquals(new TreeSet<>(expected(min, max, Direction.FORWARD, hasVersion)), tr.keySet());
        for (ModelRow m : rows) {
            Row row = tr.get(key(m));
            if (row == null) continue;
            for (Column col : row.getColumns()) {
                assertTrue(col.getTimestamp() >= BASE_TS + 1000 && col.getTimestamp() < BASE_TS + 2000);
                assertEquals(m.cols.get(col.getName()).get(col.getTimestamp()), col.getValue());
            }
        }
    }

    @Test
    void startAndEndColumnAndPagination() {
        PrimaryKey min = pk(PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        PrimaryKey max = pk(PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX);
        RangeRowQueryCriteria c = criteria(min, max, Direction.FORWARD);
        c.setStartColumn("d");
        c.setEndColumn("i"); // d, flag
        for (Row row : scan(f.client, c, null)) {
            for (Column col : row.getColumns()) assertTrue(col.getName().equals("d") || col.getName().equals("flag"), col.getName());
        }
        RangeRowQueryCriteria p = criteria(min, max, Direction.FORWARD);
        p.setFilter(new ColumnPaginationFilter(2, 1)); // second and third column by name
        Map<String, Row> got = byKey(scan(f.client, p, null));
        for (ModelRow m : rows) {
            List<String> names = new ArrayList<>(new TreeSet<>(m.cols.keySet()));
            List<String> want = names.subList(Math.min(1, names.size()), Math.min(3, names.size()));
            Row row = got.get(key(m));
            List<String> have = row == null ? List.of() : Arrays.stream(row.getColumns()).map(Column::getName).collect(Collectors.toList());
            assertEquals(want, have, key(m));
        }
    }

    static Map<String, Row> byKey(List<Row> rs) {
        Map<String, Row> m = new TreeMap<>();
        for (Row r : rs) m.put(key(r), r);
        return m;
    }

    static boolean single(ModelRow m, String col, SingleColumnValueFilter.CompareOperator op, ColumnValue v,
                          boolean passIfMissing, boolean latestOnly) {
        TreeMap<Long, ColumnValue> vs = m.cols.get(col);
        if (vs == null) return passIfMissing;
        Collection<ColumnValue> cand = latestOnly ? List.of(vs.lastEntry().getValue()) : vs.values();
        for (ColumnValue x : cand) {
            if (x.getType() != v.getType()) continue;
            int c = x.compareTo(v);
            boolean ok;
            switch (op) {
                case EQUAL:
                    ok = c == 0;
                    break;
                case NOT_EQUAL:
                    ok = c != 0;
                    break;
                case GREATER_THAN:
                    ok = c > 0;
                    break;
                case GREATER_EQUAL:
                    ok = c >= 0;
                    break;
                case LESS_THAN:
                    ok = c < 0;
                    break;
                default: ok = c <= 0;
            }
            if (ok) return true;
        }
        return false;
    }

    @Test
    void filtersMatchTheModel() {
        PrimaryKey min = pk(PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        PrimaryKey max = pk(PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX);
        for (SingleColumnValueFilter.CompareOperator op : SingleColumnValueFilter.CompareOperator.values()) {
            if (op.name().contains("EXIST")) continue;
            for (boolean pass : new boolean[] {true, false}) {
                for (boolean latest : new boolean[] {true, false}) {
                    SingleColumnValueFilter sf = new SingleColumnValueFilter("i", op, ColumnValue.fromLong(0));
                    sf.setPassIfMissing(pass);
                    sf.setLatestVersionsOnly(latest);
                    RangeRowQueryCriteria c = criteria(min, max, Direction.FORWARD);
                    c.setMaxVersions(3);
                    c.setFilter(sf);
                    List<String> got = scan(f.client, c, null).stream().map(GetRangeTest::key).collect(Collectors.toList());
                    assertEquals(expected(min, max, Direction.FORWARD,
                        m -> single(m, "i", op, ColumnValue.fromLong(0), pass, latest)), got, op + " pass=" + pass + " latest=" + latest);
                }
            }
        }
        // composite: NOT (s == "v3") AND (d > 50.0 OR flag == true)
        SingleColumnValueFilter s3 = new SingleColumnValueFilter("s", SingleColumnValueFilter.CompareOperator.EQUAL, ColumnValue.fromString("v3"));
        SingleColumnValueFilter d50 = new SingleColumnValueFilter("d", SingleColumnValueFilter.CompareOperator.GREATER_THAN, ColumnValue.fromDouble(50.0));
        d50.setPassIfMissing(false);
        SingleColumnValueFilter ft = new SingleColumnValueFilter("flag", SingleColumnValueFilter.CompareOperator.EQUAL, ColumnValue.fromBoolean(true));
        ft.setPassIfMissing(false);
        CompositeColumnValueFilter not = new CompositeColumnValueFilter(CompositeColumnValueFilter.LogicOperator.NOT);
        not.addFilter(s3);
        CompositeColumnValueFilter or = new CompositeColumnValueFilter(CompositeColumnValueFilter.LogicOperator.OR);
        or.addFilter(d50);
        or.addFilter(ft);
        CompositeColumnValueFilter and = new CompositeColumnValueFilter(CompositeColumnValueFilter.LogicOperator.AND);
        and.addFilter(not);
        and.addFilter(or);
        RangeRowQueryCriteria c = criteria(min, max, Direction.BACKWARD);
        c.setInclusiveStartPrimaryKey(max);
        c.setExclusiveEndPrimaryKey(min);
        c.setFilter(and);
        List<String> got = scan(f.client, c, null).stream().map(GetRangeTest::key).collect(Collectors.toList());
        Predicate<ModelRow> want = m -> !single(m, "s", SingleColumnValueFilter.CompareOperator.EQUAL, ColumnValue.fromString("v3"), true, true)
            && (single(m, "d", SingleColumnValueFilter.CompareOperator.GREATER_THAN, ColumnValue.fromDouble(50.0), false, true)
            || single(m, "flag", SingleColumnValueFilter.CompareOperator.EQUAL, ColumnValue.fromBoolean(true), false, true));
        assertEquals(expected(max, min, Direction.BACKWARD, want), got);
        assertFalse(got.isEmpty());
    }

    @Test
    void badRangesAreRejected() {
        PrimaryKey lo = pk(PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        PrimaryKey hi = pk(PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX);
        TableStoreException e = assertThrows(TableStoreException.class,
            () -> f.client.getRange(new GetRangeRequest(criteria(hi, lo, Direction.FORWARD))));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        assertEquals(400, e.getHttpStatus());
        e = assertThrows(TableStoreException.class, () -> f.client.getRange(new GetRangeRequest(criteria(lo, hi, Direction.BACKWARD))));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        e = assertThrows(TableStoreException.class, () -> f.client.getRange(new GetRangeRequest(criteria(lo, lo, Direction.FORWARD))));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        // bound with the wrong PK column type / count
        RangeRowQueryCriteria c = criteria(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("a", PrimaryKeyValue.fromLong(1))
            .addPrimaryKeyColumn("b", PrimaryKeyValue.INF_MIN).addPrimaryKeyColumn("c", PrimaryKeyValue.INF_MIN).build(), hi, Direction.FORWARD);
        e = assertThrows(TableStoreException.class, () -> f.client.getRange(new GetRangeRequest(c)));
        assertEquals("OTSInvalidPK", e.getErrorCode());
        RangeRowQueryCriteria c2 = criteria(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("a", PrimaryKeyValue.INF_MIN).build(),
            hi, Direction.FORWARD);
        e = assertThrows(TableStoreException.class, () -> f.client.getRange(new GetRangeRequest(c2)));
        assertEquals("OTSInvalidPK", e.getErrorCode());
        RangeRowQueryCriteria missing = criteria(lo, hi, Direction.FORWARD);
        missing.setTableName("nope");
        e = assertThrows(TableStoreException.class, () -> f.client.getRange(new GetRangeRequest(missing)));
        assertEquals("OTSObjectNotExist", e.getErrorCode());
        assertEquals(404, e.getHttpStatus());
    }
}
