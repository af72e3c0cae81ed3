package com.otsrange.emulator;

import java.util.List;

import static com.otsrange.emulator.PlainBufferFormat.HEADER;
import static com.otsrange.emulator.PlainBufferFormat.TAG_CELL_CHECKSUM;
import static com.otsrange.emulator.PlainBufferFormat.TAG_CELL_TIMESTAMP;
import static com.otsrange.emulator.PlainBufferFormat.TAG_CELL_TYPE;
import static com.otsrange.emulator.PlainBufferFormat.TAG_DELETE_ROW_MARKER;
import static com.otsrange.emulator.PlainBufferFormat.TAG_EXTENSION;
import static com.otsrange.emulator.PlainBufferFormat.TAG_ROW_CHECKSUM;
import static com.otsrange.emulator.PlainBufferFormat.TAG_ROW_DATA;
import static com.otsrange.emulator.PlainBufferFormat.TAG_ROW_PK;
import static com.otsrange.emulator.PlainBufferFormat.TAG_SEQ_INFO;
import static com.otsrange.emulator.PlainBufferFormat.TAG_SEQ_INFO_EPOCH;
import static com.otsrange.emulator.PlainBufferFormat.TAG_SEQ_INFO_ROW_INDEX;
import static com.otsrange.emulator.PlainBufferFormat.TAG_SEQ_INFO_TS;

/**
 * Writes PlainBuffer rows for responses straight from stored keys and cells, computing the CRCs
 * the SDK verifies (cell: name, value, timestamp, op type; row: cell CRCs then delete marker).
 */
final class PlainBufferWriter {
    private final ByteSink out;
    private byte rowCrc;
    private boolean dataOpen;
    private boolean deleteMarker;

    PlainBufferWriter(ByteSink out) { this.out = out; }

    void header() { out.writeInt(HEADER); }

    void startRow() {
        out.write(TAG_ROW_PK);
        rowCrc = 0;
        dataOpen = false;
        deleteMarker = false;
    }

    void pkCell(PkSchema schema, int i, PkValue v) {
        EncodedName name = schema.encoded(i);
        out.write(name.head);
        byte crc = name.crc;
        if (v.inf() == PkValue.INF_MIN || v.inf() == PkValue.INF_MAX) {
            byte t = v.inf() == PkValue.INF_MIN ? (byte) 9 : (byte) 10;
            out.writeInt(1);
            out.write(t);
            crc = Crc8.update(crc, t);
        } else if (schema.type(i) == PkType.INTEGER) {
            out.writeInt(1 + 8);
            out.write(CellType.INTEGER);
            out.writeLong(v.longValue());
            crc = Crc8.updateLong(Crc8.update(crc, CellType.INTEGER), v.longValue());
        } else {
            byte t = schema.type(i).wireType;
            byte[] b = v.bytes();
            out.writeInt(1 + 4 + b.length);
            out.write(t);
            out.writeInt(b.length);
            out.write(b);
            crc = Crc8.update(Crc8.updateInt(Crc8.update(crc, t), b.length), b, 0, b.length);
        }
        endCell(crc);
    }

    void pkCells(PkSchema schema, List<PkValue> values) {
        for (int i = 0; i < values.size(); i++) pkCell(schema, i, values.get(i));
    }

    /**
     * The primary-key cells straight from a stored key (see {@link KeyCodec}), without decoding
     * it into values first: the same bytes as {@code pkCells(schema, KeyCodec.decode(schema, key))}.
     */
    void pkCellsFromKey(PkSchema schema, byte[] key) {
        int p = 0;
        for (int i = 0; i < schema.size(); i++) {
            EncodedName name = schema.encoded(i);
            out.write(name.head);
            byte crc = name.crc;
            if (schema.type(i) == PkType.INTEGER) {
                long x = 0;
                for (int k = 0; k < 8; k++) x = (x << 8) | (key[p + k] & 0xFF);
                p += 8;
                long v = x ^ Long.MIN_VALUE;
                out.writeInt(1 + 8);
                out.write(CellType.INTEGER);
                out.writeLong(v);
                crc = Crc8.updateLong(Crc8.update(crc, CellType.INTEGER), v);
            } else {
                // escaped bytes up to the 0x00 0x01 terminator; 0x00 0xFF stands for 0x00
                int end = p;
                int len = 0;
                while (!(key[end] == 0 && key[end + 1] == 1)) {
                    end += key[end] == 0 ? 2 : 1;
                    len++;
                }
                byte t = schema.type(i).wireType;
                out.writeInt(1 + 4 + len);
                out.write(t);
                out.writeInt(len);
                crc = Crc8.updateInt(Crc8.update(crc, t), len);
                if (len == end - p) {
                    out.write(key, p, len);
                    crc = Crc8.update(crc, key, p, len);
                } else {
                    for (int q = p; q < end; q += key[q] == 0 ? 2 : 1) {
                        out.write(key[q]);
                        crc = Crc8.update(crc, key[q]);
                    }
                }
                p = end + 2;
            }
            endCell(crc);
        }
    }

