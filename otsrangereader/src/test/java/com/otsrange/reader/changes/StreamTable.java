package com.otsrange.reader.changes;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.ReservedThroughput;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.StateDir;
import com.otsrange.common.TimeWindow;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.scan.SdkGateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * An emulator with a table {@code ev} (PK id STRING, dim INTEGER, ct INTEGER ms) whose Stream the
 * tests write to through the SDK, an incremental job over it (UTC, month files, {@code dim = 0},
 * a task per key) and its ledger, written here as the writer Job would have left it.
 */
final class StreamTable implements AutoCloseable {
    static final String TABLE = "ev";
    static final String ID = "id";
    static final String SECRET = "secret";
    static final String INSTANCE = "inst";

    final OtsEmulator emu;
    final SyncClient client;
    final Path out;

    StreamTable(OtsEmulator.Builder builder, Path out) throws IOException {
        this.emu = builder.port(0).instanceName(INSTANCE).accessKeyId(ID).accessKeySecret(SECRET).build().start();
        this.client = UnsentRequestRetry.client(emu.endpoint(), ID, SECRET, INSTANCE);
        this.out = out;
    }

    static StreamTable start(int streamShards, Path out) throws IOException {
        return new StreamTable(OtsEmulator.builder().streamShards(streamShards), out);
    }

    static long ms(String utc) {
        return Instant.parse(utc.length() == 10 ? utc + "T00:00:00Z" : utc + "Z").toEpochMilli();
    }

