package com.otsrange.e2e;

import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;
import com.otsrange.emulator.SdkRowLoader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table (PK id STRING, ct INTEGER ms) in the emulator and, beside it, the test's own model of
 * its rows: every write goes through the SDK (PutRow, UpdateRow, DeleteRow, BatchWriteRow) and is
 * applied to the model the way TableStore applies it (PutRow replaces the row, UpdateRow sets or
 * removes columns and creates a missing row, DeleteRow removes it). Every row keeps the column
 * {@code x}, which no job exports, so a row never ends up without attributes.
 */
final class RestateTable {
    static final List<String> PK = Arrays.asList("id", "ct");

    final E2e e2e;
    final String name;
    /** key -> ct -> attributes (no null values). */
    final Map<String, TreeMap<Long, Map<String, Object>>> rows = new TreeMap<>();
    /** Write requests sent so far (each one is a Stream record or several). */
    int writes;

    RestateTable(E2e e2e, String name, int streamHours) {
        this.e2e = e2e;
        this.name = name;
        e2e.createTable(name, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        if (streamHours > 0) {
            UpdateTableRequest enable = new UpdateTableRequest(name);
            enable.setStreamSpecification(new StreamSpecification(true, streamHours));
            e2e.client.updateTable(enable);
        }
    }

    NavigableMap<Long, Map<String, Object>> rowsOf(String key) {
        return rows.computeIfAbsent(key, k -> new TreeMap<>());
    }

    /** BatchWriteRow puts (200 a request), e.g. the first rows of a table. */
    void load(Map<String, Map<Long, Map<String, Object>>> batch) {
        SdkRowLoader loader = new SdkRowLoader(e2e.client);
        for (Map.Entry<String, Map<Long, Map<String, Object>>> k : batch.entrySet()) {
            for (Map.Entry<Long, Map<String, Object>> r : k.getValue().entrySet()) {
                loader.put(name, PK, Arrays.<Object>asList(k.getKey(), r.getKey()), r.getValue());
                rowsOf(k.getKey()).put(r.getKey(), withoutNulls(r.getValue()));
            }
        }
        loader.flush();
        writes++;
    }

    /** PutRow: the row becomes exactly these attributes. */
    void put(String key, long ct, Map<String, Object> attrs) {
        RowPutChange change = new RowPutChange(name, pk(key, ct));
        for (Map.Entry<String, Object> a : attrs.entrySet()) {
            if (a.getValue() != null) {
                change.addColumn(a.getKey(), SdkRowLoader.cellValue(a.getValue()));
            }
        }
        retried(() -> e2e.client.putRow(new PutRowRequest(change)));
        rowsOf(key).put(ct, withoutNulls(attrs));
        writes++;
    }

    /** UpdateRow: a null value deletes the column (all versions), others are set; a missing row is created. */
    void update(String key, long ct, Map<String, Object> set) {
        RowUpdateChange change = new RowUpdateChange(name, pk(key, ct));
        Map<String, Object> row = new LinkedHashMap<>(rowsOf(key).getOrDefault(ct, new LinkedHashMap<>()));
        for (Map.Entry<String, Object> a : set.entrySet()) {
            if (a.getValue() == null) {
                change.deleteColumns(a.getKey());
                row.remove(a.getKey());
            } else {
                change.put(a.getKey(), SdkRowLoader.cellValue(a.getValue()));
                row.put(a.getKey(), a.getValue());
            }
        }
        assertTrue(row.containsKey("x"), "the test keeps column x in every row");
        retried(() -> e2e.client.updateRow(new UpdateRowRequest(change)));
        rowsOf(key).put(ct, row);
        writes++;
    }

    void delete(String key, long ct) {
        retried(() -> e2e.client.deleteRow(new DeleteRowRequest(new RowDeleteChange(name, pk(key, ct)))));
        rowsOf(key).remove(ct);
        writes++;
    }

    /** BatchWriteRow deletes of every row of the key in [from, to) (e.g. a whole file period); the times deleted. */
    List<Long> deleteRange(String key, long from, long to) {
        List<Long> gone = new ArrayList<>(rowsOf(key).subMap(from, to).keySet());
        for (int i = 0; i < gone.size(); i += 200) {
            BatchWriteRowRequest batch = new BatchWriteRowRequest();
            for (long ct : gone.subList(i, Math.min(gone.size(), i + 200))) {
                batch.addRowChange(new RowDeleteChange(name, pk(key, ct)));
            }
            retried(() -> assertTrue(e2e.client.batchWriteRow(batch).isAllSucceed(), "batch delete"));
            writes++;
        }
        rowsOf(key).keySet().removeAll(gone);
        return gone;
    }

    /**
     * A write sent again after a client error: on this loaded 2-core box the SDK now and then meets
     * a closed pooled connection (ConnectionClosedException) and does not retry writes itself. Every
     * write here sets or deletes whole values, so sending it twice leaves the same row (the Stream
     * then holds one record more, which only makes a run read a file again).
     */
    private static void retried(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (com.alicloud.openservices.tablestore.ClientException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The times of the key's rows, in order. */
    Collection<Long> times(String key) {
        return rowsOf(key).keySet();
    }

    private static PrimaryKey pk(String key, long ct) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(key))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct)).build();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> attrs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> a : attrs.entrySet()) {
            if (a.getValue() != null) {
                out.put(a.getKey(), a.getValue());
            }
        }
        return out;
    }
}
