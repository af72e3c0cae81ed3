import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.BatchWriteRowResponse;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.otsrange.emulator.UnsentRequestRetry;

/**
 * Loads one deterministic benchmark table through the TableStore SDK and writes the matching
 * otsrangereader task file. Same arguments, same rows, on every machine: the data depends only on
 * the shape, the sizes and the fixed seed below.
 *
 * Shapes (primary key {@code id STRING, ct INTEGER} in ms, rows 2022-01-01 .. 2025-01-01 UTC):
 * dense  - {@code --keys K --rows N}: N rows per key, evenly spaced with jitter (the main table);
 * sparse - {@code --keys K --rows N}: per key, a few random months of the 36, N rows in total;
 * heavy  - {@code --rows N}: one key holding all N rows.
 * wide   - {@code --keys K --rows N --from YYYY-MM-DD --to YYYY-MM-DD}: the throughput tables of
 *          bench/run.sh's {@code tp} case: N rows in total, N/K per key evenly spaced (with jitter)
 *          over [from, to), 8 attribute columns ({@link #WIDE_COLUMNS}), every cell present.
 *
 * Usage: Loader --endpoint E --instance I --access-id A --access-key S --table T --shape dense|sparse|heavy|wide
 *               [--keys K] --rows N [--from D --to D] [--threads 2] --tasks-out FILE
 */
public final class Loader {
    static final long START = 1640995200000L; // 2022-01-01T00:00:00Z
    static final long END = 1735689600000L;   // 2025-01-01T00:00:00Z
    static final long SEED = 0x5EED_0075_2A6EL;
    static final String[] COLUMNS = {"temp", "humidity", "pressure", "voltage", "rssi", "seq", "status",
        "firmware", "alarm", "note", "raw"};
    static final String[] WIDE_COLUMNS = {"temp", "humidity", "pressure", "voltage", "rssi", "seq", "status", "alarm"};
    static final int BATCH = 200;

