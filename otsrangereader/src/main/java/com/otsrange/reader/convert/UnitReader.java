package com.otsrange.reader.convert;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.otsrange.reader.filter.ServerFilter;
import com.otsrange.reader.plan.PkRange;
import com.otsrange.reader.plan.RangeDeriver;
import com.otsrange.reader.plan.RunRange;
import com.otsrange.reader.plan.TaskPlan;
import com.otsrange.reader.plan.TimeCutter;
import com.otsrange.reader.plan.UnitWork;
import com.otsrange.reader.scan.PagePrefetcher;
import com.otsrange.reader.scan.RangeScanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a task's units: cuts each window into slices, derives each slice's ranges, merges them
 * into disjoint ranges in primary-key order and scans them in that order (runs of units as one
 * range where that is provably the same), so each unit's rows reach the writer contiguously and
 * sorted (the file-ownership rule in docs/DESIGN.md).
 */
public final class UnitReader {
    private final TaskPlan plan;
    private final RangeScanner scanner;
    private final RangeDeriver deriver;
    private final TimeCutter cutter;
    private final boolean mergeRuns;

    public UnitReader(TaskPlan plan, RangeScanner scanner) {
        this(plan, scanner, true);
    }

    /** @param mergeRuns false reads every unit on its own (the reference the merged path is tested against) */
    public UnitReader(TaskPlan plan, RangeScanner scanner, boolean mergeRuns) {
        this.plan = plan;
        this.mergeRuns = mergeRuns;
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
     * Reads the split's units in order. The units of one run (one key's touching windows, as the
     * split lists them) are read as one range and cut into units by the sort key when
     * {@link RunRange} shows that cannot change the output; otherwise unit by unit. So a sparse
     * key costs about one request per run instead of one per file period. Pages are fetched one
     * ahead on a background thread (the next request is sent as soon as a page arrives, while
     * this thread converts it); rows still reach the sender in unit order and primary-key order.
     *
     * @return records emitted
     */
    public long readAll(RecordSender sender) {
        List<List<UnitWork>> runs = plan.runs;
        RunScan current = null;
        long emitted = 0;
        try (PagePrefetcher<RunScan> pages = new PagePrefetcher<>("otsrange-prefetch-" + plan.table, out -> produce(runs, out))) {
            for (PagePrefetcher.Page<RunScan> page = pages.next(); page != null; page = pages.next()) {
                if (page.tag != current) {
                    if (current != null) {
                        emitted += current.emitted();
                    }
                    current = page.tag;
                }
                current.rows(page.rows, sender);
            }
        }
        return emitted + (current == null ? 0 : current.emitted());
    }

    /** Runs on the prefetch thread: every run, as one range or unit by unit, page by page, in order. */
    private void produce(List<List<UnitWork>> runs, PagePrefetcher.Output<RunScan> out) {
        for (List<UnitWork> run : runs) {
            UnitWork head = run.get(0);
            CellPlan cells = new CellPlan(head.header, plan.schema, head.filter);
            ColumnValueFilter serverFilter = ServerFilter.build(head.filter.attributeConditions());
            List<List<PkRange>> perUnit = new ArrayList<>(run.size());
            for (UnitWork u : run) {
                perUnit.add(ranges(u));
            }
            PkRange joined = mergeRuns ? RunRange.of(plan.schema, run, perUnit) : null;
            if (joined != null) {
                RunScan scan = new RunScan(run, cells);
                scanner.scan(joined, cells.columnsToGet(), serverFilter, rows -> out.page(scan, rows));
                continue;
            }
            for (int k = 0; k < run.size(); k++) {
                RunScan scan = new RunScan(java.util.Collections.singletonList(run.get(k)), cells);
                for (PkRange r : perUnit.get(k)) {
                    scanner.scan(r, cells.columnsToGet(), serverFilter, rows -> out.page(scan, rows));
                }
            }
        }
    }

    /**
     * Units read through one scan, and on the converting thread the cutting of its pages into
     * units: rows arrive in sort-key order (see {@link RunRange}), so the unit only moves forward;
     * each unit gets its own emitter and meta map when its first row arrives (a unit without rows
     * produces nothing). A single-unit scan hands every row to its unit.
     */
    private final class RunScan {
        final List<UnitWork> units;
        final CellPlan cells;
        private int index;
        private UnitEmitter emitter;
        private int emitterIndex = -1;
        private long emittedBefore;

        RunScan(List<UnitWork> units, CellPlan cells) {
            this.units = units;
            this.cells = cells;
        }

        void rows(List<Row> rows, RecordSender sender) {
            int last = units.size() - 1;
            int sortIndex = plan.schema.sortIndex();
            int start = 0;
            for (int r = 0, n = rows.size(); r < n && index < last; r++) {
                long time = rows.get(r).getPrimaryKey().getPrimaryKeyColumns()[sortIndex].getValue().asLong();
                if (time >= units.get(index).to) {
                    send(rows.subList(start, r), sender);
                    while (index < last && time >= units.get(index).to) {
                        index++;
                    }
                    start = r;
                }
            }
            send(start == 0 ? rows : rows.subList(start, rows.size()), sender);
        }

        private void send(List<Row> rows, RecordSender sender) {
            if (rows.isEmpty()) {
                return;
            }
            UnitWork u = units.get(index);
            if (emitterIndex != index) {
                if (emitter != null) {
                    emittedBefore += emitter.emitted();
                }
                emitter = new UnitEmitter(cells, u.filter, plan.schema.partitionIndex(), plan.schema.sortIndex(), u.key, u.from, u.to,
                        cells.meta(u.unitId, u.header, plan.schema.sortIndex(), plan.period), sender);
                emitterIndex = index;
            }
            emitter.rows(rows);
        }

        long emitted() {
            return emittedBefore + (emitter == null ? 0 : emitter.emitted());
        }
    }
}
