package com.otsrange.reader.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One operator on one column with its JSON literal(s), untyped: types come from the table
 * (primary key) or from the cells (attributes). {@code path} names it in error messages.
 */
public final class Condition {
    private final String column;
    private final Op op;
    private final List<Object> values;
    private final String path;

    public Condition(String column, Op op, List<Object> values, String path) {
        this.column = column;
        this.op = op;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.path = path;
    }

    public String column() {
        return column;
    }

    public Op op() {
        return op;
    }

    /** One value, except IN / NOT_IN (one or more) and BETWEEN (low, high). */
    public List<Object> values() {
        return values;
    }

    public Object value() {
        return values.get(0);
    }

    public String path() {
        return path;
    }

    /**
     * Same column, operator and literals: the same condition wherever it was written ({@code path}
     * only names it in messages), so equal filters travel once in a task's configuration.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Condition)) {
            return false;
        }
        Condition c = (Condition) o;
        return column.equals(c.column) && op == c.op && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return (column.hashCode() * 31 + op.hashCode()) * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return column + " " + op.json() + " " + values;
    }
}
