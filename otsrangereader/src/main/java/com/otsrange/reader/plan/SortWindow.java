package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.TimeWindow;
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
        TimeWindow.Bounds b = new TimeWindow.Bounds();
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
                    b.between(min, max);
                    break;
                }
                case GT:
                    b.gt(c.values().get(0).asLong());
                    break;
                case GTE:
                    b.gte(c.values().get(0).asLong());
                    break;
                case LT:
                    b.lt(c.values().get(0).asLong());
                    break;
                case LTE:
                    b.lte(c.values().get(0).asLong());
                    break;
                case BETWEEN:
                    b.between(c.values().get(0).asLong(), c.values().get(1).asLong());
                    break;
                default:
                    break;
            }
        }
        return new SortWindow(b.from(), b.to());
    }

    /** This window narrowed to {@code w} (an incremental run's window). */
    public SortWindow within(TimeWindow w) {
        return new SortWindow(from == null ? w.from() : Math.max(from, w.from()), to == null ? w.to() : Math.min(to, w.to()));
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
