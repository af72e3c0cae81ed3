import com.alibaba.fastjson.JSON;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.emulator.SdkRowLoader;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * Micro-benchmark: otsrangereader (GetRange) into a discarding writer (streamwriter print=false),
 * one JVM with the emulator, 50 keys x ROWS/50 rows of 3 attribute columns, channel 1 then 4; rows/s
 * of the whole job. Case 2 of bench/run.sh measures the same path with the emulator in its own JVM.
 * Run by {@code bench/run.sh --only micro}.
 *
 * Usage: ReaderThroughputBench [ROWS] (default 500,000)
 */
public final class ReaderThroughputBench {
    public static void main(String[] args) throws Exception {
        int rowsWanted = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int keys = 50;
        int perKey = rowsWanted / keys;
        try (OtsEmulator emu = OtsEmulator.builder().port(0).instanceName("bench").accessKeyId("id").accessKeySecret("key").build().start()) {
            SyncClient client = UnsentRequestRetry.client(emu.endpoint(), "id", "key", "bench");
            double loadSec;
            try {
                TableMeta meta = new TableMeta("bench");
                meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
                meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
                client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));
                long base = 1672531200000L;
                long loadStart = System.nanoTime();
                SdkRowLoader loader = new SdkRowLoader(client);
                List<String> pk = Arrays.asList("id", "ct");
                for (int k = 0; k < keys; k++) {
                    for (int i = 0; i < perKey; i++) {
                        Map<String, Object> a = new LinkedHashMap<>();
                        a.put("p34_1", i * 0.5);
                        a.put("p50_1", (double) (i % 1000));
                        a.put("p51_1", (long) i);
                        loader.put("bench", pk, Arrays.<Object>asList(String.format("device-%03d", k), base + i * 60_000L), a);
                    }
                }
                loader.flush();
                loadSec = (System.nanoTime() - loadStart) / 1e9;
            } finally {
                client.shutdown();
            }
            Map<String, Object> defs = new LinkedHashMap<>();
            for (int k = 0; k < keys; k++) {
                defs.put(String.format("device-%03d", k), Arrays.asList("p34_1", "p50_1", "p51_1"));
            }
            for (int channels : new int[] {1, 4}) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("endpoint", emu.endpoint());
                p.put("accessId", "id");
                p.put("accessKey", "key");
                p.put("instanceName", "bench");
                p.put("table", "bench");
                p.put("readApi", "getRange");
                p.put("appendColumns", Arrays.asList("ct"));
                p.put("filters", Map.of("ct", Map.of("gte", "2023-01-01", "lt", "2025-01-01")));
                p.put("tasks", Map.of("source", "inline", "definitions", defs));
                String job = "{\"job\":{\"setting\":{\"speed\":{\"channel\":" + channels + "}},\"content\":[{\"reader\":{\"name\":\"otsrangereader\","
                        + "\"parameter\":" + JSON.toJSONString(p) + "},\"writer\":{\"name\":\"streamwriter\",\"parameter\":{\"print\":false}}}]}}";
                long t0 = System.nanoTime();
                RunResult r = new LocalRunner(RunOptions.quiet()).runJson(job);
                double sec = (System.nanoTime() - t0) / 1e9;
                if (!r.succeeded() || r.readRecords() != (long) perKey * keys) {
                    throw new IllegalStateException("expected " + (long) perKey * keys + " rows: " + r, r.failure());
                }
                System.out.printf(Locale.ROOT, "reader->discard: %d rows, %d channel(s), %.2f s, %.0f rows/s (load %.1f s)%n",
                        r.readRecords(), channels, sec, r.readRecords() / sec, loadSec);
            }
        }
    }
}
