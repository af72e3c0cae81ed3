package com.otsrange.e2e;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded sensor table (PK id STRING, ct INTEGER ms) with awkward keys, values and boundary
 * times, and the output it must produce, computed here independently of the plugins.
 */
public final class Dataset {
    public static final List<String> PK = Arrays.asList("id", "ct");
    public static final List<String> COLUMNS = Arrays.asList("ct", "v", "n", "s", "b", "bin");
    static final String[] TRICKY = {"plain", "with,comma", "with \"quotes\"", "line\nbreak", "cr\r\nlf", "",
        " padded ", "#hash", "ünïcödé ☃ 😀", "\"", ",", "null", "\\N", "\t tab"};
    static final double[] DOUBLES = {0.1, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, 1e23, 100.0, 1.0E-4};
    static final long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L};
    static final String[] BOUNDARIES = {"2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2023-12-31T23:59:59.999Z",
        "2022-12-31T16:00:00Z", "2023-12-31T16:00:00Z", "2023-12-31T15:59:59.999Z", "2023-06-01T00:00:00Z"};
    static final long FROM = Instant.parse("2022-12-31T00:00:00Z").toEpochMilli();
    static final long TO = Instant.parse("2024-01-02T00:00:00Z").toEpochMilli();

    public final String table;
    public final List<String> keys;
    /** Keys listed in the tasks that have no rows. */
    public final List<String> emptyKeys;
    public final List<E2e.SrcRow> rows;

    private Dataset(String table, List<String> keys, List<String> emptyKeys, List<E2e.SrcRow> rows) {
        this.table = table;
        this.keys = keys;
        this.emptyKeys = emptyKeys;
        this.rows = rows;
    }

    public static Dataset generate(String table, long seed, int extraKeys, int rowsPerKey) {
        Random rnd = new Random(seed);
        List<String> keys = new ArrayList<>(Arrays.asList("dev-1", "a.b", "c/d", "e f", "%x", "ünï"));
        for (int i = 0; i < extraKeys; i++) {
            keys.add(String.format("k%03d", i));
        }
        List<E2e.SrcRow> rows = new ArrayList<>();
        for (String k : keys) {
            TreeSet<Long> times = new TreeSet<>();
            for (String b : BOUNDARIES) {
                times.add(Instant.parse(b).toEpochMilli());
            }
            while (times.size() < BOUNDARIES.length + rowsPerKey) {
                times.add(FROM + (long) (rnd.nextDouble() * (TO - FROM)));
            }
            for (long t : times) {
                rows.add(new E2e.SrcRow(Arrays.<Object>asList(k, t), E2e.attrs(
                        "v", rnd.nextInt(10) == 0 ? null : rnd.nextInt(3) == 0 ? DOUBLES[rnd.nextInt(DOUBLES.length)] : rnd.nextGaussian() * 1000,
                        "n", rnd.nextInt(10) == 0 ? null : rnd.nextInt(4) == 0 ? LONGS[rnd.nextInt(LONGS.length)] : rnd.nextLong(),
                        "s", rnd.nextInt(10) == 0 ? null : rnd.nextBoolean() ? TRICKY[rnd.nextInt(TRICKY.length)] : randomText(rnd),
                        "b", rnd.nextInt(10) == 0 ? null : rnd.nextBoolean(),
                        "bin", rnd.nextInt(10) == 0 ? null : randomBytes(rnd))));
            }
        }
        return new Dataset(table, keys, Collections.singletonList("ghost"), rows);
    }

    static String randomText(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(6);
            sb.appendCodePoint(kind == 0 ? 0x20 + rnd.nextInt(0x5f) : kind == 1 ? "\",\r\n ".charAt(rnd.nextInt(5))
                    : kind == 2 ? 0xa0 + rnd.nextInt(0x2000) : kind == 3 ? 0x1F600 + rnd.nextInt(50) : 'a' + rnd.nextInt(26));
        }
        return sb.toString();
    }

    static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(20)];
        rnd.nextBytes(b);
        return b;
    }

    public void load(E2e e2e) {
        e2e.createTable(table, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        e2e.load(table, PK, rows);
    }

    public List<String> taskKeys() {
        List<String> all = new ArrayList<>(keys);
        all.addAll(emptyKeys);
        return all;
    }

    /** Expected file name -> rows in PK order, for the default pattern, in a zone. */
    public Map<String, List<E2e.SrcRow>> expectedFiles(ZoneId zone) {
        Map<String, List<E2e.SrcRow>> out = new TreeMap<>();
        for (E2e.SrcRow r : rows) {
            long t = (Long) r.pk.get(1);
            int year = ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), zone).getYear();
            String name = E2e.encodeKey((String) r.pk.get(0)) + "_" + table + "_" + year + ".csv";
            out.computeIfAbsent(name, x -> new ArrayList<>()).add(r);
        }
        for (List<E2e.SrcRow> l : out.values()) {
            // TableStore order: STRING by UTF-8 bytes (one key per file), then INTEGER
            l.sort(Comparator.comparingLong(r -> (Long) r.pk.get(1)));
        }
        return out;
    }

    /** Asserts one parsed file (header first) holds exactly these rows, cell by cell. */
    public static void assertFile(String name, List<E2e.SrcRow> expected, List<List<String>> parsed, ZoneId zone) {
        assertEquals(COLUMNS, parsed.get(0), name + ": header");
        assertEquals(expected.size(), parsed.size() - 1, name + ": row count");
        for (int i = 0; i < expected.size(); i++) {
            E2e.SrcRow src = expected.get(i);
            List<String> row = parsed.get(i + 1);
            String at = name + " row " + (i + 1);
            assertEquals(COLUMNS.size(), row.size(), at);
            long t = (Long) src.pk.get(1);
            assertEquals(t, OffsetDateTime.parse(row.get(0)).toInstant().toEpochMilli(), at + " ct");
            assertTrue(zone.equals(ZoneId.of("UTC")) ? row.get(0).endsWith("Z") : row.get(0).endsWith("+08:00"), at + " ct zone " + row.get(0));
            Object v = src.attrs.get("v");
            if (v == null) {
                assertNull(row.get(1), at + " v");
            } else {
                assertEquals(0, Double.compare((Double) v, Double.parseDouble(row.get(1))), at + " v " + row.get(1));
            }
            Object n = src.attrs.get("n");
            assertEquals(n == null ? null : String.valueOf(n), row.get(2), at + " n");
            assertEquals(src.attrs.get("s"), row.get(3), at + " s");
            Object b = src.attrs.get("b");
            assertEquals(b == null ? null : String.valueOf(b), row.get(4), at + " b");
            Object bin = src.attrs.get("bin");
            if (bin == null) {
                assertNull(row.get(5), at + " bin");
            } else {
                assertArrayEquals((byte[]) bin, Base64.getDecoder().decode(row.get(5)), at + " bin");
            }
        }
    }
}
