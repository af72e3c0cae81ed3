package com.otsrange.writer.config;

import com.otsrange.common.Problems;

import java.util.List;
import java.util.Map;

/**
 * Generic mode only (any reader but otsrangereader): which record columns hold the partition key,
 * the time and the cells, how the time column reads, and how many files stay open.
 */
public final class GenericColumns {
    private final GenericTimeUnit time;
    private final int partitionKeyColumn;
    private final int timeColumn;
    private final int[] columns;
    private final List<String> columnNames;
    private final int maxOpenFiles;

    private GenericColumns(GenericTimeUnit time, int partitionKeyColumn, int timeColumn, int[] columns, List<String> columnNames,
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
    public static GenericColumns parse(Map<String, Object> w, boolean header, GenericTimeUnit time, Integer recordWidth, Problems problems) {
        String at = WriterOptions.AT;
        Long key = WriterParams.PARTITION_KEY_COLUMN.read(w, at, problems);
        Long t = WriterParams.TIME_COLUMN.read(w, at, problems);
        List<Long> cols = WriterParams.COLUMNS.read(w, at, problems);
        List<String> names = WriterParams.COLUMN_NAMES.read(w, at, problems);
        Long max = WriterParams.MAX_OPEN_FILES.readOrDefault(w, at, problems);
        GenericColumns b = new GenericColumns(time, key == null ? -1 : key.intValue(), t == null ? -1 : t.intValue(), ints(cols), names,
                max.intValue());
        if (b.columns != null && b.columnNames != null && b.columns.length != b.columnNames.size()) {
            problems.invalid("parameter.columnNames", b.columnNames, "one name per entry of parameter.columns ("
                    + b.columns.length + " columns, " + b.columnNames.size() + " names)");
        }
        if (recordWidth != null) {
            checkRecordWidth(b, recordWidth, problems);
        }
        if (header && b.columnNames == null && WriterParams.COLUMN_NAMES.given(w) == null) {
            problems.invalid("parameter.columnNames", null,
                    "the header names (JSON array of strings) are required with header: true when the reader is not otsrangereader");
        }
        return b;
    }

    private static int[] ints(List<Long> values) {
        if (values == null) {
            return null;
        }
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).intValue();
        }
        return out;
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

    public GenericTimeUnit time() {
        return time;
    }

    public int partitionKeyColumn() {
        return partitionKeyColumn;
    }

    public int timeColumn() {
        return timeColumn;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public int[] columns() {
        return columns == null ? null : columns.clone();
    }

    public int maxOpenFiles() {
        return maxOpenFiles;
    }
}