    /** One attribute cell from a stored row cursor. */
    void cell(EncodedName name, RowCodec.Cursor c) {
        valueCell(name, c.type, c.bits, c.buffer(), c.bytesOffset, c.bytesLength, c.timestamp);
    }

    /** One attribute cell with its value and timestamp. */
    void cell(EncodedName name, Cell c) {
        byte[] b = c.bytes();
        valueCell(name, c.type(), c.bits(), b, 0, b == null ? 0 : b.length, c.timestamp());
    }

    private void valueCell(EncodedName name, byte t, long bits, byte[] b, int off, int len, long timestamp) {
        openData();
        out.write(name.head);
        byte crc = name.crc;
        switch (t) {
            case CellType.INTEGER:
            case CellType.DOUBLE:
                out.writeInt(9);
                out.write(t);
                out.writeLong(bits);
                crc = Crc8.updateLong(Crc8.update(crc, t), bits);
                break;
            case CellType.BOOLEAN:
                out.writeInt(2);
                out.write(t);
                out.write((int) bits);
                crc = Crc8.update(Crc8.update(crc, t), (byte) (bits != 0 ? 1 : 0));
                break;
            default:
                out.writeInt(1 + 4 + len);
                out.write(t);
                out.writeInt(len);
                out.write(b, off, len);
                crc = Crc8.update(Crc8.updateInt(Crc8.update(crc, t), len), b, off, len);
        }
        out.write(TAG_CELL_TIMESTAMP);
        out.writeLong(timestamp);
        crc = Crc8.updateLong(crc, timestamp);
        endCell(crc);
    }

    /**
     * A cell without a value that carries an operation type, as stream records show deletes:
     * {@link #DELETE_ONE_VERSION} with the version's timestamp, {@link #DELETE_ALL_VERSION}
     * without one ({@code timestamp} null). The cell CRC takes the timestamp before the type.
     */
    void opCell(EncodedName name, byte opType, Long timestamp) {
        openData();
        out.write(name.head, 0, name.head.length - 1); // the name without the trailing value tag
        out.write(TAG_CELL_TYPE);
        out.write(opType);
        byte crc = name.crc;
        if (timestamp != null) {
            out.write(TAG_CELL_TIMESTAMP);
            out.writeLong(timestamp);
            crc = Crc8.updateLong(crc, timestamp);
        }
        endCell(Crc8.update(crc, opType));
    }

    private void openData() {
        if (!dataOpen) {
            out.write(TAG_ROW_DATA);
            dataOpen = true;
        }
    }

    private void endCell(byte crc) {
        out.write(TAG_CELL_CHECKSUM);
        out.write(crc);
        rowCrc = Crc8.update(rowCrc, crc);
    }

    /** Marks the row as deleted (a DeleteRow's record); counts in the row CRC. */
    void deleteMarker() {
        out.write(TAG_DELETE_ROW_MARKER);
        deleteMarker = true;
    }

    /**
     * The row extension with a stream record's sequence info (epoch, timestamp in microseconds,
     * row index); each part carries the length of what follows it. Not part of the row CRC.
     */
    void sequenceInfo(int epoch, long timestamp, int rowIndex) {
        out.write(TAG_EXTENSION);
        out.writeInt(1 + 4 + SEQ_INFO_LENGTH);
        out.write(TAG_SEQ_INFO);
        out.writeInt(SEQ_INFO_LENGTH);
        out.write(TAG_SEQ_INFO_EPOCH);
        out.writeInt(epoch);
        out.write(TAG_SEQ_INFO_TS);
        out.writeLong(timestamp);
        out.write(TAG_SEQ_INFO_ROW_INDEX);
        out.writeInt(rowIndex);
    }

    /** Epoch, timestamp and row index, each behind its tag. */
    private static final int SEQ_INFO_LENGTH = (1 + 4) + (1 + 8) + (1 + 4);

    void endRow() {
        rowCrc = Crc8.update(rowCrc, (byte) (deleteMarker ? 1 : 0));
        out.write(TAG_ROW_CHECKSUM);
        out.write(rowCrc);
    }

    /** A PK-only buffer with header, as next_start_primary_key and split points travel. */
    static byte[] primaryKey(PkSchema schema, List<PkValue> values) {
        ByteSink sink = new ByteSink(64);
        PlainBufferWriter w = new PlainBufferWriter(sink);
        w.header();
        w.startRow();
        w.pkCells(schema, values);
        w.endRow();
        return sink.toByteArray();
    }
}
