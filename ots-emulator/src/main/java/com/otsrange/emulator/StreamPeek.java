package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamResponse;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordResponse;
import com.alicloud.openservices.tablestore.model.ListStreamRequest;
import com.alicloud.openservices.tablestore.model.RecordColumn;
import com.alicloud.openservices.tablestore.model.Stream;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.model.StreamShard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code peek --stream}: the latest records of a table's stream through the SDK's stream calls,
 * oldest first, one line each: commit time, shard, sequence (epoch:timestamp:row index), record
 * type, primary key, then per column {@code name=value@version}, {@code name:DELETE_ONE_VERSION@version}
 * or {@code name:DELETE_ALL_VERSION}.
 */
final class StreamPeek {
    private StreamPeek() {
    }

    private record ShardRecord(String shardId, StreamRecord record) {
    }

    /** The lines, or null when the table has no stream. */
    static List<String> latest(SyncClient client, String table, int limit) {
        List<Stream> streams = client.listStream(new ListStreamRequest(table)).getStreams();
        if (streams.isEmpty()) return null;
        String streamId = streams.get(0).getStreamId();
        List<ShardRecord> all = new ArrayList<>();
        for (StreamShard shard : shards(client, streamId)) {
            String it = client.getShardIterator(new GetShardIteratorRequest(streamId, shard.getShardId())).getShardIterator();
            while (it != null) {
                GetStreamRecordResponse r = client.getStreamRecord(new GetStreamRecordRequest(it));
                for (StreamRecord rec : r.getRecords()) all.add(new ShardRecord(shard.getShardId(), rec));
                if (r.getRecords().isEmpty()) break; // an open shard has nothing newer
                it = r.getNextShardIterator();
            }
        }
        all.sort(Comparator.comparingLong((ShardRecord s) -> s.record().getSequenceInfo().getTimestamp())
            .thenComparing(ShardRecord::shardId).thenComparingInt(s -> s.record().getSequenceInfo().getRowIndex()));
        List<String> lines = new ArrayList<>();
        for (ShardRecord s : all.subList(Math.max(0, all.size() - limit), all.size())) lines.add(format(s.shardId(), s.record()));
        return lines;
    }

    private static List<StreamShard> shards(SyncClient client, String streamId) {
        DescribeStreamRequest req = new DescribeStreamRequest(streamId);
        List<StreamShard> shards = new ArrayList<>();
        while (true) {
            DescribeStreamResponse r = client.describeStream(req);
            shards.addAll(r.getShards());
            if (r.getNextShardId() == null) return shards;
            req.setInclusiveStartShardId(r.getNextShardId());
        }
    }

    static String format(String shardId, StreamRecord r) {
        long micros = r.getSequenceInfo().getTimestamp();
        StringBuilder sb = new StringBuilder()
            .append(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)).append(' ').append(shardId).append(' ')
            .append(r.getSequenceInfo().getEpoch()).append(':').append(micros).append(':').append(r.getSequenceInfo().getRowIndex())
            .append(' ').append(r.getRecordType()).append(' ').append(PrimaryKeyText.of(r.getPrimaryKey()));
        if (!r.getColumns().isEmpty()) sb.append(" |");
        for (RecordColumn c : r.getColumns()) {
            sb.append(' ').append(c.getColumn().getName());
            switch (c.getColumnType()) {
                case PUT:
                    sb.append('=').append(c.getColumn().getValue()).append('@').append(c.getColumn().getTimestamp());
                    break;
                case DELETE_ONE_VERSION:
                    sb.append(":DELETE_ONE_VERSION@").append(c.getColumn().getTimestamp());
                    break;
                default:
                    sb.append(":DELETE_ALL_VERSION");
            }
        }
        return sb.toString();
    }
}
