package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCell;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCodedInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferRow;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Decodes request PlainBuffer rows (with the SDK's parser, which checks the CRCs). */
final class RequestRows {
    private RequestRows() {
    }

    static DecodedRow decodeOne(ByteString bytes, String what) {
        List<PlainBufferRow> rows;
        try {
            rows = new PlainBufferCodedInputStream(new PlainBufferInputStream(bytes.toByteArray())).readRowsWithHeader();
        } catch (IOException | RuntimeException e) {
            throw OtsError.param("Invalid " + what + ": the PlainBuffer data could not be parsed (" + e.getMessage() + ").");
        }
        if (rows.size() != 1) throw OtsError.param("Invalid " + what + ": expected exactly one row, got " + rows.size() + ".");
        return convert(rows.get(0));
    }

    private static DecodedRow convert(PlainBufferRow row) {
        List<String> names = new ArrayList<>();
        List<PkValue> pk = new ArrayList<>();
        for (PlainBufferCell c : row.getPrimaryKey()) {
            names.add(c.getCellName());
            pk.add(toPk(c.getPkCellValue()));
        }
        List<DecodedRow.CellOp> ops = new ArrayList<>();
        if (row.hasCells()) {
            for (PlainBufferCell c : row.getCells()) ops.add(toOp(c));
        }
        return new DecodedRow(names, pk, ops, row.hasDeleteMarker());
    }

    static PkValue toPk(PrimaryKeyValue v) {
        if (v.isInfMin()) return PkValue.infMin();
        if (v.isInfMax()) return PkValue.infMax();
        if (v.isPlaceHolderForAutoIncr()) {
            throw OtsError.param("AUTO_INCREMENT primary key columns are not supported by this emulator.");
        }
        switch (v.getType()) {
            case INTEGER: return PkValue.ofLong(v.asLong());
            case STRING: return PkValue.ofString(v.asStringInBytes());
            default: return PkValue.ofBinary(v.asBinary());
        }
    }

    private static DecodedRow.CellOp toOp(PlainBufferCell c) {
        String name = c.getCellName();
        boolean hasTs = c.hasCellTimestamp();
        long ts = hasTs ? c.getCellTimestamp() : 0;
        if (c.hasCellType()) {
            byte t = c.getCellType();
            if (t == 1) return new DecodedRow.CellOp(DecodedRow.CellOp.DELETE_ALL, name, null, hasTs);
            if (t == 3) return new DecodedRow.CellOp(DecodedRow.CellOp.DELETE_ONE, name, new Cell(name, ts, (byte) 0, 0, null), hasTs);
            if (t == 4) return new DecodedRow.CellOp(DecodedRow.CellOp.INCREMENT, name, null, hasTs);
            throw OtsError.param("Invalid cell operation type " + t + " for column '" + name + "'.");
        }
        if (!c.hasCellValue()) throw OtsError.param("The value of column '" + name + "' is missing.");
        return new DecodedRow.CellOp(DecodedRow.CellOp.PUT, name, toCell(name, ts, c.getCellValue()), hasTs);
    }

    static Cell toCell(String name, long ts, ColumnValue v) {
        switch (v.getType()) {
            case INTEGER: return Cell.ofLong(name, ts, v.asLong());
            case DOUBLE: return Cell.ofDouble(name, ts, v.asDouble());
            case BOOLEAN: return Cell.ofBoolean(name, ts, v.asBoolean());
            case STRING: return new Cell(name, ts, CellType.STRING, 0, v.asStringInBytes());
            case BINARY: return Cell.ofBinary(name, ts, v.asBinary());
            default: throw OtsError.param("Unsupported column type " + v.getType() + " for column '" + name + "'.");
        }
    }

    /** A filter/condition value: PlainBuffer type byte + payload, without the length prefix. */
    static Cell filterValue(String column, byte[] b) {
        if (b.length < 1) throw OtsError.param("Invalid column value in filter for column '" + column + "'.");
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte type = buf.get();
        try {
            switch (type) {
                case CellType.INTEGER: return new Cell(column, 0, type, buf.getLong(), null);
                case CellType.DOUBLE: return new Cell(column, 0, type, buf.getLong(), null);
                case CellType.BOOLEAN: return new Cell(column, 0, type, buf.get() != 0 ? 1 : 0, null);
                case CellType.STRING:
                case CellType.BLOB: {
                    int len = buf.getInt();
                    byte[] v = new byte[len];
                    buf.get(v);
                    return new Cell(column, 0, type, 0, v);
                }
                default: throw OtsError.param("Unsupported value type " + type + " in filter for column '" + column + "'.");
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw OtsError.param("Invalid column value in filter for column '" + column + "'.");
        }
    }
}
