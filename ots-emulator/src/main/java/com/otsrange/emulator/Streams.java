package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.aliyun.ots.thirdparty.com.google.protobuf.UnsafeByteOperations;

import java.util.List;

/** The Stream API: ListStream, DescribeStream, GetShardIterator and GetStreamRecord. */
final class Streams {
    /** Records one GetStreamRecord answer holds at most (and the largest limit a request may ask for). */
    static final int MAX_RECORDS_PER_PAGE = 1000;
    /** Bytes of records one answer holds at most (it always holds at least one record). */
    static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;

    private final Store store;

    Streams(Store store) { this.store = store; }

    /** A table's stream found by stream id. */
    private record Located(Table table, TableStream stream) {
    }

    /** The stream with this id, trimmed to its retention; null when no table has it (any more). */
    private Located find(String streamId) {
        for (Table t : store.tables()) {
            TableStream s = t.stream;
            if (s != null && s.id.equals(streamId)) {
                store.streams.trim(s);
                return new Located(t, s);
            }
        }
        return null;
    }

    private Located locate(String streamId) {
        Located l = find(streamId);
        if (l == null) throw OtsError.streamMissing();
        return l;
    }

    OtsInternalApi.ListStreamResponse list(OtsInternalApi.ListStreamRequest req) {
        List<Table> tables = req.hasTableName() ? List.of(store.table(req.getTableName())) : store.tables();
        OtsInternalApi.ListStreamResponse.Builder b = OtsInternalApi.ListStreamResponse.newBuilder();
        for (Table t : tables) {
            TableStream s = t.stream;
            if (s != null) {
                b.addStreams(OtsInternalApi.Stream.newBuilder().setStreamId(s.id).setTableName(t.name).setCreationTime(s.creationMicros));
            }
        }
        return b.build();
    }

    /** Shards in creation order (parents before children); a page starts at inclusive_start_shard_id. */
    OtsInternalApi.DescribeStreamResponse describe(OtsInternalApi.DescribeStreamRequest req) {
        Located l = locate(req.getStreamId());
        if (req.hasShardLimit() && req.getShardLimit() <= 0) {
            throw OtsError.param("The shard limit must be greater than 0, got " + req.getShardLimit() + ".");
        }
        List<Shard> shards = l.stream().shards();
        int from = 0;
        if (req.hasInclusiveStartShardId()) {
            from = -1;
            for (int i = 0; i < shards.size() && from < 0; i++) {
                if (shards.get(i).id.equals(req.getInclusiveStartShardId())) from = i;
            }
            if (from < 0) throw OtsError.shardMissing();
        }
        int to = req.hasShardLimit() ? (int) Math.min(shards.size(), (long) from + req.getShardLimit()) : shards.size();
        OtsInternalApi.DescribeStreamResponse.Builder b = OtsInternalApi.DescribeStreamResponse.newBuilder()
            .setStreamId(l.stream().id).setExpirationTime(l.stream().expirationHours()).setTableName(l.table().name)
            .setCreationTime(l.stream().creationMicros).setStreamStatus(OtsInternalApi.StreamStatus.STREAM_ACTIVE);
        for (Shard s : shards.subList(from, to)) {
            OtsInternalApi.StreamShard.Builder sb = OtsInternalApi.StreamShard.newBuilder().setShardId(s.id);
            if (s.parentId != null) sb.setParentId(s.parentId);
            if (s.parentSiblingId != null) sb.setParentSiblingId(s.parentSiblingId);
            b.addShards(sb);
        }
        if (to < shards.size()) b.setNextShardId(shards.get(to).id);
        return b.build();
    }

    /** At the oldest record kept, or at the first record committed at or after {@code timestamp} (microseconds). */
    OtsInternalApi.GetShardIteratorResponse iterator(OtsInternalApi.GetShardIteratorRequest req) {
        Located l = locate(req.getStreamId());
        if (req.hasToken() && !req.getToken().isEmpty()) {
            throw OtsError.param("Invalid token: this emulator answers GetShardIterator in one call and never issues a next_token.");
        }
        if (req.hasTimestamp() && req.getTimestamp() < 0) {
            throw OtsError.param("The timestamp must not be negative, got " + req.getTimestamp() + ".");
        }
        Long position = l.stream().start(req.getShardId(), req.hasTimestamp() ? req.getTimestamp() : null);
        if (position == null) throw OtsError.shardMissing();
        return OtsInternalApi.GetShardIteratorResponse.newBuilder()
            .setShardIterator(new ShardIterator(l.stream().id, req.getShardId(), position).encode()).build();
    }

    /**
     * The records from the iterator's position; the next iterator follows them, and stays at the
     * same position on an open shard that has nothing new. At the end of a closed shard there is
     * no next iterator.
     */
    OtsInternalApi.GetStreamRecordResponse records(OtsInternalApi.GetStreamRecordRequest req) {
        ShardIterator it = ShardIterator.decode(req.getShardIterator());
        if (req.hasLimit() && (req.getLimit() < 1 || req.getLimit() > MAX_RECORDS_PER_PAGE)) {
            throw OtsError.param("The limit must be in range [1, " + MAX_RECORDS_PER_PAGE + "], got " + req.getLimit() + ".");
        }
        Located l = find(it.streamId());
        if (l == null) throw OtsError.trimmed();
        if (req.hasTableName() && !req.getTableName().equals(l.table().name)) {
            throw OtsError.param("The shard iterator belongs to table '" + l.table().name + "', not to '" + req.getTableName() + "'.");
        }
        StreamPage page = l.stream().read(it.shardId(), it.position(), req.hasLimit() ? req.getLimit() : MAX_RECORDS_PER_PAGE, MAX_PAGE_BYTES);
        OtsInternalApi.GetStreamRecordResponse.Builder b = OtsInternalApi.GetStreamRecordResponse.newBuilder();
        long bytes = 0;
        for (StreamEntry e : page.records()) {
            b.addStreamRecords(OtsInternalApi.GetStreamRecordResponse.StreamRecord.newBuilder()
                .setActionType(e.action()).setRecord(UnsafeByteOperations.unsafeWrap(e.record())));
            bytes += e.record().length;
        }
        if (!page.shardEnded()) b.setNextShardIterator(new ShardIterator(it.streamId(), it.shardId(), page.next()).encode());
        return b.setMayMoreRecord(page.more()).setConsumed(Tables.consumed((int) ((bytes + 4095) / 4096), 0)).build();
    }
}
