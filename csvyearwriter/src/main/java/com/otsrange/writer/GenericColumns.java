package com.otsrange.writer;

import com.otsrange.common.Problems;
import com.otsrange.common.WriterParams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Generic mode only (any reader but otsrangereader): which record columns hold the partition key,
 * the time and the cells, how the time column reads, and how many files stay open.
 */
final class GenericColumns {
    /** How the generic mode reads its time column. */
    enum Time { MS, S, US, DATE }

    private final Time time;
    private final int partitionKeyColumn;
    private final int timeColumn;
    private final int[] columns;
    private final List<String> columnNames;
    private final int maxOpenFiles;

    private GenericColumns(Time time, int partitionKeyColumn, int timeColumn, int[] columns, List<String> columnNames,
                           int maxOpenFiles) {
        this.time = time;
        this.partitionKeyColumn = partitionKeyColumn;
        this.timeColumn = timeColumn;
        this.columns = columns;
        this.columnNames = columnNames;
        this.maxOpenFiles = maxOpenFiles;
    }

    /**
     * Every rule on the generic keys; {@code recordWidth} is the reader's record width when known.
     * The value is complete only when no problem was added (the spec is not built otherwise).
     */
    static GenericColumns parse(Map<String, Object> w, boolean header, Time time, Object recordWidth, Problems problems) {
        GenericColumns b = new GenericColumns(time, index(w, WriterParams.PARTITION_KEY_COLUMN.name(), problems),
                index(w, WriterParams.TIME_COLUMN.name(), problems), indexes(w, WriterParams.COLUMNS.name(), problems),
                names(w, WriterParams.COLUMN_NAMES.name(), problems), (Integer) WriterParams.MAX_OPEN_FILES.defaultValue());
        if (b.columns != null && b.columnNames != null && b.columns.length != b.columnNames.size()) {
            problems.invalid("parameter.columnNames", b.columnNames, "one name per entry of parameter.columns ("
                    + b.columns.length + " columns, " + b.columnNames.size() + " names)");
        }
        if (recordWidth instanceof Integer) {
            checkRecordWidth(b, (Integer) recordWidth, problems);
        }
        if (header && b.columnNames == null && WriterParams.COLUMN_NAMES.given(w) == null) {
            problems.invalid("parameter.columnNames", null,
                    "the header names (JSON array of strings) are required with header: true when the reader is not otsrangereader");
        }
        Object max = WriterParams.MAX_OPEN_FILES.given(w);
        if (max != null) {
            Integer n = integer(max);
            if (n == null || n < 1 || n > 4096) {
                problems.invalid("parameter.maxOpenFiles", max, "an integer between 1 and 4096 (default 512)");
            } else {
                return new GenericColumns(time, b.partitionKeyColumn, b.timeColumn, b.columns, b.columnNames, n);
            }
        }
        return b;
    }

    /**
     * The reader's records have {@code width} columns: every column the parameter names must exist,
     * and columnNames alone must name each of them (else cells would be dropped or invented).
     */
    private static void checkRecordWidth(GenericColumns b, int width, Problems problems) {
        String valid = "the reader's records have " + width + " columns (streamreader parameter.column), so 0.." + (width - 1);
        if (b.partitionKeyColumn >= width) {
            problems.invalid("parameter.partitionKeyColumn", b.partitionKeyColumn, valid);
        }
        if (b.timeColumn >= width) {
            problems.invalid("parameter.timeColumn", b.timeColumn, valid);
        }
        if (b.columns != null) {
            for (int i = 0; i < b.columns.length; i++) {
                if (b.columns[i] >= width) {
                    problems.invalid("parameter.columns[" + i + "]", b.columns[i], valid);
                }
            }
        } else if (b.columnNames != null && b.columnNames.size() != width) {
            problems.invalid("parameter.columnNames", b.columnNames, "one name per record column: the reader's records have "
                    + width + " columns (streamreader parameter.column), these are " + b.columnNames.size()
                    + " names; name every column, or choose the columns to write with parameter.columns");
        }
    }

    private static Integer integer(Object v) {
        if (v instanceof Map || v instanceof List || v instanceof Boolean) {
            return null;
        }
        try {
            return Integer.valueOf(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int index(Map<String, Object> w, String key, Problems problems) {
        Object v = w.get(key);
        if (v == null) {
            problems.invalid("parameter." + key, null, "a 0-based record column index (required when the reader is not otsrangereader)");
            return -1;
        }
        Integer i = integer(v);
        if (i == null || i < 0) {
            problems.invalid("parameter." + key, v, "expected a 0-based record column index");
            return -1;
        }
        return i;
    }

    private static int[] indexes(Map<String, Object> w, String key, Problems problems) {
        Object v = w.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            problems.invalid("parameter." + key, v, "a JSON array of 0-based record column indexes");
            return null;
        }
        List<?> l = (List<?>) v;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Integer n = integer(l.get(i));
            if (n == null || n < 0) {
                problems.invalid("parameter." + key + "[" + i + "]", l.get(i), "expected a 0-based record column index");
                n = -1;
            }
            out[i] = n;
        }
        return out;
    }

    private static List<String> names(Map<String, Object> w, String key, Problems problems) {
        Object v = w.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            problems.invalid("parameter." + key, v, "a JSON array of header names");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(String.valueOf(o));
        }
        return Collections.unmodifiableList(out);
    }

    Time time() { return time; }
    int partitionKeyColumn() { return partitionKeyColumn; }
    int timeColumn() { return timeColumn; }
    List<String> columnNames() { return columnNames; }
    int[] columns() { return columns == null ? null : columns.clone(); }
    int maxOpenFiles() { return maxOpenFiles; }
}
