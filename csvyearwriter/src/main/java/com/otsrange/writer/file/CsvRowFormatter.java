package com.otsrange.writer.file;

import com.otsrange.writer.encoding.CsvOutput;
import com.otsrange.writer.encoding.UnencodableText;
import com.otsrange.writer.spec.WriterSpec;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.otsrange.common.ShortestDouble;
import com.otsrange.common.SortKeyUnit;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Builds each CSV row in one reused buffer and hands it to a {@link CsvOutput}. Cell rules:
 * strings verbatim (an empty string is always written quoted, {@code ""}, so it stays apart from
 * a missing cell, which is the unquoted {@code nullFormat}); a string equal to a non-empty
 * nullFormat is quoted for the same reason; integers decimal; doubles shortest round-trip
 * (otsrange-common ShortestDouble, or the reader's text as is under otsrange.doubles=shortest);
 * booleans true/false; binary Base64; dates and time cells through {@link TimeCellFormatter}.
 *
 * <p>Quoting is commons-csv's {@code CSVFormat.RFC4180} with {@code QuoteMode.MINIMAL}, applied
 * here instead of calling {@code CSVFormat.print} per cell (a measurable share of the writer's
 * time): a value is quoted when it is empty, starts with a character up to {@code '#'}, ends with
 * one up to {@code ' '}, or contains a comma, quote, CR or LF; inside quotes a quote is doubled.
 * The format stays defined by commons-csv: CsvRowFormatterEquivalenceTest checks byte-equality
 * with {@code CSVFormat.print} over every char and random hostile rows. Not thread-safe; one per task.
 */
public final class CsvRowFormatter {
    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final String nullFormat;
    private final String lineSeparator;
    private final Charset encoding;
    private final TimeCellFormatter timeFormatter;
    private final TimeCellFormatter dateFormatter;
    private final SortKeyUnit timeUnit;
    private final StringBuilder row = new StringBuilder(1024);

    public CsvRowFormatter(WriterSpec spec) {
        this.nullFormat = spec.nullFormat();
        this.lineSeparator = spec.lineSeparator();
        this.encoding = spec.encoding();
        this.timeUnit = spec.timeUnit();
        this.timeFormatter = TimeCellFormatter.forSortKey(spec);
        this.dateFormatter = TimeCellFormatter.forDates(spec);
    }

    /** The header line of {@code file} (relative to path), which is named when a name cannot be encoded. */
    public void header(List<String> names, CsvOutput out, String file) throws IOException {
        StringBuilder b = row;
        b.setLength(0);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(names.get(i));
        }
        try {
            emit(out);
        } catch (UnencodableText e) {
            throw e.error(encoding, file, "the header, the name of " + e.column(names) + ",");
        }
    }

    /**
     * One row from the record's columns {@code cells[0..]} (indexes into the record);
     * {@code timeCell[i]} marks cells holding a raw sort-key value.
     */
    public void row(Record record, int[] cells, boolean[] timeCell, CsvOutput out) throws IOException {
        StringBuilder b = row;
        b.setLength(0);
        int n = record.getColumnNumber();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Column c = cells[i] < n ? record.getColumn(cells[i]) : null;
            cell(c, timeCell != null && timeCell[i], false);
        }
        emit(out);
    }

    /**
     * Row from every column starting at {@code first}. {@code doublesVerbatim}: DOUBLE cells whose
     * raw data is text already hold ShortestDouble text (record meta otsrange.doubles=shortest)
     * and are copied, not parsed and formatted again.
     */
    public void rowFrom(Record record, int first, boolean[] timeCell, boolean doublesVerbatim, CsvOutput out) throws IOException {
        StringBuilder b = row;
        b.setLength(0);
        int n = record.getColumnNumber();
        for (int i = first; i < n; i++) {
            int cell = i - first;
            if (cell > 0) {
                b.append(',');
            }
            cell(record.getColumn(i), timeCell != null && cell < timeCell.length && timeCell[cell], doublesVerbatim);
        }
        emit(out);
    }

    /** The row ends; a character the encoding cannot write is placed in its cell (only then: no cost per row). */
    private void emit(CsvOutput out) throws IOException {
        row.append(lineSeparator);
        try {
            out.write(row);
        } catch (UnencodableText e) {
            throw e.inCell(cellAt(row, e.index));
        }
    }

    /** The 0-based cell of {@code row} (RFC 4180 text) holding position {@code index}: commas outside quotes before it. */
    static int cellAt(CharSequence row, int index) {
        int cell = 0;
        boolean quoted = false;
        for (int i = 0; i < index; i++) {
            char c = row.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cell++;
            }
        }
        return cell;
    }

    private void cell(Column c, boolean isTime, boolean doublesVerbatim) {
        Object raw = c == null ? null : c.getRawData();
        if (raw == null) {
            row.append(nullFormat);
            return;
        }
        int start = row.length();
        switch (c.getType()) {
            case LONG:
            case INT:
                if (isTime) {
                    string(time(c.asLong()));
                    return;
                }
                if (raw instanceof BigInteger && ((BigInteger) raw).bitLength() < 64) {
                    row.append(((BigInteger) raw).longValue());
                } else {
                    row.append(c.asString());
                }
                plainDone(start);
                return;
            case DOUBLE:
                if (doublesVerbatim && raw instanceof String) {
                    // the usual quoting check still applies: a no-op for number text, safe for anything else
                    string((String) raw);
                    return;
                }
                ShortestDouble.appendTo(row, doubleOf(c));
                plainDone(start);
                return;
            case BOOL:
                row.append(c.asBoolean() ? "true" : "false");
                plainDone(start);
                return;
            case DATE:
                string(dateFormatter.formatMillis(c.asDate().getTime()));
                return;
            case BYTES:
                base64(raw instanceof byte[] ? (byte[]) raw : c.asBytes());
                plainDone(start);
                return;
            default:
                if (isTime) {
                    string(time(c.asLong()));
                } else {
                    string(c.asString());
                }
        }
    }

    /** A DOUBLE cell's value; its raw data may be text (the reader's ShortestDouble text). */
    static double doubleOf(Column c) {
        Object raw = c.getRawData();
        if (raw instanceof String) {
            String s = (String) raw;
            if ("+Infinity".equals(s)) {
                return Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(s);
        }
        return c.asDouble();
    }

    private String time(long raw) {
        return timeFormatter.format(timeUnit.toInstant(raw));
    }

    /**
     * Text appended from {@code start} never needs quoting (numbers, Base64, true/false) except
     * when it is empty or equals a non-empty nullFormat: then it is quoted so that it stays apart
     * from a missing cell (it holds no quote to double).
     */
    private void plainDone(int start) {
        int len = row.length() - start;
        if (len == 0 || (len == nullFormat.length() && regionEquals(start, nullFormat))) {
            row.insert(start, '"').append('"');
        }
    }

    private boolean regionEquals(int start, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (row.charAt(start + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A value with commons-csv MINIMAL quoting (see the class comment). */
    private void string(String s) {
        int len = s.length();
        boolean quote = len == 0 || (!nullFormat.isEmpty() && s.equals(nullFormat))
                || s.charAt(0) <= '#' || s.charAt(len - 1) <= ' ';
        for (int i = 0; i < len && !quote; i++) {
            char ch = s.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            row.append(s);
            return;
        }
        row.append('"');
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                row.append('"');
            }
            row.append(ch);
        }
        row.append('"');
    }

    /** Standard Base64 with padding, straight into the row. */
    private void base64(byte[] b) {
        int i = 0;
        int full = b.length - b.length % 3;
        for (; i < full; i += 3) {
            int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
            row.append(BASE64[v >>> 18]).append(BASE64[v >>> 12 & 0x3F]).append(BASE64[v >>> 6 & 0x3F]).append(BASE64[v & 0x3F]);
        }
        int rest = b.length - full;
        if (rest == 1) {
            int v = (b[i] & 0xFF) << 16;
            row.append(BASE64[v >>> 18]).append(BASE64[v >>> 12 & 0x3F]).append("==");
        } else if (rest == 2) {
            int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8;
            row.append(BASE64[v >>> 18]).append(BASE64[v >>> 12 & 0x3F]).append(BASE64[v >>> 6 & 0x3F]).append('=');
        }
    }
}
