package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.BoundFilter;

/** The sort-key bounds a filter implies, as a half-open raw window; null sides are unbounded. */
public final class SortWindow {
    private final Long from;
    private final Long to;

    private SortWindow(Long from, Long to) {
        this.from = from;
        this.to = to;
    }

    public static SortWindow of(BoundFilter filter, int sortIndex) {
        Long lo = null;
        Long hi = null;
        for (BoundFilter.PkCondition c : filter.onPk(sortIndex)) {
            switch (c.op()) {
                case EQ:
                case IN: {
                    long min = Long.MAX_VALUE;
                    long max = Long.MIN_VALUE;
                    for (PrimaryKeyValue v : c.values()) {
                        min = Math.min(min, v.asLong());
                        max = Math.max(max, v.asLong());
                    }
                    lo = maxOf(lo, min);
                    hi = minOf(hi, plusOne(max));
                    break;
                }
                case GT:
                    lo = maxOf(lo, plusOne(c.values().get(0).asLong()));
                    break;
                case GTE:
                    lo = maxOf(lo, c.values().get(0).asLong());
                    break;
                case LT:
                    hi = minOf(hi, c.values().get(0).asLong());
                    break;
                case LTE:
                    hi = minOf(hi, plusOne(c.values().get(0).asLong()));
                    break;
                case BETWEEN:
                    lo = maxOf(lo, c.values().get(0).asLong());
                    hi = minOf(hi, plusOne(c.values().get(1).asLong()));
                    break;
                default:
                    break;
            }
        }
        return new SortWindow(lo, hi);
    }

    private static long plusOne(long v) {
        return v == Long.MAX_VALUE ? Long.MAX_VALUE : v + 1;
    }

    private static Long maxOf(Long a, long b) {
        return a == null ? b : Math.max(a, b);
    }

    private static Long minOf(Long a, long b) {
        return a == null ? b : Math.min(a, b);
    }

    /** Inclusive lower bound or null. */
    public Long from() {
        return from;
    }

    /** Exclusive upper bound or null. */
    public Long to() {
        return to;
    }

    public boolean bounded() {
        return from != null && to != null;
    }

    public SortWindow with(Long newFrom, Long newTo) {
        return new SortWindow(newFrom, newTo);
    }
}
