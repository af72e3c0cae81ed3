package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.OperationType;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferBuilder;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCell;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCodedInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferCodedOutputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferInputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferOutputStream;
import com.alicloud.openservices.tablestore.core.protocol.PlainBufferRow;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream records byte for byte as the SDK's own PlainBuffer writer lays out the same row: the
 * SDK reads a record (checking every CRC) and writes it again, and the bytes must not change:
 * tag order, cell operation types, the delete marker and the lengths in the sequence-info
 * extension.
 */
class StreamRecordEncoderTest {
    static final PkSchema SCHEMA = new PkSchema(List.of("id", "n", "b"), List.of(PkType.STRING, PkType.INTEGER, PkType.BINARY));
    static final byte[] KEY = KeyCodec.encode(SCHEMA, List.of(PkValue.ofString("dev-\u00e9".getBytes(StandardCharsets.UTF_8)),
        PkValue.ofLong(-42), PkValue.ofBinary(new byte[] {0, 1, 0, (byte) 0xFF})));

    static PlainBufferRow sdkRead(byte[] record) throws Exception {
        List<PlainBufferRow> rows = new PlainBufferCodedInputStream(new PlainBufferInputStream(record)).readRowsWithHeader();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    static byte[] sdkWrite(PlainBufferRow row) throws Exception {
        PlainBufferOutputStream out = new PlainBufferOutputStream(PlainBufferBuilder.computePlainBufferRowWithHeader(row));
        new PlainBufferCodedOutputStream(out).writeRowWithHeader(row);
        return out.getBuffer();
    }

    static DecodedRow.CellOp put(Cell c) { return new DecodedRow.CellOp(DecodedRow.CellOp.PUT, c.name(), c, true); }

    @Test
    void anUpdateWithEveryValueTypeAndBothDeletes() throws Exception {
        List<DecodedRow.CellOp> ops = new ArrayList<>();
        ops.add(put(Cell.ofString("s", 1_700_000_000_001L, "text \u4e2d")));
        ops.add(put(Cell.ofLong("i", 2, Long.MIN_VALUE)));
        ops.add(put(Cell.ofDouble("d", 3, -0.5)));
        ops.add(put(Cell.ofBoolean("t", 4, true)));
        ops.add(put(Cell.ofBinary("x", 5, new byte[] {9, 0, 8})));
        ops.add(new DecodedRow.CellOp(DecodedRow.CellOp.DELETE_ONE, "s", new Cell("s", 77, (byte) 0, 0, null), true));
        ops.add(new DecodedRow.CellOp(DecodedRow.CellOp.DELETE_ALL, "gone", null, false));
        byte[] record = StreamRecordEncoder.encode(SCHEMA, KEY, OperationType.UPDATE, ops, 1_733_000_000_123_456L, 7);

        PlainBufferRow row = sdkRead(record);
        assertArrayEquals(sdkWrite(row), record);
        assertEquals(List.of("id", "n", "b"), row.getPrimaryKey().stream().map(PlainBufferCell::getCellName).toList());
        assertEquals(-42L, row.getPrimaryKey().get(1).getPkCellValue().asLong());
        List<PlainBufferCell> cells = row.getCells();
        assertEquals(7, cells.size());
        assertEquals("text \u4e2d", cells.get(0).getCellValue().asString());
        assertEquals(1_700_000_000_001L, cells.get(0).getCellTimestamp());
        assertFalse(cells.get(0).hasCellType());
        assertEquals(-0.5, cells.get(2).getCellValue().asDouble());
        assertEquals(3, cells.get(5).getCellType(), "DELETE_ONE_VERSION");
        assertEquals(77, cells.get(5).getCellTimestamp());
        assertFalse(cells.get(5).hasCellValue());
        assertEquals(1, cells.get(6).getCellType(), "DELETE_ALL_VERSION");
        assertFalse(cells.get(6).hasCellTimestamp() || cells.get(6).hasCellValue());
        assertFalse(row.hasDeleteMarker());
        assertEquals(0, row.getExtension().getSequenceInfo().getEpoch());
        assertEquals(1_733_000_000_123_456L, row.getExtension().getSequenceInfo().getTimestamp());
        assertEquals(7, row.getExtension().getSequenceInfo().getRowIndex());
    }

    @Test
    void aDeleteRowHasTheDeleteMarkerAndNoCells() throws Exception {
        byte[] record = StreamRecordEncoder.encode(SCHEMA, KEY, OperationType.DELETE, List.of(), 5, 0);
        PlainBufferRow row = sdkRead(record);
        assertArrayEquals(sdkWrite(row), record);
        assertTrue(row.hasDeleteMarker());
        assertFalse(row.hasCells());
        assertEquals(5, row.getExtension().getSequenceInfo().getTimestamp());
    }
}
