package com.otsrange.emulator;

import java.util.Arrays;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** One table: schema, options and rows (encoded PK bytes -> compact cells), in server order. */
final class Table {
    final String name;
    final PkSchema schema;
    volatile TableSettings options;
    final int reservedRead;
    final int reservedWrite;
    final long creationTime;
    final ConcurrentSkipListMap<byte[], byte[]> rows = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    final ColumnDictionary columns;
    /** Approximate stored bytes (keys + rows), for ComputeSplitPointsBySize. */
    final AtomicLong storedBytes = new AtomicLong();

    Table(String name, PkSchema schema, TableSettings options, int reservedRead, int reservedWrite,
          long creationTime, Store store) {
        this.name = name;
        this.schema = schema;
        this.options = options;
        this.reservedRead = reservedRead;
        this.reservedWrite = reservedWrite;
        this.creationTime = creationTime;
        this.columns = new ColumnDictionary((id, col) -> store.log().column(name, id, col));
    }

    /** Stores or removes (value null) a row; caller holds the store's write lock. */
    void putRaw(byte[] key, byte[] value) {
        byte[] old = value == null ? rows.remove(key) : rows.put(key, value);
        long delta = 0;
        if (old != null) delta -= key.length + old.length;
        if (value != null) delta += key.length + value.length;
        storedBytes.addAndGet(delta);
    }
}
