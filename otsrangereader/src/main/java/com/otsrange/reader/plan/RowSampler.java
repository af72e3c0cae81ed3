package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.otsrange.reader.convert.CellPlan;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.filter.ServerFilter;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.range.RangeDeriver;
import com.otsrange.reader.scan.GetRangePages;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.PkRange;

import java.util.List;

/**
 * Estimates how many rows a file unit (or a part of one) exports from one GetRange page per range:
 * at most {@code pageRows} rows, at most {@code maxRanges} ranges. The page asks for what the
 * export asks for (the task's columns, the server filter) and counts the rows the export would
 * send (the key and attribute conditions rechecked, rows without any requested column left out
 * as TableStore leaves them out). A page that ends its range counts exactly; otherwise the rows'
 * density between the first and the last row it holds is extrapolated to the end of the window.
 */
public final class RowSampler {
    /** Rows one sample page holds at most (the plan command's and the planner's). */
    public static final int PAGE_ROWS = 200;
    /** Ranges of a unit sampled at most (a unit of many eq/in prefixes is scaled from these). */
    public static final int RANGES_PER_UNIT = 4;
    /** Sizes a row the caller wants to add up (the plan command's bytes); null adds nothing. */
    public interface RowSize {
        double of(BoundTask task, Row row);
    }

    /** What one sample found. */
    public static final class Estimate {
        public final double rows;
        public final double bytes;
        public final int requests;
        /** Whether every range was read to its end (the counts are exact). */
        public final boolean exact;

        Estimate(double rows, double bytes, int requests, boolean exact) {
            this.rows = rows;
            this.bytes = bytes;
            this.requests = requests;
            this.exact = exact;
        }
    }

    private final OtsGateway gateway;
    private final String table;
    private final TableSchema schema;
    private final RangeDeriver deriver;
    private final int pageRows;
    private final int maxRanges;

    public RowSampler(OtsGateway gateway, String table, TableSchema schema, int maxRangesPerSlice, int pageRows, int maxRanges) {
        this.gateway = gateway;
        this.table = table;
        this.schema = schema;
        this.deriver = new RangeDeriver(schema, maxRangesPerSlice);
        this.pageRows = pageRows;
        this.maxRanges = maxRanges;
    }

    /** The rows of {@code task} between the sort-key values [from, to). */
    public Estimate estimate(BoundTask task, long from, long to, RowSize size) {
        BoundFilter bound = task.bound();
        List<PkRange> ranges = deriver.ranges(bound, task.key(), from, to);
        CellPlan cells = new CellPlan(task.header(), schema, bound);
        ColumnValueFilter filter = ServerFilter.build(bound.attributeConditions());
        int sortIndex = schema.sortIndex();
        double rows = 0;
        double bytes = 0;
        int used = 0;
        boolean exact = true;
        for (PkRange range : ranges) {
            if (used == maxRanges) {
                break;
            }
            used++;
            GetRangeResponse page = gateway.getRange(criteria(range, cells, filter));
            long count = 0;
            double pageBytes = 0;
            Long first = null;
            long last = from;
            for (Row row : page.getRows()) {
                PrimaryKeyColumn[] pk = row.getPrimaryKey().getPrimaryKeyColumns();
                long t = pk[sortIndex].getValue().asLong();
                first = first == null ? t : first;
                last = Math.max(last, t);
                if (bound.testPk(pk) && attributesMatch(bound, row) && !cells.leavesOut(row)) {
                    count++;
                    pageBytes += size == null ? 0 : size.of(task, row);
                }
            }
            double factor = 1;
            if (page.getNextStartPrimaryKey() != null) {
                exact = false;
                long start = first == null ? from : Math.max(from, Math.min(first, last));
                factor = Math.max(1.0, (double) (to - start) / Math.max(1, last - start + 1));
            }
            rows += count * factor;
            bytes += pageBytes * factor;
        }
        if (used < ranges.size()) {
            exact = false;
            double scale = (double) ranges.size() / used;
            rows *= scale;
            bytes *= scale;
        }
        return new Estimate(rows, bytes, used, exact);
    }

    private RangeRowQueryCriteria criteria(PkRange range, CellPlan cells, ColumnValueFilter filter) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(range.start());
        c.setExclusiveEndPrimaryKey(range.end());
        c.setMaxVersions(1);
        c.setDirection(Direction.FORWARD);
        c.setLimit(pageRows);
        GetRangePages.requestColumns(c, cells.columnsToGet());
        if (filter != null) {
            c.setFilter(filter);
        }
        return c;
    }

    private static boolean attributesMatch(BoundFilter bound, Row row) {
        for (BoundFilter.AttrCondition condition : bound.attributeConditions()) {
            Column cell = row.getLatestColumn(condition.column());
            ColumnValue value = cell == null ? null : cell.getValue();
            if (!bound.testAttribute(condition, value)) {
                return false;
            }
        }
        return true;
    }
}
