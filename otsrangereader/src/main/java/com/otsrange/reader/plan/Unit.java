package com.otsrange.reader.plan;

/**
 * A file unit: all rows of one partition key in one file period, within the sort-key window
 * [from, to) (raw sort-key values). One DataX task reads a unit entirely, in primary-key order.
 */
public final class Unit {
    private final int task;
    private final String id;
    private final long from;
    private final long to;
    private final double weight;
    private final double work;

    /** @param work units' worth of work: 1, or 1 + split points when ComputeSplitsBySize says the key is big */
    public Unit(int task, String id, long from, long to, double weight, double work) {
        this.task = task;
        this.id = id;
        this.from = from;
        this.to = to;
        this.weight = weight;
        this.work = work;
    }

    /** Index of its {@link BoundTask} in the plan. */
    public int task() {
        return task;
    }

    /** {@code <period label>/<encoded key>}, as in the writer's checkpoint. */
    public String id() {
        return id;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    /** Expected relative size (time span x key size factor). */
    public double weight() {
        return weight;
    }

    /** How many ordinary units this one is worth, for sizing the number of tasks. */
    public double work() {
        return work;
    }
}
