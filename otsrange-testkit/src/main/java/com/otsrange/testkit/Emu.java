package com.otsrange.testkit;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.emulator.FaultSpec;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.emulator.SdkRowLoader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * An emulator on a free port plus an SDK client to create tables and load rows (through
 * BatchWriteRow), and the reader's {@code readApi} the tests of a suite run with.
 */
public class Emu implements AutoCloseable {
    public static final String ID = "e2e-id";
    /** Distinctive so a leak is found by grepping. */
    public static final String SECRET = "SeCrEt-9f3Kq7-DoNotLeak-Zx81";
    public static final String INSTANCE = "e2einst";

    public final OtsEmulator emulator;
    public final SyncClient client;
    /** The reader's readApi in jobs against this emulator (null: the reader's default). */
    public final String readApi;

    public Emu(String readApi) throws Exception {
        this(readApi, java.util.Collections.<String>emptySet());
    }

    /** @param disabled actions the emulator answers as unsupported (e.g. BulkExport) */
    public Emu(String readApi, java.util.Set<String> disabled) throws Exception {
        this(readApi, disabled, 1);
    }

    /** @param streamShards the shards a newly enabled Stream starts with (the emulator's default is 1) */
    public Emu(String readApi, java.util.Set<String> disabled, int streamShards) throws Exception {
        this.readApi = readApi;
        emulator = OtsEmulator.builder().port(0).instanceName(INSTANCE).accessKeyId(ID).accessKeySecret(SECRET)
                .faults(FaultSpec.none()).disabledActions(disabled).streamShards(streamShards).build().start();
        client = UnsentRequestRetry.client(emulator.endpoint(), ID, SECRET, INSTANCE);
    }

    /** For a suite that runs on both read paths: the suite class's {@link OnReadApi}, getRange without one. */
    public static Emu forSuite(Class<?> suite) throws Exception {
        return new Emu(readApiOf(suite, "getRange"));
    }

    /** The readApi of a suite class's {@link OnReadApi}, {@code otherwise} without one. */
    protected static String readApiOf(Class<?> suite, String otherwise) {
        OnReadApi api = suite.getAnnotation(OnReadApi.class);
        return api == null ? otherwise : api.value();
    }

    public String endpoint() {
        return emulator.endpoint();
    }

    /** PK columns name, type pairs in order. */
    public void createTable(String table, Object... nameType) {
        TableMeta meta = new TableMeta(table);
        for (int i = 0; i < nameType.length; i += 2) {
            meta.addPrimaryKeyColumn(new PrimaryKeySchema((String) nameType[i], (PrimaryKeyType) nameType[i + 1]));
        }
        TableOptions options = new TableOptions(-1, 1);
        options.setMaxTimeDeviation(20L * 365 * 86400);
        client.createTable(new CreateTableRequest(meta, options));
    }

    public void deleteTable(String table) {
        client.deleteTable(new DeleteTableRequest(table));
    }

    /** One source row: primary key values in order, attributes (null = absent). */
    public static final class SrcRow {
        public final List<Object> pk;
        public final Map<String, Object> attrs;

        public SrcRow(List<Object> pk, Map<String, Object> attrs) {
            this.pk = pk;
            this.attrs = attrs;
        }
    }

    public void load(String table, List<String> pkNames, List<SrcRow> rows) {
        SdkRowLoader loader = new SdkRowLoader(client);
        for (SrcRow r : rows) {
            loader.put(table, pkNames, r.pk, r.attrs);
        }
        loader.flush();
    }

    public static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The action the reader scans rows with on this suite's path: GetRange only with readApi getRange. */
    public String readAction() {
        return actionOf(readApi);
    }

    /** Requests served so far of the action a readApi reads rows with (auto, or none: BulkExport). */
    public long readRequestsOf(String api) {
        return emulator.stats().requests(actionOf(api));
    }

    /** Requests of {@link #readAction()} served so far. */
    public long readRequests() {
        return emulator.stats().requests(readAction());
    }

    private static String actionOf(String readApi) {
        return "getRange".equals(readApi) ? "GetRange" : "BulkExport";
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
