package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.*;
import com.alicloud.openservices.tablestore.model.condition.SingleColumnValueCondition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** PutRow, UpdateRow, DeleteRow, GetRow, BatchWriteRow: semantics, limits and errors. */
class RowWriteTest {
    static EmulatorFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new EmulatorFixture();
        f.createTable("w", 2, "id", PrimaryKeyType.STRING, "n", PrimaryKeyType.INTEGER);
    }

    @AfterAll
    static void stop() { f.close(); }

    static PrimaryKey pk(String id, long n) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(id))
            .addPrimaryKeyColumn("n", PrimaryKeyValue.fromLong(n)).build();
    }

    static Row get(PrimaryKey k, int versions) {
        SingleRowQueryCriteria q = new SingleRowQueryCriteria("w", k);
        q.setMaxVersions(versions);
        return f.client.getRow(new GetRowRequest(q)).getRow();
    }

    static TableStoreException fails(Runnable r) { return assertThrows(TableStoreException.class, r::run); }

    @Test
    void putGetAllTypesAndServerTimestamps() {
        long before = System.currentTimeMillis();
        RowPutChange p = new RowPutChange("w", pk("all", 1));
        p.addColumn("i", ColumnValue.fromLong(-7));
        p.addColumn("d", ColumnValue.fromDouble(2.5));
        p.addColumn("b", ColumnValue.fromBoolean(true));
        p.addColumn("s", ColumnValue.fromString("h\u00e9llo"));
        p.addColumn("bin", ColumnValue.fromBinary(new byte[] {0, (byte) 0xff}));
        f.client.putRow(new PutRowRequest(p));
        long after = System.currentTimeMillis();
        Row r = get(pk("all", 1), 1);
        assertEquals(-7, r.getLatestColumn("i").getValue().asLong());
        assertEquals(2.5, r.getLatestColumn("d").getValue().asDouble());
        assertTrue(r.getLatestColumn("b").getValue().asBoolean());
        assertEquals("h\u00e9llo", r.getLatestColumn("s").getValue().asString());
        assertArrayEquals(new byte[] {0, (byte) 0xff}, r.getLatestColumn("bin").getValue().asBinary());
        long ts = r.getLatestColumn("i").getTimestamp();
        assertTrue(ts >= before && ts <= after, "server time stamp " + ts);
        assertNull(get(pk("all", 2), 1));
    }

    @Test
    void putReplacesRowUpdateAddsVersionsAndTrims() {
        RowPutChange p = new RowPutChange("w", pk("v", 1));
        p.addColumn("a", ColumnValue.fromLong(1), 1000);
        p.addColumn("gone", ColumnValue.fromLong(1), 1000);
        f.client.putRow(new PutRowRequest(p));
        RowPutChange p2 = new RowPutChange("w", pk("v", 1));
        p2.addColumn("a", ColumnValue.fromLong(2), 2000);
        f.client.putRow(new PutRowRequest(p2));
        Row r = get(pk("v", 1), 5);
        assertEquals(1, r.getColumns().length, "PutRow replaces the whole row");
        RowUpdateChange u = new RowUpdateChange("w", pk("v", 1));
        u.put("a", ColumnValue.fromLong(3), 3000);
        u.put("a", ColumnValue.fromLong(4), 4000);
        u.put("c", ColumnValue.fromString("x"), 1000);
        f.client.updateRow(new UpdateRowRequest(u));
        r = get(pk("v", 1), 5);
        List<Column> a = r.getColumn("a");
        assertEquals(List.of(4000L, 3000L), a.stream().map(Column::getTimestamp).toList(), "table max versions = 2");
        assertEquals(1, get(pk("v", 1), 1).getColumn("a").size());
        RowUpdateChange del = new RowUpdateChange("w", pk("v", 1));
        del.deleteColumn("a", 4000);
        del.deleteColumns("c");
        f.client.updateRow(new UpdateRowRequest(del));
        r = get(pk("v", 1), 5);
        assertEquals(List.of(3000L), r.getColumn("a").stream().map(Column::getTimestamp).toList());
        assertTrue(r.getColumn("c").isEmpty());
        f.client.deleteRow(new DeleteRowRequest(new RowDeleteChange("w", pk("v", 1))));
        assertNull(get(pk("v", 1), 1));
    }

    @Test
    void rowExistenceAndColumnConditions() {
        RowPutChange p = new RowPutChange("w", pk("cond", 1));
        p.addColumn("x", ColumnValue.fromLong(5));
        p.setCondition(new Condition(RowExistenceExpectation.EXPECT_EXIST));
        TableStoreException e = fails(() -> f.client.putRow(new PutRowRequest(p)));
        assertEquals("OTSConditionCheckFail", e.getErrorCode());
        assertEquals(403, e.getHttpStatus());
        assertNull(get(pk("cond", 1), 1), "a failed condition writes nothing");
        p.setCondition(new Condition(RowExistenceExpectation.EXPECT_NOT_EXIST));
        f.client.putRow(new PutRowRequest(p));
        e = fails(() -> f.client.putRow(new PutRowRequest(p)));
        assertEquals("OTSConditionCheckFail", e.getErrorCode());
        RowPutChange p2 = new RowPutChange("w", pk("cond", 1));
        p2.addColumn("x", ColumnValue.fromLong(6));
        Condition c = new Condition(RowExistenceExpectation.EXPECT_EXIST);
        c.setColumnCondition(new SingleColumnValueCondition("x", SingleColumnValueCondition.CompareOperator.GREATER_THAN, ColumnValue.fromLong(10)));
        p2.setCondition(c);
        assertEquals("OTSConditionCheckFail", fails(() -> f.client.putRow(new PutRowRequest(p2))).getErrorCode());
        c.setColumnCondition(new SingleColumnValueCondition("x", SingleColumnValueCondition.CompareOperator.EQUAL, ColumnValue.fromLong(5)));
        f.client.putRow(new PutRowRequest(p2));
        assertEquals(6, get(pk("cond", 1), 1).getLatestColumn("x").getValue().asLong());
    }

    @Test
    void primaryKeyAndValueErrors() {
        RowPutChange wrongType = new RowPutChange("w", PrimaryKeyBuilder.createPrimaryKeyBuilder()
            .addPrimaryKeyColumn("id", PrimaryKeyValue.fromLong(1)).addPrimaryKeyColumn("n", PrimaryKeyValue.fromLong(1)).build());
        TableStoreException e = fails(() -> f.client.putRow(new PutRowRequest(wrongType)));
        assertEquals("OTSInvalidPK", e.getErrorCode());
        assertEquals(400, e.getHttpStatus());
        RowPutChange wrongName = new RowPutChange("w", PrimaryKeyBuilder.createPrimaryKeyBuilder()
            .addPrimaryKeyColumn("idx", PrimaryKeyValue.fromString("a")).addPrimaryKeyColumn("n", PrimaryKeyValue.fromLong(1)).build());
        assertEquals("OTSInvalidPK", fails(() -> f.client.putRow(new PutRowRequest(wrongName))).getErrorCode());
        RowPutChange tooFew = new RowPutChange("w", PrimaryKeyBuilder.createPrimaryKeyBuilder()
            .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString("a")).build());
        assertEquals("OTSInvalidPK", fails(() -> f.client.putRow(new PutRowRequest(tooFew))).getErrorCode());
        RowPutChange longPk = new RowPutChange("w", pk("k".repeat(1025), 1));
        assertEquals("OTSParameterInvalid", fails(() -> f.client.putRow(new PutRowRequest(longPk))).getErrorCode());
        f.client.putRow(new PutRowRequest(new RowPutChange("w", pk("k".repeat(1024), 1))));
        RowPutChange badCol = new RowPutChange("w", pk("a", 1));
        badCol.addColumn("bad-name", ColumnValue.fromLong(1));
        assertEquals("OTSParameterInvalid", fails(() -> f.client.putRow(new PutRowRequest(badCol))).getErrorCode());
        RowPutChange big = new RowPutChange("w", pk("a", 1));
        big.addColumn("v", ColumnValue.fromBinary(new byte[2 * 1024 * 1024 + 1]));
        assertEquals("OTSParameterInvalid", fails(() -> f.client.putRow(new PutRowRequest(big))).getErrorCode());
        RowPutChange oldTs = new RowPutChange("w", pk("a", 1));
        oldTs.addColumn("v", ColumnValue.fromLong(1), 1); // 1970: outside the default max time deviation
        f.client.createTable(TableTest.create("strict", -1, 1, "id", PrimaryKeyType.STRING));
        RowPutChange strict = new RowPutChange("strict", PrimaryKeyBuilder.createPrimaryKeyBuilder()
            .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString("a")).build());
        strict.addColumn("v", ColumnValue.fromLong(1), 1);
        assertEquals("OTSParameterInvalid", fails(() -> f.client.putRow(new PutRowRequest(strict))).getErrorCode());
        RowPutChange missingTable = new RowPutChange("nope", pk("a", 1));
        assertEquals("OTSObjectNotExist", fails(() -> f.client.putRow(new PutRowRequest(missingTable))).getErrorCode());
    }

    @Test
    void batchWriteIsAtomicPerRowAndChecksLimits() {
        BatchWriteRowRequest bw = new BatchWriteRowRequest();
        RowPutChange good = new RowPutChange("w", pk("batch", 1));
        good.addColumn("x", ColumnValue.fromLong(1));
        bw.addRowChange(good);
        RowPutChange cond = new RowPutChange("w", pk("batch", 2));
        cond.setCondition(new Condition(RowExistenceExpectation.EXPECT_EXIST));
        bw.addRowChange(cond);
        bw.addRowChange(new RowPutChange("nope", pk("batch", 3)));
        RowUpdateChange upd = new RowUpdateChange("w", pk("batch", 4));
        upd.put("y", ColumnValue.fromString("u"));
        bw.addRowChange(upd);
        BatchWriteRowResponse r = f.client.batchWriteRow(bw);
        assertFalse(r.isAllSucceed());
        List<BatchWriteRowResponse.RowResult> w = r.getRowStatus("w");
        assertTrue(w.get(0).isSucceed());
        assertEquals("OTSConditionCheckFail", w.get(1).getError().getCode());
        assertTrue(w.get(2).isSucceed());
        assertEquals("OTSObjectNotExist", r.getRowStatus("nope").get(0).getError().getCode());
        assertNotNull(get(pk("batch", 1), 1));
        assertNull(get(pk("batch", 2), 1));
        assertEquals("u", get(pk("batch", 4), 1).getLatestColumn("y").getValue().asString());

        BatchWriteRowRequest tooMany = new BatchWriteRowRequest();
        for (int i = 0; i < 201; i++) tooMany.addRowChange(new RowPutChange("w", pk("many", i)));
        TableStoreException e = fails(() -> f.client.batchWriteRow(tooMany));
        assertEquals("OTSParameterInvalid", e.getErrorCode());
        assertNull(get(pk("many", 0), 1), "a rejected batch writes nothing");

        BatchWriteRowRequest dup = new BatchWriteRowRequest();
        dup.addRowChange(new RowPutChange("w", pk("dup", 1)));
        dup.addRowChange(new RowDeleteChange("w", pk("dup", 1)));
        assertEquals("OTSParameterInvalid", fails(() -> f.client.batchWriteRow(dup)).getErrorCode());

        BatchWriteRowRequest huge = new BatchWriteRowRequest();
        for (int i = 0; i < 3; i++) {
            RowPutChange p = new RowPutChange("w", pk("huge", i));
            p.addColumn("v", ColumnValue.fromBinary(new byte[1536 * 1024]));
            huge.addRowChange(p);
        }
        assertEquals("OTSParameterInvalid", fails(() -> f.client.batchWriteRow(huge)).getErrorCode());
        assertNull(get(pk("huge", 0), 1));
    }
}
