package com.otsrange.reader.config;

import com.otsrange.common.Period;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The conditions of one {@code filters} object, by column, all combined by AND. */
public final class FilterSpec {
    public static final FilterSpec NONE = new FilterSpec(Collections.<Condition>emptyList(), null, null);

    private final List<Condition> conditions;
    /** Column that carried {@code chunkBy}, or null. */
    private final String chunkByColumn;
    /** null when not given. */
    private final Period chunkBy;

    public FilterSpec(List<Condition> conditions, String chunkByColumn, Period chunkBy) {
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

    public Period chunkBy() {
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

    /** Same conditions in the same order and the same chunkBy (a map key when task configs are written). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FilterSpec)) {
            return false;
        }
        FilterSpec f = (FilterSpec) o;
        return conditions.equals(f.conditions) && Objects.equals(chunkByColumn, f.chunkByColumn) && Objects.equals(chunkBy, f.chunkBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, chunkByColumn, chunkBy);
    }

    /** The same filters without the conditions on {@code column} (chunkBy stays). */
    public FilterSpec without(String column) {
        List<Condition> kept = new ArrayList<>(conditions.size());
        for (Condition c : conditions) {
            if (!c.column().equals(column)) {
                kept.add(c);
            }
        }
        return kept.size() == conditions.size() ? this : new FilterSpec(kept, chunkByColumn, chunkBy);
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
