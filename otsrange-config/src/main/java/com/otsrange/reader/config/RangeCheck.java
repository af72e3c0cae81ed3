package com.otsrange.reader.config;


import com.otsrange.common.Problems;
import java.util.List;

/**
 * Bounds on one column that no value satisfies: {@code between} with its low above its high, or a
 * lower bound ({@code gt}, {@code gte}, a between's low) not below an upper one. How two literals
 * compare depends on the column's type, so the caller brings the order: offline what the literals
 * themselves allow, after DescribeTable the column's own.
 */
public final class RangeCheck {
    /** Sign of (a - b) for two literals of one column, or null when they cannot be compared. */
    public interface Order {
        Integer compare(Object a, Object b);
    }

    private RangeCheck() {
    }

    /** @param conditions all conditions of one filters object on one column */
    public static void check(List<Condition> conditions, Order order, Problems problems) {
        Object low = null;
        boolean lowIncluded = true;
        Object high = null;
        boolean highIncluded = true;
        String columnPath = null;
        for (Condition c : conditions) {
            if (!c.op().isRange()) {
                continue;
            }
            // a range operator's path is the column's path plus ".op"
            columnPath = c.path().substring(0, c.path().length() - c.op().json().length() - 1);
            Object lo = c.op() == Op.BETWEEN ? c.values().get(0) : c.op() == Op.GT || c.op() == Op.GTE ? c.value() : null;
            Object hi = c.op() == Op.BETWEEN ? c.values().get(1) : c.op() == Op.LT || c.op() == Op.LTE ? c.value() : null;
            if (c.op() == Op.BETWEEN) {
                Integer r = order.compare(lo, hi);
                if (r != null && r > 0) {
                    problems.add(c.path(), "impossible range: low " + Problems.show(lo) + " is above high " + Problems.show(hi)
                            + ", so nothing can match; write [low, high]");
                    continue;
                }
            }
            if (lo != null && order.compare(lo, lo) != null) {
                Integer r = low == null ? Integer.valueOf(1) : order.compare(lo, low);
                if (r != null && (r > 0 || r == 0 && c.op() == Op.GT)) {
                    low = lo;
                    lowIncluded = c.op() != Op.GT;
                }
            }
            if (hi != null && order.compare(hi, hi) != null) {
                Integer r = high == null ? Integer.valueOf(-1) : order.compare(hi, high);
                if (r != null && (r < 0 || r == 0 && c.op() == Op.LT)) {
                    high = hi;
                    highIncluded = c.op() != Op.LT;
                }
            }
        }
        if (low == null || high == null) {
            return;
        }
        Integer r = order.compare(low, high);
        if (r != null && (r > 0 || r == 0 && !(lowIncluded && highIncluded))) {
            problems.add(columnPath, "impossible range: the lower bound " + Problems.show(low) + " is not below the upper bound "
                    + Problems.show(high) + ", so nothing can match");
        }
    }
}
