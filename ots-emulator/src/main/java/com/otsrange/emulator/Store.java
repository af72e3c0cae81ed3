package com.otsrange.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * All tables of the instance. Writes of one request run under the write lock and reads of one
 * page under the read lock, so a reader never sees part of a batch.
 */
final class Store {
    final StreamSetup streams;
    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile StoreLog log = StoreLog.NONE;

    Store() { this(StreamSetup.defaults()); }

    Store(StreamSetup streams) { this.streams = streams; }

    void setLog(StoreLog log) { this.log = log; }

    StoreLog log() { return log; }

    /** Logs a table's new column ids to whichever log is current when the column first appears. */
    BiConsumer<Integer, String> columnLog(String table) {
        return (id, name) -> log.column(table, id, name);
    }

    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) throw OtsError.tableMissing();
        return t;
    }

    Table find(String name) { return tables.get(name); }

    /** Every table, by name. */
    List<Table> tables() {
        List<Table> all = new ArrayList<>();
        for (String name : tableNames()) {
            Table t = tables.get(name);
            if (t != null) all.add(t);
        }
        return all;
    }

    List<String> tableNames() {
        List<String> names = new ArrayList<>(tables.keySet());
        names.sort(null);
        return names;
    }

    void create(Table t) {
        write(() -> {
            if (tables.putIfAbsent(t.name, t) != null) throw OtsError.tableExists();
            log.tableCreated(t);
            if (t.stream != null) log.streamOpened(t.name, t.stream);
            log.commit();
            return null;
        });
    }

    void delete(String name) {
        write(() -> {
            if (tables.remove(name) == null) throw OtsError.tableMissing();
            log.tableDeleted(name);
            log.commit();
            return null;
        });
    }

    /** Restores a table while replaying the log (no logging). */
    void restore(Table t) { tables.put(t.name, t); }

    void restoreDelete(String name) { tables.remove(name); }

    <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies a row change and logs it; caller holds the write lock. */
    void putRow(Table t, byte[] key, byte[] valueOrNull) {
        t.putRaw(key, valueOrNull);
        log.row(t.name, key, valueOrNull);
    }
}
