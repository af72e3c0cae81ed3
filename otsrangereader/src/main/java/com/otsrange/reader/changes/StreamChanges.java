package com.otsrange.reader.changes;

import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamResponse;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.Stream;
import com.alicloud.openservices.tablestore.model.StreamDetails;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.otsrange.common.StreamPosition;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.StreamGone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The table's Stream as restatement reads it: whether it is enabled and its id, its shards
 * (DescribeStream, page by page), a position at a time (one iterator per shard, by timestamp), and
 * the walk from a recorded position, refused ({@link ChangesRefusal}) when the position can no
 * longer say what changed since it was recorded.
 */
final class StreamChanges {
    /**
     * A position taken at S seeks to S minus this: a record's time is the service's clock, S is this
     * host's, and a record seen twice only costs a re-read, a record skipped would be a change lost.
     */
    static final long SEEK_MARGIN_MS = 10 * 60_000L;

    private final OtsGateway gateway;
    private final String table;
    private final int describePage;

    /** @param describePage shards per DescribeStream answer asked for (the walk follows next_shard_id either way) */
    StreamChanges(OtsGateway gateway, String table, int describePage) {
        this.gateway = gateway;
        this.table = table;
        this.describePage = describePage;
    }

    /** The table's stream id, or null when no Stream is enabled. */
    String enabledStreamId() {
        StreamDetails d = gateway.streamDetails(table);
        if (d == null || !d.isEnableStream()) {
            return null;
        }
        if (d.getStreamId() != null) {
            return d.getStreamId();
        }
        List<Stream> streams = gateway.streams(table);
        return streams.isEmpty() ? null : streams.get(0).getStreamId();
    }

    /** Every shard of the stream, in DescribeStream's order (parents before their children). */
    List<StreamShard> shards(String streamId) {
        List<StreamShard> out = new ArrayList<>();
        DescribeStreamRequest request = new DescribeStreamRequest(streamId);
        request.setShardLimit(describePage);
        while (true) {
            DescribeStreamResponse page = gateway.describeStream(request);
            out.addAll(page.getShards());
            if (page.getNextShardId() == null || page.getShards().isEmpty()) {
                return out;
            }
            request.setInclusiveStartShardId(page.getNextShardId());
        }
    }

    /** A position at {@code at} (epoch ms) less the margin: an iterator per shard, no record read. */
    StreamPosition seek(String streamId, List<StreamShard> shards, long at) {
        Map<String, StreamPosition.Shard> out = new TreeMap<>();
        for (StreamShard s : shards) {
            GetShardIteratorRequest request = new GetShardIteratorRequest(streamId, s.getShardId());
            request.setTimestamp((at - SEEK_MARGIN_MS) * 1000L);
            out.put(s.getShardId(), StreamPosition.Shard.at(gateway.shardIterator(request)));
        }
        return new StreamPosition(streamId, at, out);
    }

    /**
     * Why {@code recorded} cannot be read on from without reading anything, or null: it belongs to
     * another stream, or a shard it had not read to its end is gone.
     */
    static String unreadable(StreamPosition recorded, String streamId, List<StreamShard> shards) {
        if (!recorded.streamId().equals(streamId)) {
            return "the stream position the last run recorded belongs to stream " + recorded.streamId() + ", but the table's"
                    + " Stream is now " + streamId + " (it was disabled and enabled again, which drops the records of the old one)";
        }
        Set<String> listed = new HashSet<>();
        for (StreamShard s : shards) {
            listed.add(s.getShardId());
        }
        for (Map.Entry<String, StreamPosition.Shard> e : recorded.shards().entrySet()) {
            if (!e.getValue().isFinished() && !listed.contains(e.getKey())) {
                return "shard " + e.getKey() + " of the Stream, which the last run had not read to its end, is gone (its records"
                        + " expired)";
            }
        }
        return null;
    }

    /**
     * Whether every iterator of {@code recorded} still reads (one GetStreamRecord of one record per
     * unfinished shard): null when it does, else why not.
     */
    String trimmed(StreamPosition recorded) {
        for (Map.Entry<String, StreamPosition.Shard> e : recorded.shards().entrySet()) {
            if (e.getValue().isFinished()) {
                continue;
            }
            GetStreamRecordRequest probe = new GetStreamRecordRequest(e.getValue().iterator());
            probe.setLimit(1);
            try {
                gateway.streamRecords(probe);
            } catch (StreamGone g) {
                return trimmedText(e.getKey(), g);
            }
        }
        return null;
    }

    static String trimmedText(String shard, StreamGone g) {
        return "reading shard " + shard + " of the Stream from the position the last run recorded was answered " + g.getMessage()
                + ": the Stream no longer keeps the records since then (its expiration is shorter than the time since that run)";
    }

    /**
     * Where each shard starts on from {@code recorded}: a shard recorded unfinished at its iterator,
     * a shard not recorded from the oldest record kept; shards recorded finished are not read.
     */
    static Map<String, ShardWalk.Start> starts(StreamPosition recorded, List<StreamShard> shards) {
        Map<String, ShardWalk.Start> out = new LinkedHashMap<>();
        for (StreamShard s : shards) {
            StreamPosition.Shard at = recorded.shards().get(s.getShardId());
            if (at == null) {
                out.put(s.getShardId(), new ShardWalk.Start(null));
            } else if (!at.isFinished()) {
                out.put(s.getShardId(), new ShardWalk.Start(at.iterator()));
            }
        }
        return out;
    }

    /**
     * The position after a walk: each listed shard where its read ended, finished shards the stream
     * still lists stay finished (those it no longer lists are dropped), shards not read keep their
     * recorded iterator (a child whose parent is still open), or stay out (read from the start later).
     */
    static StreamPosition after(StreamPosition recorded, String streamId, List<StreamShard> shards,
                                Map<String, StreamPosition.Shard> ends, long at) {
        Map<String, StreamPosition.Shard> out = new TreeMap<>();
        for (StreamShard s : shards) {
            String id = s.getShardId();
            StreamPosition.Shard end = ends.get(id);
            StreamPosition.Shard before = recorded.shards().get(id);
            if (end != null) {
                out.put(id, end);
            } else if (before != null) {
                out.put(id, before);
            }
        }
        return new StreamPosition(streamId, at, out);
    }
}
