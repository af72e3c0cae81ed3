package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RowPutChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads rows through the SDK's BatchWriteRow the way users' data gets in, in batches within the
 * service's limits (200 rows, well under 4 MB), so tests load data through the same wire protocol
 * they read it back with. Values map by Java type: Long/Integer -> INTEGER, Double -> DOUBLE,
 * Boolean -> BOOLEAN, byte[] -> BINARY, String -> STRING; a null attribute is left out.
 */
public final class SdkRowLoader {
    private static final int MAX_ROWS = 200;
    private static final long MAX_BYTES = 3_000_000;

    private final SyncClient client;
    private final List<RowPutChange> batch = new ArrayList<>();
    private long batchBytes;

    public SdkRowLoader(SyncClient client) {
        this.client = client;
    }

    /** Queues one row; call {@link #flush()} after the last one. */
    public void put(String table, List<String> pkNames, List<Object> pk, Map<String, Object> attrs) {
        List<PrimaryKeyColumn> cols = new ArrayList<>(pkNames.size());
        for (int i = 0; i < pkNames.size(); i++) {
            cols.add(new PrimaryKeyColumn(pkNames.get(i), pkValue(pk.get(i))));
        }
        RowPutChange change = new RowPutChange(table, new PrimaryKey(cols));
        long size = 64;
        for (Map.Entry<String, Object> a : attrs.entrySet()) {
            Object v = a.getValue();
            if (v != null) {
                change.addColumn(new Column(a.getKey(), cellValue(v)));
                size += v instanceof byte[] ? ((byte[]) v).length : v instanceof String ? ((String) v).length() * 4L : 8;
            }
        }
        if (batch.size() == MAX_ROWS || batchBytes + size > MAX_BYTES) {
            flush();
        }
        batch.add(change);
        batchBytes += size;
    }

    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        BatchWriteRowRequest request = new BatchWriteRowRequest();
        for (RowPutChange c : batch) {
            request.addRowChange(c);
        }
        BatchWriteRowResponse response = client.batchWriteRow(request);
        if (!response.isAllSucceed()) {
            throw new IllegalStateException("batch write failed: " + response.getFailedRows().get(0).getError());
        }
        batch.clear();
        batchBytes = 0;
    }

    public static PrimaryKeyValue pkValue(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return PrimaryKeyValue.fromLong(((Number) v).longValue());
        }
        if (v instanceof byte[]) {
            return PrimaryKeyValue.fromBinary((byte[]) v);
        }
        return PrimaryKeyValue.fromString((String) v);
    }

    public static ColumnValue cellValue(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return ColumnValue.fromLong(((Number) v).longValue());
        }
        if (v instanceof Double) {
            return ColumnValue.fromDouble((Double) v);
        }
        if (v instanceof Boolean) {
            return ColumnValue.fromBoolean((Boolean) v);
        }
        if (v instanceof byte[]) {
            return ColumnValue.fromBinary((byte[]) v);
        }
        return ColumnValue.fromString((String) v);
    }
}
