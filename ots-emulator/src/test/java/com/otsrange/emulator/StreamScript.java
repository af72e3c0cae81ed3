package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RecordColumn;
import com.alicloud.openservices.tablestore.model.RowChange;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes through the SDK to a table with PK (id STRING, n INTEGER) and keeps, per shard of the
 * test's own {@link ShardLayout}, the records the writes must produce: their text (type, key,
 * columns with operation types), row index and the wall-clock window the commit happened in.
 */
final class StreamScript {
    final SyncClient client;
    final String table;
    final ShardLayout layout;
    final Map<String, List<Expected>> byShard = new LinkedHashMap<>();

    StreamScript(SyncClient client, String table, ShardLayout layout) {
        this.client = client;
        this.table = table;
        this.layout = layout;
    }

    record Expected(String text, long fromMicros, long toMicros, int rowIndex) {
    }

    /** One column operation of a write: a version with value, one version deleted, all versions deleted. */
    record Col(String name, ColumnValue value, Long ts, RecordColumn.ColumnType type) {
        static Col put(String name, ColumnValue value, long ts) { return new Col(name, value, ts, RecordColumn.ColumnType.PUT); }
        static Col deleteOne(String name, long ts) { return new Col(name, null, ts, RecordColumn.ColumnType.DELETE_ONE_VERSION); }
        static Col deleteAll(String name) { return new Col(name, null, null, RecordColumn.ColumnType.DELETE_ALL_VERSION); }
    }

