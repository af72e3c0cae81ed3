package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitMeta;
import com.otsrange.reader.filter.ServerFilter;
import com.otsrange.reader.scan.PkRange;
import com.otsrange.reader.range.RangeDeriver;
import com.otsrange.reader.range.RunRange;
import com.otsrange.reader.range.SubRanges;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.range.TimeCutter;
import com.otsrange.reader.task.UnitWork;
import com.otsrange.reader.scan.OrderedPages;
import com.otsrange.reader.scan.PageSource;
import com.otsrange.reader.scan.RowBlock;
import com.otsrange.reader.scan.ScanRequest;
import com.otsrange.reader.task.TaskUnits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads a task's units: cuts each window into slices, derives each slice's ranges, merges them
 * into disjoint ranges in primary-key order and reads them in that order (runs of units as one
 * range where that is provably the same), so each unit's rows reach the writer contiguously and
 * sorted (the file-ownership rule in docs/DESIGN.md), whichever read API and however many
 * requests are in flight.
 */
public final class UnitReader {
    /** A long range is cut into parts of about this many answers, read at once (see {@link SubRanges}). */
    static final int PAGES_PER_PART = 4;
    static final int MAX_PARTS = 64;
    private static final List<TimeWindow> NONE = Collections.emptyList();

    private final TaskPlan plan;
    private final TaskUnits units;
    private final PageSource pages;
    private final RangeDeriver deriver;
    private final TimeCutter cutter;
    private final boolean mergeRuns;

    public UnitReader(TaskPlan plan, PageSource pages) {
        this(plan, TaskUnits.of(plan), pages, true);
    }

    /** @param mergeRuns false reads every unit on its own (the reference the merged path is tested against) */
    public UnitReader(TaskPlan plan, PageSource pages, boolean mergeRuns) {
        this(plan, TaskUnits.of(plan), pages, mergeRuns);
    }

    /** @param units the plan's runs cut into units ({@link TaskUnits#of}) */
    public UnitReader(TaskPlan plan, TaskUnits units, PageSource pages, boolean mergeRuns) {
        this.plan = plan;
        this.units = units;
        this.mergeRuns = mergeRuns;
        this.pages = pages;
        this.deriver = new RangeDeriver(plan.schema, plan.tuning.maxRangesPerSlice());
        this.cutter = new TimeCutter(plan.timeUnit, plan.timeZone);
    }

    /** Ranges of the unit in primary-key order, spans never exported left out (also used by tests and the plan command). */
    public List<PkRange> ranges(UnitWork u) {
        List<PkRange> all = new ArrayList<>();
        for (long[] segment : plan.segments(u.from, u.to)) {
            for (TimeCutter.Piece slice : cutter.cut(segment[0], segment[1], plan.sliceBy, Integer.MAX_VALUE)) {
                all.addAll(deriver.ranges(u.filter, u.key, slice.from, slice.to));
            }
        }
        return RangeDeriver.merge(all);
    }

    /**
     * Reads the split's units in order. The units of one run (one key's touching windows, as the
     * split lists them) are read as one range and cut into units by the sort key when
     * {@link RunRange} shows that cannot change the output; otherwise unit by unit. So a sparse
     * key costs about one request per run instead of one per file period. Up to
     * {@code parallelReads} requests are in flight ({@link OrderedPages}): later ranges are
     * fetched ahead and a long range is cut into sub-ranges read at once, within
     * {@code readAheadMB}; rows still reach the sender in unit order and primary-key order.
     *
     * @return records emitted
     */
    public long readAll(RecordSender sender) {
        List<RunScan> scans = new ArrayList<>();
        List<OrderedPages.Range<RunScan>> ranges = ranges(units.runs, scans);
        int parallel = plan.tuning.parallelReads();
        int done = 0;
        long emitted = 0;
        try (OrderedPages<RunScan> read = new OrderedPages<>(pages, ranges, parallel, plan.tuning.readAheadBytes(), plan.table)) {
            for (OrderedPages.Tagged<RunScan> page = read.next(); page != null; page = read.next()) {
                // scans end in order: those before this page's (some may have had no rows) are complete
                while (scans.get(done) != page.tag) {
                    emitted += scans.get(done++).end(sender);
                }
                page.tag.rows(page.rows, sender);
            }
        }
        while (done < scans.size()) {
            emitted += scans.get(done++).end(sender);
        }
        return emitted;
    }

