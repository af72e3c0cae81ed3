package com.otsrange.reader.config;

import com.otsrange.common.SortKeyLiteral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a parsed reader parameter that shape the output, as plain JSON that is equal for
 * jobs meaning the same: what the job fingerprint hashes (never the text as written). A bound on
 * the sort key (when the job's schema names it) is the raw value it stands for in the job's timeUnit and
 * timeZone: {@code "2024-01-01"}, {@code "20240101"} and its epoch number are one bound.
 *
 * <p>{@code asWritten}: the form version 1 of the fingerprint hashed, a bound as written (blanks
 * trimmed): a checkpoint of that version is compared with it, so it keeps resuming.
 */
public final class ReaderCanonical {
    private ReaderCanonical() {
    }

    /** {@code {partitionKey, sortKey[, otherKeys]}}, or null without schema. */
    public static Object schema(ReaderSpec spec) {
        SchemaNames s = spec.schema();
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ReaderParams.PARTITION_KEY.name(), s.partitionKey());
        m.put(ReaderParams.SORT_KEY.name(), s.sortKey());
        if (s.otherKeys() != null) {
            m.put(ReaderParams.OTHER_KEYS.name(), s.otherKeys());
        }
        return m;
    }

    /**
     * The job's filters as far as they shape the output: {@code chunkBy} never does (slices never
     * cross a file period, adjacent slices are read as one range), and in incremental mode the
     * window column's bounds are the run's window, not the job's identity.
     *
     * @param windowColumn the sort key in incremental mode, else null
     */
    public static Map<String, Object> filters(ReaderSpec spec, String windowColumn, boolean asWritten) {
        return filters(spec.filters(), windowColumn, sortKey(spec), asWritten ? null : spec.timeLiteral());
    }

    /** {@code {source, definitions | path}}: inline definitions in the form written, their filters canonical. */
    public static Map<String, Object> tasks(ReaderSpec spec, boolean asWritten) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ReaderParams.TASK_SOURCE.name(), ReaderParams.TASK_SOURCE.canonical(spec.taskSource()));
        if (spec.taskSource() != TaskSource.INLINE) {
            m.put(ReaderParams.TASK_PATH.name(), spec.taskPath());
            return m;
        }
        Map<String, Object> defs = new LinkedHashMap<>();
        for (TaskDefinition t : spec.tasks()) {
            if (t.compact()) {
                defs.put(t.keyText(), t.columns());
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("columns", t.columns());
            if (t.filtersGiven()) {
                d.put("filters", filters(t.filters(), null, sortKey(spec), asWritten ? null : spec.timeLiteral()));
            }
            defs.put(t.keyText(), d);
        }
        m.put(ReaderParams.TASK_DEFINITIONS.name(), defs);
        return m;
    }

    /**
     * The sort key when the job's schema names it, else null. Not the column chunkBy sits on: chunkBy
     * is no part of the job's identity, so adding or dropping it must not change how bounds hash.
     */
    private static String sortKey(ReaderSpec spec) {
        return spec.schema() != null ? spec.schema().sortKey() : null;
    }

    /** @param time how sort-key bounds read; null: as written */
    private static Map<String, Object> filters(FilterSpec filters, String windowColumn, String sortKey, TimeLiteral time) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Condition>> e : filters.byColumn().entrySet()) {
            boolean onSortKey = e.getKey().equals(sortKey);
            Map<String, Object> ops = new LinkedHashMap<>();
            for (Condition c : e.getValue()) {
                if (e.getKey().equals(windowColumn) && WindowRequest.WINDOW_OPERATORS.contains(c.op())) {
                    continue;
                }
                List<Object> values = new ArrayList<>();
                for (Object v : c.values()) {
                    values.add(!onSortKey ? v : time == null ? asWritten(v) : raw(time, c.op(), v));
                }
                ops.put(c.op().json(), c.op().takesList() ? values : values.get(0));
            }
            if (ops.size() == 1 && ops.containsKey(Op.EQ.json())) {
                out.put(e.getKey(), ops.get(Op.EQ.json()));
            } else if (!ops.isEmpty()) {
                out.put(e.getKey(), ops);
            }
        }
        return out;
    }

    /** The raw sort-key value a bound stands for under its operator (as written when it is none). */
    private static Object raw(TimeLiteral time, Op op, Object v) {
        Long raw = time.toRaw(op, v);
        return raw == null ? asWritten(v) : raw;
    }

    /** Version 1: an epoch number as a number whether written as one or as digits, a date without its blanks. */
    private static Object asWritten(Object v) {
        Long n = SortKeyLiteral.integral(v);
        if (n != null) {
            return n;
        }
        return v instanceof String ? ((String) v).trim() : v;
    }
}
