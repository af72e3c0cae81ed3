package com.otsrange.emulator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact stored form of a row's attribute cells:
 * {@code varint baseTs} then per cell {@code varint columnId, type, zigzag(ts - baseTs), payload},
 * payload INTEGER zigzag varint, DOUBLE 8 bytes, BOOLEAN 1 byte, STRING/BLOB varint length + bytes.
 * Cells are kept sorted by column name, then timestamp descending: the order responses need.
 */
final class RowCodec {
    private RowCodec() {
    }

    /** {@code cells} must already be sorted by name, then timestamp descending. */
    static byte[] encode(List<Cell> cells, ColumnDictionary dict) {
        if (cells.isEmpty()) return new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + cells.size() * 12);
        long base = cells.get(0).timestamp();
        writeVarLong(out, zigzag(base));
        for (Cell c : cells) {
            writeVarLong(out, dict.idOf(c.name()));
            out.write(c.type());
            writeVarLong(out, zigzag(c.timestamp() - base));
            switch (c.type()) {
                case CellType.INTEGER:
                    writeVarLong(out, zigzag(c.bits()));
                    break;
                case CellType.DOUBLE:
                    for (int s = 0; s < 64; s += 8) out.write((int) (c.bits() >>> s));
                    break;
                case CellType.BOOLEAN:
                    out.write((int) c.bits());
                    break;
                default:
                    writeVarLong(out, c.bytes().length);
                    out.write(c.bytes(), 0, c.bytes().length);
            }
        }
        return out.toByteArray();
    }

    static List<Cell> decode(byte[] row, ColumnDictionary dict) {
        List<Cell> cells = new ArrayList<>();
        Cursor c = new Cursor(row, dict);
        while (c.next()) cells.add(c.toCell());
        return cells;
    }

    /** Walks the cells of a stored row without allocating per cell. */
    static final class Cursor {
        private final byte[] b;
        private final ColumnDictionary dict;
        private int pos;
        private long base;
        int columnId;
        byte type;
        long timestamp;
        long bits;
        int bytesOffset;
        int bytesLength;

        Cursor(byte[] row, ColumnDictionary dict) {
            this.b = row;
            this.dict = dict;
            if (row.length > 0) base = unzigzag(readVarLong());
        }

        byte[] buffer() { return b; }

        boolean next() {
            if (pos >= b.length) return false;
            columnId = (int) readVarLong();
            type = b[pos++];
            timestamp = base + unzigzag(readVarLong());
            switch (type) {
                case CellType.INTEGER:
                    bits = unzigzag(readVarLong());
                    break;
                case CellType.DOUBLE: {
                    long v = 0;
                    for (int s = 0; s < 64; s += 8) v |= (b[pos++] & 0xFFL) << s;
                    bits = v;
                    break;
                }
                case CellType.BOOLEAN:
                    bits = b[pos++];
                    break;
                default:
                    bytesLength = (int) readVarLong();
                    bytesOffset = pos;
                    pos += bytesLength;
            }
            return true;
        }

        String name() { return dict.name(columnId); }

        Cell toCell() {
            byte[] bytes = null;
            if (type == CellType.STRING || type == CellType.BLOB) {
                bytes = Arrays.copyOfRange(b, bytesOffset, bytesOffset + bytesLength);
            }
            return new Cell(name(), timestamp, type, bits, bytes);
        }

        private long readVarLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) return v;
                shift += 7;
            }
        }
    }

    static void writeVarLong(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static long zigzag(long v) { return (v << 1) ^ (v >> 63); }
    static long unzigzag(long v) { return (v >>> 1) ^ -(v & 1); }
}
