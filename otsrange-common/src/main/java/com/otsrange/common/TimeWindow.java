package com.otsrange.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A half-open window [from, to) of raw sort-key values (in the job's timeUnit), never empty.
 * {@link Bounds} is the one place that turns gt/gte/lt/lte/between/eq/in bounds into such a
 * window: the reader's planning and the incremental window ledger both use it.
 */
public final class TimeWindow {
    private final long from;
    private final long to;

    private TimeWindow(long from, long to) {
        this.from = from;
        this.to = to;
    }

    /** @throws IllegalArgumentException when from >= to (an empty window) */
    public static TimeWindow of(long from, long to) {
        if (from >= to) {
            throw new IllegalArgumentException("empty window [" + from + ", " + to + ")");
        }
        return new TimeWindow(from, to);
    }

    /** Inclusive lower bound. */
    public long from() {
        return from;
    }

    /** Exclusive upper bound. */
    public long to() {
        return to;
    }

    public boolean contains(TimeWindow other) {
        return from <= other.from && other.to <= to;
    }

    public boolean contains(long raw) {
        return from <= raw && raw < to;
    }

    /** The common part, or null when they do not overlap. */
    public TimeWindow intersect(TimeWindow other) {
        long f = Math.max(from, other.from);
        long t = Math.min(to, other.to);
        return f < t ? new TimeWindow(f, t) : null;
    }

    /** Sorted, overlapping or touching windows joined. */
    public static List<TimeWindow> union(List<TimeWindow> windows) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        Collections.sort(sorted, (a, b) -> a.from != b.from ? Long.compare(a.from, b.from) : Long.compare(a.to, b.to));
        List<TimeWindow> out = new ArrayList<>();
        for (TimeWindow w : sorted) {
            TimeWindow last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && w.from <= last.to) {
                out.set(out.size() - 1, new TimeWindow(last.from, Math.max(last.to, w.to)));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether the union of {@code windows} covers all of this window. */
    public boolean coveredBy(List<TimeWindow> windows) {
        for (TimeWindow u : union(windows)) {
            if (u.contains(this)) {
                return true;
            }
        }
        return false;
    }

    /** "[2024-01-01, 2024-01-02)" with each bound as a literal that reads back exactly (see {@link SortKeyLiteral#text}). */
    public String text(SortKeyLiteral literal) {
        return "[" + literal.text(from) + ", " + literal.text(to) + ")";
    }

    public static String text(List<TimeWindow> windows, SortKeyLiteral literal) {
        if (windows.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (TimeWindow w : windows) {
            sb.append(sb.length() == 0 ? "" : ", ").append(w.text(literal));
        }
        return sb.toString();
    }

    /** [from, to] as JSON numbers. */
    public List<Long> toJson() {
        return Arrays.asList(from, to);
    }

    /** From {@link #toJson()}; null when the value is not a two-number array with from < to. */
    public static TimeWindow fromJson(Object value) {
        if (!(value instanceof List) || ((List<?>) value).size() != 2) {
            return null;
        }
        Long f = SortKeyLiteral.integral(((List<?>) value).get(0));
        Long t = SortKeyLiteral.integral(((List<?>) value).get(1));
        return f == null || t == null || f >= t ? null : new TimeWindow(f, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow && ((TimeWindow) o).from == from && ((TimeWindow) o).to == to;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(from) * 31 + Long.hashCode(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }

    /**
     * Sort-key bounds accumulated into a half-open window: every bound narrows it; a side that no
     * bound limits stays null. {@code lte x} and {@code gt x} become x + 1 (saturating at
     * Long.MAX_VALUE), so the result is always [from, to).
     */
    public static final class Bounds {
        private Long from;
        private Long to;

        public Bounds gt(long v) {
            return atLeast(plusOne(v));
        }

        public Bounds gte(long v) {
            return atLeast(v);
        }

        public Bounds lt(long v) {
            return below(v);
        }

        public Bounds lte(long v) {
            return below(plusOne(v));
        }

        /** Both ends inclusive, as the job's {@code between} and eq/in (their smallest and largest value). */
        public Bounds between(long low, long high) {
            return gte(low).lte(high);
        }

        private Bounds atLeast(long v) {
            from = from == null ? v : Math.max(from, v);
            return this;
        }

        private Bounds below(long v) {
            to = to == null ? v : Math.min(to, v);
            return this;
        }

        /** Inclusive lower bound, or null. */
        public Long from() {
            return from;
        }

        /** Exclusive upper bound, or null. */
        public Long to() {
            return to;
        }

        private static long plusOne(long v) {
            return v == Long.MAX_VALUE ? Long.MAX_VALUE : v + 1;
        }
    }
}
