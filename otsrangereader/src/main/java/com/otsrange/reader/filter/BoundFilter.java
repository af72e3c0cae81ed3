package com.otsrange.reader.filter;

import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.config.RangeCheck;
import com.otsrange.reader.config.Op;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.config.Condition;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.otsrange.common.Problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Filters typed against the table: conditions on primary-key columns (values of the column's
 * type; they narrow GetRange and are always rechecked on the client) and conditions on attribute
 * columns (pushed to the server as column value filters and rechecked on the client, so the
 * server filter only ever needs to be a superset).
 */
public final class BoundFilter {
    /** A condition on a primary-key column, values typed. */
    public static final class PkCondition {
        final Op op;
        final PrimaryKeyValue[] values;

        PkCondition(Op op, PrimaryKeyValue[] values) {
            this.op = op;
            this.values = values;
        }

        public Op op() {
            return op;
        }

        public List<PrimaryKeyValue> values() {
            return Collections.unmodifiableList(java.util.Arrays.asList(values));
        }

        boolean test(PrimaryKeyValue v) {
            switch (op) {
                case IN:
                    for (PrimaryKeyValue x : values) {
                        if (PkValues.compare(v, x) == 0) {
                            return true;
                        }
                    }
                    return false;
                case NOT_IN:
                    for (PrimaryKeyValue x : values) {
                        if (PkValues.compare(v, x) == 0) {
                            return false;
                        }
                    }
                    return true;
                case BETWEEN:
                    return PkValues.compare(v, values[0]) >= 0 && PkValues.compare(v, values[1]) <= 0;
                default:
                    return Ops.holds(op, PkValues.compare(v, values[0]));
            }
        }
    }

    /** A condition on an attribute column. */
    public static final class AttrCondition {
        final String column;
        final Op op;
        final AttrLiteral[] values;

        AttrCondition(String column, Op op, AttrLiteral[] values) {
            this.column = column;
            this.op = op;
            this.values = values;
        }

        public String column() {
            return column;
        }

        /**
         * False for a missing cell, whatever the operator (SQL semantics). A DOUBLE NaN compared with
         * a number is unordered, as in IEEE 754 and Java's {@code ==} and {@code <}: only "not
         * equal" holds.
         */
        boolean test(ColumnValue cell) {
            if (cell == null) {
                return false;
            }
            switch (op) {
                case IN:
                    for (AttrLiteral x : values) {
                        Integer r = x.unordered(cell) ? null : x.compareCell(cell);
                        if (r != null && r == 0) {
                            return true;
                        }
                    }
                    return false;
                case NOT_IN:
                    for (AttrLiteral x : values) {
                        if (x.unordered(cell)) {
                            continue;
                        }
                        Integer r = x.compareCell(cell);
                        if (r == null || r == 0) {
                            return false;
                        }
                    }
                    return true;
                case BETWEEN: {
                    Integer lo = values[0].compareCell(cell);
                    Integer hi = values[1].compareCell(cell);
                    return lo != null && hi != null && lo >= 0 && hi <= 0;
                }
                default:
                    if (values[0].unordered(cell)) {
                        return op == Op.NE;
                    }
                    return Ops.holds(op, values[0].compareCell(cell));
            }
        }
    }

    private final List<List<PkCondition>> pk;
    private final List<AttrCondition> attrs;

    private BoundFilter(List<List<PkCondition>> pk, List<AttrCondition> attrs) {
        this.pk = pk;
        this.attrs = attrs;
    }

