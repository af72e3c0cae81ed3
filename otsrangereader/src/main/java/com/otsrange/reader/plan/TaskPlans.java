package com.otsrange.reader.plan;

import com.otsrange.common.TimeWindow;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.task.RestateRead;
import com.otsrange.reader.task.TaskPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@link TaskPlan} of one group of the plan's units: what the Job hands one reader task. */
public final class TaskPlans {
    private TaskPlans() {
    }

    public static TaskPlan of(ReaderSpec spec, Plan plan, List<Unit> group) {
        List<TaskPlan.Run> runs = new ArrayList<>();
        // consecutive units of one key with touching windows travel as one run
        int i = 0;
        while (i < group.size()) {
            Unit first = group.get(i);
            long to = first.to();
            int j = i + 1;
            while (first.part() == null && first.restate() == null && j < group.size() && group.get(j).part() == null
                    && group.get(j).restate() == null && group.get(j).task() == first.task() && group.get(j).from() == to) {
                to = group.get(j).to();
                j++;
            }
            BoundTask bt = plan.tasks().get(first.task());
            FilterSpec fs = bt.filters(first);
            RestateRead restate = first.restate() == null ? null
                    : new RestateRead(first.restate().from(), first.restate().compare());
            runs.add(new TaskPlan.Run(bt.key(), bt.header(), fs.conditions(), first.from(), to, first.part(), restate));
            i = j;
        }
        Restatement r = plan.window() == null ? null : plan.window().restatement();
        List<TimeWindow> exclude = r == null ? Collections.<TimeWindow>emptyList() : r.notExported();
        return new TaskPlan(spec.connection(), spec.table(), plan.schema(), spec.timeUnit(), spec.timeZone(), plan.period(),
                plan.sliceBy(), spec.tuning(), runs, exclude);
    }
}