    /** Every run as one range or unit by unit, in order, each range tagged with the units its rows go to. */
    private List<OrderedPages.Range<RunScan>> ranges(List<List<UnitWork>> runs, List<RunScan> scans) {
        List<OrderedPages.Range<RunScan>> out = new ArrayList<>();
        for (List<UnitWork> run : runs) {
            UnitWork head = run.get(0);
            CellPlan cells = new CellPlan(head.header, plan.schema, head.filter);
            ScanRequest request = cells.request(ServerFilter.build(head.filter.attributeConditions()));
            List<List<PkRange>> perUnit = new ArrayList<>(run.size());
            for (UnitWork u : run) {
                perUnit.add(ranges(u));
            }
            PkRange joined = mergeRuns ? RunRange.of(plan.schema, ends(run), perUnit) : null;
            if (joined != null) {
                RunScan scan = new RunScan(run, cells);
                scans.add(scan);
                out.add(new OrderedPages.Range<>(scan, joined.start(), joined.end(), request, splitter(run.get(run.size() - 1).to)));
                continue;
            }
            for (int k = 0; k < run.size(); k++) {
                RunScan scan = new RunScan(Collections.singletonList(run.get(k)), cells);
                scans.add(scan);
                for (PkRange r : perUnit.get(k)) {
                    out.add(new OrderedPages.Range<>(scan, r.start(), r.end(), request, splitter(run.get(k).to)));
                }
            }
        }
        return out;
    }

    private static long[] ends(List<UnitWork> run) {
        long[] ends = new long[run.size()];
        for (int k = 0; k < ends.length; k++) {
            ends[k] = run.get(k).to;
        }
        return ends;
    }

    /** Cuts long ranges into parts read at once; none when one request at a time is all that is allowed. */
    private OrderedPages.Splitter splitter(long windowTo) {
        return plan.tuning.parallelReads() > 1 ? new SubRanges(plan.schema, windowTo, PAGES_PER_PART, MAX_PARTS) : null;
    }

    /**
     * Units read through one range, and on the converting thread the cutting of its rows into
     * units: rows arrive in sort-key order (see {@link RunRange}), so the unit only moves forward;
     * each unit gets its own emitter and meta map when its first row arrives (a unit without rows
     * produces nothing). A single-unit scan hands every row to its unit. A scan of a part of a
     * heavy unit ends with a record carrying the part's end (its last row, or a marker without
     * columns when the part had no rows): the writer records a part only at its end and checks
     * the count it carries.
     */
    private final class RunScan {
        final List<UnitWork> units;
        final CellPlan cells;
        private int index;
        private UnitEmitter emitter;
        private int emitterIndex = -1;
        private long emittedBefore;
        /** A part's rows go through it: the last one waits to carry the part's end. */
        private HoldLast held;

        RunScan(List<UnitWork> units, CellPlan cells) {
            this.units = units;
            this.cells = cells;
        }

        void rows(RowBlock block, RecordSender sender) {
            RowCursor row = RowCursors.open(block, cells);
            int last = units.size() - 1;
            while (row.next()) {
                long time = row.sortKey();
                while (index < last && time >= units.get(index).to) {
                    index++;
                }
                if (emitterIndex != index) {
                    if (emitter != null) {
                        emittedBefore += emitter.emitted();
                    }
                    UnitWork u = units.get(index);
                    emitter = new UnitEmitter(cells, u.filter, u.key, u.from, u.to, u.restate == null ? NONE : plan.exclude, meta(u),
                            u.part == null ? sender : (held = new HoldLast(sender)));
                    emitterIndex = index;
                }
                emitter.row(row, time);
            }
        }

        private Map<String, String> meta(UnitWork u) {
            return cells.meta(u.unitId, u.header, plan.schema.sortIndex(), plan.period, u.part, u.restate);
        }

        /**
         * After its last row: the records it emitted. A part's last row goes out only now, its
         * meta carrying the part's end and row count; a part without rows sends a marker record
         * without columns instead (the one case DataX counts a record that is no row).
         */
        long end(RecordSender sender) {
            long emitted = emittedBefore + (emitter == null ? 0 : emitter.emitted());
            UnitWork only = units.get(0);
            if (only.part != null) {
                Record last = held == null ? null : held.release();
                Record end = last != null ? last : sender.createRecord();
                end.setMeta(UnitMeta.partEnd(emitter == null ? meta(only) : emitter.meta(), emitted));
                sender.sendToWriter(end);
            }
            return emitted;
        }
    }

    /** Sends every record one late, so the last one can still be given the end-of-part meta. */
    private static final class HoldLast implements RecordSender {
        private final RecordSender out;
        private Record held;

        HoldLast(RecordSender out) {
            this.out = out;
        }

        @Override
        public Record createRecord() {
            return out.createRecord();
        }

        @Override
        public void sendToWriter(Record record) {
            if (held != null) {
                out.sendToWriter(held);
            }
            held = record;
        }

        /** The record not sent yet (null when none came), now the caller's to send. */
        Record release() {
            Record r = held;
            held = null;
            return r;
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void terminate() {
            out.terminate();
        }

        @Override
        public void shutdown() {
            out.shutdown();
        }
    }
}
