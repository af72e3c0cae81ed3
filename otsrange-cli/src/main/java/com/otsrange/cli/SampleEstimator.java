package com.otsrange.cli;

import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.Row;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.RowSampler;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.scan.OtsGateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates rows and bytes per unit from a bounded sample: at most {@code maxUnits} units spread
 * over the plan, one GetRange page of at most {@code pageRows} rows per range (at most
 * {@code maxRangesPerUnit} ranges), counted by the reader's {@link RowSampler}. Units not sampled get the sampled rows per
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
        RowSampler sampler = new RowSampler(gateway, table, plan.schema(), maxRangesPerSlice, pageRows, maxRangesPerUnit);
        List<String> pkNames = plan.schema().names();
        int picks = Math.min(maxUnits, all.size());
        for (int i = 0; i < picks; i++) {
            Unit unit = all.get((int) ((long) i * all.size() / picks));
            if (sampled.containsKey(unit.id())) {
                continue;
            }
            BoundTask task = plan.tasks().get(unit.task());
            RowSampler.Estimate sample = sampler.estimate(task, unit, (t, row) -> rowBytes(t, row, pkNames));
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
