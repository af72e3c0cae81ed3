package com.otsrange.reader.config;

import com.otsrange.common.Problems;
import com.otsrange.common.Period;
import com.otsrange.common.SortKeyLiteral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@code filters} object: {@code {column: value | {op: value, ...}}}. A plain value means
 * eq; all conditions are combined by AND. Types are checked later against the table.
 */
public final class FilterParser {
    static final List<String> OPERATOR_KEYS = Collections.unmodifiableList(Arrays.asList(
            "eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "between", "chunkBy"));

    private final TimeLiteral time;
    private final TableStoreNames names;
    /** The job's schema, or null: which columns are the sort key and other primary-key columns offline. */
    private final SchemaNames schema;

    /** The names {@link Op} and {@link ReaderParams#CHUNK_BY} declare for the keys of a column's condition. */
    private static Map<String, String> operatorAliases() {
        Map<String, String> out = new HashMap<>();
        for (Op op : Op.values()) {
            for (String alias : op.aliases()) {
                out.put(alias, op.json());
            }
        }
        for (String alias : ReaderParams.CHUNK_BY.aliases()) {
            out.put(alias, ReaderParams.CHUNK_BY.name());
        }
        return Collections.unmodifiableMap(out);
    }

    FilterParser(TimeLiteral time, TableStoreNames names, SchemaNames schema) {
        this.time = time;
        this.names = names;
        this.schema = schema;
    }

    /** @param allowChunkBy only the job-level filters may say how to chunk time */
    @SuppressWarnings("unchecked")
    FilterSpec parse(Object raw, String path, boolean allowChunkBy, Problems problems) {
        String sortKeyHint = schema == null ? null : schema.sortKey();
        if (raw == null) {
            return FilterSpec.NONE;
        }
        if (!(raw instanceof Map)) {
            problems.add(path, "expected an object {column: value | {operator: value}}, got " + Problems.typeName(raw));
            return FilterSpec.NONE;
        }
        List<Condition> out = new ArrayList<>();
        String chunkColumn = null;
        Period chunkBy = null;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) raw).entrySet()) {
            String column = e.getKey();
            String colPath = Fields.join(path, column);
            Object v = e.getValue();
            if (column.isEmpty()) {
                problems.add(colPath, "a column name must not be empty");
                continue;
            }
            names.check(column, "column", colPath);
            if (!(v instanceof Map)) {
                if (v instanceof List) {
                    problems.add(colPath, "a plain array is ambiguous; write {\"in\": " + Problems.show(v) + "} for set membership");
                } else if (checkScalar(v, colPath, problems)) {
                    Condition eq = new Condition(column, Op.EQ, Collections.singletonList(v), colPath);
                    checkFits(Collections.singletonList(eq), column.equals(sortKeyHint), problems);
                    out.add(eq);
                }
                continue;
            }
            Map<String, Object> ops = (Map<String, Object>) v;
            if (ops.isEmpty()) {
                problems.add(colPath, "empty condition; use one or more of " + String.join(", ", OPERATOR_KEYS));
                continue;
            }
            Fields.rejectUnknown(ops, OPERATOR_KEYS, operatorAliases(), colPath, problems);
            List<Condition> mine = new ArrayList<>();
            for (Map.Entry<String, Object> o : ops.entrySet()) {
                String opPath = colPath + "." + o.getKey();
                if (o.getKey().equals("chunkBy")) {
                    if (!allowChunkBy) {
                        problems.add(opPath, "chunkBy is only allowed in the job's parameter.filters, on the sort key");
                        continue;
                    }
                    Period t = ReaderParams.CHUNK_BY.parse(o.getValue(), opPath, problems);
                    if (t == null) {
                        continue;
                    } else if (chunkColumn != null) {
                        problems.add(opPath, "chunkBy is already set on column \"" + chunkColumn + "\"; set it once, on the sort key");
                    } else {
                        chunkColumn = column;
                        chunkBy = t;
                    }
                    continue;
                }
                Op op = Op.fromJson(o.getKey());
                if (op == null) {
                    continue; // reported by rejectUnknown
                }
                List<Object> values = values(op, o.getValue(), opPath, problems);
                if (values != null) {
                    mine.add(new Condition(column, op, values, opPath));
                }
            }
            boolean isTime = column.equals(sortKeyHint) || column.equals(chunkColumn);
            checkFits(mine, isTime, problems);
            checkRange(mine, isTime, sortKeyHint == null, problems);
            out.addAll(mine);
        }
        if (chunkColumn != null && sortKeyHint != null && !chunkColumn.equals(sortKeyHint)) {
            // what the split would find out after DescribeTable, known now from schema.sortKey
            problems.add(Fields.join(path, chunkColumn) + ".chunkBy", chunkByMisplaced(sortKeyHint));
        }
        return new FilterSpec(out, chunkColumn, chunkBy);
    }

    /** Why chunkBy may not stand where it does (the offline check and the split's say it alike). */
    public static String chunkByMisplaced(String sortKey) {
        return "chunkBy belongs on the sort key " + sortKey + "; move it into the condition on " + sortKey;
    }

    private static List<Object> values(Op op, Object v, String path, Problems problems) {
        if (!op.takesList()) {
            return checkScalar(v, path, problems) ? Collections.singletonList(v) : null;
        }
        if (!(v instanceof List)) {
            problems.add(path, op == Op.BETWEEN
                    ? "expected [low, high], got " + Problems.show(v)
                    : "expected a non-empty array of values, got " + Problems.show(v));
            return null;
        }
        List<Object> list = new ArrayList<>((List<?>) v);
        if (op == Op.BETWEEN && list.size() != 2) {
            problems.add(path, "expected exactly two values [low, high] (both inclusive), got " + Problems.show(v));
            return null;
        }
        if (list.isEmpty()) {
            problems.add(path, "must not be empty: an empty " + op.json() + " list matches " + (op == Op.IN ? "nothing" : "everything"));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            ok &= checkScalar(list.get(i), path + "[" + i + "]", problems);
        }
        return ok ? list : null;
    }

    private static boolean checkScalar(Object v, String path, Problems problems) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return true;
        }
        problems.add(path, "expected a string, number or boolean, got " + Problems.typeName(v)
                + (v == null ? " (comparisons with null are not supported: a missing column never matches)" : ""));
        return false;
    }

    /**
     * Catches ranges that can never match, e.g. gte 2025 with lt 2024, and bounds that are not valid
     * dates, before anything runs. Without a schema the sort key is only known after DescribeTable,
     * so a bound written as a date ("2023-01-01", "20230101", "2023-01-01T08:00:00Z") is taken as a
     * time offline: an invalid date there is an error on any column, and comparing such dates as
     * times agrees with comparing them as strings for any one format.
     */
    private void checkRange(List<Condition> conds, boolean isTime, boolean sortKeyUnknown, Problems problems) {
        for (Condition c : conds) {
            if (c.op().isRange()) {
                for (int i = 0; i < c.values().size(); i++) {
                    checkTimeLiteral(c.values().get(i), isTime, sortKeyUnknown,
                            c.op() == Op.BETWEEN ? c.path() + "[" + i + "]" : c.path(), problems);
                }
            }
        }
        RangeCheck.check(conds, offlineOrder(isTime, sortKeyUnknown), problems);
    }

    /**
     * How two literals of one column compare when the column's type is not known yet: as times on
     * the sort key (or as dates where the sort key is unknown), numbers numerically, booleans
     * false before true, and strings by code point (TableStore's byte order) when they can only be
     * compared as strings. That is when they are not both digit strings (an INTEGER key column
     * would take them as numbers) nor both Base64 (a BINARY one would compare the bytes); such pairs
     * are checked once DescribeTable gives the type.
     */
    private RangeCheck.Order offlineOrder(boolean isTime, boolean sortKeyUnknown) {
        return (a, b) -> {
            if (isTime || sortKeyUnknown && TimeLiteral.looksLikeDate(a) && TimeLiteral.looksLikeDate(b)) {
                // as written: a window the rounding to the unit or a DST gap leaves empty is no impossible range
                Integer r = time.compareAsWritten(a, b);
                if (r != null) {
                    return r;
                }
            }
            Long x = comparable(a, isTime, sortKeyUnknown);
            Long y = comparable(b, isTime, sortKeyUnknown);
            if (x != null && y != null) {
                return Long.compare(x, y);
            }
            if (isTime || sortKeyUnknown && (TimeLiteral.looksLikeDate(a) || TimeLiteral.looksLikeDate(b))) {
                return null;
            }
            if (a instanceof Number && b instanceof Number) {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
            }
            if (a instanceof Boolean && b instanceof Boolean) {
                return Boolean.compare((Boolean) a, (Boolean) b);
            }
            if (a instanceof String && b instanceof String && !(isDigits(a) && isDigits(b)) && !(isBase64(a) && isBase64(b))) {
                return Integer.signum(CodePoints.compare((String) a, (String) b));
            }
            return null;
        };
    }

    private static boolean isDigits(Object s) {
        return ((String) s).trim().matches("[+-]?\\d{1,19}");
    }

    private static boolean isBase64(Object s) {
        try {
            Base64.getDecoder().decode(((String) s).trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Long comparable(Object v, boolean isTime, boolean sortKeyUnknown) {
        if (isTime || sortKeyUnknown && TimeLiteral.looksLikeDate(v)) {
            return time.toRaw(v);
        }
        return v instanceof Number ? SortKeyLiteral.integral(v) : null;
    }

    /**
     * Literals the table's primary key can never take, known offline where the schema names the
     * column: on the sort key anything but a time (a whole epoch number within a long, or a date),
     * on another primary-key column anything but a string or a whole number within a long. The
     * split would refuse them only after DescribeTable.
     */
    private void checkFits(List<Condition> conds, boolean isTime, Problems problems) {
        for (Condition c : conds) {
            boolean pk = !isTime && schema != null && (c.column().equals(schema.partitionKey())
                    || schema.otherKeys() != null && schema.otherKeys().contains(c.column()));
            for (int i = 0; i < c.values().size(); i++) {
                Object v = c.values().get(i);
                String at = c.op().takesList() ? c.path() + "[" + i + "]" : c.path();
                if (isTime && !(v instanceof String) && time.toRaw(v) == null) {
                    problems.add(at, "not a time " + Problems.show(v) + ": an epoch number in the timeUnit is a whole number from "
                            + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "; valid: " + TimeLiteral.FORMS);
                } else if (isTime && !c.op().isRange() && time.toRaw(v) == null) {
                    problems.add(at, "not a valid time " + Problems.show(v) + "; valid: " + TimeLiteral.FORMS);
                } else if (isTime && !c.op().isRange() && time.toRaw(c.op(), v) == null) {
                    problems.add(at, "the time " + Problems.show(v) + " is finer than the timeUnit (" + time.literal().unit().text()
                            + "): no sort-key value equals it, so " + c.op().json() + " cannot mean it; write a time the unit holds,"
                            + " or bound a range with gte/lt");
                } else if (pk && !(v instanceof String) && SortKeyLiteral.integral(v) == null) {
                    problems.add(at, "value " + Problems.show(v) + " fits no primary-key column, and " + c.column() + " is one (schema):"
                            + " primary keys hold strings, Base64 strings (BINARY) and whole numbers within a long (INTEGER)");
                }
            }
        }
    }

    private void checkTimeLiteral(Object v, boolean isTime, boolean sortKeyUnknown, String path, Problems problems) {
        boolean timeExpected = isTime && v instanceof String || sortKeyUnknown && TimeLiteral.looksLikeDate(v);
        if (timeExpected && time.toRaw(v) == null) {
            problems.add(path, "not a valid time " + Problems.show(v) + "; valid: " + TimeLiteral.FORMS);
        }
    }
}
