package com.otsrange.testkit;

import com.alibaba.datax.common.element.Column;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brute force, independent of the reader's code: which rows a filter selects and what records
 * (as strings) each year unit should hold, in primary-key order. Unit names use the file-name
 * encoding of {@link Rules}; doubles are compared by value (their shortest text is the subject of
 * ShortestDouble's own tests).
 */
public final class Oracle {
    private Oracle() {
    }

    /** Value of a column in a row: a PK column by position in pkNames, else the attribute (null if missing). */
    static Object value(Emu.SrcRow r, List<String> pkNames, String column) {
        int i = pkNames.indexOf(column);
        return i >= 0 ? r.pk.get(i) : r.attrs.get(column);
    }

    /** filters: column -> plain value or {op: literal}. */
    @SuppressWarnings("unchecked")
    public static boolean matches(Emu.SrcRow r, List<String> pkNames, Map<String, Object> filters) {
        for (Map.Entry<String, Object> f : filters.entrySet()) {
            Object v = value(r, pkNames, f.getKey());
            Map<String, Object> ops = f.getValue() instanceof Map ? (Map<String, Object>) f.getValue()
                    : java.util.Collections.singletonMap("eq", f.getValue());
            for (Map.Entry<String, Object> o : ops.entrySet()) {
                if (o.getKey().equals("chunkBy")) {
                    continue;
                }
                if (!holds(o.getKey(), v, o.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean holds(String op, Object v, Object lit) {
        if (v == null) {
            return false;
        }
        switch (op) {
            case "in":
                for (Object x : (List<?>) lit) {
                    Integer c = cmp(v, x);
                    if (c != null && c == 0) {
                        return true;
                    }
                }
                return false;
            case "notIn":
                for (Object x : (List<?>) lit) {
                    Integer c = cmp(v, x);
                    if (c == null || c == 0) {
                        return false;
                    }
                }
                return true;
            case "between": {
                Integer a = cmp(v, ((List<?>) lit).get(0));
                Integer b = cmp(v, ((List<?>) lit).get(1));
                return a != null && b != null && a >= 0 && b <= 0;
            }
            default: {
                Integer c = cmp(v, lit);
                if (c == null) {
                    return false;
                }
                switch (op) {
                    case "eq": return c == 0;
                    case "ne": return c != 0;
                    case "gt": return c > 0;
                    case "gte": return c >= 0;
                    case "lt": return c < 0;
                    case "lte": return c <= 0;
                    default: throw new IllegalArgumentException(op);
                }
            }
        }
    }

    static Integer cmp(Object v, Object lit) {
        if (v instanceof Number && lit instanceof Number) {
            if (v instanceof Double && ((Double) v).isNaN()) {
                return null;
            }
            return Integer.signum(new BigDecimal(v.toString()).compareTo(new BigDecimal(lit.toString())));
        }
        if (v instanceof String && lit instanceof String) {
            return Integer.signum(((String) v).compareTo((String) lit));
        }
        if (v instanceof Boolean && lit instanceof Boolean) {
            return Boolean.compare((Boolean) v, (Boolean) lit);
        }
        return null;
    }

    public static String show(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) raw);
        }
        return raw.toString();
    }

    /** A captured cell as {@link #show} shows the source value: a DOUBLE column's text read as the double it stands for. */
    static String show(Column c, Object raw) {
        if (c.getType() == Column.Type.DOUBLE && raw instanceof String) {
            return Double.valueOf((String) raw).toString();
        }
        return show(raw);
    }

    /**
     * Expected records per unit ("yyyy/<key>"), each record as strings [key, time, cells...], in PK order.
     * tasks: key -> columns; header = append (start) + columns.
     */
    public static Map<String, List<List<String>>> expected(List<Emu.SrcRow> rows, List<String> pkNames, String partitionKey, String sortKey,
                                                          Map<String, List<String>> tasks, List<String> append,
                                                          Map<String, Object> globalFilters, Map<String, Map<String, Object>> taskFilters,
                                                          ZoneId zone) {
        List<Emu.SrcRow> sorted = new ArrayList<>(rows);
        sorted.sort(pkOrder());
        Map<String, List<List<String>>> out = new TreeMap<>();
        for (Emu.SrcRow r : sorted) {
            String key = show(value(r, pkNames, partitionKey));
            List<String> cols = tasks.get(key);
            if (cols == null || !matches(r, pkNames, globalFilters)) {
                continue;
            }
            Map<String, Object> tf = taskFilters == null ? null : taskFilters.get(key);
            if (tf != null && !matches(r, pkNames, tf)) {
                continue;
            }
            List<String> header0 = new ArrayList<>(append);
            header0.addAll(cols);
            if (omittedByServer(r, pkNames, header0, globalFilters, tf)) {
                continue;
            }
            long t = ((Number) value(r, pkNames, sortKey)).longValue();
            int year = Instant.ofEpochMilli(t).atZone(zone).getYear();
            List<String> rec = new ArrayList<>();
            rec.add(key);
            rec.add(Long.toString(t));
            List<String> header = new ArrayList<>(append);
            header.addAll(cols);
            for (String h : header) {
                rec.add(show(value(r, pkNames, h)));
            }
            out.computeIfAbsent(String.format("%04d", year) + "/" + Rules.encodeKey(key), k -> new ArrayList<>()).add(rec);
        }
        return out;
    }

    /**
     * TableStore omits a row that has none of the requested columns; the reader requests the
     * primary key too only when the header shows a primary-key column.
     */
    static boolean omittedByServer(Emu.SrcRow r, List<String> pkNames, List<String> header, Map<String, Object> g, Map<String, Object> t) {
        java.util.Set<String> requested = new java.util.HashSet<>();
        for (String h : header) {
            if (pkNames.contains(h)) {
                return false;
            }
            requested.add(h);
        }
        for (Map<String, Object> f : java.util.Arrays.asList(g, t)) {
            if (f != null) {
                for (String c : f.keySet()) {
                    if (!pkNames.contains(c)) {
                        requested.add(c);
                    }
                }
            }
        }
        if (requested.isEmpty()) {
            return false;
        }
        for (String c : requested) {
            if (r.attrs.get(c) != null) {
                return false;
            }
        }
        return true;
    }

    /** Actual records per unit id, in arrival order; also checks each unit arrived from one task contiguously. */
    public static Map<String, List<List<String>>> actual(List<CollectWriter.Captured> records) {
        Map<String, List<List<String>>> out = new TreeMap<>();
        Map<Integer, String> lastUnitOfTask = new LinkedHashMap<>();
        Map<String, Integer> taskOfUnit = new LinkedHashMap<>();
        java.util.Set<String> closed = new java.util.HashSet<>();
        for (CollectWriter.Captured c : records) {
            String unit = c.meta.get("otsrange.unit");
            Integer owner = taskOfUnit.putIfAbsent(unit, c.task);
            if (owner != null && owner != c.task) {
                throw new AssertionError("unit " + unit + " came from tasks " + owner + " and " + c.task);
            }
            String last = lastUnitOfTask.put(c.task, unit);
            if (last != null && !last.equals(unit)) {
                closed.add(last);
            }
            if (closed.contains(unit)) {
                throw new AssertionError("unit " + unit + " is not contiguous in task " + c.task);
            }
            List<String> rec = new ArrayList<>();
            for (int i = 0; i < c.values.size(); i++) {
                rec.add(show(c.columns.get(i), c.values.get(i)));
            }
            out.computeIfAbsent(unit, k -> new ArrayList<>()).add(rec);
        }
        return out;
    }

    /** PK order of the test rows: INTEGER numerically, STRING by code point (test keys are ASCII). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Emu.SrcRow> pkOrder() {
        return (a, b) -> {
            for (int i = 0; i < a.pk.size(); i++) {
                Object x = a.pk.get(i);
                Object y = b.pk.get(i);
                int c = x instanceof byte[] ? java.util.Arrays.compareUnsigned((byte[]) x, (byte[]) y) : ((Comparable) x).compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }
}
