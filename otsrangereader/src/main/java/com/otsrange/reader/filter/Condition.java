package com.otsrange.reader.filter;

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

    @Override
    public String toString() {
        return column + " " + op.json() + " " + values;
    }
}
