package com.otsrange.emulator;

/** Attribute value type bytes, the same numbers PlainBuffer uses on the wire. */
final class CellType {
    static final byte INTEGER = 0;
    static final byte DOUBLE = 1;
    static final byte BOOLEAN = 2;
    static final byte STRING = 3;
    static final byte BLOB = 7;

    private CellType() {
    }

    static String name(byte t) {
        switch (t) {
            case INTEGER: return "INTEGER";
            case DOUBLE: return "DOUBLE";
            case BOOLEAN: return "BOOLEAN";
            case STRING: return "STRING";
            case BLOB: return "BINARY";
            default: return "type " + t;
        }
    }
}
