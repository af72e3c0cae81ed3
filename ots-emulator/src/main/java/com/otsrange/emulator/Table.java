package com.otsrange.emulator;

import java.util.Arrays;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;

/** One table: schema, options and rows (encoded PK bytes -> compact cells), in server order. */
final class Table {
    final String name;
    final PkSchema schema;
    volatile TableSettings options;
    volatile int reservedRead;
    volatile int reservedWrite;
    final long creationTime;
    final ConcurrentSkipListMap<byte[], byte[]> rows = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    final ColumnDictionary columns;
    /** The table's stream, null while none is enabled. */
    volatile TableStream stream;

    Table(String name, PkSchema schema, TableSettings options, int reservedRead, int reservedWrite,
          long creationTime, BiConsumer<Integer, String> onNewColumn) {
        this.name = name;
        this.schema = schema;
        this.options = options;
        this.reservedRead = reservedRead;
        this.reservedWrite = reservedWrite;
        this.creationTime = creationTime;
        // a function, not the store: the store holds its tables (Store.columnLog)
        this.columns = new ColumnDictionary(onNewColumn);
    }

    /** Stores or removes (value null) a row; caller holds the store's write lock. */
    void putRaw(byte[] key, byte[] value) {
        if (value == null) {
            rows.remove(key);
        } else {
            rows.put(key, value);
        }
    }
}
