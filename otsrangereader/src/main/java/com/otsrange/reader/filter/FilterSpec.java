package com.otsrange.reader.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conditions of one {@code filters} object, by column, all combined by AND. */
public final class FilterSpec {
    public static final FilterSpec NONE = new FilterSpec(Collections.<Condition>emptyList(), null, null);

    private final List<Condition> conditions;
    /** Column that carried {@code chunkBy}, or null. */
    private final String chunkByColumn;
    /** year | month | day, or null. */
    private final String chunkBy;

    public FilterSpec(List<Condition> conditions, String chunkByColumn, String chunkBy) {
        this.conditions = Collections.unmodifiableList(new ArrayList<>(conditions));
        this.chunkByColumn = chunkByColumn;
        this.chunkBy = chunkBy;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public String chunkByColumn() {
        return chunkByColumn;
    }

    public String chunkBy() {
        return chunkBy;
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Conditions grouped by column, in first-seen order (range checks look at one column at a time). */
    public Map<String, List<Condition>> byColumn() {
        Map<String, List<Condition>> m = new LinkedHashMap<>();
        for (Condition c : conditions) {
            List<Condition> l = m.get(c.column());
            if (l == null) {
                l = new ArrayList<>();
                m.put(c.column(), l);
            }
            l.add(c);
        }
        return m;
    }

    /** AND of both (per-task filters narrow the global ones); chunkBy comes from {@code this}. */
    public FilterSpec and(FilterSpec other) {
        if (other.isEmpty()) {
            return this;
        }
        List<Condition> all = new ArrayList<>(conditions);
        all.addAll(other.conditions);
        return new FilterSpec(all, chunkByColumn, chunkBy);
    }
}
