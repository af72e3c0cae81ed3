package com.otsrange.reader.convert;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.otsrange.reader.filter.ServerFilter;
import com.otsrange.reader.plan.PkRange;
import com.otsrange.reader.plan.RangeDeriver;
import com.otsrange.reader.plan.TaskPlan;
import com.otsrange.reader.plan.TimeCutter;
import com.otsrange.reader.plan.UnitWork;
import com.otsrange.reader.scan.RangeScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one unit: cuts its window into slices, derives each slice's ranges, merges them into
 * disjoint ranges in primary-key order and scans them in that order, so the unit's rows reach the
 * writer contiguously and sorted (the file-ownership rule in docs/DESIGN.md).
 */
public final class UnitReader {
    private final TaskPlan plan;
    private final RangeScanner scanner;
    private final RangeDeriver deriver;
    private final TimeCutter cutter;

    public UnitReader(TaskPlan plan, RangeScanner scanner) {
        this.plan = plan;
        this.scanner = scanner;
        this.deriver = new RangeDeriver(plan.schema, plan.tuning.maxRangesPerSlice());
        this.cutter = new TimeCutter(plan.timeUnit, plan.timeZone);
    }

    /** Ranges of the unit in primary-key order (also used by tests and the plan command). */
    public List<PkRange> ranges(UnitWork u) {
        List<PkRange> all = new ArrayList<>();
        for (TimeCutter.Piece slice : cutter.cut(u.from, u.to, plan.sliceBy, Integer.MAX_VALUE)) {
            all.addAll(deriver.ranges(u.filter, u.key, slice.from, slice.to));
        }
        return RangeDeriver.merge(all);
    }

    /** @return records emitted */
    public long read(UnitWork u, RecordSender sender) {
        CellPlan cells = new CellPlan(u.header, plan.schema, u.filter);
        Map<String, String> meta = cells.meta(u.unitId, u.header, plan.schema.sortIndex(), plan.period);
        ColumnValueFilter serverFilter = ServerFilter.build(u.filter.attributeConditions());
        UnitEmitter emitter = new UnitEmitter(cells, u.filter, plan.schema.partitionIndex(), plan.schema.sortIndex(), u.key,
                u.from, u.to, meta, sender);
        for (PkRange r : ranges(u)) {
            scanner.scan(r, cells.columnsToGet(), serverFilter, emitter);
        }
        return emitter.emitted();
    }
}
