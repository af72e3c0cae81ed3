package com.otsrange.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a GetRow/GetRange asks of each row: columns, column range, versions, time range, filter.
 * Built per request under the read lock (it resolves column names to the table's ids).
 */
final class ReadSpec {
    private final Table table;
    private final boolean[] allowed; // by column id; null = every column
    private final boolean columnsRequested;
    private final boolean pkRequested;
    private final int maxVersions;
    private final long timeStart;
    private final long timeEnd; // exclusive
    private final RowFilter filter;
    private final boolean[] filterColumns;
    private final int pageOffset;
    private final int pageLimit;

    ReadSpec(Table table, List<String> columnsToGet, String startColumn, String endColumn,
             int maxVersions, long timeStart, long timeEnd, RowFilter filter) {
        this.table = table;
        ColumnDictionary dict = table.columns;
        int n = dict.size();
        Set<String> wanted = new HashSet<>(columnsToGet);
        this.columnsRequested = !wanted.isEmpty();
        boolean pk = false;
        for (String c : wanted) {
            if (table.schema.hasColumn(c)) pk = true;
        }
        this.pkRequested = pk;
        if (columnsRequested || startColumn != null || endColumn != null) {
            allowed = new boolean[n];
            for (int id = 0; id < n; id++) {
                String name = dict.name(id);
                boolean ok = !columnsRequested || wanted.contains(name);
                if (startColumn != null && name.compareTo(startColumn) < 0) ok = false;
                if (endColumn != null && name.compareTo(endColumn) >= 0) ok = false;
                allowed[id] = ok;
            }
        } else {
            allowed = null;
        }
        this.maxVersions = maxVersions;
        long ttlStart = Long.MIN_VALUE;
        int ttl = table.options.timeToLive();
        if (ttl > 0) ttlStart = System.currentTimeMillis() - ttl * 1000L;
        this.timeStart = Math.max(timeStart, ttlStart);
        this.timeEnd = timeEnd;
        int[] page = filter == null ? null : filter.pagination();
        this.filter = page != null ? null : filter;
        this.pageOffset = page == null ? 0 : page[0];
        this.pageLimit = page == null ? Integer.MAX_VALUE : page[1];
        if (this.filter != null) {
            Set<String> cols = new HashSet<>();
            this.filter.collectColumns(cols);
            filterColumns = new boolean[n];
            for (String c : cols) {
                int id = dict.find(c);
                if (id >= 0 && id < n) filterColumns[id] = true;
            }
        } else {
            filterColumns = null;
        }
    }

    /** Whether a cell version is visible: inside the requested time range and not expired by the TTL. */
    boolean timeOk(long ts) { return ts >= timeStart && ts < timeEnd; }

    /** Whether a stored row passes the request's column value filter (true without one). */
    boolean passesFilter(byte[] value) { return filter == null || filter.test(versions(value)); }

    /** Writes the row if it passes; returns false (and leaves the sink as it was) if it is omitted. */
    boolean write(byte[] key, byte[] value, PlainBufferWriter w, ByteSink sink) {
        ColumnDictionary dict = table.columns;
        if (!passesFilter(value)) return false;
        int mark = sink.size();
        w.startRow();
        w.pkCellsFromKey(table.schema, key);
        RowCodec.Cursor c = new RowCodec.Cursor(value, dict);
        int lastId = -1;
        int versions = 0;
        int distinct = -1;
        int written = 0;
        while (c.next()) {
            if (!timeOk(c.timestamp)) continue;
            int id = c.columnId;
            if (allowed != null && (id >= allowed.length || !allowed[id])) continue;
            if (id != lastId) {
                lastId = id;
                versions = 0;
                distinct++;
            }
            if (versions >= maxVersions) continue;
            versions++;
            if (distinct < pageOffset || distinct - pageOffset >= pageLimit) continue;
            w.cell(dict.encoded(id), c);
            written++;
        }
        if (written == 0) {
            boolean omit = columnsRequested ? !pkRequested : value.length > 0;
            if (omit) {
                sink.truncate(mark);
                return false;
            }
        }
        w.endRow();
        return true;
    }

    private RowFilter.Versions versions(byte[] value) {
        Map<String, List<Cell>> map = new HashMap<>();
        RowCodec.Cursor c = new RowCodec.Cursor(value, table.columns);
        while (c.next()) {
            if (c.columnId >= filterColumns.length || !filterColumns[c.columnId] || !timeOk(c.timestamp)) continue;
            map.computeIfAbsent(c.name(), k -> new ArrayList<>(2)).add(c.toCell());
        }
        return RowFilter.of(map);
    }
}
