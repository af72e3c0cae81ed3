package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;

/**
 * The first or last row of a range (GetRange with limit 1, paging past pages a filter emptied):
 * how planning finds a key's time span. Rows are read by {@link OrderedPages}.
 */
public final class RangeScanner {
    private final OtsGateway gateway;
    private final String table;

    public RangeScanner(OtsGateway gateway, String table) {
        this.gateway = gateway;
        this.table = table;
    }

    /** First row of the range in the given direction (BACKWARD needs start > end), or null. */
    public Row edgeRow(PkRange range, boolean last) {
        RangeRowQueryCriteria c = last
                ? criteria(range.end(), range.start(), Direction.BACKWARD)
                : criteria(range.start(), range.end(), Direction.FORWARD);
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

    private RangeRowQueryCriteria criteria(PrimaryKey start, PrimaryKey end, Direction direction) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(start);
        c.setExclusiveEndPrimaryKey(end);
        c.setMaxVersions(1);
        c.setDirection(direction);
        c.setLimit(1);
        return c;
    }
}
