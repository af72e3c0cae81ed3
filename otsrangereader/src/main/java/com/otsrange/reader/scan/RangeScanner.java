package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.otsrange.reader.plan.PkRange;

import java.util.Collection;
import java.util.List;

/**
 * Reads one range page by page over next_start_primary_key: only the needed columns, latest
 * version only. A page emptied by the server filter still carries the next start key, so paging
 * goes on until the server says the range is done.
 */
public final class RangeScanner {
    /** Receives the rows of a page, in primary-key order. */
    public interface RowSink {
        void rows(List<Row> rows);
    }

    private final OtsGateway gateway;
    private final String table;
    private final int pageSize;

    public RangeScanner(OtsGateway gateway, String table, int pageSize) {
        this.gateway = gateway;
        this.table = table;
        this.pageSize = pageSize;
    }

    /** @return number of pages requested */
    public long scan(PkRange range, Collection<String> columns, ColumnValueFilter filter, RowSink sink) {
        PrimaryKey start = range.start();
        long pages = 0;
        while (start != null) {
            RangeRowQueryCriteria c = criteria(start, range.end(), columns, filter, pageSize, Direction.FORWARD);
            GetRangeResponse page = gateway.getRange(c);
            pages++;
            List<Row> rows = page.getRows();
            if (rows != null && !rows.isEmpty()) {
                sink.rows(rows);
            }
            start = page.getNextStartPrimaryKey();
        }
        return pages;
    }

    /** First row of the range in the given direction (BACKWARD needs start > end), or null. */
    public Row edgeRow(PkRange range, boolean last) {
        RangeRowQueryCriteria c = last
                ? criteria(range.end(), range.start(), null, null, 1, Direction.BACKWARD)
                : criteria(range.start(), range.end(), null, null, 1, Direction.FORWARD);
        while (true) {
            GetRangeResponse page = gateway.getRange(c);
            if (page.getRows() != null && !page.getRows().isEmpty()) {
                return page.getRows().get(0);
            }
            if (page.getNextStartPrimaryKey() == null) {
                return null;
            }
            c.setInclusiveStartPrimaryKey(page.getNextStartPrimaryKey());
        }
    }

    private RangeRowQueryCriteria criteria(PrimaryKey start, PrimaryKey end, Collection<String> columns, ColumnValueFilter filter,
                                           int limit, Direction direction) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(start);
        c.setExclusiveEndPrimaryKey(end);
        c.setMaxVersions(1);
        c.setDirection(direction);
        if (limit > 0) {
            c.setLimit(limit);
        }
        if (columns != null && !columns.isEmpty()) {
            c.addColumnsToGet(columns);
        }
        if (filter != null) {
            c.setFilter(filter);
        }
        return c;
    }
}
