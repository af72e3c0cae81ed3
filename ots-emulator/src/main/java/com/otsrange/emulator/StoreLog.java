package com.otsrange.emulator;

/** Receives every state change, in order, for persistence. */
interface StoreLog {
    StoreLog NONE = new StoreLog() {
    };

    default void tableCreated(Table t) {
    }

    default void tableDeleted(String table) {
    }

    default void column(String table, int id, String name) {
    }

    default void row(String table, byte[] key, byte[] valueOrNull) {
    }

    /** UpdateTable changed options or reserved throughput. */
    default void tableUpdated(Table t) {
    }

    /** A stream was enabled, or its expiration changed (same id). Its shards follow as {@link #shardCreated}. */
    default void streamEnabled(String table, TableStream s) {
    }

    /**
     * A new stream's entries: the stream, then each of its shards. Here, not in StreamChanges, so
     * that the store can log a table created with a stream without depending on the class that
     * changes streams (which holds the store).
     */
    default void streamOpened(String table, TableStream s) {
        streamEnabled(table, s);
        for (Shard shard : s.shards()) shardCreated(table, shard);
    }

    default void streamDisabled(String table) {
    }

    default void shardCreated(String table, Shard shard) {
    }

    default void shardClosed(String table, String shardId, long micros) {
    }

    default void streamRecord(String table, String shardId, StreamEntry e) {
    }

    /** End of one request's changes: make them durable together. */
    default void commit() {
    }
}
