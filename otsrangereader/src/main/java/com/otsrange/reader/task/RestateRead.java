package com.otsrange.reader.task;

/**
 * A restated unit as a task reads it (the task's copy of the Job's {@code plan.RestateMark}): the
 * raw sort-key value its records rewrite the file from, and whether it is a lookback's compare. A
 * value of its own, carried by a plan's run ({@link TaskPlan.Run}) and by the unit a task cuts from
 * it ({@link UnitWork}), so that the unit does not depend on the plan.
 */
public final class RestateRead {
    public final long from;
    public final boolean compare;

    public RestateRead(long from, boolean compare) {
        this.from = from;
        this.compare = compare;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestateRead && ((RestateRead) o).from == from && ((RestateRead) o).compare == compare;
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
