package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Reads: GetRow and GetRange (pages of at most 5000 scanned rows or 4 MB, in either direction). */
final class Ranges {
    static final int MAX_ROWS_PER_PAGE = 5000;
    static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;
    static final int MAX_COLUMNS_TO_GET = 128;

    private final Store store;
    private final EmulatorStats stats;

    Ranges(Store store, EmulatorStats stats) {
        this.store = store;
        this.stats = stats;
    }

    OtsInternalApi.GetRowResponse getRow(OtsInternalApi.GetRowRequest req) {
        Table t = store.table(req.getTableName());
        DecodedRow pk = RequestRows.decodeOne(req.getPrimaryKey(), "primary key");
        byte[] key = KeyCodec.encode(t.schema, RowWrites.checkPk(t.schema, pk.pkNames(), pk.pk(), false));
        checkColumns(req.getColumnsToGetList());
        long[] tr = timeRange(req.hasMaxVersions(), req.getMaxVersions(), req.hasTimeRange() ? req.getTimeRange() : null);
        RowFilter filter = filter(req.hasFilter(), req.getFilter());
        ByteString row = store.read(() -> {
            ReadSpec spec = new ReadSpec(t, req.getColumnsToGetList(), req.hasStartColumn() ? req.getStartColumn() : null,
                req.hasEndColumn() ? req.getEndColumn() : null, (int) tr[2], tr[0], tr[1], filter);
            byte[] value = t.rows.get(key);
            if (value == null) return ByteString.EMPTY;
            ByteSink sink = new ByteSink(256 + value.length * 2);
            PlainBufferWriter w = new PlainBufferWriter(sink);
            w.header();
            if (!spec.write(key, value, w, sink)) return ByteString.EMPTY;
            return ByteString.copyFrom(sink.toByteArray());
        });
        if (!row.isEmpty()) stats.served(1);
        return OtsInternalApi.GetRowResponse.newBuilder().setConsumed(Tables.consumed(Math.max(1, (row.size() + 4095) / 4096), 0))
            .setRow(row).build();
    }

