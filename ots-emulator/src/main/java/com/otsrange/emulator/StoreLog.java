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

    /** End of one request's changes: make them durable together. */
    default void commit() {
    }
}
