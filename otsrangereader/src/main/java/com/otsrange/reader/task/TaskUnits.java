package com.otsrange.reader.task;

import com.otsrange.common.Problems;
import com.otsrange.common.UnitId;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.range.TimeCutter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's runs cut into their file units, as the task executes them: each run's span cut at
 * {@code period} boundaries, each distinct filter typed against the schema once (the Job checked
 * them, so a problem here is a bug: OtsRangeReader-10).
 */
public final class TaskUnits {
    /** The file units of each run, in order. */
    public final List<List<UnitWork>> runs;
    /** Every file unit, in order (the runs one after the other). */
    public final List<UnitWork> units;

    private TaskUnits(List<List<UnitWork>> runs, List<UnitWork> units) {
        this.runs = runs;
        this.units = units;
    }

    public static TaskUnits of(TaskPlan plan) {
        try {
            TimeCutter cutter = new TimeCutter(plan.timeUnit, plan.timeZone);
            TimeLiteral time = new TimeLiteral(plan.timeUnit, plan.timeZone);
            Map<List<Condition>, BoundFilter> bound = new HashMap<>();
            List<List<UnitWork>> cut = new ArrayList<>(plan.runs.size());
            List<UnitWork> all = new ArrayList<>();
            for (TaskPlan.Run r : plan.runs) {
                BoundFilter filter = bound.get(r.filter);
                if (filter == null) {
                    filter = bind(r.filter, plan, time);
                    bound.put(r.filter, filter);
                }
                List<UnitWork> run = new ArrayList<>();
                for (TimeCutter.Piece piece : cutter.cut(r.from, r.to, plan.period, Integer.MAX_VALUE)) {
                    run.add(new UnitWork(r.key, r.keyText, r.header, filter, UnitId.of(plan.period, piece.label, r.keyText), piece.from,
                            piece.to, r.part, r.restate));
                }
                cut.add(Collections.unmodifiableList(run));
                all.addAll(run);
            }
            return new TaskUnits(Collections.unmodifiableList(cut), Collections.unmodifiableList(all));
        } catch (RuntimeException e) {
            throw TaskPlanCodec.notFromSplit(e);
        }
    }

    private static BoundFilter bind(List<Condition> conditions, TaskPlan plan, TimeLiteral time) {
        Problems problems = new Problems();
        BoundFilter filter = BoundFilter.bind(new FilterSpec(conditions, null, null), plan.schema, time, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.list().toString());
        }
        return filter;
    }
}
