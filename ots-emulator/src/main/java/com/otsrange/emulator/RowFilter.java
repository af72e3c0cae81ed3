package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsFilter;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;
import com.aliyun.ots.thirdparty.com.google.protobuf.InvalidProtocolBufferException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code OtsFilter.Filter}: single column value conditions combined with NOT/AND/OR, or
 * a column pagination filter. Evaluated on a row's versions (already cut to the time range).
 */
abstract class RowFilter {

    /** Versions of a column, newest first; empty or null when the row lacks the column. */
    interface Versions {
        List<Cell> of(String column);
    }

    abstract boolean test(Versions row);

    abstract void collectColumns(Set<String> into);

    /** Offset/limit of a ColumnPaginationFilter at the top level; null otherwise. */
    int[] pagination() { return null; }

    static RowFilter parse(ByteString bytes) {
        try {
            return parse(OtsFilter.Filter.parseFrom(bytes), 0);
        } catch (InvalidProtocolBufferException e) {
            throw OtsError.param("Invalid filter: " + e.getMessage());
        }
    }

    private static RowFilter parse(OtsFilter.Filter f, int depth) throws InvalidProtocolBufferException {
        if (depth > 10) throw OtsError.param("The depth of the filter exceeds the limit: 10.");
        switch (f.getType()) {
            case FT_SINGLE_COLUMN_VALUE: {
                OtsFilter.SingleColumnValueFilter s = OtsFilter.SingleColumnValueFilter.parseFrom(f.getFilter());
                Cell value = RequestRows.filterValue(s.getColumnName(), s.getColumnValue().toByteArray());
                return new Single(s.getComparator(), s.getColumnName(), value, !s.getFilterIfMissing(), s.getLatestVersionOnly());
            }
            case FT_COMPOSITE_COLUMN_VALUE: {
                OtsFilter.CompositeColumnValueFilter c = OtsFilter.CompositeColumnValueFilter.parseFrom(f.getFilter());
                List<RowFilter> subs = new ArrayList<>();
                for (OtsFilter.Filter sub : c.getSubFiltersList()) subs.add(parse(sub, depth + 1));
                if (c.getCombinator() == OtsFilter.LogicalOperator.LO_NOT && subs.size() != 1) {
                    throw OtsError.param("The NOT operator requires exactly one sub filter, got " + subs.size() + ".");
                }
                if (c.getCombinator() != OtsFilter.LogicalOperator.LO_NOT && subs.size() < 2) {
                    throw OtsError.param("The " + c.getCombinator() + " operator requires at least two sub filters, got " + subs.size() + ".");
                }
                return new Composite(c.getCombinator(), subs);
            }
            case FT_COLUMN_PAGINATION: {
                if (depth > 0) throw OtsError.param("ColumnPaginationFilter cannot be nested in a composite filter.");
                OtsFilter.ColumnPaginationFilter p = OtsFilter.ColumnPaginationFilter.parseFrom(f.getFilter());
                if (p.getOffset() < 0 || p.getLimit() < 0) throw OtsError.param("Invalid ColumnPaginationFilter offset/limit.");
                return new Pagination(p.getOffset(), p.getLimit());
            }
            default:
                throw OtsError.param("Unsupported filter type: " + f.getType());
        }
    }

    static final class Single extends RowFilter {
        private final OtsFilter.ComparatorType op;
        private final String column;
        private final Cell value;
        private final boolean passIfMissing;
        private final boolean latestOnly;

        Single(OtsFilter.ComparatorType op, String column, Cell value, boolean passIfMissing, boolean latestOnly) {
            this.op = op;
            this.column = column;
            this.value = value;
            this.passIfMissing = passIfMissing;
            this.latestOnly = latestOnly;
        }

        @Override
        boolean test(Versions row) {
            List<Cell> versions = row.of(column);
            if (versions == null || versions.isEmpty()) {
                if (op == OtsFilter.ComparatorType.CT_EXIST) return false;
                if (op == OtsFilter.ComparatorType.CT_NOT_EXIST) return true;
                return passIfMissing;
            }
            if (op == OtsFilter.ComparatorType.CT_EXIST) return true;
            if (op == OtsFilter.ComparatorType.CT_NOT_EXIST) return false;
            int n = latestOnly ? 1 : versions.size();
            for (int i = 0; i < n; i++) {
                if (matches(versions.get(i))) return true;
            }
            return false;
        }

        private boolean matches(Cell c) {
            if (c.type() != value.type()) return false; // values of different types never compare
            if (c.type() == CellType.DOUBLE) return matchesDouble(Double.longBitsToDouble(c.bits()), Double.longBitsToDouble(value.bits()));
            int cmp = compare(c, value);
            switch (op) {
                case CT_EQUAL: return cmp == 0;
                case CT_NOT_EQUAL: return cmp != 0;
                case CT_GREATER_THAN: return cmp > 0;
                case CT_GREATER_EQUAL: return cmp >= 0;
                case CT_LESS_THAN: return cmp < 0;
                case CT_LESS_EQUAL: return cmp <= 0;
                default: return false;
            }
        }

        /**
         * IEEE 754 comparison, as Java's {@code ==} and {@code <}: -0.0 equals 0.0, and NaN is
         * unordered (only "not equal" holds). An assumption: TableStore documents no rule for
         * DOUBLE filters (docs/reader.md); the reader's client check makes the same one.
         */
        private boolean matchesDouble(double c, double v) {
            switch (op) {
                case CT_EQUAL: return c == v;
                case CT_NOT_EQUAL: return c != v;
                case CT_GREATER_THAN: return c > v;
                case CT_GREATER_EQUAL: return c >= v;
                case CT_LESS_THAN: return c < v;
                case CT_LESS_EQUAL: return c <= v;
                default: return false;
            }
        }

        @Override
        void collectColumns(Set<String> into) { into.add(column); }
    }

    /** Order of two cells of one non-DOUBLE type (DOUBLE cells only appear in filters: see matchesDouble). */
    static int compare(Cell a, Cell b) {
        switch (a.type()) {
            case CellType.INTEGER: return Long.compare(a.bits(), b.bits());
            case CellType.BOOLEAN: return Long.compare(a.bits(), b.bits());
            default: return Arrays.compareUnsigned(a.bytes(), b.bytes());
        }
    }

    static final class Composite extends RowFilter {
        private final OtsFilter.LogicalOperator op;
        private final List<RowFilter> subs;

        Composite(OtsFilter.LogicalOperator op, List<RowFilter> subs) {
            this.op = op;
            this.subs = subs;
        }

        @Override
        boolean test(Versions row) {
            switch (op) {
                case LO_NOT: return !subs.get(0).test(row);
                case LO_AND:
                    for (RowFilter f : subs) {
                        if (!f.test(row)) return false;
                    }
                    return true;
                default:
                    for (RowFilter f : subs) {
                        if (f.test(row)) return true;
                    }
                    return false;
            }
        }

        @Override
        void collectColumns(Set<String> into) {
            for (RowFilter f : subs) f.collectColumns(into);
        }
    }

    static final class Pagination extends RowFilter {
        private final int offset;
        private final int limit;

        Pagination(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
        }

        @Override
        boolean test(Versions row) { return true; }

        @Override
        void collectColumns(Set<String> into) {
        }

        @Override
        int[] pagination() { return new int[] {offset, limit}; }
    }

    /** Versions backed by a map, for rows decoded in full. */
    static Versions of(Map<String, List<Cell>> byColumn) { return byColumn::get; }
}
