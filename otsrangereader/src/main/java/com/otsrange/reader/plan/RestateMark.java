package com.otsrange.reader.plan;

/**
 * One file unit a run restates (docs/DESIGN.md, "Restatement"): the task (index into the plan's
 * tasks) and unit it belongs to, {@code from} = the raw sort-key value the unit is read again from
 * (the start of a committed window, clipped to the unit's period), {@code coveredTo} = the end of
 * the unit's committed coverage, whether it is a lookback's compare (restate only if the bytes
 * differ) and how many relevant stream records marked it.
 */
public final class RestateMark {
    private final int task;
    private final String unitId;
    private final long from;
    private final long coveredTo;
    private final boolean compare;
    private final long records;

    public RestateMark(int task, String unitId, long from, long coveredTo, boolean compare, long records) {
        if (from >= coveredTo) {
            throw new IllegalArgumentException("unit " + unitId + ": restated from " + from + " but covered only to " + coveredTo);
        }
        this.task = task;
        this.unitId = unitId;
        this.from = from;
        this.coveredTo = coveredTo;
        this.compare = compare;
        this.records = records;
    }

    public int task() {
        return task;
    }

    public String unitId() {
        return unitId;
    }

    public long from() {
        return from;
    }

    public long coveredTo() {
        return coveredTo;
    }

    public boolean compare() {
        return compare;
    }

    public long records() {
        return records;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RestateMark)) {
            return false;
        }
        RestateMark m = (RestateMark) o;
        return task == m.task && unitId.equals(m.unitId) && from == m.from && coveredTo == m.coveredTo && compare == m.compare
                && records == m.records;
    }

    @Override
    public int hashCode() {
        return unitId.hashCode() * 31 + Long.hashCode(from);
    }

    @Override
    public String toString() {
        return unitId + " from " + from + " (covered to " + coveredTo + (compare ? ", compare" : ", " + records + " record(s)") + ")";
    }
}
