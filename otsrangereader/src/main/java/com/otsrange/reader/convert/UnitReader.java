package com.otsrange.reader.convert;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.otsrange.reader.filter.ServerFilter;
import com.otsrange.reader.plan.PkRange;
import com.otsrange.reader.plan.RangeDeriver;
import com.otsrange.reader.plan.TaskPlan;
import com.otsrange.reader.plan.TimeCutter;
import com.otsrange.reader.plan.UnitWork;
import com.otsrange.reader.scan.PagePrefetcher;
import com.otsrange.reader.scan.RangeScanner;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Reads the units in order. Pages are fetched one ahead on a background thread (the next
     * request is sent as soon as a page arrives, while this thread converts it), so the SDK's
     * decoding and the server overlap the conversion; rows still reach the sender in unit order
     * and primary-key order.
     *
     * @return records emitted
     */
    public long readAll(List<UnitWork> units, RecordSender sender) {
        UnitEmitter emitter = null;
        UnitScan current = null;
        long emitted = 0;
        try (PagePrefetcher<UnitScan> pages = new PagePrefetcher<>("otsrange-prefetch-" + plan.table, out -> produce(units, out))) {
            for (PagePrefetcher.Page<UnitScan> page = pages.next(); page != null; page = pages.next()) {
                if (page.tag != current) {
                    if (emitter != null) {
                        emitted += emitter.emitted();
                    }
                    current = page.tag;
                    UnitWork u = current.unit;
                    emitter = new UnitEmitter(current.cells, u.filter, plan.schema.partitionIndex(), plan.schema.sortIndex(), u.key,
                            u.from, u.to, current.cells.meta(u.unitId, u.header, plan.schema.sortIndex(), plan.period), sender);
                }
                emitter.rows(page.rows);
            }
        }
        return emitted + (emitter == null ? 0 : emitter.emitted());
    }

    /** Runs on the prefetch thread: every range of every unit, page by page, in order. */
    private void produce(List<UnitWork> units, PagePrefetcher.Output<UnitScan> out) {
        for (UnitWork u : units) {
            UnitScan scan = new UnitScan(u, new CellPlan(u.header, plan.schema, u.filter));
            ColumnValueFilter serverFilter = ServerFilter.build(u.filter.attributeConditions());
            for (PkRange r : ranges(u)) {
                scanner.scan(r, scan.cells.columnsToGet(), serverFilter, rows -> out.page(scan, rows));
            }
        }
    }

    /** A unit and its cell plan, shared by the prefetch thread (columns to get) and the converter. */
    private static final class UnitScan {
        final UnitWork unit;
        final CellPlan cells;

        UnitScan(UnitWork unit, CellPlan cells) {
            this.unit = unit;
            this.cells = cells;
        }
    }
}
