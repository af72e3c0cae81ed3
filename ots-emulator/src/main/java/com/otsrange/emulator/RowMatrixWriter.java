package com.otsrange.emulator;

import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a DBT_SIMPLE_ROW_MATRIX block, TableStore's row matrix for BulkExport (byte layout as
 * the SDK's {@code SimpleRowMatrixBlockParser} reads it; all numbers little-endian):
 *
 * <pre>
 * header   int32 0x304d5253 ("SRM0"), int32 data offset, int32 options offset,
 *          int32 primary-key field count, int32 attribute field count,
 *          per field: int16 name length, UTF-8 name (primary-key fields first)
 * options  byte 10, byte 1|0 (all primary-key columns present), byte 3, int32 row count
 * rows     per row: byte 2, then per field: a type byte and its payload:
 *          0 INTEGER int64 | 1 DOUBLE IEEE bits | 2 BOOLEAN byte 0/1 | 3 STRING int32 length + UTF-8
 *          | 7 BINARY int32 length + bytes | 6 null (no payload)
 * footer   byte 1, CRC-8 of every byte before the CRC itself (same CRC as PlainBuffer)
 * </pre>
 */
final class RowMatrixWriter {
    static final int API_VERSION = 0x304d5253;
    static final byte TAG_CHECKSUM = 1;
    static final byte TAG_ROW = 2;
    static final byte TAG_ROW_COUNT = 3;
    static final byte TAG_ENTIRE_PRIMARY_KEYS = 10;
    static final byte NULL = 6;

    private final ByteSink out;
    private final int rowCountAt;
    private int rows;

    RowMatrixWriter(List<String> pkFields, List<String> attrFields, boolean entirePrimaryKey, int capacity) {
        this.out = new ByteSink(capacity);
        out.writeInt(API_VERSION);
        int dataOffsetAt = out.size();
        out.writeInt(0);
        int optionsOffsetAt = out.size();
        out.writeInt(0);
        out.writeInt(pkFields.size());
        out.writeInt(attrFields.size());
        names(pkFields);
        names(attrFields);
        out.putInt(optionsOffsetAt, out.size());
        out.write(TAG_ENTIRE_PRIMARY_KEYS);
        out.write(entirePrimaryKey ? 1 : 0);
        out.write(TAG_ROW_COUNT);
        rowCountAt = out.size();
        out.writeInt(0);
        out.putInt(dataOffsetAt, out.size());
    }

    private void names(List<String> names) {
        for (String n : names) {
            byte[] b = n.getBytes(StandardCharsets.UTF_8);
            out.writeShort(b.length);
            out.write(b);
        }
    }

    /** Bytes written so far: a row mark for {@link #dropRowsFrom}. */
    int size() { return out.size(); }

    int rows() { return rows; }

    void startRow() { out.write(TAG_ROW); }

    void endRow() { rows++; }

    /** Forgets the last row again (it started at {@code mark}): it belongs to the next answer. */
    void dropLastRow(int mark) {
        out.truncate(mark);
        rows--;
    }

    void nullCell() { out.write(NULL); }

    void longCell(long v) {
        out.write(CellType.INTEGER);
        out.writeLong(v);
    }

    /** A stored cell (type as on the wire; numbers and booleans in {@code bits}, text and bytes in {@code b}). */
    void cell(byte type, long bits, byte[] b, int off, int len) {
        switch (type) {
            case CellType.INTEGER:
            case CellType.DOUBLE:
                out.write(type);
                out.writeLong(bits);
                break;
            case CellType.BOOLEAN:
                out.write(type);
                out.write(bits != 0 ? 1 : 0);
                break;
            default:
                bytesCell(type, b, off, len);
        }
    }

    void bytesCell(byte type, byte[] b, int off, int len) {
        out.write(type);
        out.writeInt(len);
        out.write(b, off, len);
    }

    /** Row count and checksum in; the writer must not be used afterwards. */
    ByteString finish() {
        out.putInt(rowCountAt, rows);
        out.write(TAG_CHECKSUM);
        out.write(out.crc8());
        return out.wrap();
    }
}
