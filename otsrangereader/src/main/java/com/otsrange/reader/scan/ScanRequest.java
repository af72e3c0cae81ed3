package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;

import java.util.List;

/**
 * What every page of a range asks for: the columns for GetRange, the columns for a BulkExport
 * row matrix (the key columns too: the client needs them and a matrix only carries requested
 * fields), and the server-side pre-filter (null = none).
 */
public final class ScanRequest {
    final List<String> getRangeColumns;
    final List<String> bulkExportColumns;
    final ColumnValueFilter filter;

    public ScanRequest(List<String> getRangeColumns, List<String> bulkExportColumns, ColumnValueFilter filter) {
        this.getRangeColumns = getRangeColumns;
        this.bulkExportColumns = bulkExportColumns;
        this.filter = filter;
    }
}