    public static void main(String[] a) throws Exception {
        Map<String, String> o = Args.parse(a);
        String table = o.get("table");
        String shape = o.get("shape");
        int keys = Integer.parseInt(o.getOrDefault("keys", "1"));
        long rows = Long.parseLong(o.get("rows"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        // a BatchWriteRow the SDK failed before sending it ("Connection closed") is sent again
        SyncClient client = UnsentRequestRetry.client(o.get("endpoint"), o.get("access-id"), o.get("access-key"),
            o.get("instance"));
        long t0 = System.nanoTime();
        try {
            if (client.listTable().getTableNames().contains(table)) {
                client.deleteTable(new DeleteTableRequest(table));
            }
            TableMeta meta = new TableMeta(table);
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
            client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));

            List<String> keyNames = new ArrayList<>();
            for (int k = 0; k < keys; k++) keyNames.add(keyName(shape, k));
            AtomicLong written = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> work = new ArrayList<>();
            if ("wide".equals(shape)) {
                long from = day(o.get("from"));
                long to = day(o.get("to"));
                long perKey = rows / keys;
                // every key cut into slices, so the threads share even one heavy key
                int slices = threads * 8;
                for (int k = 0; k < keys; k++) {
                    for (int sl = 0; sl < slices; sl++) {
                        final int key = k;
                        final int slice = sl;
                        work.add(pool.submit(() -> { loadWide(client, table, keyNames.get(key), key, perKey, from, to, slice, slices, written);
                            return null; }));
                    }
                }
            } else if ("heavy".equals(shape)) {
                // one key: cut its time span into slices so the threads share it
                int slices = threads * 8;
                for (int s = 0; s < slices; s++) {
                    final int slice = s;
                    work.add(pool.submit(() -> { loadHeavy(client, table, keyNames.get(0), rows, slice, slices, written); return null; }));
                }
            } else {
                for (int t = 0; t < threads; t++) {
                    final int first = t;
                    work.add(pool.submit(() -> {
                        Batch batch = new Batch(client, table, written);
                        for (int k = first; k < keys; k += threads) {
                            if ("dense".equals(shape)) denseKey(batch, keyNames.get(k), k, rows);
                            else if ("sparse".equals(shape)) sparseKey(batch, keyNames.get(k), k, rows);
                            else throw new IllegalArgumentException("--shape dense|sparse|heavy, got " + shape);
                        }
                        batch.flush();
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) f.get();
            pool.shutdown();
            writeTasks(Paths.get(o.get("tasks-out")), keyNames, "wide".equals(shape) ? WIDE_COLUMNS : COLUMNS);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("loaded %s: %d rows, %d keys, shape %s in %.1f s (%.0f rows/s)%n", table, written.get(), keys,
                shape, s, written.get() / s);
        } finally {
            client.shutdown();
        }
    }

    static long day(String isoDate) {
        return java.time.LocalDate.parse(isoDate).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static String keyName(String shape, int k) {
        switch (shape) {
            case "heavy": return "heavy-1";
            case "wide": return String.format("unit-%03d", k);
            case "sparse": return String.format("site-%05d", k);
            default: return String.format("dev-%05d", k);
        }
    }

    /** N rows evenly spread over the three years, each nudged by up to a third of the step. */
    static void denseKey(Batch batch, String key, int k, long n) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(SEED ^ (k * 0x9E3779B97F4A7C15L));
        long step = (END - START) / n;
        Sensor s = new Sensor(r);
        for (long i = 0; i < n; i++) {
            long ct = START + i * step + (step >= 3 ? r.nextLong(step / 3) : 0);
            batch.add(key, ct, s.next(i));
        }
    }

    /** A few months out of the 36 (deterministic per key), n rows over them. */
    static void sparseKey(Batch batch, String key, int k, long n) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(SEED ^ (k * 0xC2B2AE3D27D4EB4FL));
        int months = 3 + r.nextInt(4);
        java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
        while (chosen.size() < months) chosen.add(r.nextInt(36));
        Sensor s = new Sensor(r);
        long i = 0;
        for (int m : chosen) {
            long monthStart = java.time.LocalDate.of(2022, 1, 1).plusMonths(m).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant().toEpochMilli();
            long per = Math.max(1, n / months);
            for (long j = 0; j < per; j++) {
                batch.add(key, monthStart + j * 3_600_000L + r.nextInt(60_000), s.next(i++));
            }
        }
    }

    static void loadHeavy(SyncClient client, String table, String key, long n, int slice, int slices, AtomicLong written) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(SEED ^ slice);
        long step = (END - START) / n;
        long from = n * slice / slices;
        long to = n * (slice + 1) / slices;
        Batch batch = new Batch(client, table, written);
        Sensor s = new Sensor(r);
        for (long i = from; i < to; i++) {
            batch.add(key, START + i * step + (step >= 3 ? r.nextLong(step / 3) : 0), s.next(i));
        }
        batch.flush();
    }

    /** One slice of a wide key: rows {@code [n*slice/slices, n*(slice+1)/slices)} of its n evenly spaced rows. */
    static void loadWide(SyncClient client, String table, String key, int k, long n, long from, long to, int slice, int slices,
                         AtomicLong written) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(SEED ^ (k * 0x9E3779B97F4A7C15L) ^ (slice * 0xBF58476D1CE4E5B9L));
        long step = (to - from) / n;
        long first = n * slice / slices;
        long last = n * (slice + 1) / slices;
        Batch batch = new Batch(client, table, written, WIDE_COLUMNS);
        Sensor s = new Sensor(r);
        for (long i = first; i < last; i++) {
            Object[] all = s.next(i);
            Object[] v = {all[0], all[1], all[2], all[3], all[4], all[5], all[6], all[8]};
            batch.add(key, from + i * step + (step >= 3 ? r.nextLong(step / 3) : 0), v);
        }
        batch.flush();
    }

    static void writeTasks(Path file, List<String> keys, String[] columns) throws IOException {
        StringBuilder cols = new StringBuilder("[");
        for (int i = 0; i < columns.length; i++) cols.append(i == 0 ? "" : ",").append('"').append(columns[i]).append('"');
        cols.append(']');
        StringBuilder sb = new StringBuilder("{\n");
        for (int i = 0; i < keys.size(); i++) {
            sb.append("  \"").append(keys.get(i)).append("\": ").append(cols).append(i + 1 < keys.size() ? ",\n" : "\n");
        }
        sb.append("}\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A drifting sensor: smooth readings, occasional status changes, a note on some rows. */
    static final class Sensor {
        private final java.util.SplittableRandom r;
        private double temp;
        private double humidity;
        private double pressure;
        private double voltage;
        private final String firmware;
        private static final String[] NOTES = {"maintenance visit", "door opened, \"manual\" override", "recalibrated",
            "battery swap; voltage reset", "line 1\nline 2"};

        Sensor(java.util.SplittableRandom r) {
            this.r = r;
            temp = 15 + r.nextDouble() * 10;
            humidity = 40 + r.nextDouble() * 20;
            pressure = 1000 + r.nextDouble() * 25;
            voltage = 3.6;
            firmware = "v" + (1 + r.nextInt(3)) + "." + r.nextInt(10) + "." + r.nextInt(20);
        }

        Object[] next(long i) {
            temp += (r.nextDouble() - 0.5) * 0.4;
            humidity = Math.max(5, Math.min(99, humidity + (r.nextDouble() - 0.5)));
            pressure += (r.nextDouble() - 0.5) * 0.8;
            voltage = voltage < 3.0 ? 3.6 : voltage - r.nextDouble() * 0.001;
            int roll = r.nextInt(100);
            String status = roll < 90 ? "ok" : roll < 98 ? "warn" : "fault";
            byte[] raw = new byte[8];
            r.nextBytes(raw);
            return new Object[] {
                Math.round(temp * 100) / 100.0,
                Math.round(humidity * 10) / 10.0,
                pressure,
                Math.round(voltage * 1000) / 1000.0,
                (long) (-40 - r.nextInt(60)),
                i,
                status,
                firmware,
                roll >= 98,
                r.nextInt(50) == 0 ? NOTES[r.nextInt(NOTES.length)] : null,
                raw
            };
        }
    }

    /** Up to 200 rows per BatchWriteRow; failed rows are retried a few times, then the load fails. */
    static final class Batch {
        private final SyncClient client;
        private final String table;
        private final AtomicLong written;
        private final String[] columns;
        private BatchWriteRowRequest req = new BatchWriteRowRequest();
        private int size;

        Batch(SyncClient client, String table, AtomicLong written) {
            this(client, table, written, COLUMNS);
        }

        Batch(SyncClient client, String table, AtomicLong written, String[] columns) {
            this.client = client;
            this.table = table;
            this.written = written;
            this.columns = columns;
        }

        void add(String key, long ct, Object[] v) {
            PrimaryKey pk = PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(key))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct)).build();
            RowPutChange c = new RowPutChange(table, pk);
            for (int i = 0; i < columns.length; i++) {
                Object x = v[i];
                if (x == null) continue;
                ColumnValue cv = x instanceof Double ? ColumnValue.fromDouble((Double) x)
                    : x instanceof Long ? ColumnValue.fromLong((Long) x)
                    : x instanceof Boolean ? ColumnValue.fromBoolean((Boolean) x)
                    : x instanceof byte[] ? ColumnValue.fromBinary((byte[]) x)
                    : ColumnValue.fromString((String) x);
                c.addColumn(columns[i], cv);
            }
            req.addRowChange(c);
            if (++size == BATCH) flush();
        }

        void flush() {
            if (size == 0) return;
            for (int attempt = 0; ; attempt++) {
                BatchWriteRowResponse resp = client.batchWriteRow(req);
                if (resp.isAllSucceed()) break;
                if (attempt >= 5) throw new IllegalStateException("BatchWriteRow keeps failing: " + resp.getFailedRows().size() + " rows");
                req = req.createRequestForRetry(resp.getFailedRows());
            }
            written.addAndGet(size);
            req = new BatchWriteRowRequest();
            size = 0;
        }
    }

    /** {@code --name value} pairs. */
    static final class Args {
        static Map<String, String> parse(String[] a) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < a.length; i += 2) {
                if (!a[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + a[i]);
                m.put(a[i].substring(2), a[i + 1]);
            }
            return m;
        }
    }
}
