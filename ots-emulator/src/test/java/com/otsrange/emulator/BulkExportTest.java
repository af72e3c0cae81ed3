package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.*;
import com.alicloud.openservices.tablestore.model.filter.CompositeColumnValueFilter;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter;
import com.alicloud.openservices.tablestore.model.tunnel.BulkExportQueryCriteria;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * BulkExport through the real SDK over HTTP, checked against a model of the rows the test wrote:
 * both block types (read with the SDK's own parsers), [start, end) in ascending order,
 * continuation, columns, filters, the answer size limits, consumed, errors and faults.
 */
class BulkExportTest {
    static EmulatorFixture f;
    static final String T = "bx";
    static final String[] ATTRS = {"i", "d", "s", "flag", "raw"};
    static final List<ModelRow> rows = new ArrayList<>();
    static final long BASE_TS = 1_600_000_000_000L;

    /** A written row: key and, per attribute, its latest value (only the latest is ever exported). */
    record ModelRow(String id, long t, byte[] bin, Map<String, Object> latest) {
        String key() { return id + "|" + t + "|" + Arrays.toString(bin); }
    }

    @BeforeAll
    static void load() throws Exception {
        f = new EmulatorFixture();
        f.createTable(T, 3, "id", PrimaryKeyType.STRING, "t", PrimaryKeyType.INTEGER, "bin", PrimaryKeyType.BINARY);
        Random rnd = new Random(11);
        String[] ids = {"a", "a\u0000", "b", "\u00e9t\u00e9", "z"};
        List<RowPutChange> puts = new ArrayList<>();
        for (String id : ids) {
            for (int n = 0; n < 2600; n++) {
                long t = n * 3L - 500;
                byte[] bin = n % 7 == 0 ? new byte[] {0, (byte) 0xff} : new byte[] {(byte) (n % 3)};
                RowPutChange p = new RowPutChange(T, pk(id, t, bin));
                Map<String, Object> latest = new TreeMap<>();
                for (String col : ATTRS) {
                    if (rnd.nextInt(6) == 0) continue; // some rows miss some columns
                    int versions = 1 + rnd.nextInt(2);
                    Object v = null;
                    for (int k = 0; k < versions; k++) {
                        v = value(col, rnd);
                        p.addColumn(col, toColumnValue(v), BASE_TS + k * 1000L);
                    }
                    latest.put(col, v); // the newest timestamp wins
                }
                rows.add(new ModelRow(id, t, bin, latest));
                puts.add(p);
            }
        }
        for (int i = 0; i < puts.size(); i += 200) {
            BatchWriteRowRequest bw = new BatchWriteRowRequest();
            puts.subList(i, Math.min(puts.size(), i + 200)).forEach(bw::addRowChange);
            assertTrue(f.client.batchWriteRow(bw).isAllSucceed());
        }
        rows.sort(Comparator.comparing((ModelRow m) -> m.id.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned)
            .thenComparingLong(m -> m.t).thenComparing(m -> m.bin, Arrays::compareUnsigned));
    }

    @AfterAll
    static void stop() { f.close(); }

    static Object value(String col, Random rnd) {
        switch (col) {
            case "i": return (long) (rnd.nextInt(200) - 100);
            case "d": return rnd.nextInt(10000) / 7.0;
            case "s": return "v" + rnd.nextInt(50) + (rnd.nextInt(10) == 0 ? "\u00e9\u4e2d" : "");
            case "flag": return rnd.nextBoolean();
            default: return new byte[] {(byte) rnd.nextInt(256), 0};
        }
    }

    static ColumnValue toColumnValue(Object v) {
        if (v instanceof Long) return ColumnValue.fromLong((Long) v);
        if (v instanceof Double) return ColumnValue.fromDouble((Double) v);
        if (v instanceof String) return ColumnValue.fromString((String) v);
        if (v instanceof Boolean) return ColumnValue.fromBoolean((Boolean) v);
        return ColumnValue.fromBinary((byte[]) v);
    }

    static PrimaryKey pk(String id, long t, byte[] bin) {
        return pk(PrimaryKeyValue.fromString(id), PrimaryKeyValue.fromLong(t), PrimaryKeyValue.fromBinary(bin));
    }

    static PrimaryKey pk(PrimaryKeyValue id, PrimaryKeyValue t, PrimaryKeyValue bin) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", id).addPrimaryKeyColumn("t", t)
            .addPrimaryKeyColumn("bin", bin).build();
    }

    static final PrimaryKey MIN = pk(PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
    static final PrimaryKey MAX = pk(PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX);

    static BulkExportQueryCriteria criteria(PrimaryKey start, PrimaryKey end, DataBlockType type, String... columns) {
        BulkExportQueryCriteria c = new BulkExportQueryCriteria(T);
        c.setInclusiveStartPrimaryKey(start);
        c.setExclusiveEndPrimaryKey(end);
        c.setDataBlockType(type);
        c.addColumnsToGet(columns);
        return c;
    }

    /** Model rows in [start, end) (keys of the form (id, t, INF) or full keys) that pass {@code keep}. */
    static List<ModelRow> expected(String fromId, long fromT, String toId, long toT, Predicate<ModelRow> keep) {
        List<ModelRow> out = new ArrayList<>();
        for (ModelRow m : rows) {
            if (cmp(m, fromId, fromT) >= 0 && cmp(m, toId, toT) < 0 && keep.test(m)) out.add(m);
        }
        return out;
    }

    /** Order of a model row against the bound (id, t, INF_MIN). */
    static int cmp(ModelRow m, String id, long t) {
        int r = Arrays.compareUnsigned(m.id.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
        if (r != 0) return r;
        return m.t >= t ? 1 : -1;
    }

    /** One matrix row as text: every field by its SDK getter (null for missing). */
    static String matrixRow(SimpleRowMatrixBlockParser p, String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            Object v = p.getObject(i);
            sb.append(names[i]).append('=').append(v instanceof byte[] ? Arrays.toString((byte[]) v) : String.valueOf(v)).append(';');
        }
        return sb.toString();
    }

    static String modelRow(ModelRow m, String[] names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            Object v = n.equals("id") ? m.id : n.equals("t") ? (Object) m.t : n.equals("bin") ? m.bin : m.latest.get(n);
            sb.append(n).append('=').append(v instanceof byte[] ? Arrays.toString((byte[]) v) : String.valueOf(v)).append(';');
        }
        return sb.toString();
    }

    /** All answers of a scan. */
    static List<BulkExportResponse> scan(SyncClient client, BulkExportQueryCriteria c) {
        List<BulkExportResponse> out = new ArrayList<>();
        while (true) {
            BulkExportResponse r = client.bulkExport(new BulkExportRequest(c));
            out.add(r);
            if (r.getNextStartPrimaryKey() == null) return out;
            c.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
    }

    @Test
    void rowMatrixHoldsTheRequestedFieldsOfEveryRowInOrderAcrossAnswers() {
        String[] cols = {"t", "id", "i", "d", "s", "flag", "raw", "nosuch"};
        List<BulkExportResponse> answers = scan(f.client, criteria(MIN, MAX, DataBlockType.DBT_SIMPLE_ROW_MATRIX, cols));
        assertTrue(answers.size() >= 3, "13,000 rows take several answers of at most 5000, got " + answers.size());
        List<String> got = new ArrayList<>();
        String[] names = null;
        for (BulkExportResponse r : answers) {
            assertEquals(DataBlockType.DBT_SIMPLE_ROW_MATRIX, r.getDataBlockType());
            SimpleRowMatrixBlockParser p = new SimpleRowMatrixBlockParser(r.getRows());
            names = p.parseFieldNames();
            assertEquals(2, p.getPkCount(), "requested key columns only, in key order");
            assertEquals(6, p.getAttrCount());
            assertFalse(p.hasEntirePrimaryKeys());
            assertTrue(p.getRowCount() <= BulkExports.MAX_SCANNED_ROWS);
            int n = 0;
            while (p.hasNext()) {
                assertEquals(n++, p.next());
                got.add(matrixRow(p, names));
            }
            assertEquals(p.getRowCount(), n);
        }
        // key columns first in key order; attributes in the order the request lists them (the SDK keeps them in a set)
        assertEquals(List.of("id", "t"), Arrays.asList(names).subList(0, 2));
        assertEquals(Set.of("i", "d", "s", "flag", "raw", "nosuch"), new HashSet<>(Arrays.asList(names).subList(2, names.length)));
        List<String> want = new ArrayList<>();
        for (ModelRow m : rows) want.add(modelRow(m, names));
        assertEquals(want, got);
    }

    @Test
    void plainBufferBlockHasTheFullKeyAndTheLatestVersionOfTheRequestedColumns() {
        PrimaryKey start = pk(PrimaryKeyValue.fromString("a\u0000"), PrimaryKeyValue.fromLong(1000), PrimaryKeyValue.INF_MIN);
        PrimaryKey end = pk(PrimaryKeyValue.fromString("\u00e9t\u00e9"), PrimaryKeyValue.fromLong(-2), PrimaryKeyValue.INF_MIN);
        List<String> got = new ArrayList<>();
        for (BulkExportResponse r : scan(f.client, criteria(start, end, DataBlockType.DBT_PLAIN_BUFFER, "s", "i", "nosuch"))) {
            assertEquals(DataBlockType.DBT_PLAIN_BUFFER, r.getDataBlockType());
            for (Row row : new PlainBufferBlockParser(r.getRows()).getRows()) {
                PrimaryKeyColumn[] k = row.getPrimaryKey().getPrimaryKeyColumns();
                StringBuilder sb = new StringBuilder(k[0].getValue().asString() + "|" + k[1].getValue().asLong() + "|"
                    + Arrays.toString(k[2].getValue().asBinary()) + ":");
                for (Column c : row.getColumns()) {
                    assertTrue(c.getTimestamp() >= BASE_TS);
                    sb.append(c.getName()).append('=').append(c.getValue().getValue()).append(';');
                }
                got.add(sb.toString());
            }
        }
        List<String> want = new ArrayList<>();
        for (ModelRow m : expected("a\u0000", 1000, "\u00e9t\u00e9", -2, m -> m.latest.containsKey("s") || m.latest.containsKey("i"))) {
            StringBuilder sb = new StringBuilder(m.key() + ":");
            for (String c : new String[] {"i", "s"}) {
                if (m.latest.containsKey(c)) sb.append(c).append('=').append(m.latest.get(c)).append(';');
            }
            want.add(sb.toString());
        }
        assertEquals(want, got, "rows without any requested column are left out, as in GetRange");
        assertFalse(want.isEmpty());
    }

    @Test
    void bothBlockTypesGiveGetRangesRowsUnderTheSameFilter() {
        PrimaryKey start = pk(PrimaryKeyValue.fromString("a"), PrimaryKeyValue.fromLong(700), PrimaryKeyValue.INF_MAX);
        PrimaryKey end = pk(PrimaryKeyValue.fromString("z"), PrimaryKeyValue.fromLong(10), PrimaryKeyValue.INF_MIN);
        CompositeColumnValueFilter filter = new CompositeColumnValueFilter(CompositeColumnValueFilter.LogicOperator.OR);
        SingleColumnValueFilter big = new SingleColumnValueFilter("i", SingleColumnValueFilter.CompareOperator.GREATER_EQUAL,
            ColumnValue.fromLong(40));
        big.setPassIfMissing(false);
        SingleColumnValueFilter on = new SingleColumnValueFilter("flag", SingleColumnValueFilter.CompareOperator.EQUAL,
            ColumnValue.fromBoolean(true));
        on.setPassIfMissing(false);
        filter.addFilter(big);
        filter.addFilter(on);
        String[] cols = {"id", "t", "bin", "i", "flag", "d"};

        RangeRowQueryCriteria g = new RangeRowQueryCriteria(T);
        g.setInclusiveStartPrimaryKey(start);
        g.setExclusiveEndPrimaryKey(end);
        g.setMaxVersions(1);
        g.addColumnsToGet(cols);
        g.setFilter(filter);
        List<String> viaGetRange = new ArrayList<>();
        while (true) {
            GetRangeResponse r = f.client.getRange(new GetRangeRequest(g));
            for (Row row : r.getRows()) viaGetRange.add(text(row));
            if (r.getNextStartPrimaryKey() == null) break;
            g.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
        List<String> viaPlain = new ArrayList<>();
        BulkExportQueryCriteria pb = criteria(start, end, DataBlockType.DBT_PLAIN_BUFFER, cols);
        pb.setFilter(filter);
        for (BulkExportResponse r : scan(f.client, pb)) {
            for (Row row : new PlainBufferBlockParser(r.getRows()).getRows()) viaPlain.add(text(row));
        }
        List<String> viaMatrix = new ArrayList<>();
        BulkExportQueryCriteria mx = criteria(start, end, DataBlockType.DBT_SIMPLE_ROW_MATRIX, cols);
        mx.setFilter(filter);
        for (BulkExportResponse r : scan(f.client, mx)) {
            SimpleRowMatrixBlockParser p = new SimpleRowMatrixBlockParser(r.getRows());
            assertTrue(p.hasEntirePrimaryKeys());
            while (p.hasNext()) {
                p.next();
                viaMatrix.add(text(p.getRow()));
            }
        }
        List<String> model = new ArrayList<>();
        for (ModelRow m : rows) {
            boolean in = cmpKey(m, "a", 700, true) >= 0 && cmpKey(m, "z", 10, false) < 0;
            Object i = m.latest.get("i");
            if (in && ((i != null && (Long) i >= 40) || Boolean.TRUE.equals(m.latest.get("flag")))) model.add(m.key());
        }
        List<String> keys = new ArrayList<>();
        for (String s : viaGetRange) keys.add(s.substring(0, s.indexOf(':')));
        assertEquals(model, keys);
        assertEquals(viaGetRange, viaPlain);
        assertEquals(viaGetRange, viaMatrix);
    }

    /** Order against (id, t, INF_MAX) when {@code afterT}, else (id, t, INF_MIN). */
    static int cmpKey(ModelRow m, String id, long t, boolean afterT) {
        int r = Arrays.compareUnsigned(m.id.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
        if (r != 0) return r;
        if (m.t != t) return Long.compare(m.t, t);
        return afterT ? -1 : 1;
    }

    static String text(Row row) {
        PrimaryKeyColumn[] k = row.getPrimaryKey().getPrimaryKeyColumns();
        StringBuilder sb = new StringBuilder(k[0].getValue().asString() + "|" + k[1].getValue().asLong() + "|"
            + Arrays.toString(k[2].getValue().asBinary()) + ":");
        List<Column> cols = new ArrayList<>(Arrays.asList(row.getColumns()));
        cols.sort(Comparator.comparing(Column::getName));
        for (Column c : cols) sb.append(c.getName()).append('=').append(c.getValue().getValue()).append(';');
        return sb.toString();
    }

    @Test
    void consumedIsNoCapacityUnitAndTheReadDataSizeOfEveryScannedRow() {
        // rows of "b" with t in [0, 300): the filter rejects some, which still count as read
        PrimaryKey start = pk(PrimaryKeyValue.fromString("b"), PrimaryKeyValue.fromLong(0), PrimaryKeyValue.INF_MIN);
        PrimaryKey end = pk(PrimaryKeyValue.fromString("b"), PrimaryKeyValue.fromLong(300), PrimaryKeyValue.INF_MIN);
        BulkExportQueryCriteria c = criteria(start, end, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "i", "s");
        SingleColumnValueFilter pos = new SingleColumnValueFilter("i", SingleColumnValueFilter.CompareOperator.GREATER_THAN, ColumnValue.fromLong(0));
        pos.setPassIfMissing(false);
        c.setFilter(pos);
        BulkExportResponse r = f.client.bulkExport(new BulkExportRequest(c));
        assertNull(r.getNextStartPrimaryKey());
        assertEquals(0, r.getConsumedCapacity().getCapacityUnit().getReadCapacityUnit());
        assertEquals(0, r.getConsumedCapacity().getCapacityUnit().getWriteCapacityUnit());
        long size = 0;
        int passed = 0;
        for (ModelRow m : expected("b", 0, "b", 300, x -> true)) {
            size += "id".length() + m.id.getBytes(StandardCharsets.UTF_8).length + "t".length() + 8 + "bin".length() + m.bin.length;
            if (m.latest.containsKey("i")) size += 1 + 8;
            if (m.latest.containsKey("s")) size += 1 + ((String) m.latest.get("s")).getBytes(StandardCharsets.UTF_8).length;
            Object i = m.latest.get("i");
            if (i != null && (Long) i > 0) passed++;
        }
        assertEquals(size, r.getConsumedCapacity().getCapacityDataSize().getReadCapacityDataSize());
        assertEquals(0, r.getConsumedCapacity().getCapacityDataSize().getWriteCapacityDataSize());
        assertEquals(passed, new SimpleRowMatrixBlockParser(r.getRows()).getRowCount());
        assertTrue(passed > 0 && passed < 100);
    }

    @Test
    void anEmptyRangeIsAValidBlockWithoutRowsAndWithoutANextKey() {
        PrimaryKey start = pk(PrimaryKeyValue.fromString("c"), PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        PrimaryKey end = pk(PrimaryKeyValue.fromString("d"), PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN);
        BulkExportResponse m = f.client.bulkExport(new BulkExportRequest(criteria(start, end, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "i")));
        assertNull(m.getNextStartPrimaryKey());
        SimpleRowMatrixBlockParser p = new SimpleRowMatrixBlockParser(m.getRows());
        assertEquals(0, p.getRowCount());
        assertFalse(p.hasNext());
        assertArrayEquals(new String[] {"i"}, p.parseFieldNames());
        BulkExportResponse b = f.client.bulkExport(new BulkExportRequest(criteria(start, end, DataBlockType.DBT_PLAIN_BUFFER, "i")));
        assertEquals(0, new PlainBufferBlockParser(b.getRows()).getRowCount());
    }

    @Test
    void aPlainBufferExportWithoutColumnsHasEveryColumn() {
        PrimaryKey start = pk(PrimaryKeyValue.fromString("z"), PrimaryKeyValue.fromLong(100), PrimaryKeyValue.INF_MIN);
        PrimaryKey end = pk(PrimaryKeyValue.fromString("z"), PrimaryKeyValue.fromLong(130), PrimaryKeyValue.INF_MIN);
        List<String> got = new ArrayList<>();
        for (Row row : new PlainBufferBlockParser(f.client.bulkExport(new BulkExportRequest(criteria(start, end,
            DataBlockType.DBT_PLAIN_BUFFER))).getRows()).getRows()) {
            got.add(row.getPrimaryKey().getPrimaryKeyColumn(1).getValue().asLong() + ":" + row.getColumns().length);
        }
        List<String> want = new ArrayList<>();
        for (ModelRow m : expected("z", 100, "z", 130, x -> true)) want.add(m.t + ":" + m.latest.size());
        assertEquals(want, got);
    }

    @Test
    void answersStopAtFourMegabytesAtARowBoundary() throws Exception {
        try (EmulatorFixture big = new EmulatorFixture()) {
            big.createTable("wide", 1, "k", PrimaryKeyType.INTEGER);
            char[] text = new char[1_500_000];
            Arrays.fill(text, 'x');
            for (int k = 0; k < 5; k++) {
                RowPutChange p = new RowPutChange("wide", PrimaryKeyBuilder.createPrimaryKeyBuilder()
                    .addPrimaryKeyColumn("k", PrimaryKeyValue.fromLong(k)).build());
                p.addColumn("v", ColumnValue.fromString(new String(text)));
                big.client.putRow(new PutRowRequest(p));
            }
            BulkExportQueryCriteria c = new BulkExportQueryCriteria("wide");
            c.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MIN).build());
            c.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MAX).build());
            c.addColumnsToGet("k");
            c.addColumnsToGet("v");
            List<Integer> perAnswer = new ArrayList<>();
            List<Long> keys = new ArrayList<>();
            for (BulkExportResponse r : scan(big.client, c)) {
                SimpleRowMatrixBlockParser p = new SimpleRowMatrixBlockParser(r.getRows());
                perAnswer.add(p.getRowCount());
                assertTrue(p.getTotalBytes() <= BulkExports.MAX_BLOCK_BYTES, "block of " + p.getTotalBytes() + " bytes");
                while (p.hasNext()) {
                    p.next();
                    keys.add(p.getLong(0));
                    assertEquals(1_500_000, p.getString(1).length());
                }
            }
            assertEquals(List.of(2, 2, 1), perAnswer);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), keys);
        }
    }

    @Test
    void testsCanMakeAnswersSmaller() {
        try {
            f.emu.setBulkExportRowsPerAnswer(700);
            List<Integer> sizes = new ArrayList<>();
            long rows = 0;
            for (BulkExportResponse r : scan(f.client, criteria(MIN, MAX, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "t"))) {
                int n = new SimpleRowMatrixBlockParser(r.getRows()).getRowCount();
                sizes.add(n);
                rows += n;
            }
            assertEquals(BulkExportTest.rows.size(), rows);
            assertEquals(700, (int) sizes.get(0));
            assertEquals((BulkExportTest.rows.size() + 699) / 700, sizes.size());
        } finally {
            f.emu.setBulkExportRowsPerAnswer(BulkExports.MAX_SCANNED_ROWS);
        }
    }

    @Test
    void requestsAreCheckedAsTheServiceChecksThem() {
        SyncClient raw = f.noRetryClient();
        TableStoreException e = assertThrows(TableStoreException.class,
            () -> raw.bulkExport(new BulkExportRequest(criteria(MIN, MAX, DataBlockType.DBT_SIMPLE_ROW_MATRIX))));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        assertEquals(400, e.getHttpStatus());
        assertEquals("DBT_SIMPLE_ROW_MATRIX need at least one column to get.", e.getMessage());

        PrimaryKey p150 = pk("b", 150, new byte[] {0});
        e = assertThrows(TableStoreException.class,
            () -> raw.bulkExport(new BulkExportRequest(criteria(p150, p150, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "i"))));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        assertEquals("Begin key must less than end key in FORWARD", e.getMessage());
        e = assertThrows(TableStoreException.class, () -> raw.bulkExport(new BulkExportRequest(
            criteria(pk("c", 1, new byte[0]), p150, DataBlockType.DBT_PLAIN_BUFFER, "i"))));
        assertEquals("Begin key must less than end key in FORWARD", e.getMessage());

        PrimaryKey twoColumns = PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString("a"))
            .addPrimaryKeyColumn("bin", PrimaryKeyValue.fromBinary(new byte[0])).build();
        e = assertThrows(TableStoreException.class,
            () -> raw.bulkExport(new BulkExportRequest(criteria(twoColumns, MAX, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "id"))));
        assertEquals("OTSInvalidPK", e.getErrorCode());
        assertEquals("Validate PK size fail. Input: 2, Meta: 3.", e.getMessage());

        BulkExportQueryCriteria many = criteria(pk("b", 0, new byte[0]), pk("b", 1, new byte[0]), DataBlockType.DBT_SIMPLE_ROW_MATRIX);
        for (int i = 0; i < 1024; i++) many.addColumnsToGet("DC" + i);
        raw.bulkExport(new BulkExportRequest(many));
        many.addColumnsToGet("DC1024");
        e = assertThrows(TableStoreException.class, () -> raw.bulkExport(new BulkExportRequest(many)));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        assertEquals("The number of columns from the request exceeds the limit, limit count: 1024, column count: 1025.", e.getMessage());

        BulkExportQueryCriteria badName = criteria(MIN, MAX, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "no-such");
        e = assertThrows(TableStoreException.class, () -> raw.bulkExport(new BulkExportRequest(badName)));
        assertEquals("OTSParameterInvalid", e.getErrorCode());

        BulkExportQueryCriteria missing = criteria(MIN, MAX, DataBlockType.DBT_SIMPLE_ROW_MATRIX, "i");
        missing.setTableName("nosuchtable");
        e = assertThrows(TableStoreException.class, () -> raw.bulkExport(new BulkExportRequest(missing)));
        assertEquals("OTSObjectNotExist", e.getErrorCode());
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void faultsAndDelaysApplyToBulkExport() {
        SyncClient raw = f.noRetryClient();
        BulkExportRequest req = new BulkExportRequest(criteria(pk("b", 0, new byte[0]), pk("b", 30, new byte[0]),
            DataBlockType.DBT_SIMPLE_ROW_MATRIX, "t", "i"));
        try {
            f.emu.setFaults(FaultSpec.parse("busy=1,actions=BulkExport"));
            TableStoreException e = assertThrows(TableStoreException.class, () -> raw.bulkExport(req));
            assertEquals("OTSServerBusy", e.getErrorCode());
            f.emu.setFaults(FaultSpec.parse("busy=1,actions=GetRange"));
            raw.bulkExport(req); // not this action
            f.emu.setFaults(FaultSpec.parse("slow=1,slowMs=1,actions=BulkExport"));
            long slow = f.emu.stats().faults("slow");
            assertEquals(10, new SimpleRowMatrixBlockParser(raw.bulkExport(req).getRows()).getRowCount());
            assertEquals(slow + 1, f.emu.stats().faults("slow"));
        } finally {
            f.emu.setFaults(FaultSpec.none());
        }
    }

    @Test
    void aServiceWithoutBulkExportAnswersUnsupportedOperation() throws Exception {
        try (EmulatorFixture off = new EmulatorFixture(OtsEmulator.builder().instanceName(EmulatorFixture.INSTANCE)
            .accessKeyId(EmulatorFixture.ID).accessKeySecret(EmulatorFixture.SECRET).disabledActions(Set.of("BulkExport")).build())) {
            off.createTable("t", 1, "k", PrimaryKeyType.INTEGER);
            BulkExportQueryCriteria c = new BulkExportQueryCriteria("t");
            c.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MIN).build());
            c.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MAX).build());
            c.addColumnsToGet("k");
            TableStoreException e = assertThrows(TableStoreException.class, () -> off.noRetryClient().bulkExport(new BulkExportRequest(c)));
            assertEquals("OTSParameterInvalid", e.getErrorCode());
            assertEquals("Unsupported operation: 'BulkExport'.", e.getMessage());
        }
    }
}