    /** Types every literal; problems name the JSON path, the value and the column's type. */
    public static BoundFilter bind(FilterSpec spec, TableSchema schema, TimeLiteral time, Problems problems) {
        List<List<PkCondition>> pk = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            pk.add(new ArrayList<PkCondition>());
        }
        List<AttrCondition> attrs = new ArrayList<>();
        for (Condition c : spec.conditions()) {
            int idx = schema.indexOf(c.column());
            if (idx < 0) {
                AttrLiteral[] vals = new AttrLiteral[c.values().size()];
                for (int i = 0; i < vals.length; i++) {
                    vals[i] = AttrLiteral.of(c.values().get(i));
                }
                attrs.add(new AttrCondition(c.column(), c.op(), vals));
                continue;
            }
            boolean isSort = idx == schema.sortIndex();
            PrimaryKeyValue[] vals = new PrimaryKeyValue[c.values().size()];
            boolean ok = true;
            for (int i = 0; i < vals.length; i++) {
                Object lit = c.values().get(i);
                // a sort-key bound is the raw value its operator means (a time finer than the unit rounds to select exactly)
                vals[i] = isSort && schema.type(idx) == PrimaryKeyType.INTEGER ? sortKeyValue(time, TimeLiteral.boundOf(c.op(), i), lit)
                        : PkValues.convert(lit, schema.type(idx));
                if (vals[i] == null) {
                    String at = c.op().takesList() ? c.path() + "[" + i + "]" : c.path();
                    problems.add(at, "value " + Problems.show(lit) + " does not fit primary-key column " + c.column()
                            + "; expected " + PkValues.expected(schema.type(idx), isSort));
                    ok = false;
                }
            }
            if (ok) {
                pk.get(idx).add(new PkCondition(c.op(), vals));
            }
        }
        return new BoundFilter(pk, attrs);
    }

    /**
     * Ranges no value can satisfy, now that each column's type is known (what the offline check
     * could not decide, e.g. two digit strings on a column that turns out to be INTEGER).
     */
    public static void checkRanges(FilterSpec spec, TableSchema schema, TimeLiteral time, Problems problems) {
        for (java.util.Map.Entry<String, List<Condition>> e : spec.byColumn().entrySet()) {
            int idx = schema.indexOf(e.getKey());
            RangeCheck.Order order;
            if (idx < 0) {
                order = (a, b) -> AttrLiteral.of(a).compareLiteral(AttrLiteral.of(b));
            } else if (idx == schema.sortIndex()) {
                // as the offline check compares them: as written
                order = time::compareAsWritten;
            } else {
                PrimaryKeyType type = schema.type(idx);
                order = (a, b) -> {
                    PrimaryKeyValue x = PkValues.convert(a, type);
                    PrimaryKeyValue y = PkValues.convert(b, type);
                    return x == null || y == null ? null : Integer.signum(PkValues.compare(x, y));
                };
            }
            RangeCheck.check(e.getValue(), order, problems);
        }
    }

    private static PrimaryKeyValue sortKeyValue(TimeLiteral time, Op op, Object literal) {
        Long raw = time.toRaw(op, literal);
        return raw == null ? null : PrimaryKeyValue.fromLong(raw);
    }

    public List<PkCondition> onPk(int index) {
        return Collections.unmodifiableList(pk.get(index));
    }

    public List<AttrCondition> attributeConditions() {
        return Collections.unmodifiableList(attrs);
    }

    /** Attribute columns the client recheck needs (in first-use order). */
    public Set<String> attributeColumns() {
        Set<String> s = new LinkedHashSet<>();
        for (AttrCondition a : attrs) {
            s.add(a.column);
        }
        return s;
    }

    /** Client recheck of one attribute condition; {@code cell} null = missing (false). */
    public boolean testAttribute(AttrCondition condition, ColumnValue cell) {
        return condition.test(cell);
    }

    /** A row's primary-key values by column index, read only for columns that have conditions. */
    public interface KeyValues {
        PrimaryKeyValue get(int index);
    }

    /** Client recheck of every primary-key condition. */
    public boolean testPk(PrimaryKeyColumn[] row) {
        return testPk(i -> row[i].getValue());
    }

    /** Client recheck of every primary-key condition. */
    public boolean testPk(KeyValues row) {
        for (int i = 0; i < pk.size(); i++) {
            List<PkCondition> conds = pk.get(i);
            if (conds.isEmpty()) {
                continue;
            }
            PrimaryKeyValue v = row.get(i);
            for (int j = 0, n = conds.size(); j < n; j++) {
                if (!conds.get(j).test(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
