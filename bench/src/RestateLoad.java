import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;

import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * The table of bench/restate.sh (issue 21): K keys ({@code dev-00000} ..), a Stream enabled
 * (168 hours), rows every 24h / R per key (Loader's sensor columns), deterministic.
 *
 * {@code --step week}: creates the table and loads days [from, from + 7), writes the task file.
 * {@code --step day}: the rows of day from + 7 for every key, then the late rows: for 1 % of the
 * keys (every 100th), {@code --late} rows each at random times of the week before (all written
 * after the week was exported, so the Stream holds them, as it holds the new day's rows).
 *
 * Usage: RestateLoad --endpoint E --instance I --access-id A --access-key S --table T --keys K
 *                    --rows-per-day R --from YYYY-MM-DD --step week|day [--late 5] [--tasks-out FILE]
 */
public final class RestateLoad {
    static final long DAY_MS = 86_400_000L;

    public static void main(String[] a) throws Exception {
        Map<String, String> o = Loader.Args.parse(a);
        String table = o.get("table");
        int keys = Integer.parseInt(o.get("keys"));
        int perDay = Integer.parseInt(o.get("rows-per-day"));
        long from = LocalDate.parse(o.get("from")).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        int late = Integer.parseInt(o.getOrDefault("late", "5"));
        SyncClient client = UnsentRequestRetry.client(o.get("endpoint"), o.get("access-id"), o.get("access-key"), o.get("instance"));
        long t0 = System.nanoTime();
        AtomicLong written = new AtomicLong();
        long lateRows = 0;
        try {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                names.add(String.format("dev-%05d", k));
            }
            Loader.Batch batch = new Loader.Batch(client, table, written);
            if ("week".equals(o.get("step"))) {
                if (client.listTable().getTableNames().contains(table)) {
                    client.deleteTable(new DeleteTableRequest(table));
                }
                TableMeta meta = new TableMeta(table);
                meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
                meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
                CreateTableRequest create = new CreateTableRequest(meta, new TableOptions(-1, 1));
                create.setStreamSpecification(new StreamSpecification(true, 168));
                client.createTable(create);
                for (int k = 0; k < keys; k++) {
                    rows(batch, names.get(k), k, from, 7, perDay);
                }
                Loader.writeTasks(Paths.get(o.get("tasks-out")), names, Loader.COLUMNS);
            } else {
                long day = from + 7 * DAY_MS;
                for (int k = 0; k < keys; k++) {
                    rows(batch, names.get(k), k, day, 1, perDay);
                }
                long before = written.get();
                for (int k = 0; k < keys; k += 100) {
                    SplittableRandom r = new SplittableRandom(Loader.SEED ^ k ^ 0x1A7E);
                    Loader.Sensor s = new Loader.Sensor(r);
                    for (int i = 0; i < late; i++) {
                        // off the regular grid (odd milliseconds), so a late row never replaces a row
                        batch.add(names.get(k), from + r.nextLong(7 * DAY_MS) | 1, s.next(i));
                    }
                }
                batch.flush();
                lateRows = written.get() - before;
            }
            batch.flush();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("loaded %s (%s): %d rows (%d late rows of %d keys), %d keys in %.1f s%n", table, o.get("step"),
                written.get(), lateRows, lateRows == 0 ? 0 : (keys + 99) / 100, keys, secs);
        } finally {
            client.shutdown();
        }
    }

    /** perDay rows a day for {@code days} days from {@code start}, on an even grid (even milliseconds). */
    static void rows(Loader.Batch batch, String key, int k, long start, int days, int perDay) {
        SplittableRandom r = new SplittableRandom(Loader.SEED ^ (k * 0x9E3779B97F4A7C15L) ^ start);
        Loader.Sensor s = new Loader.Sensor(r);
        long step = DAY_MS / perDay;
        for (long i = 0; i < (long) days * perDay; i++) {
            batch.add(key, start + i * step + 2 * r.nextInt(60_000), s.next(i));
        }
    }
}
