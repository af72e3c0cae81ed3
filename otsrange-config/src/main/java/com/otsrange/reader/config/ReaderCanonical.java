package com.otsrange.reader.config;

import com.otsrange.common.SortKeyLiteral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a parsed reader parameter that shape the output, as plain JSON that is equal for
 * jobs meaning the same: what the job fingerprint hashes (never the text as written). For a job
 * written the usual way it is the JSON as written, so fingerprints of existing checkpoints stay
 * what they were.
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
    public static Map<String, Object> filters(ReaderSpec spec, String windowColumn) {
        return filters(spec.filters(), windowColumn, sortKey(spec));
    }

    /** {@code {source, definitions | path}}: inline definitions in the form written, their filters canonical. */
    public static Map<String, Object> tasks(ReaderSpec spec) {
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
                d.put("filters", filters(t.filters(), null, sortKey(spec)));
            }
            defs.put(t.keyText(), d);
        }
        m.put(ReaderParams.TASK_DEFINITIONS.name(), defs);
        return m;
    }

    /** The sort key when the job names it (schema, or the column chunkBy sits on), else null. */
    private static String sortKey(ReaderSpec spec) {
        return spec.schema() != null ? spec.schema().sortKey() : spec.filters().chunkByColumn();
    }

    private static Map<String, Object> filters(FilterSpec filters, String windowColumn, String sortKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Condition>> e : filters.byColumn().entrySet()) {
            boolean time = e.getKey().equals(sortKey);
            Map<String, Object> ops = new LinkedHashMap<>();
            for (Condition c : e.getValue()) {
                if (e.getKey().equals(windowColumn) && WindowRequest.WINDOW_OPERATORS.contains(c.op())) {
                    continue;
                }
                List<Object> values = new ArrayList<>();
                for (Object v : c.values()) {
                    values.add(time ? timeLiteral(v) : v);
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

    /** A sort-key bound: an epoch number as a number whether written as one or as digits, a date without its blanks. */
    private static Object timeLiteral(Object v) {
        Long n = SortKeyLiteral.integral(v);
        if (n != null) {
            return n;
        }
        return v instanceof String ? ((String) v).trim() : v;
    }
}
