package com.otsrange.writer.file;

import com.otsrange.writer.spec.WriterSpec;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.otsrange.common.ShortestDouble;
import com.otsrange.common.SortKeyUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * Test oracle: the row formatter before the hot path was rewritten, printing every cell through
 * commons-csv {@code CSVFormat.print}. {@link CsvRowFormatter} must produce the same bytes. The
 * cell values (time text, double parsing) come from the same helpers; quoting and row assembly
 * are what this oracle checks.
 *
 * Writes header and data rows as RFC 4180 CSV (commons-csv quoting, minimal). Cell rules:
 * strings verbatim (an empty string is always written quoted, {@code ""}, so it stays apart from
 * a missing cell, which is the unquoted {@code nullFormat}); a string equal to a non-empty
 * nullFormat is quoted for the same reason; integers decimal; doubles shortest round-trip;
 * booleans true/false; binary Base64; dates and time cells through {@link TimeCellFormatter}.
 * Not thread-safe; one per task.
 */
final class CommonsCsvRowFormatter {
    private final CSVFormat format;
    private final String nullFormat;
    private final String lineSeparator;
    private final TimeCellFormatter timeFormatter;
    private final TimeCellFormatter dateFormatter;
    private final SortKeyUnit timeUnit;
    private final Base64.Encoder base64 = Base64.getEncoder();

    CommonsCsvRowFormatter(WriterSpec spec) {
        this.format = CSVFormat.RFC4180.builder()
                .setRecordSeparator(spec.lineSeparator())
                .setQuoteMode(QuoteMode.MINIMAL)
                .build();
        this.nullFormat = spec.nullFormat();
        this.lineSeparator = spec.lineSeparator();
        this.timeUnit = spec.timeUnit();
        this.timeFormatter = TimeCellFormatter.forSortKey(spec);
        this.dateFormatter = TimeCellFormatter.forDates(spec);
    }

    void header(List<String> names, Appendable out) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            string(names.get(i), out, i == 0);
        }
        out.append(lineSeparator);
    }

    /**
     * One row from the record's columns {@code cells[0..]} (indexes into the record);
     * {@code timeCell[i]} marks cells holding a raw sort-key value.
     */
    void row(Record record, int[] cells, boolean[] timeCell, Appendable out) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            Column c = cells[i] < record.getColumnNumber() ? record.getColumn(cells[i]) : null;
            cell(c, timeCell != null && timeCell[i], out, i == 0);
        }
        out.append(lineSeparator);
    }

    /**
     * Row from every column starting at {@code first}. {@code doublesVerbatim}: DOUBLE cells whose
     * raw data is text already hold ShortestDouble text (record meta otsrange.doubles=shortest)
     * and are copied, not parsed and formatted again.
     */
    void rowFrom(Record record, int first, boolean[] timeCell, boolean doublesVerbatim, Appendable out) throws IOException {
        int n = record.getColumnNumber();
        for (int i = first; i < n; i++) {
            int cell = i - first;
            cell(record.getColumn(i), timeCell != null && cell < timeCell.length && timeCell[cell], doublesVerbatim, out, cell == 0);
        }
        out.append(lineSeparator);
    }

    private void cell(Column c, boolean isTime, Appendable out, boolean first) throws IOException {
        cell(c, isTime, false, out, first);
    }

    private void cell(Column c, boolean isTime, boolean doublesVerbatim, Appendable out, boolean first) throws IOException {
        Object raw = c == null ? null : c.getRawData();
        if (raw == null) {
            if (!first) {
                out.append(',');
            }
            out.append(nullFormat);
            return;
        }
        switch (c.getType()) {
            case LONG:
            case INT:
                if (isTime) {
                    string(time(c.asLong()), out, first);
                } else {
                    plain(c.asString(), out, first);
                }
                return;
            case DOUBLE:
                if (doublesVerbatim && raw instanceof String) {
                    // the usual quoting check still applies: harmless for number text, safe for anything else
                    string((String) raw, out, first);
                } else {
                    plain(ShortestDouble.format(CsvRowFormatter.doubleOf(c)), out, first);
                }
                return;
            case BOOL:
                plain(c.asBoolean() ? "true" : "false", out, first);
                return;
            case DATE:
                string(dateFormatter.formatMillis(c.asDate().getTime()), out, first);
                return;
            case BYTES:
                plain(base64.encodeToString(c.asBytes()), out, first);
                return;
            default:
                if (isTime) {
                    string(time(c.asLong()), out, first);
                } else {
                    string(c.asString(), out, first);
                }
        }
    }

    private String time(long raw) {
        return timeFormatter.format(timeUnit.toInstant(raw));
    }

    /** Text that never needs quoting (numbers, Base64, true/false, ISO instants). */
    private void plain(String s, Appendable out, boolean first) throws IOException {
        if (s.isEmpty() || s.equals(nullFormat)) {
            string(s, out, first);
            return;
        }
        if (!first) {
            out.append(',');
        }
        out.append(s);
    }

    private void string(String s, Appendable out, boolean first) throws IOException {
        if (s.isEmpty() || (!nullFormat.isEmpty() && s.equals(nullFormat))) {
            if (!first) {
                out.append(',');
            }
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"') {
                    out.append('"');
                }
                out.append(ch);
            }
            out.append('"');
            return;
        }
        format.print(s, out, first);
    }
}
