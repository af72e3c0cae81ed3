package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.OperationType;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Row writes: PutRow, UpdateRow, DeleteRow and BatchWriteRow (applied as one unit under the write lock). */
final class Rows {
    static final int MAX_BATCH_ROWS = 200;
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

    private final Store store;
    private final EmulatorStats stats;

    Rows(Store store, EmulatorStats stats) {
        this.store = store;
        this.stats = stats;
    }

    /** A validated change, ready to apply. */
    private record Prepared(Table table, byte[] key, DecodedRow change, OperationType type, List<DecodedRow.CellOp> ops,
                            OtsInternalApi.Condition condition, OtsInternalApi.ReturnContent returnContent) {
    }

    ByteString writeOne(String tableName, OperationType type, ByteString rowBytes, OtsInternalApi.Condition cond,
                        OtsInternalApi.ReturnContent rc) {
        Table t = store.table(tableName);
        DecodedRow ch = RequestRows.decodeOne(rowBytes, "row");
        Prepared p = prepare(t, ch, type, cond, rc, System.currentTimeMillis());
        ByteString out = store.write(() -> {
            ByteString r = apply(p, new StreamCommit(store));
            store.log().commit();
            return r;
        });
        stats.written(1);
        return out;
    }

    private static Prepared prepare(Table t, DecodedRow ch, OperationType type, OtsInternalApi.Condition cond,
                                    OtsInternalApi.ReturnContent rc, long now) {
        byte[] key = RowWrites.key(t, ch);
        if (type == OperationType.DELETE && !ch.ops().isEmpty()) {
            throw OtsError.param("DeleteRow must not carry attribute columns.");
        }
        List<DecodedRow.CellOp> ops = RowWrites.checkOps(t, ch, type, now);
        if (cond != null && cond.hasColumnCondition() && !cond.getColumnCondition().isEmpty()) {
            RowFilter.parse(cond.getColumnCondition()); // reject a malformed condition before anything is applied
        }
        return new Prepared(t, key, ch, type, ops, cond, rc);
    }

    /** Caller holds the write lock. A change that passed its condition is a stream record too (even one that changed nothing). */
    private ByteString apply(Prepared p, StreamCommit stream) {
        Table t = p.table();
        if (store.find(t.name) != t) throw OtsError.tableMissing(); // deleted meanwhile
        byte[] current = t.rows.get(p.key());
        RowWrites.checkCondition(t, current, p.condition());
        byte[] next = RowWrites.apply(t, current, p.type(), p.ops());
        if (next != null || current != null) store.putRow(t, p.key(), next);
        stream.record(t, p.key(), p.type(), p.ops());
        if (p.returnContent() != null && p.returnContent().getReturnType() == OtsInternalApi.ReturnType.RT_PK) {
            return ByteString.copyFrom(PlainBufferWriter.primaryKey(t.schema, KeyCodec.decode(t.schema, p.key())));
        }
        return null;
    }

    OtsInternalApi.BatchWriteRowResponse batchWrite(OtsInternalApi.BatchWriteRowRequest req) {
        if (req.getTablesCount() == 0) throw OtsError.param("No row specified in the request of BatchWriteRow.");
        int total = 0;
        long bytes = 0;
        Set<String> tableNames = new HashSet<>();
        for (OtsInternalApi.TableInBatchWriteRowRequest tr : req.getTablesList()) {
            if (!tableNames.add(tr.getTableName())) {
                throw OtsError.param("The table '" + tr.getTableName() + "' appears more than once in BatchWriteRow.");
            }
            if (tr.getRowsCount() == 0) throw OtsError.param("No row specified in table: '" + tr.getTableName() + "'.");
            total += tr.getRowsCount();
            for (OtsInternalApi.RowInBatchWriteRowRequest r : tr.getRowsList()) bytes += r.getRowChange().size();
        }
        if (total > MAX_BATCH_ROWS) throw OtsError.param("Rows count exceeds the upper limit: " + MAX_BATCH_ROWS + ".");
        if (bytes > MAX_BATCH_BYTES) {
            throw OtsError.param("The total data size of BatchWriteRow request exceeds the limit, limit size: "
                + MAX_BATCH_BYTES + ", data size: " + bytes + ".");
        }
        long now = System.currentTimeMillis();
        // Validate every row first; per-row problems become per-row errors, like the server answers them.
        List<List<Object>> prepared = new ArrayList<>();
        for (OtsInternalApi.TableInBatchWriteRowRequest tr : req.getTablesList()) {
            List<Object> list = new ArrayList<>();
            Table t = store.find(tr.getTableName());
            Set<ByteKey> keys = new HashSet<>();
            for (OtsInternalApi.RowInBatchWriteRowRequest r : tr.getRowsList()) {
                try {
                    if (t == null) throw OtsError.tableMissing();
                    DecodedRow ch = RequestRows.decodeOne(r.getRowChange(), "row");
                    Prepared p = prepare(t, ch, r.getType(), r.hasCondition() ? r.getCondition() : null,
                        r.hasReturnContent() ? r.getReturnContent() : null, now);
                    if (!keys.add(new ByteKey(p.key()))) {
                        throw OtsError.param("The input parameter is invalid: duplicated primary key in table '" + t.name + "'.");
                    }
                    list.add(p);
                } catch (OtsError e) {
                    if (e.getMessage().contains("duplicated primary key")) throw e;
                    list.add(e);
                }
            }
            prepared.add(list);
        }
        int[] ok = {0};
        OtsInternalApi.BatchWriteRowResponse resp = store.write(() -> {
            StreamCommit stream = new StreamCommit(store);
            OtsInternalApi.BatchWriteRowResponse.Builder b = OtsInternalApi.BatchWriteRowResponse.newBuilder();
            for (int i = 0; i < req.getTablesCount(); i++) {
                OtsInternalApi.TableInBatchWriteRowResponse.Builder tb = OtsInternalApi.TableInBatchWriteRowResponse.newBuilder()
                    .setTableName(req.getTables(i).getTableName());
                for (Object o : prepared.get(i)) {
                    OtsInternalApi.RowInBatchWriteRowResponse.Builder rb = OtsInternalApi.RowInBatchWriteRowResponse.newBuilder();
                    OtsError err = o instanceof OtsError ? (OtsError) o : null;
                    ByteString row = null;
                    if (err == null) {
                        try {
                            row = apply((Prepared) o, stream);
                        } catch (OtsError e) {
                            err = e;
                        }
                    }
                    if (err == null) {
                        ok[0]++;
                        rb.setIsOk(true).setConsumed(Tables.consumed(0, 1));
                        if (row != null) rb.setRow(row);
                    } else {
                        rb.setIsOk(false).setError(OtsInternalApi.Error.newBuilder().setCode(err.code()).setMessage(err.getMessage()));
                    }
                    tb.addRows(rb);
                }
                b.addTables(tb);
            }
            store.log().commit();
            return b.build();
        });
        stats.written(ok[0]);
        return resp;
    }

    private record ByteKey(byte[] b) {
        @Override
        public boolean equals(Object o) { return o instanceof ByteKey k && Arrays.equals(b, k.b); }

        @Override
        public int hashCode() { return Arrays.hashCode(b); }
    }
}
