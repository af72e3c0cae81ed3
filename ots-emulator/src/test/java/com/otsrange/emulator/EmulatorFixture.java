package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.ReservedThroughput;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Shared test plumbing: an emulator and SDK clients pointed at it (default configuration; the main
 * client also retries a write the SDK failed before sending it, see {@link UnsentRequestRetry}).
 */
final class EmulatorFixture implements AutoCloseable {
    static final String INSTANCE = "testinst";
    static final String ID = "test-access-id";
    static final String SECRET = "test-access-secret";

    final OtsEmulator emu;
    final SyncClient client;
    private final List<SyncClient> extra = new ArrayList<>();

    EmulatorFixture() throws Exception {
        this(OtsEmulator.builder().instanceName(INSTANCE).accessKeyId(ID).accessKeySecret(SECRET).build());
    }

    EmulatorFixture(OtsEmulator emu) throws Exception {
        this.emu = emu.start();
        this.client = UnsentRequestRetry.client(emu.endpoint(), ID, SECRET, INSTANCE);
    }

    /** A client with the SDK's retries off, to see raw errors. */
    SyncClient noRetryClient() {
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy());
        SyncClient c = new SyncClient(emu.endpoint(), ID, SECRET, INSTANCE, conf);
        extra.add(c);
        return c;
    }

    SyncClient client(String id, String secret, String instance) {
        SyncClient c = new SyncClient(emu.endpoint(), id, secret, instance);
        extra.add(c);
        return c;
    }

    void createTable(String name, int maxVersions, Object... pk) {
        TableMeta meta = new TableMeta(name);
        for (int i = 0; i < pk.length; i += 2) meta.addPrimaryKeyColumn(new PrimaryKeySchema((String) pk[i], (PrimaryKeyType) pk[i + 1]));
        TableOptions opts = new TableOptions(-1, maxVersions);
        opts.setMaxTimeDeviation(86400L * 365 * 100);
        client.createTable(new CreateTableRequest(meta, opts, new ReservedThroughput(0, 0)));
    }

    @Override
    public void close() {
        for (SyncClient c : extra) c.shutdown();
        client.shutdown();
        emu.close();
    }
}