    /** @param streamHours the Stream's expiration, or 0 for a table without a Stream */
    void create(int streamHours) {
        TableMeta meta = new TableMeta(TABLE);
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("dim", PrimaryKeyType.INTEGER));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
        TableOptions opts = new TableOptions(-1, 1);
        opts.setMaxTimeDeviation(86400L * 365 * 100);
        CreateTableRequest req = new CreateTableRequest(meta, opts, new ReservedThroughput(0, 0));
        if (streamHours > 0) {
            req.setStreamSpecification(new StreamSpecification(true, streamHours));
        }
        client.createTable(req);
    }

    void stream(boolean enabled, int hours) {
        UpdateTableRequest r = new UpdateTableRequest(TABLE);
        r.setStreamSpecification(enabled ? new StreamSpecification(true, hours) : new StreamSpecification(false));
        client.updateTable(r);
    }

    static PrimaryKey pk(String id, long dim, long ct) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(id))
                .addPrimaryKeyColumn("dim", PrimaryKeyValue.fromLong(dim)).addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct)).build();
    }

    /** A row with columns v (and w, f, x when given): name, value pairs. */
    void put(String id, long dim, long ct, Object... cols) {
        RowPutChange c = new RowPutChange(TABLE, pk(id, dim, ct));
        for (int i = 0; i < cols.length; i += 2) {
            c.addColumn((String) cols[i], ColumnValue.fromLong(((Number) cols[i + 1]).longValue()));
        }
        client.putRow(new PutRowRequest(c));
    }

    void update(String id, long dim, long ct, String column, long value) {
        RowUpdateChange c = new RowUpdateChange(TABLE, pk(id, dim, ct));
        c.put(column, ColumnValue.fromLong(value));
        client.updateRow(new UpdateRowRequest(c));
    }

    void delete(String id, long dim, long ct) {
        client.deleteRow(new DeleteRowRequest(new RowDeleteChange(TABLE, pk(id, dim, ct))));
    }

    String streamId() {
        return client.describeTable(new DescribeTableRequest(TABLE)).getStreamDetails().getStreamId();
    }

    List<StreamShard> shards() {
        return client.describeStream(new DescribeStreamRequest(streamId())).getShards();
    }

    /**
     * The open shard a key's records go to, from the emulator's documented layout: a shard's id is
     * its hash range {@code %08x-%08x}, the hash the CRC-32 of the key's UTF-8 bytes.
     */
    String shardOf(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        long h = crc.getValue();
        List<String> parents = new ArrayList<>();
        for (StreamShard s : shards()) {
            if (s.getParentId() != null) {
                parents.add(s.getParentId());
            }
        }
        for (StreamShard s : shards()) {
            String[] range = s.getShardId().split("-");
            if (!parents.contains(s.getShardId()) && h >= Long.parseLong(range[0], 16) && h <= Long.parseLong(range[1], 16)) {
                return s.getShardId();
            }
        }
        throw new IllegalStateException("no open shard holds " + key);
    }

    /** The incremental reader parameter: tasks as given (JSON object text), this run's window [from, to). */
    Map<String, Object> reader(String tasksJson, String changes, String shard, String from, String to) {
        String json = "{\"endpoint\":\"" + emu.endpoint() + "\",\"accessId\":\"" + ID + "\",\"accessKey\":\"" + SECRET
                + "\",\"instanceName\":\"" + INSTANCE + "\",\"table\":\"" + TABLE + "\",\"schema\":{\"partitionKey\":\"id\","
                + "\"sortKey\":\"ct\",\"otherKeys\":[\"dim\"]},\"filters\":{\"dim\":0,\"ct\":{\"gte\":\"" + from + "\",\"lt\":\""
                + to + "\"}},\"resume\":true,\"readApi\":\"getRange\",\"tasks\":{\"source\":\"inline\",\"definitions\":" + tasksJson + "}"
                + (changes == null ? "" : ",\"changes\":" + changes) + (shard == null ? "" : ",\"shard\":\"" + shard + "\"") + "}";
        return JSON.parseObject(json, Feature.OrderedField);
    }

    ReaderSpec spec(Map<String, Object> reader) {
        return ReaderSpecParser.parse(reader, out, Collections.<String, String>emptyMap()).spec();
    }

    static Map<String, Object> writerParameter(Path path, boolean allowGaps) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("path", path.toString());
        w.put("fileName", "{partition_key}/{year}-{month}.csv");
        w.put("writeMode", "append");
        w.put("allowGaps", allowGaps);
        return w;
    }

    WriterPeer writer(boolean allowGaps) {
        return WriterPeer.of("csvyearwriter", writerParameter(out, allowGaps), out);
    }

    Path stateDir(ReaderSpec spec) {
        return StateDir.of(out, spec.table(), spec.shard());
    }

    /** A ledger whose done windows are these [from, to) pairs (UTC dates), as the writer Job records them. */
    void ledger(ReaderSpec spec, String... windows) throws IOException {
        try (CheckpointLog log = CheckpointLog.create(stateDir(spec), Collections.singletonMap("reader.table", "x"))) {
            for (int i = 0; i < windows.length; i += 2) {
                TimeWindow w = TimeWindow.of(ms(windows[i]), ms(windows[i + 1]));
                log.windowDone(w, w);
            }
        }
    }

    /** The reader's planning as its Job's split runs it. */
    Plan plan(ReaderSpec spec, boolean allowGaps) {
        try (SdkGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
            return ReaderPlanning.plan(spec, gateway, writer(allowGaps), out, 2);
        }
    }

    /**
     * The table with a 24-hour Stream, and a {@code "stream"} job of these tasks (JSON object text)
     * whose ledger holds {@link StreamChangesTest#WINDOWS}, this run's window [2024-02-08, 2024-02-09),
     * after a first run recorded the Stream's position.
     */
    ReaderSpec afterFirstRun(String tasksJson) throws IOException {
        create(24);
        ReaderSpec spec = spec(reader(tasksJson, "\"stream\"", null, "2024-02-08", "2024-02-09"));
        ledger(spec, StreamChangesTest.WINDOWS);
        recordPosition(spec, plan(spec, true).window().restatement());
        return spec;
    }

    /** What the writer half records once a run's restatements are committed: the position handed over. */
    void recordPosition(ReaderSpec spec, Restatement r) throws IOException {
        try (CheckpointLog log = CheckpointLog.open(stateDir(spec))) {
            log.streamPosition(r.position());
        }
    }

    @Override
    public void close() {
        client.shutdown();
        emu.close();
    }
}
