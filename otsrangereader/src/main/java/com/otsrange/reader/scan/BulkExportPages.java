package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.BulkExportResponse;
import com.alicloud.openservices.tablestore.model.DataBlockType;
import com.alicloud.openservices.tablestore.model.PlainBufferBlockParser;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.tunnel.BulkExportQueryCriteria;

import java.util.Collections;

/**
 * Pages from BulkExport, asking for the row matrix (read field by field, no row objects). The
 * block type is a hint: an answer in PlainBuffer is decoded into SDK rows instead.
 */
public final class BulkExportPages implements PageSource {
    private final OtsGateway gateway;
    private final String table;

    public BulkExportPages(OtsGateway gateway, String table) {
        this.gateway = gateway;
        this.table = table;
    }

    @Override
    public Page fetch(PrimaryKey start, PrimaryKey end, ScanRequest request) {
        BulkExportQueryCriteria c = new BulkExportQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(start);
        c.setExclusiveEndPrimaryKey(end);
        c.setDataBlockType(DataBlockType.DBT_SIMPLE_ROW_MATRIX);
        c.addColumnsToGet(request.bulkExportColumns);
        if (request.filter != null) {
            c.setFilter(request.filter);
        }
        BulkExportResponse r = gateway.bulkExport(c);
        PrimaryKey next = r.getNextStartPrimaryKey();
        if (r.getRows() == null) {
            return new Page(new SdkRows(Collections.<Row>emptyList()), next, 1);
        }
        if (r.getDataBlockType() == DataBlockType.DBT_PLAIN_BUFFER) {
            return new Page(new SdkRows(new PlainBufferBlockParser(r.getRows()).getRows()), next,
                    Math.max(1, r.getBodyBytes()) * GetRangePages.HEAP_PER_BODY_BYTE);
        }
        MatrixRows rows = new MatrixRows(r.getRows());
        return new Page(rows, next, rows.bytes());
    }
}
