package com.otsrange.emulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo table {@code sensor_data}: PK (id STRING, ct INTEGER epoch ms, dim INTEGER); devices
 * dev-001..dev-006, 2023-01-01..2025-12-31 UTC, one reading every 4 hours (with a deterministic
 * jitter of up to 2 minutes) for dim 0 and dim 1; attributes temp, humidity, pressure, voltage
 * (DOUBLE), status (STRING), online (BOOLEAN), seq (INTEGER), fw (STRING), some missing on some
 * rows. Cell timestamps equal ct. Same seed, same rows, every time (78,912 rows).
 */
public final class DemoData {
    public static final String TABLE = "sensor_data";
    public static final int DEVICES = 6;
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    public static final long STEP_MS = 4 * 3600_000L;
    private static final long SEED = 20230101L;

    private DemoData() {
    }

    /** Creates and fills the table directly in the emulator's store; does nothing if the table exists. */
    public static void load(OtsEmulator emu) {
        Store store = emu.store;
        if (store.find(TABLE) != null) return;
        PkSchema schema = new PkSchema(List.of("id", "ct", "dim"), List.of(PkType.STRING, PkType.INTEGER, PkType.INTEGER));
        Table t = new Table(TABLE, schema, new TableSettings(-1, 1, 86400L * 365 * 20), 0, 0,
            System.currentTimeMillis() / 1000, store);
        store.create(t);
        store.write(() -> {
            for (int d = 1; d <= DEVICES; d++) loadDevice(store, t, d);
            store.log().commit();
            return null;
        });
    }

    /** Number of rows {@link #load} creates. */
    public static long rowCount() {
        long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        return DEVICES * days * (24 / 4) * 2;
    }

    private static void loadDevice(Store store, Table t, int device) {
        String id = String.format("dev-%03d", device);
        SplittableRandom rnd = new SplittableRandom(SEED * 31 + device);
        long start = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long[] seq = new long[2];
        double base = 17.0 + device * 1.3;
        for (long slot = start; slot < end; slot += STEP_MS) {
            long ct = slot + rnd.nextLong(120_000);
            double dayOfYear = ((slot / 86_400_000L) % 365) / 365.0;
            double hour = ((slot / 3_600_000L) % 24) / 24.0;
            for (int dim = 0; dim < 2; dim++) {
                List<Cell> cells = new ArrayList<>(8);
                boolean online = rnd.nextInt(100) >= 2;
                String fw = ct < 1693526400000L ? "1.0.0" : ct < 1717200000000L ? "1.1.0" : "2.0.1";
                cells.add(Cell.ofString("fw", ct, fw));
                if (rnd.nextInt(100) >= 3) {
                    cells.add(Cell.ofDouble("humidity", ct, round(55 + 15 * Math.cos(2 * Math.PI * dayOfYear) + rnd.nextDouble(-5, 5))));
                }
                cells.add(Cell.ofBoolean("online", ct, online));
                if (dim == 0) {
                    cells.add(Cell.ofDouble("pressure", ct, round(1013 + 8 * Math.sin(2 * Math.PI * dayOfYear * 3) + rnd.nextDouble(-2, 2))));
                }
                cells.add(Cell.ofLong("seq", ct, ++seq[dim]));
                int s = rnd.nextInt(1000);
                cells.add(Cell.ofString("status", ct, s < 950 ? "ok" : s < 995 ? "warn" : "error"));
                if (rnd.nextInt(100) >= 1) {
                    double temp = base - 8 * Math.cos(2 * Math.PI * dayOfYear) - 3 * Math.cos(2 * Math.PI * hour) + dim * 0.4
                        + rnd.nextDouble(-0.8, 0.8);
                    cells.add(Cell.ofDouble("temp", ct, round(temp)));
                }
                if (online) {
                    double years = (ct - start) / (365.25 * 86_400_000.0);
                    cells.add(Cell.ofDouble("voltage", ct, round(3.7 - 0.08 * years + rnd.nextDouble(-0.02, 0.02))));
                }
                byte[] key = KeyCodec.encode(t.schema, List.of(
                    PkValue.ofString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)), PkValue.ofLong(ct), PkValue.ofLong(dim)));
                store.putRow(t, key, RowCodec.encode(cells, t.columns));
            }
        }
    }

    private static double round(double v) { return Math.round(v * 100) / 100.0; }
}
