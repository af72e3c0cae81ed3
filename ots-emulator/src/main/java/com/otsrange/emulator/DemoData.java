package com.otsrange.emulator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo table {@code sensor_data}: the Python exporter's scenario that job/export.json and
 * job/tasks/device_mappings.json describe, so the README's first DataX run works against it as
 * written. PK (id STRING, ct INTEGER epoch ms, dim INTEGER); the three devices of the task file,
 * each with its own three point columns named as there; 2024-01-01..2026-12-31 UTC, one reading
 * every 2 hours (plus a deterministic jitter of up to 2 minutes) for dim 0 and, with other
 * values, for dim 1, which the example's {@code dim = 0} filter drops. One row in a hundred
 * misses one of its cells. Cell timestamps equal ct. Same seed, same rows, every time (78,912 rows).
 */
public final class DemoData {
    public static final String TABLE = "sensor_data";
    /** Device id -> its attribute columns, exactly as job/tasks/device_mappings.json lists them. */
    public static final Map<String, List<String>> COLUMNS = columns();
    public static final int DEVICES = COLUMNS.size();
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);
    public static final long STEP_MS = 2 * 3600_000L;
    /** Every reading is written for these dim values; only dim 0 is what the examples export. */
    public static final int DIMS = 2;
    private static final long SEED = 20240101L;

    private DemoData() {
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("2309193932839", List.of("p34_1", "p50_1", "p51_1"));
        m.put("2309193932840", List.of("p32_1", "p54_1", "p56_1"));
        m.put("2309193932841", List.of("p20_1", "p20_2", "p21_1"));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Creates and fills the table directly in the emulator's store; does nothing if the table exists.
     * Takes the store, not the emulator, which calls this on start.
     */
    static void load(Store store) {
        if (store.find(TABLE) != null) return;
        PkSchema schema = new PkSchema(List.of("id", "ct", "dim"), List.of(PkType.STRING, PkType.INTEGER, PkType.INTEGER));
        Table t = new Table(TABLE, schema, new TableSettings(-1, 1, 86400L * 365 * 20), 0, 0,
            System.currentTimeMillis() / 1000, store.columnLog(TABLE));
        store.create(t);
        store.write(() -> {
            int device = 0;
            for (Map.Entry<String, List<String>> d : COLUMNS.entrySet()) {
                loadDevice(store, t, device++, d.getKey(), d.getValue());
            }
            store.log().commit();
            return null;
        });
    }

    /** Number of rows {@link #load} creates. */
    public static long rowCount() {
        long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        return DEVICES * days * (86_400_000L / STEP_MS) * DIMS;
    }

    private static void loadDevice(Store store, Table t, int device, String id, List<String> names) {
        SplittableRandom rnd = new SplittableRandom(SEED * 31 + device);
        long start = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long[] counter = new long[DIMS];
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        for (long slot = start; slot < end; slot += STEP_MS) {
            long ct = slot + rnd.nextLong(120_000);
            double season = Math.cos(2 * Math.PI * ((slot / 86_400_000L) % 365) / 365.0);
            double daily = Math.cos(2 * Math.PI * ((slot / 3_600_000L) % 24) / 24.0);
            double years = (slot - start) / (365.25 * 86_400_000.0);
            for (int dim = 0; dim < DIMS; dim++) {
                Object[] values = values(device, dim, season, daily, years, ++counter[dim], rnd);
                // one row in a hundred misses one of its cells (never all: a row keeps its columns)
                int missing = rnd.nextInt(100) == 0 ? rnd.nextInt(names.size()) : -1;
                List<Cell> cells = new ArrayList<>(names.size());
                for (int c = 0; c < names.size(); c++) {
                    if (c != missing) cells.add(cell(names.get(c), ct, values[c]));
                }
                byte[] key = KeyCodec.encode(t.schema, List.of(PkValue.ofString(idBytes), PkValue.ofLong(ct), PkValue.ofLong(dim)));
                store.putRow(t, key, RowCodec.encode(cells, t.columns));
            }
        }
    }

    /**
     * One reading of a device's three points: a temperature, humidity and pressure; a voltage,
     * a counter and a power; a flow, a counter and a valve state. dim 1 is a second, noisier
     * sensor with an offset, so its rows are easy to tell apart.
     */
    private static Object[] values(int device, int dim, double season, double daily, double years, long counter,
                                   SplittableRandom rnd) {
        double offset = dim * 5.0;
        switch (device) {
            case 0:
                return new Object[] {
                    round(12 - 9 * season - 3 * daily + offset + rnd.nextDouble(-0.5, 0.5)),
                    round(55 + 15 * season + offset + rnd.nextDouble(-5, 5)),
                    round(1013 + 6 * season + rnd.nextDouble(-2, 2))};
            case 1:
                return new Object[] {
                    round(3.7 - 0.08 * years - dim * 0.1 + rnd.nextDouble(-0.02, 0.02)),
                    counter,
                    round(120 + 40 * daily + offset + rnd.nextDouble(-10, 10))};
            default:
                return new Object[] {
                    round(Math.max(0, 8 + 4 * daily + offset + rnd.nextDouble(-1, 1))),
                    counter * (dim + 1),
                    rnd.nextInt(100) >= 3};
        }
    }

    private static Cell cell(String name, long ts, Object value) {
        if (value instanceof Long) return Cell.ofLong(name, ts, (Long) value);
        if (value instanceof Boolean) return Cell.ofBoolean(name, ts, (Boolean) value);
        return Cell.ofDouble(name, ts, (Double) value);
    }

    private static double round(double v) { return Math.round(v * 100) / 100.0; }
}
