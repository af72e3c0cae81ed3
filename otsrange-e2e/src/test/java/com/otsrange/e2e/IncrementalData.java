package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.testkit.Rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data for incremental-export tests: a seeded table (PK id STRING, ct INTEGER ms) whose rows span
 * the turn of the year 2023/2024 by day, incremental jobs over day windows, and the files a set of
 * exported days must give, computed here from the rows (not by the plugins).
 */
public final class IncrementalData {
    public static final List<String> COLUMNS = Arrays.asList("ct", "v", "s", "d");
    static final String[] TEXTS = {"plain", "with,comma", "with \"quotes\"", "", " padded ", "#hash", "ünï ☃"};
    /** First day of the grid (local date in the job's zone). */
    public static final LocalDate DAY0 = LocalDate.of(2023, 12, 26);
    public static final int DAYS = 12;

    public final String table;
    public final List<String> keys;
    public final List<E2e.SrcRow> rows;

    private IncrementalData(String table, List<String> keys, List<E2e.SrcRow> rows) {
        this.table = table;
        this.keys = keys;
        this.rows = rows;
    }

    /** Rows at random milliseconds over [DAY0 - 1 day, DAY0 + DAYS + 1 days) in both candidate zones, midnights included. */
    public static IncrementalData generate(String table, long seed, int rowsPerKeyPerDay) {
        Random rnd = new Random(seed);
        List<String> keys = Arrays.asList("dev-1", "a/b", "k.2", "k3");
        long from = DAY0.minusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        long to = DAY0.plusDays(DAYS + 1).atStartOfDay(ZoneId.of("UTC")).toInstant().toEpochMilli();
        List<E2e.SrcRow> rows = new ArrayList<>();
        for (String k : keys) {
            TreeSet<Long> times = new TreeSet<>();
            for (int d = 0; d <= DAYS; d++) {
                times.add(DAY0.plusDays(d).atStartOfDay(ZoneId.of("UTC")).toInstant().toEpochMilli());
                times.add(DAY0.plusDays(d).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli());
            }
            int n = times.size() + rowsPerKeyPerDay * (DAYS + 2);
            while (times.size() < n) {
                times.add(from + (long) (rnd.nextDouble() * (to - from)));
            }
            for (long t : times) {
                rows.add(new E2e.SrcRow(Arrays.<Object>asList(k, t), E2e.attrs("v", rnd.nextInt(8) == 0 ? null : rnd.nextLong(),
                        "s", rnd.nextInt(8) == 0 ? null : TEXTS[rnd.nextInt(TEXTS.length)],
                        "d", rnd.nextInt(8) == 0 ? null : rnd.nextGaussian() * 100)));
            }
        }
        return new IncrementalData(table, keys, rows);
    }

