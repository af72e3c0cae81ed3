package com.otsrange.reader.filter;

import com.alicloud.openservices.tablestore.model.ColumnType;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.otsrange.reader.config.CodePoints;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A literal compared with attribute cells. Numbers compare with INTEGER and DOUBLE cells, strings
 * with STRING cells, booleans with BOOLEAN cells; any other pairing is not comparable (the
 * condition is false, like a missing cell).
 */
public final class AttrLiteral {
    enum Kind { NUMBER, STRING, BOOLEAN }

    private final Kind kind;
    private final String string;
    private final boolean bool;
    private final BigDecimal decimal;
    /** Non-null when the number is an integer within long range. */
    private final Long exactLong;
    private final double dbl;

    private AttrLiteral(Kind kind, String string, boolean bool, BigDecimal decimal) {
        this.kind = kind;
        this.string = string;
        this.bool = bool;
        this.decimal = decimal;
        Long l = null;
        if (decimal != null) {
            try {
                l = decimal.longValueExact();
            } catch (ArithmeticException e) {
                l = null;
            }
        }
        this.exactLong = l;
        this.dbl = decimal == null ? 0 : decimal.doubleValue();
    }

    public static AttrLiteral of(Object json) {
        if (json instanceof String) {
            return new AttrLiteral(Kind.STRING, (String) json, false, null);
        }
        if (json instanceof Boolean) {
            return new AttrLiteral(Kind.BOOLEAN, null, (Boolean) json, null);
        }
        if (json instanceof BigDecimal) {
            return new AttrLiteral(Kind.NUMBER, null, false, (BigDecimal) json);
        }
        if (json instanceof BigInteger) {
            return new AttrLiteral(Kind.NUMBER, null, false, new BigDecimal((BigInteger) json));
        }
        if (json instanceof Double || json instanceof Float) {
            return new AttrLiteral(Kind.NUMBER, null, false, new BigDecimal(((Number) json).toString()));
        }
        if (json instanceof Number) {
            return new AttrLiteral(Kind.NUMBER, null, false, BigDecimal.valueOf(((Number) json).longValue()));
        }
        throw new IllegalArgumentException("not a scalar: " + json);
    }

    /** A number against a DOUBLE NaN cell: neither below, equal nor above (IEEE 754). */
    boolean unordered(ColumnValue cell) {
        return kind == Kind.NUMBER && cell.getType() == ColumnType.DOUBLE
                && Double.isNaN(cell.asDouble());
    }

    /**
     * Sign of (cell - literal), or null when not comparable (other types, a NaN cell). DOUBLE cells
     * compare numerically as IEEE 754 does: -0.0 equals 0.0.
     */
    public Integer compareCell(ColumnValue cell) {
        switch (cell.getType()) {
            case INTEGER:
                if (kind != Kind.NUMBER) {
                    return null;
                }
                return exactLong != null ? Long.compare(cell.asLong(), exactLong) : BigDecimal.valueOf(cell.asLong()).compareTo(decimal);
            case DOUBLE: {
                if (kind != Kind.NUMBER) {
                    return null;
                }
                double d = cell.asDouble();
                if (Double.isNaN(d)) {
                    return null;
                }
                if (Double.isInfinite(d)) {
                    return d > 0 ? 1 : -1;
                }
                return d == dbl ? BigDecimal.valueOf(d).compareTo(decimal) : Double.compare(d, dbl);
            }
            case STRING:
                return kind == Kind.STRING ? Integer.signum(CodePoints.compare(cell.asString(), string)) : null;
            case BOOLEAN:
                return kind == Kind.BOOLEAN ? Boolean.compare(cell.asBoolean(), bool) : null;
            default:
                return null;
        }
    }

    /** Sign of (this - other) for literals of one kind (numbers numerically, strings by code point), else null. */
    Integer compareLiteral(AttrLiteral other) {
        if (kind != other.kind) {
            return null;
        }
        switch (kind) {
            case NUMBER:
                return decimal.compareTo(other.decimal);
            case STRING:
                return Integer.signum(CodePoints.compare(string, other.string));
            default:
                return Boolean.compare(bool, other.bool);
        }
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    Long exactLong() {
        return exactLong;
    }

    BigDecimal decimal() {
        return decimal;
    }

    /** The values the server filter compares with (several for numbers: INTEGER and DOUBLE cells). */
    ColumnValue stringOrBool() {
        return kind == Kind.STRING ? ColumnValue.fromString(string) : ColumnValue.fromBoolean(bool);
    }

    double doubleValue() {
        return dbl;
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? "\"" + string + "\"" : kind == Kind.BOOLEAN ? String.valueOf(bool) : decimal.toPlainString();
    }
}
