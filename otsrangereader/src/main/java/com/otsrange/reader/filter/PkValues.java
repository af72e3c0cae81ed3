package com.otsrange.reader.filter;

import com.otsrange.reader.config.TimeLiteral;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.KeyText;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.reader.config.CodePoints;

import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;

/** Primary-key values: conversion from JSON literals, TableStore's order, successors. */
public final class PkValues {
    /** TableStore's order: INF_MIN first, INF_MAX last; INTEGER signed, STRING/BINARY unsigned bytes. */
    public static final Comparator<PrimaryKeyValue> ORDER = PkValues::compare;

    private PkValues() {
    }

    public static int compare(PrimaryKeyValue a, PrimaryKeyValue b) {
        if (a.isInfMin() || b.isInfMax()) {
            return (a.isInfMin() && b.isInfMin()) || (a.isInfMax() && b.isInfMax()) ? 0 : -1;
        }
        if (a.isInfMax() || b.isInfMin()) {
            return 1;
        }
        switch (a.getType()) {
            case INTEGER:
                return Long.compare(a.asLong(), b.asLong());
            case STRING:
                return CodePoints.compare(a.asString(), b.asString());
            default:
                return compareUnsigned(a.asBinary(), b.asBinary());
        }
    }

    public static int compareUnsigned(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = (a[i] & 0xff) - (b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return a.length - b.length;
    }

    /** The smallest value greater than {@code v} (INF_MAX after Long.MAX_VALUE). */
    public static PrimaryKeyValue successor(PrimaryKeyValue v) {
        switch (v.getType()) {
            case INTEGER:
                return v.asLong() == Long.MAX_VALUE ? PrimaryKeyValue.INF_MAX : PrimaryKeyValue.fromLong(v.asLong() + 1);
            case STRING:
                return PrimaryKeyValue.fromString(v.asString() + '\u0000');
            default:
                return PrimaryKeyValue.fromBinary(Arrays.copyOf(v.asBinary(), v.asBinary().length + 1));
        }
    }

    /**
     * A JSON literal (or task key text) as a value of the column's type, or null when it does not
     * convert. INTEGER: integers or digit strings; STRING: strings; BINARY: Base64 strings. (A
     * sort-key bound converts with its operator: {@code TimeLiteral#toRaw(Op, Object)}.)
     */
    public static PrimaryKeyValue convert(Object literal, PrimaryKeyType type) {
        switch (type) {
            case INTEGER: {
                Long v = SortKeyLiteral.integral(literal);
                return v == null ? null : PrimaryKeyValue.fromLong(v);
            }
            case STRING:
                return literal instanceof String ? PrimaryKeyValue.fromString((String) literal) : null;
            case BINARY:
                if (!(literal instanceof String)) {
                    return null;
                }
                try {
                    return PrimaryKeyValue.fromBinary(Base64.getDecoder().decode(((String) literal).trim()));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    public static String expected(PrimaryKeyType type, boolean sortKey) {
        switch (type) {
            case INTEGER:
                return sortKey ? TimeLiteral.FORMS : "an integer (the column is INTEGER)";
            case STRING:
                return "a string (the column is STRING)";
            default:
                return "a Base64 string (the column is BINARY)";
        }
    }

    /** Text of a partition key value as used in unit ids and file names. */
    public static String keyText(PrimaryKeyValue v) {
        switch (v.getType()) {
            case INTEGER:
                return KeyText.ofLong(v.asLong());
            case STRING:
                return KeyText.ofString(v.asString());
            default:
                return KeyText.ofBinary(v.asBinary());
        }
    }

    /** Compact JSON form for task configs: Long, String, or Base64 String (type known from the schema). */
    public static Object toJson(PrimaryKeyValue v) {
        switch (v.getType()) {
            case INTEGER:
                return v.asLong();
            case STRING:
                return v.asString();
            default:
                return Base64.getEncoder().encodeToString(v.asBinary());
        }
    }

    public static PrimaryKeyValue fromJson(Object json, PrimaryKeyType type) {
        switch (type) {
            case INTEGER:
                return PrimaryKeyValue.fromLong(((Number) json).longValue());
            case STRING:
                return PrimaryKeyValue.fromString((String) json);
            default:
                return PrimaryKeyValue.fromBinary(Base64.getDecoder().decode((String) json));
        }
    }
}
