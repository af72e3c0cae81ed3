package com.otsrange.reader.plan;

import com.otsrange.common.Period;
import com.otsrange.reader.filter.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a run will read: file units grouped into DataX tasks, with counts for summaries and the plan command. */
public final class Plan {
    private final TableSchema schema;
    private final List<BoundTask> tasks;
    private final List<List<Unit>> groups;
    private final Period period;
    private final Period chunkBy;
    private final int keysTotal;
    private final int keysInShard;
    private final int unitsSkipped;
    private final String estimateMethod;
    private final WindowPlan window;

    public Plan(TableSchema schema, List<BoundTask> tasks, List<List<Unit>> groups, Period period, Period chunkBy,
                int keysTotal, int keysInShard, int unitsSkipped, String estimateMethod, WindowPlan window) {
        this.schema = schema;
        this.tasks = Collections.unmodifiableList(new ArrayList<>(tasks));
        this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
        this.period = period;
        this.chunkBy = chunkBy;
        this.keysTotal = keysTotal;
        this.keysInShard = keysInShard;
        this.unitsSkipped = unitsSkipped;
        this.estimateMethod = estimateMethod;
        this.window = window;
    }

    /** Incremental mode: the window decision and the committed windows; null otherwise. */
    public WindowPlan window() {
        return window;
    }

    public TableSchema schema() {
        return schema;
    }

    /** Typed task definitions; {@link Unit#task()} indexes this list. */
    public List<BoundTask> tasks() {
        return tasks;
    }

    /** One list of units per DataX task (a single empty list when there is nothing to read). */
    public List<List<Unit>> groups() {
        return groups;
    }

    /** File period (from the writer's fileName). */
    public Period period() {
        return period;
    }

    /** Slice size: the finer of chunkBy and the file period. */
    public Period sliceBy() {
        return chunkBy.ordinal() > period.ordinal() ? chunkBy : period;
    }

    public int keysTotal() {
        return keysTotal;
    }

    public int keysInShard() {
        return keysInShard;
    }

    /** File units to read: a unit read in parts counts once. */
    public int unitCount() {
        int n = 0;
        java.util.Set<String> inParts = new java.util.HashSet<>();
        for (List<Unit> g : groups) {
            for (Unit u : g) {
                if (u.part() == null) {
                    n++;
                } else {
                    inParts.add(u.id());
                }
            }
        }
        return n + inParts.size();
    }

    /** Parts to read of the units read in parts ({@link Unit#part()}). */
    public int partCount() {
        int n = 0;
        for (List<Unit> g : groups) {
            for (Unit u : g) {
                n += u.part() == null ? 0 : 1;
            }
        }
        return n;
    }

    /** File units read in parts. */
    public int unitsInParts() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (List<Unit> g : groups) {
            for (Unit u : g) {
                if (u.part() != null) {
                    ids.add(u.id());
                }
            }
        }
        return ids.size();
    }

    /** Units the run restates (read again from a committed window on; changes other than ignore). */
    public int unitsRestated() {
        int n = 0;
        for (List<Unit> g : groups) {
            for (Unit u : g) {
                n += u.restate() == null ? 0 : 1;
            }
        }
        return n;
    }

    /** Units left out because the writer's checkpoint says they are committed (resume). */
    public int unitsSkipped() {
        return unitsSkipped;
    }

    /** How weights were estimated, for the plan output. */
    public String estimateMethod() {
        return estimateMethod;
    }

    public double weight(List<Unit> group) {
        double w = 0;
        for (Unit u : group) {
            w += u.weight();
        }
        return w;
    }
}
