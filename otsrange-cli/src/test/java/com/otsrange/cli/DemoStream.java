package com.otsrange.cli;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.StreamPosition;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** The demo table's Stream in tests of changes "stream": enable it, record a position as the writer half will, write a late reading. */
final class DemoStream {
    static final String TABLE = "sensor_data";

    private DemoStream() {
    }

    static void enable(SyncClient client) {
        UpdateTableRequest enable = new UpdateTableRequest(TABLE);
        enable.setStreamSpecification(new StreamSpecification(true, 24));
        client.updateTable(enable);
    }

    /** What the writer half records after a run (a streamPosition line): where the Stream stands now. */
    static void recordPositionNow(SyncClient client, Path stateDir) throws IOException {
        String stream = client.describeTable(new DescribeTableRequest(TABLE)).getStreamDetails().getStreamId();
        Map<String, StreamPosition.Shard> shards = new TreeMap<>();
        for (StreamShard sh : client.describeStream(new DescribeStreamRequest(stream)).getShards()) {
            GetShardIteratorRequest at = new GetShardIteratorRequest(stream, sh.getShardId());
            at.setTimestamp(System.currentTimeMillis() * 1000);
            shards.put(sh.getShardId(), StreamPosition.Shard.at(client.getShardIterator(at).getShardIterator()));
        }
        try (CheckpointLog log = CheckpointLog.open(stateDir)) {
            log.streamPosition(new StreamPosition(stream, System.currentTimeMillis(), shards));
        }
    }

    /** A reading of {@code device} with dim 0 at {@code time} (ISO-8601 with offset), written now. */
    static void lateReading(SyncClient client, String device, String time) {
        RowPutChange late = new RowPutChange(TABLE, PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(device))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(OffsetDateTime.parse(time).toInstant().toEpochMilli()))
                .addPrimaryKeyColumn("dim", PrimaryKeyValue.fromLong(0)).build());
        late.addColumn("p20_1", ColumnValue.fromDouble(1.5));
        client.putRow(new PutRowRequest(late));
    }

    /** job/incremental.json with the emulator's connection, the output folder and {@code "changes": changes}. */
    static String incrementalJob(String endpoint, String instance, String secret, Path out, String changes) throws IOException {
        return new String(java.nio.file.Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/incremental.json")),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("${endpoint}", endpoint).replace("${instanceName}", instance).replace("${accessId}", "id")
                .replace("${accessKey}", secret).replace("${outputDir}", out.toString().replace("\\", "/"))
                .replace("\"resume\": true", "\"resume\": true, \"changes\": " + changes);
    }
}
