package com.otsrange.reader.support;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.emulator.FaultSpec;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.reader.OtsRangeReader;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An emulator plus an SDK client to create tables and load rows. */
public final class Emu implements AutoCloseable {
    public static final String ID = "test-id";
    public static final String SECRET = "test-secret-XYZ";
    public static final String INSTANCE = "inst";

    public final OtsEmulator emulator;
    public final SyncClient client;

    static {
        LocalRunner.registerPlugin(PluginType.WRITER, "collectwriter", CollectWriter.class.getName());
        LocalRunner.registerPlugin(PluginType.READER, "otsrangereader", OtsRangeReader.class.getName());
    }

    public Emu() throws Exception {
        emulator = OtsEmulator.builder().port(0).instanceName(INSTANCE).accessKeyId(ID).accessKeySecret(SECRET)
                .faults(FaultSpec.none()).build().start();
        client = new SyncClient(emulator.endpoint(), ID, SECRET, INSTANCE);
    }

    public String endpoint() {
        return emulator.endpoint();
    }

    /** pk: name -> type, in order. */
    public void createTable(String table, Map<String, PrimaryKeyType> pk) {
        TableMeta meta = new TableMeta(table);
        for (Map.Entry<String, PrimaryKeyType> e : pk.entrySet()) {
            meta.addPrimaryKeyColumn(new PrimaryKeySchema(e.getKey(), e.getValue()));
        }
        client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));
    }

    public static Map<String, PrimaryKeyType> pk(Object... nameType) {
        Map<String, PrimaryKeyType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            m.put((String) nameType[i], (PrimaryKeyType) nameType[i + 1]);
        }
        return m;
    }

    /** A row to load: primary key values in order and attribute cells (null values skipped). */
    public static final class TestRow {
        public final List<Object> pk;
        public final Map<String, Object> attrs;

        public TestRow(List<Object> pk, Map<String, Object> attrs) {
            this.pk = pk;
            this.attrs = attrs;
        }
    }

    public void load(String table, List<String> pkNames, List<TestRow> rows) {
        List<RowPutChange> batch = new ArrayList<>();
        for (TestRow r : rows) {
            List<PrimaryKeyColumn> cols = new ArrayList<>();
            for (int i = 0; i < pkNames.size(); i++) {
                cols.add(new PrimaryKeyColumn(pkNames.get(i), pkValue(r.pk.get(i))));
            }
            RowPutChange put = new RowPutChange(table, new PrimaryKey(cols));
            for (Map.Entry<String, Object> a : r.attrs.entrySet()) {
                if (a.getValue() != null) {
                    put.addColumn(new Column(a.getKey(), cellValue(a.getValue())));
                }
            }
            batch.add(put);
            if (batch.size() == 200) {
                flush(batch);
            }
        }
        flush(batch);
    }

    private void flush(List<RowPutChange> batch) {
        if (batch.isEmpty()) {
            return;
        }
        BatchWriteRowRequest req = new BatchWriteRowRequest();
        for (RowPutChange c : batch) {
            req.addRowChange(c);
        }
        BatchWriteRowResponse resp = client.batchWriteRow(req);
        if (!resp.isAllSucceed()) {
            throw new IllegalStateException("batch write failed: " + resp.getFailedRows().get(0).getError());
        }
        batch.clear();
    }

    static PrimaryKeyValue pkValue(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return PrimaryKeyValue.fromLong(((Number) v).longValue());
        }
        if (v instanceof byte[]) {
            return PrimaryKeyValue.fromBinary((byte[]) v);
        }
        return PrimaryKeyValue.fromString((String) v);
    }

    static ColumnValue cellValue(Object v) {
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

    public void faults(String spec) {
        emulator.setFaults(FaultSpec.parse(spec));
    }

    @Override
    public void close() {
        client.shutdown();
        emulator.close();
    }
}
