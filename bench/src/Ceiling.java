import com.alibaba.fastjson.JSON;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling: the SDK alone pages through the whole table with GetRange and drops the rows (it
 * only counts rows and cells, so the decoded rows are really touched). With {@code --threads T}
 * the key space is cut into T contiguous ranges at partition-key boundaries (keys from the task
 * file), one scanner thread each.
 *
 * Usage: Ceiling --endpoint E --instance I --access-id A --access-key S --table T --tasks FILE [--threads 1]
 *               [--columns c1,c2,...] (default: whole rows) [--limit ROWS_PER_PAGE] (default: server's choice)
 * Prints: {@code ceiling rows=N cells=C seconds=S}
 */
public final class Ceiling {
    public static void main(String[] a) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) o.put(a[i].substring(2), a[i + 1]);
        int threads = Integer.parseInt(o.getOrDefault("threads", "1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tasks = JSON.parseObject(new String(Files.readAllBytes(Paths.get(o.get("tasks"))),
            StandardCharsets.UTF_8), LinkedHashMap.class);
        List<String> keys = new ArrayList<>(tasks.keySet());
        java.util.Collections.sort(keys);
        SyncClient client = new SyncClient(o.get("endpoint"), o.get("access-id"), o.get("access-key"), o.get("instance"));
        long t0 = System.nanoTime();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PrimaryKey from = t == 0 ? bound(PrimaryKeyValue.INF_MIN, null) : bound(null, keys.get(t * keys.size() / threads));
                PrimaryKey to = t == threads - 1 ? bound(PrimaryKeyValue.INF_MAX, null)
                    : bound(null, keys.get((t + 1) * keys.size() / threads));
                String table = o.get("table");
                String columns = o.get("columns");
                int limit = Integer.parseInt(o.getOrDefault("limit", "0"));
                parts.add(pool.submit(() -> scan(client, table, columns, limit, from, to)));
            }
            long rows = 0;
            long cells = 0;
            for (Future<long[]> f : parts) {
                long[] r = f.get();
                rows += r[0];
                cells += r[1];
            }
            pool.shutdown();
            System.out.printf("ceiling rows=%d cells=%d seconds=%.3f%n", rows, cells, (System.nanoTime() - t0) / 1e9);
        } finally {
            client.shutdown();
        }
    }

    /** Either both PK columns at an infinite bound, or (key, INF_MIN): the first row of that key. */
    static PrimaryKey bound(PrimaryKeyValue inf, String key) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder()
            .addPrimaryKeyColumn("id", inf != null ? inf : PrimaryKeyValue.fromString(key))
            .addPrimaryKeyColumn("ct", inf != null ? inf : PrimaryKeyValue.INF_MIN).build();
    }

    static long[] scan(SyncClient client, String table, String columns, int limit, PrimaryKey from, PrimaryKey to) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        if (limit > 0) c.setLimit(limit);
        if (columns != null) {
            for (String name : columns.split(",")) c.addColumnsToGet(name);
        }
        c.setInclusiveStartPrimaryKey(from);
        c.setExclusiveEndPrimaryKey(to);
        c.setMaxVersions(1);
        long rows = 0;
        long cells = 0;
        while (true) {
            GetRangeResponse r = client.getRange(new GetRangeRequest(c));
            for (Row row : r.getRows()) {
                rows++;
                for (Column col : row.getColumns()) {
                    if (col.getValue() != null) cells++;
                }
            }
            PrimaryKey next = r.getNextStartPrimaryKey();
            if (next == null) return new long[] {rows, cells};
            c.setInclusiveStartPrimaryKey(next);
        }
    }
}
