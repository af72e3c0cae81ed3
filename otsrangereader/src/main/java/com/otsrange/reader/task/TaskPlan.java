package com.otsrange.reader.task;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.TimeWindow;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.range.TimeCutter;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one reader task reads (its split), an immutable value: the table and how to read it, its
 * runs, and the spans never exported. A run is a time span of one key's consecutive file units,
 * read as one range where that is provably the same ({@code range.RunRange}); the task cuts each
 * run into its file units again ({@link TaskUnits}). The Job builds it ({@code plan.TaskPlans})
 * and sends it to the task through {@link TaskPlanCodec}, which gives back an equal value.
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
    /** The runs, in the order the task reads them. */
    public final List<Run> runs;
    /** Spans never exported (gaps between committed windows): a restated unit's read leaves them out. */
    public final List<TimeWindow> exclude;
    /** {@link #exclude} joined and in order, once (derived: not part of the value). */
    private final List<TimeWindow> joined;

    /** One key's consecutive time span [from, to) with the header and the filter of its task. */
    public static final class Run {
        public final PrimaryKeyValue key;
        /** Canonical text of the key (unit ids). */
        public final String keyText;
        public final List<String> header;
        /** The conditions its rows must meet (the job's AND the task's; a restated unit's without the job's window). */
        public final List<Condition> filter;
        public final long from;
        public final long to;
        /** The part of a heavy unit this run is ([from, to) is then the part's window), or null. */
        public final FileParts.Part part;
        /** A restated unit's mark (the run is then that one unit), or null. */
        public final RestateRead restate;

        public Run(PrimaryKeyValue key, List<String> header, List<Condition> filter, long from, long to) {
            this(key, header, filter, from, to, null, null);
        }

        /**
         * @param part    the part of a heavy unit this run is, or null
         * @param restate a restated unit's mark, or null; a restated unit is never a part
         */
        public Run(PrimaryKeyValue key, List<String> header, List<Condition> filter, long from, long to, FileParts.Part part,
                   RestateRead restate) {
            if (part != null && restate != null) {
                throw new IllegalArgumentException("a restated unit is never a part: " + part);
            }
            this.key = Objects.requireNonNull(key, "key");
            this.keyText = PkValues.keyText(key);
            this.header = Collections.unmodifiableList(new ArrayList<>(header));
            this.filter = Collections.unmodifiableList(new ArrayList<>(filter));
            this.from = from;
            this.to = to;
            this.part = part;
            this.restate = restate;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Run)) {
                return false;
            }
            Run r = (Run) o;
            return key.equals(r.key) && header.equals(r.header) && filter.equals(r.filter) && from == r.from && to == r.to
                    && Objects.equals(part, r.part) && Objects.equals(restate, r.restate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, header, filter, from, to, part, restate);
        }

        @Override
        public String toString() {
            return "Run{" + keyText + " " + header + " " + filter + " [" + from + ", " + to + ")"
                    + (part == null ? "" : " part " + part.toText()) + (restate == null ? "" : " restate " + restate) + "}";
        }
    }

    public TaskPlan(ConnectionSpec connection, String table, TableSchema schema, SortKeyUnit timeUnit, ZoneId timeZone,
                    Period period, Period sliceBy, Tuning tuning, List<Run> runs) {
        this(connection, table, schema, timeUnit, timeZone, period, sliceBy, tuning, runs, Collections.<TimeWindow>emptyList());
    }

    /** @throws IllegalArgumentException when a part or a restated unit crosses a {@code period} boundary */
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
        this.runs = Collections.unmodifiableList(new ArrayList<>(runs));
        this.exclude = Collections.unmodifiableList(new ArrayList<>(exclude));
        this.joined = Collections.unmodifiableList(TimeWindow.union(exclude));
        TimeCutter cutter = new TimeCutter(timeUnit, timeZone);
        for (Run r : runs) {
            if ((r.part != null || r.restate != null) && cutter.cut(r.from, r.to, period, Integer.MAX_VALUE).size() != 1) {
                throw new IllegalArgumentException((r.part != null ? r.part : "restated unit") + " [" + r.from + ", " + r.to
                        + ") of key " + r.keyText + " crosses a " + period.text() + " boundary");
            }
        }
    }

    /**
     * Where a unit's rows are read, and which it emits: [from, to), for a restated unit without the
     * spans never exported (it reads committed windows again; the gaps between them stay empty).
     */
    public List<long[]> segments(UnitWork u) {
        long from = u.from;
        long to = u.to;
        if (u.restate == null || joined.isEmpty()) {
            return Collections.singletonList(new long[] {from, to});
        }
        List<long[]> out = new ArrayList<>();
        long cur = from;
        for (TimeWindow x : joined) {
            if (x.to() <= cur || x.from() >= to) {
                continue;
            }
            if (x.from() > cur) {
                out.add(new long[] {cur, x.from()});
            }
            cur = Math.max(cur, x.to());
        }
        if (cur < to) {
            out.add(new long[] {cur, to});
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TaskPlan)) {
            return false;
        }
        TaskPlan p = (TaskPlan) o;
        return connection.equals(p.connection) && table.equals(p.table) && schema.equals(p.schema) && timeUnit == p.timeUnit
                && timeZone.equals(p.timeZone) && period == p.period && sliceBy == p.sliceBy && tuning.equals(p.tuning)
                && runs.equals(p.runs) && exclude.equals(p.exclude);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connection, table, schema, timeUnit, timeZone, period, sliceBy, tuning, runs, exclude);
    }

    @Override
    public String toString() {
        return "TaskPlan{" + connection + ", table=" + table + ", schema=" + schema + ", timeUnit=" + timeUnit.text() + ", timeZone="
                + timeZone + ", period=" + period.text() + ", sliceBy=" + sliceBy.text() + ", tuning=" + tuning + ", runs=" + runs
                + ", exclude=" + exclude + "}";
    }
}
