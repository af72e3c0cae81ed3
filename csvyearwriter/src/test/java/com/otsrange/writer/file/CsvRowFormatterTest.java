package com.otsrange.writer.file;

import com.otsrange.writer.encoding.CsvOutput;
import com.otsrange.writer.spec.WriterSpec;
import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.util.Configuration;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.LocalRecord;
import com.otsrange.testkit.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link CsvRowFormatter}'s cell rules (CONTRACT.md section 5) against expectations written here from
 * the inputs: rows are read back with commons-csv, the definition of the format, and each cell is
 * compared with its value as the JDK writes it (strings verbatim, Long/BigInteger decimal, ISO instants,
 * java.util.Base64, hand-written shortest doubles); the text of plain strings is compared with
 * commons-csv's own printing (RFC 4180, minimal quoting).
 */
class CsvRowFormatterTest {
    private static final String[] STRINGS = {"plain", "with,comma", "with \"quotes\"", "line\nbreak", "cr\r\nlf", " padded ",
        "#hash", "!bang", "trailing ", "ünïcödé ☃ 😀", "\"", ",", "\\N", "\t tab", "a\u0000b", "x"};

    /** A generic-mode spec (the columns and the time cells are the row's own): what the formatter reads of it. */
    static WriterSpec spec(String nullFormat, String lineSeparator, String timeUnit) {
        JSONObject w = new JSONObject(true);
        w.put("path", "/tmp/otsrange-formatter-not-written");
        w.put("partitionKeyColumn", 0);
        w.put("timeColumn", 0);
        w.put("timeUnit", timeUnit);
        w.put("nullFormat", nullFormat);
        w.put("lineSeparator", lineSeparator);
        w.put("header", false);
        return WriterSpec.forJob(Configuration.from(w.toJSONString()), "streamreader", Configuration.from("{}"), Paths.get(""));
    }

    static Record record(Column... cells) {
        Record r = new LocalRecord();
        for (Column c : cells) {
            r.addColumn(c);
        }
        return r;
    }

    /** The text of rows written by {@code write} into a formatter of that spec. */
    private static String text(WriterSpec spec, Rows write) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvOutput out = new CsvOutput(bytes, StandardCharsets.UTF_8, spec.lineSeparator(), 64);
        write.into(new CsvRowFormatter(spec), out);
        out.flush();
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private interface Rows {
        void into(CsvRowFormatter f, CsvOutput out) throws IOException;
    }

