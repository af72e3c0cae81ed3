package com.otsrange.emulator;

import java.util.List;

/** A table's primary key columns in order: names and types. Immutable. */
final class PkSchema {
    private final String[] names;
    private final byte[][] nameBytes;
    private final PkType[] types;
    private final EncodedName[] encoded;

    PkSchema(List<String> names, List<PkType> types) {
        this.names = names.toArray(new String[0]);
        this.types = types.toArray(new PkType[0]);
        this.nameBytes = new byte[this.names.length][];
        for (int i = 0; i < this.names.length; i++) {
            nameBytes[i] = this.names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        this.encoded = new EncodedName[this.names.length];
        for (int i = 0; i < this.names.length; i++) encoded[i] = new EncodedName(nameBytes[i]);
    }

    int size() { return names.length; }
    String name(int i) { return names[i]; }
    byte[] nameBytes(int i) { return nameBytes[i]; }
    PkType type(int i) { return types[i]; }
    EncodedName encoded(int i) { return encoded[i]; }

    boolean hasColumn(String name) {
        for (String n : names) {
            if (n.equals(name)) return true;
        }
        return false;
    }
}