    OtsInternalApi.GetRangeResponse getRange(OtsInternalApi.GetRangeRequest req) {
        Table t = store.table(req.getTableName());
        boolean forward = req.getDirection() == OtsInternalApi.Direction.FORWARD;
        Bound start = bound(t, req.getInclusiveStartPrimaryKey(), "inclusive_start_primary_key");
        Bound end = bound(t, req.getExclusiveEndPrimaryKey(), "exclusive_end_primary_key");
        int cmp = compare(start, end);
        if (forward && cmp >= 0) {
            throw OtsError.param("Begin key must less than end key in FORWARD");
        }
        if (!forward && cmp <= 0) {
            throw OtsError.param("End key must less than begin key in BACKWARD");
        }
        checkColumns(req.getColumnsToGetList());
        if (req.hasLimit() && req.getLimit() <= 0) throw OtsError.param("The limit must be greater than 0, got " + req.getLimit() + ".");
        int limit = req.hasLimit() ? Math.min(req.getLimit(), MAX_ROWS_PER_PAGE) : MAX_ROWS_PER_PAGE;
        long[] tr = timeRange(req.hasMaxVersions(), req.getMaxVersions(), req.hasTimeRange() ? req.getTimeRange() : null);
        RowFilter filter = filter(req.hasFilter(), req.getFilter());

        int[] returned = {0};
        OtsInternalApi.GetRangeResponse.Builder resp = OtsInternalApi.GetRangeResponse.newBuilder();
        ByteString rows = store.read(() -> {
            ReadSpec spec = new ReadSpec(t, req.getColumnsToGetList(), req.hasStartColumn() ? req.getStartColumn() : null,
                req.hasEndColumn() ? req.getEndColumn() : null, (int) tr[2], tr[0], tr[1], filter);
            NavigableMap<byte[], byte[]> range = subMap(t, start, end, forward);
            ByteSink sink = new ByteSink(256 * 1024);
            PlainBufferWriter w = new PlainBufferWriter(sink);
            w.header();
            int headerSize = sink.size();
            int scanned = 0;
            Iterator<Map.Entry<byte[], byte[]>> it = range.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<byte[], byte[]> e = it.next();
                if (returned[0] >= limit || scanned >= MAX_ROWS_PER_PAGE) {
                    resp.setNextStartPrimaryKey(nextKey(t, e.getKey()));
                    break;
                }
                int before = sink.size();
                if (spec.write(e.getKey(), e.getValue(), w, sink)) {
                    if (sink.size() > MAX_PAGE_BYTES && returned[0] > 0) {
                        sink.truncate(before); // this row starts the next page
                        resp.setNextStartPrimaryKey(nextKey(t, e.getKey()));
                        break;
                    }
                    returned[0]++;
                }
                scanned++;
            }
            return sink.size() == headerSize ? ByteString.EMPTY : sink.wrap();
        });
        stats.served(returned[0]);
        return resp.setConsumed(Tables.consumed(Math.max(1, (rows.size() + 4095) / 4096), 0))
            .setRows(rows).build();
    }

    static ByteString nextKey(Table t, byte[] key) {
        return ByteString.copyFrom(PlainBufferWriter.primaryKey(t.schema, KeyCodec.decode(t.schema, key)));
    }

    /**
     * A range bound as a byte string: the full key when it names real values; the key prefix
     * before the first INF_MIN; or the prefix's successor at the first INF_MAX (null = +infinity).
     */
    record Bound(byte[] bytes, boolean exact, boolean plusInfinity) {
    }

    static Bound bound(Table t, ByteString raw, String field) {
        DecodedRow r = RequestRows.decodeOne(raw, field);
        List<PkValue> values = RowWrites.checkPk(t.schema, r.pkNames(), r.pk(), true);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(32);
        for (int i = 0; i < values.size(); i++) {
            PkValue v = values.get(i);
            if (v.inf() == PkValue.INF_MIN) return new Bound(out.toByteArray(), false, false);
            if (v.inf() == PkValue.INF_MAX) {
                byte[] succ = KeyCodec.successor(out.toByteArray());
                return succ == null ? new Bound(null, false, true) : new Bound(succ, false, false);
            }
            KeyCodec.appendColumn(out, t.schema.type(i), v);
        }
        return new Bound(out.toByteArray(), true, false);
    }

    static int compare(Bound a, Bound b) {
        if (a.plusInfinity() || b.plusInfinity()) {
            return a.plusInfinity() == b.plusInfinity() ? 0 : a.plusInfinity() ? 1 : -1;
        }
        return Arrays.compareUnsigned(a.bytes(), b.bytes());
    }

    /** Inexact bounds sit between keys, so they are inclusive on the low side and exclusive on the high side. */
    static NavigableMap<byte[], byte[]> subMap(Table t, Bound start, Bound end, boolean forward) {
        NavigableMap<byte[], byte[]> m = t.rows;
        Bound low = forward ? start : end;
        Bound high = forward ? end : start;
        boolean lowInclusive = forward || !low.exact();
        boolean highInclusive = !forward && high.exact();
        if (!low.plusInfinity()) {
            m = m.tailMap(low.bytes(), lowInclusive);
        } else {
            return Collections.emptyNavigableMap();
        }
        if (!high.plusInfinity()) m = m.headMap(high.bytes(), highInclusive);
        return forward ? m : m.descendingMap();
    }

    private static void checkColumns(List<String> columns) {
        if (columns.size() > MAX_COLUMNS_TO_GET) {
            throw OtsError.param("The number of columns to get exceeds the limit: " + MAX_COLUMNS_TO_GET + ".");
        }
        for (String c : columns) Names.checkColumn(c);
    }

    /** A request's filter, or null when it has none. */
    static RowFilter filter(boolean has, ByteString raw) {
        return has && !raw.isEmpty() ? RowFilter.parse(raw) : null;
    }

    /** {start, end exclusive, maxVersions}. */
    private static long[] timeRange(boolean hasMaxVersions, int maxVersions, OtsInternalApi.TimeRange range) {
        if (!hasMaxVersions && range == null) throw OtsError.param("Neither MaxVersions nor TimeRange is set.");
        if (hasMaxVersions && maxVersions <= 0) throw OtsError.param("MaxVersions must be greater than 0, got " + maxVersions + ".");
        long startTs = Long.MIN_VALUE;
        long endTs = Long.MAX_VALUE;
        if (range != null) {
            if (range.hasSpecificTime()) {
                startTs = range.getSpecificTime();
                endTs = startTs + 1;
            } else {
                if (!range.hasStartTime() || !range.hasEndTime()) throw OtsError.param("TimeRange needs start_time and end_time or specific_time.");
                startTs = range.getStartTime();
                endTs = range.getEndTime();
                if (startTs < 0 || endTs <= startTs) {
                    throw OtsError.param("Invalid time range: start_time " + startTs + " must be >= 0 and less than end_time " + endTs + ".");
                }
            }
        }
        return new long[] {startTs, endTs, hasMaxVersions ? maxVersions : Integer.MAX_VALUE};
    }
}
