package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes to a table's stream and their log entries: enabled by CreateTable or UpdateTable (a new
 * stream with a new id), its expiration changed by UpdateTable on an enabled stream (same id),
 * disabled by UpdateTable (the stream and its records are gone), a shard split by the test hook.
 * Callers hold the store's write lock and commit the log afterwards.
 */
final class StreamChanges {
    static final int MIN_EXPIRATION_HOURS = 1;
    static final int MAX_EXPIRATION_HOURS = 168;

    private final Store store;

    StreamChanges(Store store) { this.store = store; }

    /** Refuses a StreamSpecification the emulator would not apply, before anything changes. */
    static void check(OtsInternalApi.StreamSpecification spec) {
        if (spec.getColumnsToGetCount() > 0) {
            throw OtsError.param("Stream columns_to_get (origin records) are not supported by this emulator.");
        }
        if (!spec.getEnableStream()) {
            if (spec.hasExpirationTime()) throw OtsError.param("The expiration time cannot be set when the stream is disabled.");
            return;
        }
        if (!spec.hasExpirationTime()) throw OtsError.param("The expiration time is required when the stream is enabled.");
        int hours = spec.getExpirationTime();
        if (hours < MIN_EXPIRATION_HOURS || hours > MAX_EXPIRATION_HOURS) {
            throw OtsError.param("The expiration time of the stream must be in range [" + MIN_EXPIRATION_HOURS + ", "
                + MAX_EXPIRATION_HOURS + "] hours, got " + hours + ".");
        }
    }

    /** A new stream for a table being created (logged with the table, see {@link Store#create}). */
    TableStream open(String table, OtsInternalApi.StreamSpecification spec) {
        return TableStream.open(table, spec.getExpirationTime(), store.streams.shardsPerStream(), store.streams.clock().nextMicros());
    }

    void apply(Table t, OtsInternalApi.StreamSpecification spec) {
        TableStream s = t.stream;
        if (!spec.getEnableStream()) {
            if (s != null) {
                t.stream = null;
                store.log().streamDisabled(t.name);
            }
            return;
        }
        if (s != null) {
            s.setExpirationHours(spec.getExpirationTime());
            store.log().streamEnabled(t.name, s);
            return;
        }
        t.stream = open(t.name, spec);
        store.log().streamOpened(t.name, t.stream);
    }

    /** Splits an open shard of the table's stream; returns the two children's ids. */
    List<String> split(Table t, String shardId) {
        TableStream s = t.stream;
        if (s == null) throw new IllegalStateException("table '" + t.name + "' has no stream enabled");
        long now = store.streams.clock().nextMicros();
        List<Shard> children = s.split(shardId, now);
        store.log().shardClosed(t.name, shardId, now);
        List<String> ids = new ArrayList<>();
        for (Shard c : children) {
            store.log().shardCreated(t.name, c);
            ids.add(c.id);
        }
        return ids;
    }

    /** DescribeTable's and UpdateTable's stream_details. */
    static OtsInternalApi.StreamDetails details(Table t) {
        TableStream s = t.stream;
        OtsInternalApi.StreamDetails.Builder b = OtsInternalApi.StreamDetails.newBuilder().setEnableStream(s != null);
        if (s != null) {
            b.setStreamId(s.id).setExpirationTime(s.expirationHours()).setLastEnableTime(s.lastEnableMicros);
        }
        return b.build();
    }
}
