package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitId;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.filter.TableSchema;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one reader task reads (its split), immutable: the table and how to read it, and its runs.
 * A run is a time span of one key's consecutive file units, read as one range where that is
 * provably the same ({@link RunRange}); the task cuts each run into its file units again. The
 * Job sends it to the task through {@link TaskPlanCodec}.
 */
public final class TaskPlan {
    public final ConnectionSpec connection;
    public final String table;
    public final TableSchema schema;
    public final SortKeyUnit timeUnit;
    public final ZoneId timeZone;
    public final Period period;
    public final Period sliceBy;
    public final Tuning tuning;
    /** The file units of each run, in order. */
    public final List<List<UnitWork>> runs;
    /** Every file unit, in order (the runs one after the other). */
    public final List<UnitWork> units;
    /** Spans never exported (gaps between committed windows), joined and in order: a restated unit's read leaves them out. */
    public final List<TimeWindow> exclude;

    /** A restated unit: the raw sort-key value its records rewrite the file from, and whether it is a lookback's compare. */
    public static final class Restate {
        public final long from;
        public final boolean compare;

        public Restate(long from, boolean compare) {
            this.from = from;
            this.compare = compare;
        }
    }

    /** One key's consecutive time span with the header and the filter of its task. */
    public static final class Run {
        final PrimaryKeyValue key;
        final String keyText;
        final List<String> header;
        final BoundFilter filter;
        final long from;
        final long to;
        final FileParts.Part part;
        final Restate restate;

        public Run(PrimaryKeyValue key, String keyText, List<String> header, BoundFilter filter, long from, long to) {
            this(key, keyText, header, filter, from, to, null, null);
        }

        /**
         * @param part    the part of a heavy unit this run is ([from, to) is then the part's window), or null
         * @param restate a restated unit's mark (the run is that one unit), or null
         */
        public Run(PrimaryKeyValue key, String keyText, List<String> header, BoundFilter filter, long from, long to,
                   FileParts.Part part, Restate restate) {
            this.key = key;
            this.keyText = keyText;
            this.header = header;
            this.filter = filter;
            this.from = from;
            this.to = to;
            this.part = part;
            this.restate = restate;
        }
    }

    public TaskPlan(ConnectionSpec connection, String table, TableSchema schema, SortKeyUnit timeUnit, ZoneId timeZone,
                    Period period, Period sliceBy, Tuning tuning, List<Run> runs) {
        this(connection, table, schema, timeUnit, timeZone, period, sliceBy, tuning, runs, Collections.<TimeWindow>emptyList());
    }

    public TaskPlan(ConnectionSpec connection, String table, TableSchema schema, SortKeyUnit timeUnit, ZoneId timeZone,
                    Period period, Period sliceBy, Tuning tuning, List<Run> runs, List<TimeWindow> exclude) {
        this.connection = connection;
        this.table = table;
        this.schema = schema;
        this.timeUnit = timeUnit;
        this.timeZone = timeZone;
        this.period = period;
        this.sliceBy = sliceBy;
        this.tuning = tuning;
        TimeCutter cutter = new TimeCutter(timeUnit, timeZone);
        List<List<UnitWork>> cut = new ArrayList<>(runs.size());
        List<UnitWork> all = new ArrayList<>();
        for (Run r : runs) {
            List<UnitWork> run = new ArrayList<>();
            List<TimeCutter.Piece> pieces = cutter.cut(r.from, r.to, period, Integer.MAX_VALUE);
            if ((r.part != null || r.restate != null) && pieces.size() != 1) {
                throw new IllegalArgumentException((r.part != null ? r.part : "restated unit") + " [" + r.from + ", " + r.to
                        + ") of key " + r.keyText + " crosses a " + period.text() + " boundary");
            }
            for (TimeCutter.Piece piece : pieces) {
                run.add(new UnitWork(r.key, r.keyText, r.header, r.filter, UnitId.of(period, piece.label, r.keyText), piece.from,
                        piece.to, r.part, r.restate));
            }
            cut.add(Collections.unmodifiableList(run));
            all.addAll(run);
        }
        this.runs = Collections.unmodifiableList(cut);
        this.units = Collections.unmodifiableList(all);
        this.exclude = Collections.unmodifiableList(TimeWindow.union(exclude));
    }

    /**
     * Where a unit's rows are read, and which it emits: [from, to), for a restated unit without the
     * spans never exported (it reads committed windows again; the gaps between them stay empty).
     */
    public List<long[]> segments(UnitWork u) {
        if (u.restate == null || exclude.isEmpty()) {
            return Collections.singletonList(new long[] {u.from, u.to});
        }
        List<long[]> out = new ArrayList<>();
        long cur = u.from;
        for (TimeWindow x : exclude) {
            if (x.to() <= cur || x.from() >= u.to) {
                continue;
            }
            if (x.from() > cur) {
                out.add(new long[] {cur, x.from()});
            }
            cur = Math.max(cur, x.to());
        }
        if (cur < u.to) {
            out.add(new long[] {cur, u.to});
        }
        return out;
    }
}
