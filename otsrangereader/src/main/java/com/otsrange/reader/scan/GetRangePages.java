package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Pages from GetRange: forward, latest version only, the requested columns, at most {@code pageSize} rows (0 = server's limit). */
public final class GetRangePages implements PageSource {
    /**
     * Heap of the SDK's row objects per byte of the answer body: every cell becomes a Column with
     * its own name String, value and timestamp (~8x on rows of a dozen small cells).
     */
    static final int HEAP_PER_BODY_BYTE = 8;
    /** Names GetRange takes in columns_to_get at most (TableStore's limit; BulkExport takes 1024). */
    public static final int MAX_COLUMNS_TO_GET = 128;

    private final OtsGateway gateway;
    private final String table;
    private final int pageSize;

    public GetRangePages(OtsGateway gateway, String table, int pageSize) {
        this.gateway = gateway;
        this.table = table;
        this.pageSize = pageSize;
    }

    @Override
    public Page fetch(PrimaryKey start, PrimaryKey end, ScanRequest request) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(start);
        c.setExclusiveEndPrimaryKey(end);
        c.setMaxVersions(1);
        c.setDirection(Direction.FORWARD);
        if (pageSize > 0) {
            c.setLimit(pageSize);
        }
        requestColumns(c, request.getRangeColumns);
        if (request.filter != null) {
            c.setFilter(request.filter);
        }
        GetRangeResponse r = gateway.getRange(c);
        List<Row> rows = r.getRows() == null ? Collections.<Row>emptyList() : r.getRows();
        return new Page(new SdkRows(rows), r.getNextStartPrimaryKey(), Math.max(1, r.getBodyBytes()) * HEAP_PER_BODY_BYTE);
    }

    /**
     * Asks for the columns, or for every column of each row when there are more than GetRange
     * takes. The caller picks its cells by name either way; with every column asked for it must
     * also leave out the rows that have none of its columns, which TableStore leaves out when it
     * is given the names ({@code CellPlan.dropsRowsWithoutAttributes}), so both give the same rows.
     */
    public static void requestColumns(RangeRowQueryCriteria c, Collection<String> columns) {
        if (columns != null && !columns.isEmpty() && columns.size() <= MAX_COLUMNS_TO_GET) {
            c.addColumnsToGet(columns);
        }
    }
}