    public void load(E2e e2e) {
        e2e.createTable(table, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        e2e.load(table, Dataset.PK, rows);
    }

    /** Task keys: the data's keys and one without rows. */
    public List<String> taskKeys() {
        List<String> all = new ArrayList<>(keys);
        all.add("ghost");
        return all;
    }

    /** How the output is laid out. */
    public static final class Shape {
        final ZoneId zone;
        final boolean monthFiles;
        final boolean dayFiles;
        final boolean gzip;
        final String shard;
        final int channels;

        public Shape(ZoneId zone, boolean monthFiles, boolean gzip, String shard, int channels) {
            this(zone, monthFiles, false, gzip, shard, channels);
        }

        /** @param dayFiles one file per key per day ({@code {day}}), else per month or year */
        public Shape(ZoneId zone, boolean monthFiles, boolean dayFiles, boolean gzip, String shard, int channels) {
            this.zone = zone;
            this.monthFiles = monthFiles;
            this.dayFiles = dayFiles;
            this.gzip = gzip;
            this.shard = shard;
            this.channels = channels;
        }

        @Override
        public String toString() {
            return zone + (dayFiles ? " day files" : monthFiles ? " month files" : " year files") + (gzip ? " gzip" : "")
                    + (shard == null ? "" : " shard " + shard) + " ch" + channels;
        }
    }

    /** Midnight starting day {@code day} of the grid in the zone, as the compact date a scheduler passes ("20231226"). */
    public static String date(int day) {
        return DAY0.plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    public static long dayStart(int day, ZoneId zone) {
        return DAY0.plusDays(day).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** An incremental job (resume + append) for the day window [fromDay, toDay). */
    public JSONObject job(E2e e2e, Path out, Shape shape, int fromDay, int toDay) {
        return job(e2e, out, shape, fromDay, toDay, COLUMNS);
    }

    /** The same with other output columns per key. */
    public JSONObject job(E2e e2e, Path out, Shape shape, int fromDay, int toDay, List<String> columns) {
        JSONObject reader = e2e.reader(table, taskKeys(), columns);
        reader.put("schema", JSON.parseObject("{\"partitionKey\":\"id\",\"sortKey\":\"ct\"}"));
        reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"" + date(fromDay) + "\",\"lt\":\"" + date(toDay) + "\",\"chunkBy\":\"day\"}}"));
        reader.put("timeZone", shape.zone.getId());
        reader.put("resume", true);
        reader.put("pageSize", 7);
        if (shape.shard != null) {
            reader.put("shard", shape.shard);
        }
        JSONObject writer = E2e.writer(out);
        writer.put("writeMode", "append");
        if (shape.dayFiles) {
            writer.put("fileName", "{partition_key}/{year}-{month}-{day}.csv");
        } else if (shape.monthFiles) {
            writer.put("fileName", "{partition_key}/{year}/{month}.csv");
        }
        if (shape.gzip) {
            writer.put("compress", "gzip");
        }
        return E2e.job(reader, writer, shape.channels);
    }

    /** File name -> rows (in PK order) of the rows whose time the predicate accepts, for this shape. */
    public Map<String, List<E2e.SrcRow>> expected(Shape shape, LongPredicate exported) {
        // the shard's keys by DESIGN.md's rule, not by the product's ShardSpec
        String[] shard = shape.shard == null ? new String[] {"0", "1"} : shape.shard.split("/");
        Map<String, List<E2e.SrcRow>> out = new TreeMap<>();
        for (E2e.SrcRow r : rows) {
            String key = (String) r.pk.get(0);
            long t = (Long) r.pk.get(1);
            if (!exported.test(t) || Rules.shardOf(key, Integer.parseInt(shard[1])) != Integer.parseInt(shard[0])) {
                continue;
            }
            ZonedDateTime z = Instant.ofEpochMilli(t).atZone(shape.zone);
            String name = shape.dayFiles
                    ? E2e.encodeKey(key) + "/" + z.getYear() + "-" + String.format("%02d-%02d", z.getMonthValue(), z.getDayOfMonth()) + ".csv"
                    : shape.monthFiles
                    ? E2e.encodeKey(key) + "/" + z.getYear() + "/" + String.format("%02d", z.getMonthValue()) + ".csv"
                    : E2e.encodeKey(key) + "_" + table + "_" + z.getYear() + ".csv";
            out.computeIfAbsent(shape.gzip ? name + ".gz" : name, x -> new ArrayList<>()).add(r);
        }
        for (List<E2e.SrcRow> l : out.values()) {
            l.sort(Comparator.comparingLong(r -> (Long) r.pk.get(1)));
        }
        return out;
    }

    /** The CSV text of a file (gzip members decompressed one after the other). */
    public static byte[] text(byte[] file, boolean gzip) throws IOException {
        if (!gzip) {
            return file;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Sort-key times of a parsed file's rows (header checked). */
    public static List<Long> times(List<List<String>> parsed, String name) {
        assertEquals(COLUMNS, parsed.get(0), name + ": one header, first");
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < parsed.size(); i++) {
            out.add(OffsetDateTime.parse(parsed.get(i).get(0)).toInstant().toEpochMilli());
        }
        return out;
    }

    /** A parsed file (header first) holds exactly these rows, cell by cell. */
    public static void assertRows(String name, List<E2e.SrcRow> expected, List<List<String>> parsed) {
        List<Long> times = times(parsed, name);
        assertEquals(expected.size(), times.size(), name + ": rows");
        for (int i = 0; i < expected.size(); i++) {
            E2e.SrcRow src = expected.get(i);
            List<String> row = parsed.get(i + 1);
            String at = name + " row " + (i + 1);
            assertEquals((long) (Long) src.pk.get(1), (long) times.get(i), at + " ct");
            Object v = src.attrs.get("v");
            assertEquals(v == null ? null : String.valueOf(v), row.get(1), at + " v");
            assertEquals(src.attrs.get("s"), row.get(2), at + " s");
            Object d = src.attrs.get("d");
            if (d == null) {
                assertEquals(null, row.get(3), at + " d");
            } else {
                assertTrue(Double.compare((Double) d, Double.parseDouble(row.get(3))) == 0, at + " d " + row.get(3));
            }
        }
    }
}
