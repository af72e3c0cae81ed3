package com.otsrange.reader.support;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.emulator.FaultSpec;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.emulator.SdkRowLoader;
import com.otsrange.reader.OtsRangeReader;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;

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
    /** The reader's readApi for jobs against this emulator ({@link Jobs#reader}). */
    public final String readApi;

    static {
        LocalRunner.registerPlugin(PluginType.WRITER, "collectwriter", CollectWriter.class.getName());
        LocalRunner.registerPlugin(PluginType.READER, "otsrangereader", OtsRangeReader.class.getName());
    }

    public Emu() throws Exception {
        this("getRange");
    }

    /** For a suite that runs on both read paths: the suite class's {@link OnReadApi}, getRange without one. */
    public static Emu forSuite(Class<?> suite) throws Exception {
        OnReadApi api = suite.getAnnotation(OnReadApi.class);
        return new Emu(api == null ? "getRange" : api.value());
    }

    public Emu(String readApi) throws Exception {
        this(readApi, java.util.Collections.<String>emptySet());
    }

    /** @param disabled actions the emulator answers as unsupported (e.g. BulkExport) */
    public Emu(String readApi, java.util.Set<String> disabled) throws Exception {
        this.readApi = readApi;
        emulator = OtsEmulator.builder().port(0).instanceName(INSTANCE).accessKeyId(ID).accessKeySecret(SECRET)
                .faults(FaultSpec.none()).disabledActions(disabled).build().start();
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
        SdkRowLoader loader = new SdkRowLoader(client);
        for (TestRow r : rows) {
            loader.put(table, pkNames, r.pk, r.attrs);
        }
        loader.flush();
    }

    /** The action the reader scans rows with on this suite's path: GetRange or BulkExport. */
    public String readAction() {
        return "getRange".equals(readApi) ? "GetRange" : "BulkExport";
    }

    /** Requests served so far of the action a readApi reads rows with (auto: BulkExport). */
    public long readRequestsOf(String api) {
        return emulator.stats().requests("getRange".equals(api) ? "GetRange" : "BulkExport");
    }

    /** Requests of {@link #readAction()} served so far. */
    public long readRequests() {
        return emulator.stats().requests(readAction());
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
