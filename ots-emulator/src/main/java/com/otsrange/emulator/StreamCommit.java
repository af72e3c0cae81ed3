package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.OperationType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream records of one write request: every row it changes on a table with a stream gets a
 * record in the shard of its partition key, all with the request's commit timestamp and, per
 * shard, row indexes 0, 1, ... in request order. Caller holds the store's write lock.
 */
final class StreamCommit {
    private final Store store;
    private final Map<Shard, Integer> rowsPerShard = new HashMap<>();
    private long micros = -1;

    StreamCommit(Store store) { this.store = store; }

    /** {@code ops} as applied (written versions carry their timestamps). */
    void record(Table t, byte[] key, OperationType type, List<DecodedRow.CellOp> ops) {
        TableStream s = t.stream;
        if (s == null) return;
        if (micros < 0) micros = store.streams.clock().nextMicros();
        store.streams.trim(s);
        Shard shard = s.openShardFor(PartitionHash.of(t.schema, key));
        int row = rowsPerShard.merge(shard, 1, Integer::sum) - 1;
        StreamEntry e = new StreamEntry(micros, row, StreamRecordEncoder.action(type),
            StreamRecordEncoder.encode(t.schema, key, type, ops, micros, row));
        s.append(shard, e);
        store.log().streamRecord(t.name, shard.id, e);
    }
}
