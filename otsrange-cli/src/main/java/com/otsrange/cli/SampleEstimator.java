package com.otsrange.cli;

import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.filter.ServerFilter;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.scan.PkRange;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.RangeDeriver;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.scan.OtsGateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimates rows and bytes per unit from a bounded sample: at most {@code maxUnits} units spread
 * over the plan, one GetRange page of at most {@code pageRows} rows per range (at most
 * {@code maxRangesPerUnit} ranges). A page that ends the range counts exactly; otherwise the rows'
 * time density is extrapolated over the unit's window. Units not sampled get the sampled rows per
 * unit of planner weight (the weight already folds in the key's ComputeSplitsBySize split points).
 */
final class SampleEstimator {

    /** Rough CSV bytes of a rendered ISO-8601 instant plus its separator. */
    private static final int TIME_CELL_BYTES = 21;

    private final OtsGateway gateway;
    private final String table;
    private final int maxUnits;
    private final int pageRows;
    private final int maxRangesPerUnit;
    private final int maxRangesPerSlice;

    SampleEstimator(OtsGateway gateway, String table, int maxUnits, int pageRows, int maxRangesPerUnit, int maxRangesPerSlice) {
        this.gateway = gateway;
        this.table = table;
        this.maxUnits = maxUnits;
        this.pageRows = pageRows;
        this.maxRangesPerUnit = maxRangesPerUnit;
        this.maxRangesPerSlice = maxRangesPerSlice;
    }

    /** Estimates for every unit of the plan, keyed by unit id. */
    Estimates estimate(Plan plan) {
        List<Unit> all = new ArrayList<>();
        for (List<Unit> group : plan.groups()) {
            all.addAll(group);
        }
        Map<String, double[]> sampled = new HashMap<>();
        int requests = 0;
        int exact = 0;
        RangeDeriver deriver = new RangeDeriver(plan.schema(), maxRangesPerSlice);
        int picks = Math.min(maxUnits, all.size());
        for (int i = 0; i < picks; i++) {
            Unit unit = all.get((int) ((long) i * all.size() / picks));
            if (sampled.containsKey(unit.id())) {
                continue;
            }
            BoundTask task = plan.tasks().get(unit.task());
            Sample sample = sample(plan, deriver, task, unit);
            requests += sample.requests;
            exact += sample.exact ? 1 : 0;
            sampled.put(unit.id(), new double[] {sample.rows, sample.bytes});
        }
        double sampledRows = 0;
        double sampledBytes = 0;
        double sampledWeight = 0;
        for (Unit unit : all) {
            double[] s = sampled.get(unit.id());
            if (s != null) {
                sampledRows += s[0];
                sampledBytes += s[1];
                sampledWeight += unit.weight();
            }
        }
        double rowsPerWeight = sampledWeight > 0 ? sampledRows / sampledWeight : 0;
        double bytesPerRow = sampledRows > 0 ? sampledBytes / sampledRows : 0;
        Map<String, double[]> perUnit = new HashMap<>();
        for (Unit unit : all) {
            double[] s = sampled.get(unit.id());
            perUnit.put(unit.id(), s != null ? s : new double[] {rowsPerWeight * unit.weight(), rowsPerWeight * unit.weight() * bytesPerRow});
        }
        String source = "bounded sample: " + sampled.size() + " of " + all.size() + " units read with one GetRange page of at most "
                + pageRows + " rows per range (" + requests + " requests, " + exact + " units counted exactly), "
                + "extrapolated by time density; units not sampled scaled by planner weight ("
                + plan.estimateMethod() + "); bytes are approximate CSV bytes";
        return new Estimates(perUnit, source);
    }

    private Sample sample(Plan plan, RangeDeriver deriver, BoundTask task, Unit unit) {
        BoundFilter bound = task.bound();
        List<PkRange> ranges = deriver.ranges(bound, task.key(), unit.from(), unit.to());
        Set<String> columns = new LinkedHashSet<>(task.header());
        columns.addAll(bound.attributeColumns());
        columns.removeAll(plan.schema().names());
        ColumnValueFilter filter = ServerFilter.build(bound.attributeConditions());
        int sortIndex = plan.schema().sortIndex();
        Sample total = new Sample();
        total.exact = true;
        int used = 0;
        double span = Math.max(1, unit.to() - unit.from());
        double coveredSpan = 0;
        for (PkRange range : ranges) {
            if (used++ >= maxRangesPerUnit) {
                total.exact = false;
                break;
            }
            RangeRowQueryCriteria criteria = new RangeRowQueryCriteria(table);
            criteria.setInclusiveStartPrimaryKey(range.start());
            criteria.setExclusiveEndPrimaryKey(range.end());
            criteria.setMaxVersions(1);
            criteria.setDirection(Direction.FORWARD);
            criteria.setLimit(pageRows);
            if (!columns.isEmpty()) {
                criteria.addColumnsToGet(columns);
            }
            if (filter != null) {
                criteria.setFilter(filter);
            }
            GetRangeResponse page = gateway.getRange(criteria);
            total.requests++;
            long rows = 0;
            double bytes = 0;
            long lastSort = unit.from();
            for (Row row : page.getRows()) {
                PrimaryKeyColumn[] pk = row.getPrimaryKey().getPrimaryKeyColumns();
                lastSort = Math.max(lastSort, pk[sortIndex].getValue().asLong());
                if (!bound.testPk(pk) || !attributesMatch(bound, row)) {
                    continue;
                }
                rows++;
                bytes += rowBytes(task, row, plan.schema().names());
            }
            total.rows += rows;
            total.bytes += bytes;
            if (page.getNextStartPrimaryKey() == null) {
                coveredSpan += span / ranges.size();
            } else {
                total.exact = false;
                coveredSpan += Math.max(1, lastSort - unit.from() + 1) / (double) ranges.size();
            }
        }
        if (!total.exact && coveredSpan > 0) {
            double factor = span / coveredSpan;
            total.rows *= factor;
            total.bytes *= factor;
        }
        return total;
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

    private static double rowBytes(BoundTask task, Row row, List<String> pkNames) {
        double bytes = 0;
        for (String name : task.header()) {
            int pk = pkNames.indexOf(name);
            if (pk >= 0) {
                bytes += TIME_CELL_BYTES;
                continue;
            }
            Column cell = row.getLatestColumn(name);
            bytes += 1 + (cell == null ? 0 : String.valueOf(cell.getValue()).length());
        }
        return bytes;
    }

    private static final class Sample {
        double rows;
        double bytes;
        int requests;
        boolean exact;
    }

    /** Rows and bytes per unit id, and a sentence saying where they come from. */
    static final class Estimates {
        private final Map<String, double[]> perUnit;
        private final String source;

        Estimates(Map<String, double[]> perUnit, String source) {
            this.perUnit = perUnit;
            this.source = source;
        }

        double rows(Unit unit) {
            double[] e = perUnit.get(unit.id());
            return e == null ? 0 : e[0];
        }

        double bytes(Unit unit) {
            double[] e = perUnit.get(unit.id());
            return e == null ? 0 : e[1];
        }

        String source() {
            return source;
        }
    }
}