    static PrimaryKey pk(String id, long n) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(id))
            .addPrimaryKeyColumn("n", PrimaryKeyValue.fromLong(n)).build();
    }

    RowPutChange putChange(String id, long n, Col... cols) {
        RowPutChange c = new RowPutChange(table, pk(id, n));
        for (Col col : cols) c.addColumn(col.name, col.value, col.ts);
        return c;
    }

    RowUpdateChange updateChange(String id, long n, Col... cols) {
        RowUpdateChange c = new RowUpdateChange(table, pk(id, n));
        for (Col col : cols) {
            switch (col.type) {
                case PUT:
                    c.put(col.name, col.value, col.ts);
                    break;
                case DELETE_ONE_VERSION:
                    c.deleteColumn(col.name, col.ts);
                    break;
                default:
                    c.deleteColumns(col.name);
            }
        }
        return c;
    }

    void put(String id, long n, Col... cols) {
        long from = nowMicros();
        client.putRow(new PutRowRequest(putChange(id, n, cols)));
        expect(id, n, "PUT", cols, from, 0);
    }

    void update(String id, long n, Col... cols) {
        long from = nowMicros();
        client.updateRow(new UpdateRowRequest(updateChange(id, n, cols)));
        expect(id, n, "UPDATE", cols, from, 0);
    }

    void delete(String id, long n) {
        long from = nowMicros();
        client.deleteRow(new DeleteRowRequest(new RowDeleteChange(table, pk(id, n))));
        expect(id, n, "DELETE", new Col[0], from, 0);
    }

    /** One BatchWriteRow; every change must succeed. Its records share a timestamp; row indexes count per shard. */
    void batch(List<RowChange> changes, List<Col[]> cols) {
        BatchWriteRowRequest req = new BatchWriteRowRequest();
        changes.forEach(req::addRowChange);
        long from = nowMicros();
        BatchWriteRowResponse r = client.batchWriteRow(req);
        assertTrue(r.isAllSucceed(), r.getFailedRows().toString());
        Map<String, Integer> rowsPerShard = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            RowChange c = changes.get(i);
            String id = c.getPrimaryKey().getPrimaryKeyColumn("id").getValue().asString();
            long n = c.getPrimaryKey().getPrimaryKeyColumn("n").getValue().asLong();
            String type = c instanceof RowPutChange ? "PUT" : c instanceof RowUpdateChange ? "UPDATE" : "DELETE";
            int row = rowsPerShard.merge(layout.shardOf(ShardLayout.hash(id)), 1, Integer::sum) - 1;
            expect(id, n, type, cols.get(i), from, row);
        }
    }

    private void expect(String id, long n, String type, Col[] cols, long from, int rowIndex) {
        StringBuilder sb = new StringBuilder(type).append(" id=").append(id).append(" n=").append(n).append(" |");
        for (Col c : cols) {
            sb.append(' ').append(c.name).append(':').append(c.type);
            if (c.value != null) sb.append('=').append(render(c.value));
            if (c.ts != null) sb.append('@').append(c.ts);
        }
        byShard.computeIfAbsent(layout.shardOf(ShardLayout.hash(id)), k -> new ArrayList<>())
            .add(new Expected(sb.toString(), from, nowMicros() + 1000, rowIndex));
    }

    static long nowMicros() { return System.currentTimeMillis() * 1000L; }

    /** A record as the test compares it: type, key and columns in the record's order. */
    static String text(StreamRecord r) {
        StringBuilder sb = new StringBuilder(r.getRecordType().name());
        for (PrimaryKeyColumn c : r.getPrimaryKey().getPrimaryKeyColumns()) sb.append(' ').append(c.getName()).append('=').append(c.getValue());
        sb.append(" |");
        for (RecordColumn c : r.getColumns()) {
            sb.append(' ').append(c.getColumn().getName()).append(':').append(c.getColumnType());
            if (c.getColumnType() == RecordColumn.ColumnType.PUT) sb.append('=').append(render(c.getColumn().getValue()));
            if (c.getColumn().hasSetTimestamp()) sb.append('@').append(c.getColumn().getTimestamp());
        }
        return sb.toString();
    }

    static String render(ColumnValue v) {
        switch (v.getType()) {
            case STRING: return "s:" + v.asString();
            case INTEGER: return "i:" + v.asLong();
            case DOUBLE: return "d:" + v.asDouble();
            case BOOLEAN: return "b:" + v.asBoolean();
            default: return "x:" + Base64.getEncoder().encodeToString(v.asBinary());
        }
    }

    /** Every record of a shard from its oldest, following next iterators until an empty page or the shard's end. */
    static List<StreamRecord> readShard(SyncClient client, String streamId, String shardId) {
        List<StreamRecord> out = new ArrayList<>();
        String it = client.getShardIterator(new GetShardIteratorRequest(streamId, shardId)).getShardIterator();
        while (it != null) {
            GetStreamRecordResponse r = client.getStreamRecord(new GetStreamRecordRequest(it));
            out.addAll(r.getRecords());
            if (r.getRecords().isEmpty()) break;
            it = r.getNextShardIterator();
        }
        return out;
    }

    /** The shard holds exactly the expected records in write order, each committed in its write's window. */
    void assertShard(String streamId, String shardId) {
        List<StreamRecord> actual = readShard(client, streamId, shardId);
        List<Expected> expected = byShard.getOrDefault(shardId, List.of());
        List<String> actualText = new ArrayList<>();
        actual.forEach(r -> actualText.add(text(r)));
        List<String> expectedText = new ArrayList<>();
        expected.forEach(e -> expectedText.add(e.text()));
        assertEquals(expectedText, actualText, "shard " + shardId);
        long lastTs = -1;
        int lastRow = -1;
        for (int i = 0; i < actual.size(); i++) {
            StreamRecord r = actual.get(i);
            Expected e = expected.get(i);
            long ts = r.getSequenceInfo().getTimestamp();
            assertEquals(0, r.getSequenceInfo().getEpoch(), e.text());
            assertTrue(ts >= e.fromMicros() && ts <= e.toMicros(), e.text() + ": " + ts + " not in [" + e.fromMicros() + ", " + e.toMicros() + "]");
            assertEquals(e.rowIndex(), r.getSequenceInfo().getRowIndex(), e.text());
            assertTrue(ts > lastTs || (ts == lastTs && r.getSequenceInfo().getRowIndex() > lastRow), "sequence grows: " + e.text());
            lastTs = ts;
            lastRow = r.getSequenceInfo().getRowIndex();
        }
    }
}
