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
import com.otsrange.common.ShortestDouble;
import com.otsrange.runner.LocalRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written row builder ({@link CsvRowFormatter} + {@link CsvOutput}) against the
 * commons-csv one it replaced ({@link CommonsCsvRowFormatter}, every cell through
 * {@code CSVFormat.print}): the same bytes for every char in every position and for random hostile
 * rows of every column type, nullFormat and line separator.
 */
class CsvRowFormatterEquivalenceTest {
    private static final String[] NULL_FORMATS = {"", "NULL", "\\N", "0", "true", "AAAA", "1.0", "-"};
    private static final String[] SEPARATORS = {"\n", "\r\n", "\r"};
    private static final String[] PIECES = {",", "\"", "\r", "\n", " ", "\t", "#", "!", "$", "a", "Z", "0", "-", ".",
        "é", "☃", "😀", "\u0000", "\u001f", "\u007f", "\u00a0", "\\", "N", "NULL", "true", "AAAA", "1.0", "\u2028"};

    private static final class Pair {
        final CsvRowFormatter fast;
        final CommonsCsvRowFormatter old;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CsvOutput out;
        final StringWriter text = new StringWriter();

        Pair(WriterSpec spec) {
            fast = new CsvRowFormatter(spec);
            old = new CommonsCsvRowFormatter(spec);
            out = new CsvOutput(bytes, StandardCharsets.UTF_8, "\n", 64); // tiny buffer: drains mid-row too
        }

        void check(String what) throws IOException {
            out.flush();
            byte[] expected = text.toString().getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(expected, bytes.toByteArray())) {
                assertEquals(text.toString().replace("\n", "<LF>"),
                        new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace("\n", "<LF>").replace("\u0000", "<NUL>"), what);
            }
            assertArrayEquals(expected, bytes.toByteArray(), what);
            bytes.reset();
            text.getBuffer().setLength(0);
        }
    }

    @Test
    void everyCharInEveryPositionIsQuotedLikeCommonsCsv() throws IOException {
        for (String nullFormat : new String[] {"", "NULL"}) {
            Pair p = new Pair(CsvRowFormatterTest.spec(nullFormat, "\n", "ms"));
            for (int c = 0; c <= 0xFFFF; c++) {
                if (Character.isSurrogate((char) c)) {
                    continue;
                }
                String ch = String.valueOf((char) c);
                for (String v : new String[] {ch, "a" + ch, ch + "a", "a" + ch + "b"}) {
                    Record r = new LocalRecord();
                    r.addColumn(new StringColumn(v));
                    r.addColumn(new StringColumn(v));
                    p.fast.rowFrom(r, 0, null, false, p.out);
                    p.old.rowFrom(r, 0, null, false, p.text);
                }
                if (c % 4096 == 4095) {
                    p.check("chars up to " + c);
                }
            }
            p.check("last chars");
            p.fast.header(Arrays.asList("", "#h", "a,b", "ok", " x", "y "), p.out, "test.csv");
            p.old.header(Arrays.asList("", "#h", "a,b", "ok", " x", "y "), p.text);
            p.check("header");
        }
    }

    @Test
    void randomHostileRowsOfEveryTypeGiveTheSameBytes() throws IOException {
        SplittableRandom rnd = new SplittableRandom(4180);
        for (String nullFormat : NULL_FORMATS) {
            for (String sep : SEPARATORS) {
                for (String unit : new String[] {"ms", "s", "us"}) {
                    Pair p = new Pair(CsvRowFormatterTest.spec(nullFormat, sep, unit));
                    for (int i = 0; i < 600; i++) {
                        Record r = new LocalRecord();
                        int n = 1 + rnd.nextInt(8);
                        boolean[] time = new boolean[n];
                        for (int c = 0; c < n; c++) {
                            time[c] = rnd.nextInt(8) == 0;
                            r.addColumn(time[c] ? new LongColumn(rnd.nextLong(-4_000_000_000_000L, 4_000_000_000_000L)) : column(rnd));
                        }
                        if (rnd.nextBoolean()) {
                            p.fast.rowFrom(r, 0, time, false, p.out);
                            p.old.rowFrom(r, 0, time, false, p.text);
                        } else {
                            int[] cells = new int[n + 1];
                            for (int c = 0; c < cells.length; c++) {
                                cells[c] = rnd.nextInt(n + 1); // n: beyond the record, a missing cell
                            }
                            boolean[] t = new boolean[cells.length];
                            for (int c = 0; c < cells.length; c++) {
                                t[c] = cells[c] < n && time[cells[c]];
                            }
                            p.fast.row(r, cells, t, p.out);
                            p.old.row(r, cells, t, p.text);
                        }
                    }
                    p.check("nullFormat '" + nullFormat + "', separator " + sep.length() + ", unit " + unit);
                }
            }
        }
    }

    @Test
    void verbatimDoublesEqualParsedAndFormattedOnes() throws IOException {
        SplittableRandom rnd = new SplittableRandom(8);
        Pair p = new Pair(CsvRowFormatterTest.spec("", "\n", "ms"));
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextInt(-100_000, 100_000) / 100.0;
            // what the paired reader sends (copied) vs Java 8 text (parsed and formatted)
            Record shortest = new LocalRecord();
            shortest.addColumn(new DoubleColumn(ShortestDouble.format(d)));
            shortest.addColumn(new StringColumn("x"));
            Record java8 = new LocalRecord();
            java8.addColumn(new DoubleColumn(Double.toString(d)));
            java8.addColumn(new StringColumn("x"));
            p.fast.rowFrom(shortest, 0, null, true, p.out);
            p.old.rowFrom(java8, 0, null, false, p.text);
        }
        p.check("doubles");
    }

    @Test
    void lineSeparatorAndBufferDrainsKeepMultiByteCharsWhole() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CsvOutput out = new CsvOutput(b, StandardCharsets.UTF_8, "\n", 16);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String s = new String[] {"é", "☃", "😀", "x", "é☃😀"}[i % 5];
            all.append(s);
            out.write(s);
        }
        out.flush();
        assertEquals(all.toString(), new String(b.toByteArray(), StandardCharsets.UTF_8));
    }

    private static Column column(SplittableRandom rnd) {
        switch (rnd.nextInt(9)) {
            case 0:
                return new StringColumn();
            case 1:
                return new LongColumn(rnd.nextBoolean() ? rnd.nextLong() : (long) rnd.nextInt(-3, 3));
            case 2:
                return new LongColumn(BigInteger.valueOf(rnd.nextLong()).multiply(BigInteger.valueOf(1L << 40)));
            case 3:
                return new DoubleColumn(rnd.nextInt(4) == 0 ? Double.toString(rnd.nextInt(3)) : Double.toString(Double.longBitsToDouble(rnd.nextLong())));
            case 4:
                return new BoolColumn(rnd.nextBoolean());
            case 5: {
                byte[] raw = new byte[rnd.nextInt(10)];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = (byte) (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(256));
                }
                return new BytesColumn(raw);
            }
            case 6:
                return new DateColumn(new Date(rnd.nextLong(-10_000_000_000_000L, 10_000_000_000_000L)));
            default: {
                StringBuilder s = new StringBuilder();
                int n = rnd.nextInt(6);
                for (int i = 0; i < n; i++) {
                    s.append(PIECES[rnd.nextInt(PIECES.length)]);
                }
                return new StringColumn(s.toString());
            }
        }
    }
}
