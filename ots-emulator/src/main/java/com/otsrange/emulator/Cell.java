package com.otsrange.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One version of one attribute column: name, timestamp and a typed value. Values are held as
 * {@code bits} (INTEGER value, DOUBLE raw bits, BOOLEAN 0/1) or {@code bytes} (STRING UTF-8, BLOB).
 */
record Cell(String name, long timestamp, byte type, long bits, byte[] bytes) {

    static Cell ofLong(String name, long ts, long v) { return new Cell(name, ts, CellType.INTEGER, v, null); }
    static Cell ofDouble(String name, long ts, double v) {
        return new Cell(name, ts, CellType.DOUBLE, Double.doubleToRawLongBits(v), null);
    }
    static Cell ofBoolean(String name, long ts, boolean v) { return new Cell(name, ts, CellType.BOOLEAN, v ? 1 : 0, null); }
    static Cell ofString(String name, long ts, String v) {
        return new Cell(name, ts, CellType.STRING, 0, v.getBytes(StandardCharsets.UTF_8));
    }
    static Cell ofBinary(String name, long ts, byte[] v) { return new Cell(name, ts, CellType.BLOB, 0, v); }

    Cell withTimestamp(long ts) { return new Cell(name, ts, type, bits, bytes); }

    /** Stored size, as the server counts it for limits and split points: name + value (+ 8 for the timestamp). */
    int dataSize() {
        int valueSize;
        switch (type) {
            case CellType.BOOLEAN:
                valueSize = 1;
                break;
            case CellType.STRING:
            case CellType.BLOB:
                valueSize = bytes.length;
                break;
            default: valueSize = 8;
        }
        return name.length() + valueSize + 8;
    }

    boolean sameValue(Cell o) {
        return type == o.type && bits == o.bits && Arrays.equals(bytes, o.bytes);
    }
}
