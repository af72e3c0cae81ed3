package com.otsrange.reader.filter;

import com.otsrange.reader.config.Op;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;
import com.alicloud.openservices.tablestore.model.filter.CompositeColumnValueFilter;
import com.alicloud.openservices.tablestore.model.filter.CompositeColumnValueFilter.LogicOperator;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter.CompareOperator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribute conditions as a TableStore column value filter. Every single filter has
 * passIfMissing=false (a missing cell fails the comparison). A JSON number is compared with both
 * INTEGER and DOUBLE cells (OR of two typed filters). The server filter is only a pre-filter: the
 * client rechecks every condition exactly, so a condition that cannot be expressed exactly is left
 * to the client (never narrower than the client's answer).
 */
public final class ServerFilter {
    private ServerFilter() {
    }

    /** The filter for all attribute conditions (AND), or null when nothing is pushed. */
    public static ColumnValueFilter build(List<BoundFilter.AttrCondition> conditions) {
        List<ColumnValueFilter> parts = new ArrayList<>();
        for (BoundFilter.AttrCondition c : conditions) {
            ColumnValueFilter f = condition(c);
            if (f != null) {
                parts.add(f);
            }
        }
        return combine(LogicOperator.AND, parts);
    }

    private static ColumnValueFilter condition(BoundFilter.AttrCondition c) {
        switch (c.op) {
            case IN: {
                List<ColumnValueFilter> any = new ArrayList<>();
                for (AttrLiteral v : c.values) {
                    ColumnValueFilter f = single(c.column, Op.EQ, v);
                    if (f != null) {
                        any.add(f);
                    }
                }
                // every value impossible for every type: the client will reject all rows anyway
                return combine(LogicOperator.OR, any);
            }
            case NOT_IN: {
                List<ColumnValueFilter> all = new ArrayList<>();
                for (AttrLiteral v : c.values) {
                    ColumnValueFilter f = single(c.column, Op.NE, v);
                    if (f == null) {
                        return null;
                    }
                    all.add(f);
                }
                return combine(LogicOperator.AND, all);
            }
            case BETWEEN: {
                ColumnValueFilter lo = single(c.column, Op.GTE, c.values[0]);
                ColumnValueFilter hi = single(c.column, Op.LTE, c.values[1]);
                if (lo == null || hi == null) {
                    return lo == null ? hi : lo;
                }
                List<ColumnValueFilter> both = new ArrayList<>();
                both.add(lo);
                both.add(hi);
                return combine(LogicOperator.AND, both);
            }
            default:
                return single(c.column, c.op, c.values[0]);
        }
    }

    /** One comparison; for numbers the OR over the INTEGER and DOUBLE forms, or null if not exact. */
    private static ColumnValueFilter single(String column, Op op, AttrLiteral v) {
        if (!v.isNumber()) {
            return cmp(column, op, v.stringOrBool());
        }
        List<ColumnValueFilter> forms = new ArrayList<>();
        forms.add(cmp(column, op, ColumnValue.fromDouble(v.doubleValue())));
        if (v.exactLong() != null) {
            forms.add(cmp(column, op, ColumnValue.fromLong(v.exactLong())));
        } else {
            // x has a fraction (or is beyond long): INTEGER cells compare with floor/ceil of x
            BigDecimal d = v.decimal();
            BigDecimal floor = d.setScale(0, RoundingMode.FLOOR);
            BigDecimal ceil = d.setScale(0, RoundingMode.CEILING);
            Long f = fitsLong(floor);
            Long c = fitsLong(ceil);
            switch (op) {
                case EQ:
                    break; // no integer equals a fraction
                case GT:
                case LTE:
                    if (f == null) {
                        return null;
                    }
                    forms.add(cmp(column, op, ColumnValue.fromLong(f)));
                    break;
                case GTE:
                case LT:
                    if (c == null) {
                        return null;
                    }
                    forms.add(cmp(column, op, ColumnValue.fromLong(c)));
                    break;
                default:
                    return null; // ne with a fraction holds for every INTEGER cell: not expressible
            }
        }
        return combine(LogicOperator.OR, forms);
    }

    private static Long fitsLong(BigDecimal d) {
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static ColumnValueFilter cmp(String column, Op op, ColumnValue value) {
        SingleColumnValueFilter f = new SingleColumnValueFilter(column, operator(op), value);
        f.setPassIfMissing(false);
        f.setLatestVersionsOnly(true);
        return f;
    }

    private static CompareOperator operator(Op op) {
        switch (op) {
            case EQ:
                return CompareOperator.EQUAL;
            case NE:
                return CompareOperator.NOT_EQUAL;
            case GT:
                return CompareOperator.GREATER_THAN;
            case GTE:
                return CompareOperator.GREATER_EQUAL;
            case LT:
                return CompareOperator.LESS_THAN;
            case LTE:
                return CompareOperator.LESS_EQUAL;
            default:
                throw new IllegalArgumentException(op.json());
        }
    }

    private static ColumnValueFilter combine(LogicOperator op, List<ColumnValueFilter> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        CompositeColumnValueFilter c = new CompositeColumnValueFilter(op);
        for (ColumnValueFilter p : parts) {
            c.addFilter(p);
        }
        return c;
    }
}
