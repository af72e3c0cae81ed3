package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.ActionType;
import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.OperationType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A committed write as GetStreamRecord sends it: a PlainBuffer buffer (header and one row) with
 * the row's primary key, the change's cells in request order (a written version with value and
 * timestamp; a deleted version with DELETE_ONE_VERSION and its timestamp; a deleted column with
 * DELETE_ALL_VERSION), the delete marker for a DeleteRow, and the sequence info in the row
 * extension. The SDK turns it into a StreamRecord of type PUT, UPDATE or DELETE.
 */
final class StreamRecordEncoder {
    /** The service's epoch is not visible to clients; one emulator keeps one epoch. */
    static final int EPOCH = 0;

    private StreamRecordEncoder() {
    }

    static ActionType action(OperationType type) {
        switch (type) {
            case PUT: return ActionType.PUT_ROW;
            case UPDATE: return ActionType.UPDATE_ROW;
            default: return ActionType.DELETE_ROW;
        }
    }

    /** {@code ops} as the write applied them: every written version carries its timestamp. */
    static byte[] encode(PkSchema schema, byte[] key, OperationType type, List<DecodedRow.CellOp> ops, long micros, int rowIndex) {
        ByteSink sink = new ByteSink(64 + 32 * ops.size());
        PlainBufferWriter w = new PlainBufferWriter(sink);
        w.header();
        w.startRow();
        w.pkCellsFromKey(schema, key);
        for (DecodedRow.CellOp op : ops) {
            EncodedName name = new EncodedName(op.name().getBytes(StandardCharsets.UTF_8));
            switch (op.op()) {
                case DecodedRow.CellOp.PUT:
                    w.cell(name, op.cell());
                    break;
                case DecodedRow.CellOp.DELETE_ONE:
                    w.opCell(name, PlainBufferFormat.DELETE_ONE_VERSION, op.cell().timestamp());
                    break;
                default:
                    w.opCell(name, PlainBufferFormat.DELETE_ALL_VERSION, null);
            }
        }
        if (type == OperationType.DELETE) w.deleteMarker();
        w.sequenceInfo(EPOCH, micros, rowIndex);
        w.endRow();
        return sink.toByteArray();
    }
}
