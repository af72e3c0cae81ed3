package com.otsrange.reader.config;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Period;
import com.otsrange.common.TimeWindow;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sort-key windows too wide to cut into file periods ({@link Period#MAX_PER_KEY} per key), known
 * before anything runs where the job names its sort key and bounds it on both sides: the reader
 * Job's init and {@code validate} refuse them, as the split would once it cut them. (Windows found
 * from the rows, without bounds, are only known at the split.)
 */
public final class WindowWidth {
    private WindowWidth() {
    }

    /** @param filePeriod the writer's file period (year for any writer but csvyearwriter) */
    public static List<JsonProblem> problems(ReaderSpec spec, Period filePeriod) {
        String sortKey = spec.schema() != null ? spec.schema().sortKey() : spec.filters().chunkByColumn();
        if (sortKey == null) {
            return Collections.emptyList();
        }
        TimeLiteral time = spec.timeLiteral();
        String jobPath = Fields.join(Fields.join(ReaderParams.AT, ReaderParams.FILTERS.name()), sortKey);
        List<JsonProblem> out = new ArrayList<>();
        String why = why(bounds(new TimeWindow.Bounds(), spec.filters(), sortKey, time), filePeriod, spec);
        if (why != null) {
            out.add(new JsonProblem(jobPath, why));
            return out;
        }
        for (TaskDefinition t : spec.tasks()) {
            TimeWindow.Bounds b = bounds(bounds(new TimeWindow.Bounds(), spec.filters(), sortKey, time), t.filters(), sortKey, time);
            String task = why(b, filePeriod, spec);
            if (task != null) {
                out.add(new JsonProblem(Fields.join(t.path() + ".filters", sortKey), task));
            }
        }
        return out;
    }

    /** The bounds the conditions on the sort key set (eq and in: their smallest and largest value). */
    private static TimeWindow.Bounds bounds(TimeWindow.Bounds b, FilterSpec filters, String sortKey, TimeLiteral time) {
        for (Condition c : filters.conditions()) {
            if (!c.column().equals(sortKey)) {
                continue;
            }
            if (c.op().isRange()) {
                time.addTo(b, c.op(), c.values());
            } else if (c.op() == Op.EQ || c.op() == Op.IN) {
                Long min = null;
                Long max = null;
                for (Object v : c.values()) {
                    Long raw = time.toRaw(c.op(), v);
                    if (raw != null) {
                        min = min == null ? raw : Math.min(min, raw);
                        max = max == null ? raw : Math.max(max, raw);
                    }
                }
                if (min != null) {
                    b.between(min, max);
                }
            }
        }
        return b;
    }

    private static String why(TimeWindow.Bounds b, Period period, ReaderSpec spec) {
        if (b.from() == null || b.to() == null || b.from() >= b.to()) {
            return null;
        }
        String window = "[" + spec.timeLiteral().literal().text(b.from()) + ", " + spec.timeLiteral().literal().text(b.to()) + ")";
        try {
            long n = period.countIn(b.from(), b.to(), spec.timeUnit(), spec.timeZone());
            if (n <= Period.MAX_PER_KEY) {
                return null;
            }
            return "the window " + window + " is too wide: it spans " + n + " " + period.text() + " files per key, more than "
                    + Period.MAX_PER_KEY + " (the file period comes from the writer's fileName); narrow the bounds, or check timeUnit"
                    + " (" + spec.timeUnit().text() + ")";
        } catch (ArithmeticException | DateTimeException e) {
            return "the window " + window + " is too wide: it reaches beyond the dates a file can be named for; narrow the"
                    + " bounds, or check timeUnit (" + spec.timeUnit().text() + ")";
        }
    }
}
