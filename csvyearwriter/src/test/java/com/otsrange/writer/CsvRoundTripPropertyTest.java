package com.otsrange.writer;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.otsrange.runner.RunResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arbitrary strings and values go through the writer and parse back (commons-csv) unchanged. */
class CsvRoundTripPropertyTest {
    static final List<String> HEADER = Arrays.asList("s", "l", "d", "b", "bin", "s2");
    static final long T0 = 1672531200000L;

    /** One row's values; null = missing cell. */
    static final class Values {
        final String s;
        final Long l;
        final Double d;
        final Boolean b;
        final byte[] bin;
        final String s2;

        Values(String s, Long l, Double d, Boolean b, byte[] bin, String s2) {
            this.s = s;
            this.l = l;
            this.d = d;
            this.b = b;
            this.bin = bin;
            this.s2 = s2;
        }
    }

    /** Any text a TableStore string can hold (valid UTF-16: no lone surrogates), weighted to CSV specials. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of((int) ',', (int) '"', (int) '\n', (int) '\r', (int) ' ', (int) '#', (int) '\t', 0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
        return cp.list().ofMaxSize(30).map(l -> {
            StringBuilder sb = new StringBuilder();
            for (int c : l) {
                sb.appendCodePoint(c);
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<List<Values>> rows() {
        Arbitrary<Values> row = Combinators.combine(
                text().injectNull(0.1),
                Arbitraries.longs().injectNull(0.1).edgeCases(c -> c.add(Long.MIN_VALUE)),
                Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 1e21)).injectNull(0.1),
                Arbitraries.of(true, false).injectNull(0.1),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12).injectNull(0.1),
                text().injectNull(0.1)).as(Values::new);
        return row.list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 30)
    void valuesSurviveTheCsv(@ForAll("rows") List<Values> values) throws Exception {
        List<TestOtsReader.Row> src = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Values v = values.get(i);
            src.add(new TestOtsReader.Row("key", T0 + i, HEADER, new int[0],
                    v.s == null ? new StringColumn() : new StringColumn(v.s),
                    v.l == null ? new LongColumn((Long) null) : new LongColumn(v.l),
                    v.d == null ? new DoubleColumn((Double) null) : new DoubleColumn(Double.toString(v.d)), // as the reader builds it
                    v.b == null ? new BoolColumn((Boolean) null) : new BoolColumn(v.b),
                    v.bin == null ? new BytesColumn(null) : new BytesColumn(v.bin),
                    v.s2 == null ? new StringColumn() : new StringColumn(v.s2)));
        }
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, Collections.singletonList(src));
        Path out = Files.createTempDirectory("csvprop");
        try {
            RunResult r = Jobs.run(Jobs.paired(id, out, 1));
            assertTrue(r.succeeded(), String.valueOf(r.failure()));
            List<List<String>> back = Jobs.parse(out.resolve("key_sensor_2023.csv"));
            assertEquals(HEADER, back.get(0));
            assertEquals(values.size() + 1, back.size());
            for (int i = 0; i < values.size(); i++) {
                Values v = values.get(i);
                List<String> row = back.get(i + 1);
                assertEquals(v.s, row.get(0), "string");
                assertEquals(v.l == null ? null : String.valueOf(v.l), row.get(1), "long");
                if (v.d == null) {
                    assertNull(row.get(2));
                } else {
                    assertEquals(0, Double.compare(v.d, Double.parseDouble(row.get(2))), "double " + v.d + " -> " + row.get(2));
                }
                assertEquals(v.b == null ? null : String.valueOf(v.b), row.get(3), "bool");
                if (v.bin == null) {
                    assertNull(row.get(4), "missing binary");
                } else {
                    assertArrayEquals(v.bin, Base64.getDecoder().decode(row.get(4)), "binary");
                }
                assertEquals(v.s2, row.get(5), "string 2");
            }
        } finally {
            TestOtsReader.SCENARIOS.remove(id);
            try (java.util.stream.Stream<Path> s = Files.walk(out)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
