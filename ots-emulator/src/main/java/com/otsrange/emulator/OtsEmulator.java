package com.otsrange.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An embedded TableStore server speaking the real wire protocol on 127.0.0.1, for the official
 * SDK with default settings (response validation on).
 *
 * <pre>
 * try (OtsEmulator emu = OtsEmulator.builder().instanceName("inst").accessKeyId("id")
 *         .accessKeySecret("secret").build().start()) {
 *     SyncClient client = new SyncClient(emu.endpoint(), "id", "secret", "inst");
 * }
 * </pre>
 */
public final class OtsEmulator implements AutoCloseable {
    private final int requestedPort;
    private final String instanceName;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final Path dataDir;
    private final boolean demo;
    private final Set<String> disabledActions;
    private final java.util.concurrent.atomic.AtomicInteger bulkExportRows =
        new java.util.concurrent.atomic.AtomicInteger(BulkExports.MAX_SCANNED_ROWS);
    private final EmulatorStats stats = new EmulatorStats();
    private final FaultInjector faults;
    final Store store;
    private MiniHttpServer server;
    private FileStoreLog fileLog;

    private OtsEmulator(Builder b) {
        this.requestedPort = b.port;
        this.instanceName = b.instanceName;
        this.accessKeyId = b.accessKeyId;
        this.accessKeySecret = b.accessKeySecret;
        this.dataDir = b.dataDir;
        this.demo = b.demo;
        this.disabledActions = Set.copyOf(b.disabledActions);
        this.faults = new FaultInjector(b.faults);
        this.store = new Store(new StreamSetup(new StreamClock(b.streamHourMs, b.streamClockOffset.toMillis()), b.streamShards));
    }

    public static Builder builder() { return new Builder(); }

    /** Loads persisted tables (if a data dir is set) and the demo table (if asked), then listens. */
    public synchronized OtsEmulator start() throws IOException {
        if (server != null) throw new IllegalStateException("already started");
        if (dataDir != null) {
            fileLog = FileStoreLog.open(dataDir, store);
            store.setLog(fileLog);
        }
        if (demo) DemoData.load(store);
        OtsService service = new OtsService(store, new Auth(instanceName, accessKeyId, accessKeySecret), stats, faults, disabledActions, bulkExportRows);
        server = new MiniHttpServer(requestedPort, service::handle, service::failed, System.err::println);
        server.start();
        return this;
    }

    public String endpoint() { return "http://127.0.0.1:" + port(); }

    public int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.port();
    }

    public String instanceName() { return instanceName; }

    public String accessKeyId() { return accessKeyId; }

    public EmulatorStats stats() { return stats; }

    /** Replaces the fault spec (and restarts its random sequence from the spec's seed). */
    public void setFaults(FaultSpec spec) { faults.set(Objects.requireNonNull(spec, "spec")); }

    public FaultSpec faults() { return faults.spec(); }

    /**
     * Rows one BulkExport answer scans at most (default 5000, like a GetRange page). The service
     * decides this; tests make answers small to exercise continuation, as GetRange's limit does.
     */
    public void setBulkExportRowsPerAnswer(int rows) {
        if (rows < 1) throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        bulkExportRows.set(rows);
    }

    /**
     * Test hook: splits an open shard of a table's stream as a partition split does. The shard
     * closes (its records stay readable; its last page has no next iterator) and two children
     * appear, each with the shard as parent: the lower and the upper half of its hash range.
     * Returns the children's ids (lower half first).
     *
     * @throws IllegalArgumentException no such table or shard
     * @throws IllegalStateException the table has no stream, or the shard is closed already
     */
    public List<String> splitStreamShard(String table, String shardId) {
        return store.write(() -> {
            Table t = store.find(table);
            if (t == null) throw new IllegalArgumentException("no table '" + table + "'");
            List<String> children = new StreamChanges(store).split(t, shardId);
            store.log().commit();
            return children;
        });
    }

    /**
     * Test aid: moves the stream clock (record timestamps and the retention clock) to wall time
     * plus {@code offset}, e.g. a day back so records fall on yesterday, or hours ahead so records
     * expire. Record timestamps never go backwards within the emulator, whatever the offset.
     */
    public void setStreamClockOffset(Duration offset) { store.streams.clock().setOffset(Objects.requireNonNull(offset, "offset")); }

    public Duration streamClockOffset() { return store.streams.clock().offset(); }

    public int streamShards() { return store.streams.shardsPerStream(); }

    public long streamHourMs() { return store.streams.clock().hourMs(); }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        if (fileLog != null) {
            fileLog.close();
            fileLog = null;
        }
    }

    public static final class Builder {
        private int port;
        private String instanceName = "otsrange";
        private String accessKeyId = "test-id";
        private String accessKeySecret = "test-secret";
        private FaultSpec faults = FaultSpec.none();
        private Path dataDir;
        private boolean demo;
        private Set<String> disabledActions = Set.of();
        private int streamShards = 1;
        private long streamHourMs = StreamClock.REAL_HOUR_MS;
        private Duration streamClockOffset = Duration.ZERO;

        private Builder() {
        }

        /** Shards a stream starts with when it is enabled (default 1); keys spread over them by {@code PartitionHash}. */
        public Builder streamShards(int shards) {
            if (shards < 1 || shards > StreamSetup.MAX_SHARDS) {
                throw new IllegalArgumentException("streamShards must be 1.." + StreamSetup.MAX_SHARDS + ", got " + shards);
            }
            this.streamShards = shards;
            return this;
        }

        /** Test aid: how long one hour of a stream's expiration lasts, in ms (default 3600000). */
        public Builder streamHourMs(long ms) {
            if (ms < 1) throw new IllegalArgumentException("streamHourMs must be >= 1, got " + ms);
            this.streamHourMs = ms;
            return this;
        }

        /** Test aid: the stream clock runs at wall time plus this offset (see {@link OtsEmulator#setStreamClockOffset}). */
        public Builder streamClockOffset(Duration offset) {
            this.streamClockOffset = Objects.requireNonNull(offset, "streamClockOffset");
            return this;
        }

        /** 0 (default) = an ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
            this.port = port;
            return this;
        }

        public Builder instanceName(String name) {
            this.instanceName = Objects.requireNonNull(name, "instanceName");
            return this;
        }

        public Builder accessKeyId(String id) {
            this.accessKeyId = Objects.requireNonNull(id, "accessKeyId");
            return this;
        }

        public Builder accessKeySecret(String secret) {
            this.accessKeySecret = Objects.requireNonNull(secret, "accessKeySecret");
            return this;
        }

        public Builder faults(FaultSpec spec) {
            this.faults = Objects.requireNonNull(spec, "faults");
            return this;
        }

        /** Keeps tables in this folder across restarts (append-only log replayed at start). */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Creates and fills the {@code sensor_data} demo table at start (unless it already exists). */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /**
         * Actions answered 400 OTSParameterInvalid "Unsupported operation", as by a service that
         * does not offer them (e.g. {@code BulkExport}, to test a client's fallback).
         */
        public Builder disabledActions(Set<String> actions) {
            this.disabledActions = Set.copyOf(actions);
            return this;
        }

        public OtsEmulator build() { return new OtsEmulator(this); }
    }
}
