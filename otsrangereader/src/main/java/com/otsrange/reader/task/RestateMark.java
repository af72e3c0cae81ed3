package com.otsrange.reader.task;

/**
 * A restated unit's mark: the raw sort-key value its records rewrite the file from, and whether it
 * is a lookback's compare. A value of its own, carried by a plan's run ({@link TaskPlan.Run}) and by
 * the unit a task cuts from it ({@link UnitWork}), so that the unit does not depend on the plan.
 */
public final class RestateMark {
    public final long from;
    public final boolean compare;

    public RestateMark(long from, boolean compare) {
        this.from = from;
        this.compare = compare;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestateMark && ((RestateMark) o).from == from && ((RestateMark) o).compare == compare;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(from) * 31 + (compare ? 1 : 0);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + (compare ? 1 : 0) + "]";
    }
}