    @Test
    void everyCellTypeReadsBackAsItsValue() throws IOException {
        long t = Instant.parse("2023-01-15T10:30:00.120Z").toEpochMilli();
        byte[] bin = {0, 1, (byte) 0xff, 'a', ',', '"', 10};
        BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(1000)).negate();
        Record r = record(new LongColumn(t), new StringColumn("a,\"b\"\n"), new StringColumn(""), new StringColumn(),
                new LongColumn(Long.MIN_VALUE), new LongColumn(big), new DoubleColumn("0.1"), new BoolColumn(true), new BoolColumn(false),
                new BytesColumn(bin), new BytesColumn(new byte[0]), new DateColumn(new Date(-1L)), new LongColumn(7L), new DoubleColumn());
        boolean[] time = {true, false, false, false, false, false, false, false, false, false, false, false, true};
        List<List<String>> parsed = Csv.parse(text(spec("", "\n", "ms"), (f, out) -> f.rowFrom(r, 0, time, false, out))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Collections.singletonList(Arrays.asList("2023-01-15T10:30:00.120Z", "a,\"b\"\n", "", null,
                Long.toString(Long.MIN_VALUE), big.toString(), "0.1", "true", "false", Base64.getEncoder().encodeToString(bin), "",
                "1969-12-31T23:59:59.999Z", Instant.ofEpochMilli(7).toString(), null)), parsed);
    }

    /** The shortest decimal that reads back as the same double, in Java's notation (CONTRACT.md section 5), written out by hand. */
    @Test
    void doublesAreTheShortestTextThatReadsBack() throws IOException {
        double[] values = {0.1, 0.1 + 0.2, -0.0, 0.0, 100.0, 1.0E-4, 0.002, 1.0E7, 1.0E23, 2.82879384806159E17, 123456789.125,
            Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        String[] expected = {"0.1", "0.30000000000000004", "-0.0", "0.0", "100.0", "1.0E-4", "0.002", "1.0E7", "1.0E23",
            "2.82879384806159E17", "1.23456789125E8", "4.9E-324", "9.9E-324", "1.7976931348623157E308", "NaN", "Infinity", "-Infinity"};
        Record r = new LocalRecord();
        for (double v : values) {
            // what a reader like streamreader sends: the double as text (JDK 17's, which is not always the shortest)
            r.addColumn(new DoubleColumn(Double.toString(v)));
        }
        List<List<String>> parsed = Csv.parse(text(spec("", "\n", "ms"), (f, out) -> f.rowFrom(r, 0, null, false, out))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Collections.singletonList(Arrays.asList(expected)), parsed);

        SplittableRandom rnd = new SplittableRandom(19);
        Record random = new LocalRecord();
        double[] drawn = new double[500];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = Double.longBitsToDouble(rnd.nextLong());
            random.addColumn(new DoubleColumn(Double.toString(drawn[i])));
        }
        List<String> cells = Csv.parse(text(spec("", "\n", "ms"), (f, out) -> f.rowFrom(random, 0, null, false, out))
                .getBytes(StandardCharsets.UTF_8)).get(0);
        for (int i = 0; i < drawn.length; i++) {
            assertEquals(Double.doubleToLongBits(drawn[i]), Double.doubleToLongBits(Double.parseDouble(cells.get(i))), cells.get(i));
        }
    }

    /** Strings are printed as commons-csv prints them (RFC 4180, minimal quoting), on every line separator. */
    @Test
    void stringsAreQuotedAsCommonsCsvQuotesThem() throws IOException {
        for (String sep : new String[] {"\n", "\r\n", "\r"}) {
            StringBuilder expected = new StringBuilder();
            try (CSVPrinter commons = new CSVPrinter(expected, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL)
                    .setRecordSeparator(sep).build())) {
                commons.printRecord((Object[]) STRINGS);
                for (String s : STRINGS) {
                    commons.printRecord(s, "mid " + s, s);
                }
            }
            String actual = text(spec("", sep, "ms"), (f, out) -> {
                f.header(Arrays.asList(STRINGS), out, "test.csv");
                for (String s : STRINGS) {
                    f.rowFrom(record(new StringColumn(s), new StringColumn("mid " + s), new StringColumn(s)), 0, null, false, out);
                }
            });
            assertEquals(expected.toString(), actual, "separator of " + sep.length() + " chars");
        }
    }

    /**
     * A missing cell is the unquoted nullFormat; an empty string, and a string equal to the
     * nullFormat, are quoted so that they read back as themselves (our rule on top of commons-csv,
     * which leaves an empty value after the first unquoted).
     */
    @Test
    void missingCellsStayApartFromEmptyStringsAndTheNullFormat() throws IOException {
        Record r = record(new StringColumn(""), new StringColumn(), new StringColumn("NULL"), new LongColumn(), new StringColumn(""),
                new StringColumn("x"));
        assertEquals("\"\",,NULL,,\"\",x\n", text(spec("", "\n", "ms"), (f, out) -> f.rowFrom(r, 0, null, false, out)));
        String withNullFormat = text(spec("NULL", "\n", "ms"), (f, out) -> f.rowFrom(r, 0, null, false, out));
        assertEquals("\"\",NULL,\"NULL\",NULL,\"\",x\n", withNullFormat);
        CSVFormat nullIsNull = CSVFormat.RFC4180.builder().setNullString("NULL").setQuoteMode(QuoteMode.ALL_NON_NULL).build();
        try (CSVParser p = nullIsNull.parse(new StringReader(withNullFormat))) {
            CSVRecord rec = p.getRecords().get(0);
            assertEquals("", rec.get(0));
            assertNull(rec.get(1));
            assertEquals("NULL", rec.get(2));
            assertNull(rec.get(3));
            assertEquals("x", rec.get(5));
        }
    }

    /** row() takes the record's columns by index; an index beyond the record is a missing cell. */
    @Test
    void rowsPickTheirCellsByIndex() throws IOException {
        long t = Instant.parse("2024-02-29T23:59:59Z").toEpochMilli() / 1000;
        Record r = record(new StringColumn("k"), new LongColumn(t), new StringColumn("v,1"));
        String csv = text(spec("", "\n", "s"), (f, out) -> f.row(r, new int[] {2, 1, 5, 0}, new boolean[] {false, true, false, false}, out));
        assertEquals(Collections.singletonList(Arrays.asList("v,1", "2024-02-29T23:59:59Z", null, "k")),
                Csv.parse(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
