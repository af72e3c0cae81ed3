package com.otsrange.reader.plan;

import com.otsrange.common.FileParts;

/**
 * A file unit: all rows of one partition key in one file period, within the sort-key window
 * [from, to) (raw sort-key values). One DataX task reads a unit entirely, in primary-key order;
 * or, for a heavy unit, one part of it ({@link #part()}: then [from, to) is the part's window).
 */
public final class Unit {
    private final int task;
    private final String id;
    private final long from;
    private final long to;
    private final double weight;
    private final double work;
    private final FileParts.Part part;
    private final RestateMark restate;

    /** @param work units' worth of work: 1, or 1 + split points when ComputeSplitsBySize says the key is big */
    public Unit(int task, String id, long from, long to, double weight, double work) {
        this(task, id, from, to, weight, work, null, null);
    }

    private Unit(int task, String id, long from, long to, double weight, double work, FileParts.Part part, RestateMark restate) {
        this.task = task;
        this.id = id;
        this.from = from;
        this.to = to;
        this.weight = weight;
        this.work = work;
        this.part = part;
        this.restate = restate;
    }

    /**
     * A restated unit ({@code mark}): read again from {@code mark.from()} to {@code to} (its committed
     * coverage's end, or the end of this run's window in its period), never in parts.
     */
    static Unit restated(RestateMark mark, long to, double weight, double work) {
        return new Unit(mark.task(), mark.unitId(), mark.from(), to, weight, work, null, mark);
    }

    /** Part {@code part} of this unit: its window, and an even share of the weight. */
    public Unit part(FileParts.Part part) {
        return new Unit(task, id, part.from(), part.to(), weight / part.n, work / part.n, part, null);
    }

    /** The same unit with another weight (what planning learnt of where its rows are). */
    Unit reweighted(double newWeight) {
        return new Unit(task, id, from, to, newWeight, work, part, restate);
    }

    /** Why and from where the run restates this unit, or null for an ordinary unit. */
    public RestateMark restate() {
        return restate;
    }

    /** The part of its unit this is, or null for a whole unit. */
    public FileParts.Part part() {
        return part;
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
