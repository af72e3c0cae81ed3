package com.otsrange.reader.config;

import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.TimeWindow;

import java.time.ZoneId;
import java.util.List;

/**
 * Sort-key bounds: epoch numbers in the job's timeUnit, or date strings. A date means its midnight
 * in the job's timeZone; a date-time without offset is local to that zone. The rules live in
 * otsrange-common {@link SortKeyLiteral}; this adds what an operator makes of a bound.
 */
public final class TimeLiteral {
    public static final String FORMS = SortKeyLiteral.FORMS;

    private final SortKeyLiteral literal;

    public TimeLiteral(SortKeyUnit unit, ZoneId zone) {
        this.literal = new SortKeyLiteral(unit, zone);
    }

    public SortKeyLiteral literal() {
        return literal;
    }

    /** Whether a literal is written as a date ("2024-01-01", "20240101", "2024-01-01T08:00:00Z"), valid or not. */
    public static boolean looksLikeDate(Object literal) {
        return SortKeyLiteral.looksLikeDate(literal);
    }

    /** The raw sort-key value, or null when the literal is neither an epoch number nor a date. */
    public Long toRaw(Object literal) {
        return this.literal.toRaw(literal);
    }

    /**
     * The raw value a literal stands for as the operand of {@code op}, so that a row is selected
     * exactly when its time satisfies the bound as written, also for a time finer than the unit:
     * {@code gte} and {@code lt} round up ({@code gte 05.5} in seconds selects 6 and later,
     * {@code lt 08.5} up to 8), {@code gt} and {@code lte} down ({@code gt 05.5} is {@code gt 5});
     * {@code eq}, {@code ne}, {@code in} and {@code notIn} need a time the unit holds (null
     * otherwise, as for a literal that is no time).
     */
    public Long toRaw(Op op, Object literal) {
        switch (op) {
            case GTE:
            case LT:
                return this.literal.ceiling(literal);
            case GT:
            case LTE:
                return this.literal.toRaw(literal);
            default:
                return Boolean.TRUE.equals(this.literal.exact(literal)) ? this.literal.toRaw(literal) : null;
        }
    }

    /** The operator each value of {@code op} bounds with: between's low is a gte, its high a lte. */
    public static Op boundOf(Op op, int index) {
        return op == Op.BETWEEN ? (index == 0 ? Op.GTE : Op.LTE) : op;
    }

    /** How two bounds compare as written ({@link SortKeyLiteral#compareAsWritten}); null when either is no time. */
    public Integer compareAsWritten(Object a, Object b) {
        return literal.compareAsWritten(a, b);
    }

    /** Narrows {@code bounds} by one range condition (gt, gte, lt, lte, between); false when a literal is no time. */
    public boolean addTo(TimeWindow.Bounds bounds, Op op, List<Object> values) {
        Long v = toRaw(boundOf(op, 0), values.get(0));
        Long high = op == Op.BETWEEN ? toRaw(boundOf(op, 1), values.get(1)) : null;
        if (v == null || op == Op.BETWEEN && high == null) {
            return false;
        }
        switch (op) {
            case GT:
                bounds.gt(v);
                break;
            case GTE:
                bounds.gte(v);
                break;
            case LT:
                bounds.lt(v);
                break;
            case LTE:
                bounds.lte(v);
                break;
            case BETWEEN:
                bounds.between(v, high);
                break;
            default:
                throw new IllegalArgumentException(op.json() + " is not a range operator");
        }
        return true;
    }
}
