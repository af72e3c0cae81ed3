package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BulkExport: the rows of [start, end) in ascending key order, latest version of each cell, as a
 * DBT_SIMPLE_ROW_MATRIX block (the default) or a PlainBuffer block. Like a GetRange page, one
 * answer scans at most {@link #MAX_SCANNED_ROWS} rows and holds at most {@link #MAX_BLOCK_BYTES}
 * (cut at a row), then names the next row in {@code next_start_primary_key}; rows the filter
 * rejects count as scanned, so an answer may hold no row and still continue. The checks and
 * messages are the service's as its SDK's function tests record them. {@code consumed} is what
 * the service reports for BulkExport: 0 capacity units and, as read data size, the primary key
 * plus the requested (latest, visible) attribute cells of every scanned row, names and values.
 */
final class BulkExports {
    static final int MAX_SCANNED_ROWS = 5000;
    static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;
    static final int MAX_COLUMNS_TO_GET = 1024;

    private final Store store;
    private final EmulatorStats stats;
    /** Rows one answer scans at most: {@link #MAX_SCANNED_ROWS}, or fewer when a test asks for small answers. */
    private final java.util.concurrent.atomic.AtomicInteger maxScannedRows;

    BulkExports(Store store, EmulatorStats stats, java.util.concurrent.atomic.AtomicInteger maxScannedRows) {
        this.store = store;
        this.stats = stats;
        this.maxScannedRows = maxScannedRows;
    }

    OtsInternalApi.BulkExportResponse bulkExport(OtsInternalApi.BulkExportRequest req) {
        Table t = store.table(req.getTableName());
        Ranges.Bound start = Ranges.bound(t, req.getInclusiveStartPrimaryKey(), "inclusive_start_primary_key");
        Ranges.Bound end = Ranges.bound(t, req.getExclusiveEndPrimaryKey(), "exclusive_end_primary_key");
        if (Ranges.compare(start, end) >= 0) throw OtsError.param("Begin key must less than end key in FORWARD");
        List<String> columns = req.getColumnsToGetList();
        if (columns.size() > MAX_COLUMNS_TO_GET) {
            throw OtsError.param("The number of columns from the request exceeds the limit, limit count: " + MAX_COLUMNS_TO_GET
                + ", column count: " + columns.size() + ".");
        }
        for (String c : columns) Names.checkColumn(c);
        boolean matrix = req.getDataBlockTypeHint() == OtsInternalApi.DataBlockType.DBT_SIMPLE_ROW_MATRIX;
        if (matrix && columns.isEmpty()) throw OtsError.param("DBT_SIMPLE_ROW_MATRIX need at least one column to get.");
        RowFilter filter = Ranges.filter(req.hasFilter(), req.getFilter());

        OtsInternalApi.BulkExportResponse.Builder resp = OtsInternalApi.BulkExportResponse.newBuilder()
            .setDataBlockType(matrix ? OtsInternalApi.DataBlockType.DBT_SIMPLE_ROW_MATRIX : OtsInternalApi.DataBlockType.DBT_PLAIN_BUFFER);
        long[] counts = new long[2]; // rows returned, read data size
        ByteString block = store.read(() -> {
            ReadSpec spec = new ReadSpec(t, columns, null, null, 1, Long.MIN_VALUE, Long.MAX_VALUE, filter);
            Scan scan = new Scan(t, spec, columns, maxScannedRows.get());
            Iterator<Map.Entry<byte[], byte[]>> it = Ranges.subMap(t, start, end, true).entrySet().iterator();
            return matrix ? scan.matrix(it, resp, counts) : scan.plainBuffer(it, resp, counts);
        });
        stats.served((int) counts[0]);
        return resp.setRows(block)
            .setConsumed(OtsInternalApi.ConsumedCapacity.newBuilder()
                .setCapacityUnit(OtsInternalApi.CapacityUnit.newBuilder().setRead(0).setWrite(0))
                .setCapacityDataSize(OtsInternalApi.CapacityDataSize.newBuilder().setReadSize(counts[1]).setWriteSize(0)))
            .build();
    }

    /** An answer's block being written, whatever its type. */
    private interface Block {
        int size();

        int rows();

        /** Writes the row if it passes the request; false = left out. */
        boolean add(byte[] key, byte[] value);

        /** Removes the row written last, which started at {@code mark}. */
        void dropLast(int mark);

        ByteString finish();
    }

    /** One answer's walk over the table, under the read lock. */
    private static final class Scan {
        private final Table table;
        private final ReadSpec spec;
        /** Primary-key columns in the matrix, in key order. */
        private final boolean[] pkField;
        private final List<String> pkNames = new ArrayList<>();
        private final List<String> attrNames = new ArrayList<>();
        /** Attribute field of a column id, -1 when not requested; null = every column requested. */
        private final int[] fieldOfId;
        private final boolean[] seen;
        private final byte[] types;
        private final long[] bits;
        private final int[] offsets;
        private final int[] lengths;
        private final int maxRows;

        Scan(Table table, ReadSpec spec, List<String> columns, int maxRows) {
            this.table = table;
            this.spec = spec;
            this.maxRows = maxRows;
            PkSchema schema = table.schema;
            Set<String> wanted = new LinkedHashSet<>(columns);
            this.pkField = new boolean[schema.size()];
            for (int i = 0; i < schema.size(); i++) {
                pkField[i] = wanted.contains(schema.name(i));
                if (pkField[i]) pkNames.add(schema.name(i));
            }
            for (String c : wanted) {
                if (!schema.hasColumn(c)) attrNames.add(c);
            }
            ColumnDictionary dict = table.columns;
            if (columns.isEmpty()) {
                fieldOfId = null;
            } else {
                fieldOfId = new int[dict.size()];
                Arrays.fill(fieldOfId, -1);
                for (int f = 0; f < attrNames.size(); f++) {
                    int id = dict.find(attrNames.get(f));
                    if (id >= 0 && id < fieldOfId.length) fieldOfId[id] = f;
                }
            }
            int n = attrNames.size();
            seen = new boolean[n];
            types = new byte[n];
            bits = new long[n];
            offsets = new int[n];
            lengths = new int[n];
        }

        ByteString plainBuffer(Iterator<Map.Entry<byte[], byte[]>> it, OtsInternalApi.BulkExportResponse.Builder resp, long[] counts) {
            ByteSink sink = new ByteSink(256 * 1024);
            PlainBufferWriter w = new PlainBufferWriter(sink);
            w.header();
            int[] rows = {0};
            return answer(it, resp, counts, new Block() {
                @Override public int size() { return sink.size(); }
                @Override public int rows() { return rows[0]; }
                @Override public boolean add(byte[] key, byte[] value) {
                    boolean added = spec.write(key, value, w, sink);
                    if (added) rows[0]++;
                    return added;
                }
                @Override public void dropLast(int mark) {
                    sink.truncate(mark);
                    rows[0]--;
                }
                @Override public ByteString finish() { return sink.wrap(); }
            });
        }

        ByteString matrix(Iterator<Map.Entry<byte[], byte[]>> it, OtsInternalApi.BulkExportResponse.Builder resp, long[] counts) {
            RowMatrixWriter w = new RowMatrixWriter(pkNames, attrNames, pkNames.size() == table.schema.size(), 256 * 1024);
            return answer(it, resp, counts, new Block() {
                @Override public int size() { return w.size(); }
                @Override public int rows() { return w.rows(); }
                @Override public boolean add(byte[] key, byte[] value) { return matrixRow(key, value, w); }
                @Override public void dropLast(int mark) { w.dropLastRow(mark); }
                @Override public ByteString finish() { return w.finish(); }
            });
        }

        /**
         * Fills one answer: rows until {@code maxRows} are scanned or the block passes
         * {@link #MAX_BLOCK_BYTES} (that row starts the next answer); counts[0] = rows returned,
         * counts[1] = read data size.
         */
        private ByteString answer(Iterator<Map.Entry<byte[], byte[]>> it, OtsInternalApi.BulkExportResponse.Builder resp,
                                  long[] counts, Block block) {
            int scanned = 0;
            while (it.hasNext()) {
                Map.Entry<byte[], byte[]> e = it.next();
                if (scanned >= maxRows) {
                    resp.setNextStartPrimaryKey(Ranges.nextKey(table, e.getKey()));
                    break;
                }
                int mark = block.size();
                if (block.add(e.getKey(), e.getValue())) {
                    if (block.size() > MAX_BLOCK_BYTES && block.rows() > 1) {
                        block.dropLast(mark);
                        resp.setNextStartPrimaryKey(Ranges.nextKey(table, e.getKey()));
                        break;
                    }
                    counts[0]++;
                }
                counts[1] += dataSize(e.getKey(), e.getValue());
                scanned++;
            }
            return block.finish();
        }

        /** Writes the row if it passes; like GetRange, a row with none of the requested columns is left out. */
        private boolean matrixRow(byte[] key, byte[] value, RowMatrixWriter w) {
            if (!spec.passesFilter(value)) return false;
            Arrays.fill(seen, false);
            int found = 0;
            RowCodec.Cursor c = new RowCodec.Cursor(value, table.columns);
            while (c.next()) {
                int f = c.columnId < fieldOfId.length ? fieldOfId[c.columnId] : -1;
                if (f < 0 || seen[f] || !spec.timeOk(c.timestamp)) continue;
                seen[f] = true; // cells are newest first within a column
                types[f] = c.type;
                bits[f] = c.bits;
                offsets[f] = c.bytesOffset;
                lengths[f] = c.bytesLength;
                found++;
            }
            if (found == 0 && pkNames.isEmpty()) return false;
            w.startRow();
            pkFields(key, w);
            for (int f = 0; f < seen.length; f++) {
                if (seen[f]) {
                    w.cell(types[f], bits[f], value, offsets[f], lengths[f]);
                } else {
                    w.nullCell();
                }
            }
            w.endRow();
            return true;
        }

        /** The requested primary-key columns, decoded from the stored key. */
        private void pkFields(byte[] key, RowMatrixWriter w) {
            PkSchema schema = table.schema;
            int p = 0;
            for (int i = 0; i < schema.size(); i++) {
                if (schema.type(i) == PkType.INTEGER) {
                    long x = 0;
                    for (int k = 0; k < 8; k++) x = (x << 8) | (key[p + k] & 0xFF);
                    p += 8;
                    if (pkField[i]) w.longCell(x ^ Long.MIN_VALUE);
                    continue;
                }
                int startAt = p;
                int len = 0;
                boolean escaped = false;
                while (!(key[p] == 0 && key[p + 1] == 1)) {
                    escaped |= key[p] == 0;
                    p += key[p] == 0 ? 2 : 1;
                    len++;
                }
                if (pkField[i]) {
                    byte[] src = key;
                    int off = startAt;
                    if (escaped) {
                        src = new byte[len];
                        for (int q = startAt, k = 0; k < len; q += key[q] == 0 ? 2 : 1) src[k++] = key[q];
                        off = 0;
                    }
                    w.bytesCell(schema.type(i).wireType, src, off, len);
                }
                p += 2;
            }
        }

        /**
         * Read data size of a scanned row: every primary-key column and every requested attribute
         * (latest visible version), name plus value bytes (8 for numbers, 1 for booleans).
         */
        private long dataSize(byte[] key, byte[] value) {
            PkSchema schema = table.schema;
            long size = 0;
            int p = 0;
            for (int i = 0; i < schema.size(); i++) {
                size += schema.nameBytes(i).length;
                if (schema.type(i) == PkType.INTEGER) {
                    size += 8;
                    p += 8;
                    continue;
                }
                while (!(key[p] == 0 && key[p + 1] == 1)) {
                    p += key[p] == 0 ? 2 : 1;
                    size++;
                }
                p += 2;
            }
            RowCodec.Cursor c = new RowCodec.Cursor(value, table.columns);
            int last = -1;
            while (c.next()) {
                int id = c.columnId;
                if (id == last || !spec.timeOk(c.timestamp)) continue;
                if (fieldOfId != null && (id >= fieldOfId.length || fieldOfId[id] < 0)) continue;
                last = id;
                size += table.columns.nameBytes(id).length;
                switch (c.type) {
                    case CellType.INTEGER:
                    case CellType.DOUBLE:
                        size += 8;
                        break;
                    case CellType.BOOLEAN:
                        size += 1;
                        break;
                    default:
                        size += c.bytesLength;
                }
            }
            return size;
        }
    }
}
