package com.otsrange.emulator;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Per-table mapping of attribute column names to small ids, so stored rows carry a 1-2 byte id
 * instead of the name. Ids are only ever added.
 */
final class ColumnDictionary {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[0];
    private volatile byte[][] nameBytes = new byte[0][];
    private volatile EncodedName[] encoded = new EncodedName[0];
    private final BiConsumer<Integer, String> onNew;

    ColumnDictionary(BiConsumer<Integer, String> onNew) {
        this.onNew = onNew;
    }

    int idOf(String name) {
        Integer id = ids.get(name);
        return id != null ? id : add(name);
    }

    private synchronized int add(String name) {
        Integer id = ids.get(name);
        if (id != null) return id;
        int next = names.length;
        append(next, name);
        onNew.accept(next, name);
        return next;
    }

    /** Replays a persisted entry; ids must arrive in order. */
    synchronized void restore(int id, String name) {
        if (id != names.length) throw new IllegalStateException("column dictionary out of order: " + id);
        append(id, name);
    }

    /** Adds the next id (caller holds the lock); the id goes into the map last, so whoever finds it sees its name. */
    private void append(int id, String name) {
        String[] grown = Arrays.copyOf(names, id + 1);
        grown[id] = name;
        nameBytes = grownBytes(id, name);
        encoded = grownEncoded(id);
        names = grown;
        ids.put(name, id);
    }

    String name(int id) { return names[id]; }

    int size() { return names.length; }

    byte[] nameBytes(int id) { return nameBytes[id]; }

    EncodedName encoded(int id) { return encoded[id]; }

    private EncodedName[] grownEncoded(int id) {
        EncodedName[] g = Arrays.copyOf(encoded, id + 1);
        g[id] = new EncodedName(nameBytes[id]);
        return g;
    }

    private byte[][] grownBytes(int id, String name) {
        byte[][] g = Arrays.copyOf(nameBytes, id + 1);
        g[id] = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return g;
    }

    /** Existing id or -1; never adds. */
    int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }
}
