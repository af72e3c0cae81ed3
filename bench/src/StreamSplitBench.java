import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.ReservedThroughput;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.StateDir;
import com.otsrange.common.TimeWindow;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.emulator.SdkRowLoader;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.scan.SdkGateway;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * How long the reader Job's split takes to read a Stream of many records ({@code changes: "stream"},
 * docs/performance.md): an emulator in this JVM, a table whose Stream holds RECORDS PutRows written
 * after the recorded position, all of 1,000 task keys and inside the committed window (every record
 * relevant: the rule's most expensive path), then the reader's planning as {@code Job.split()} runs it
 * ({@code ReaderPlanning.plan}, which reads the Stream before any table read). Prints wall time,
 * records/s, process CPU (reader and emulator together) and GetStreamRecord calls; fails when the
 * split did not see every record. Run by {@code bench/run.sh --only micro}.
 *
 * Usage: StreamSplitBench [RECORDS] [STREAM_SHARDS]   (defaults 1,000,000 and 4)
 */
public final class StreamSplitBench {
    private static final String TABLE = "ev";
    private static final String ID = "id";
    private static final String SECRET = "secret";
    private static final String INSTANCE = "inst";
    private static final int KEYS = 1000;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path out = Files.createTempDirectory("stream-split-bench");
        try (OtsEmulator emu = OtsEmulator.builder().streamShards(shards).port(0).instanceName(INSTANCE).accessKeyId(ID)
                .accessKeySecret(SECRET).build().start()) {
            SyncClient client = UnsentRequestRetry.client(emu.endpoint(), ID, SECRET, INSTANCE);
            try {
                createTable(client);
                ReaderSpec spec = ReaderSpecParser.parse(reader(emu.endpoint()), out, Collections.<String, String>emptyMap()).spec();
                WriterPeer writer = WriterPeer.of("csvyearwriter", writer(out), out);
                Path state = StateDir.of(out, spec.table(), spec.shard());
                try (CheckpointLog log = CheckpointLog.create(state, Collections.singletonMap("reader.table", "bench"))) {
                    TimeWindow january = TimeWindow.of(ms("2024-01-01"), ms("2024-02-01"));
                    log.windowDone(january, january);
                }
                // the first run records where the Stream stands; what is written after it is read by the measured split
                Restatement first = plan(spec, writer, out).window().restatement();
                try (CheckpointLog log = CheckpointLog.open(state)) {
                    log.streamPosition(first.position());
                }

                long loadStart = System.nanoTime();
                SdkRowLoader loader = new SdkRowLoader(client);
                long jan = ms("2024-01-01");
                for (int i = 0; i < records; i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("v", (long) i);
                    a.put("w", i * 0.5);
                    loader.put(TABLE, Arrays.asList("id", "dim", "ct"),
                            Arrays.<Object>asList(key(i % KEYS), 0L, jan + (i / KEYS) * 60_000L), a);
                }
                loader.flush();
                double loadSec = (System.nanoTime() - loadStart) / 1e9;

                long calls = emu.stats().requests("GetStreamRecord");
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Restatement r = plan(spec, writer, out).window().restatement();
                double sec = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                if (r.read().recordsRead() != records || r.read().relevantRecords() != records || r.units().size() != KEYS) {
                    throw new AssertionError("the split saw " + r.read().recordsRead() + " records (" + r.read().relevantRecords()
                            + " relevant) and " + r.units().size() + " units; expected " + records + ", " + records + " and " + KEYS);
                }
                System.out.printf(Locale.ROOT, "stream in split: %d records on %d shards, %.2f s (%.0f records/s), %.1f s CPU"
                                + " (reader and emulator in this JVM), %d GetStreamRecord calls, %d units restated (load %.1f s)%n",
                        records, shards, sec, records / sec, cpu, emu.stats().requests("GetStreamRecord") - calls, r.units().size(), loadSec);
            } finally {
                client.shutdown();
            }
        }
    }

    private static com.otsrange.reader.plan.Plan plan(ReaderSpec spec, WriterPeer writer, Path out) {
        try (SdkGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
            return ReaderPlanning.plan(spec, gateway, writer, out, 2);
        }
    }

    private static void createTable(SyncClient client) {
        TableMeta meta = new TableMeta(TABLE);
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("dim", PrimaryKeyType.INTEGER));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
        TableOptions opts = new TableOptions(-1, 1);
        opts.setMaxTimeDeviation(86400L * 365 * 100);
        CreateTableRequest req = new CreateTableRequest(meta, opts, new ReservedThroughput(0, 0));
        req.setStreamSpecification(new StreamSpecification(true, 24));
        client.createTable(req);
    }

    /** An incremental "stream" job of KEYS task keys (UTC, month files, dim = 0) whose run window is February's first day. */
    private static Map<String, Object> reader(String endpoint) {
        StringBuilder tasks = new StringBuilder("{");
        for (int k = 0; k < KEYS; k++) {
            tasks.append(k == 0 ? "" : ",").append('"').append(key(k)).append("\":[\"v\",\"w\"]");
        }
        tasks.append('}');
        String json = "{\"endpoint\":\"" + endpoint + "\",\"accessId\":\"" + ID + "\",\"accessKey\":\"" + SECRET
                + "\",\"instanceName\":\"" + INSTANCE + "\",\"table\":\"" + TABLE + "\",\"schema\":{\"partitionKey\":\"id\","
                + "\"sortKey\":\"ct\",\"otherKeys\":[\"dim\"]},\"filters\":{\"dim\":0,\"ct\":{\"gte\":\"2024-02-01\",\"lt\":\"2024-02-02\"}},"
                + "\"resume\":true,\"readApi\":\"getRange\",\"tasks\":{\"source\":\"inline\",\"definitions\":" + tasks + "},"
                + "\"changes\":\"stream\"}";
        return JSON.parseObject(json, Feature.OrderedField);
    }

    private static Map<String, Object> writer(Path path) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("path", path.toString());
        w.put("fileName", "{partition_key}/{year}-{month}.csv");
        w.put("writeMode", "append");
        w.put("allowGaps", true);
        return w;
    }

    private static String key(int k) {
        return String.format(Locale.ROOT, "k-%04d", k);
    }

    private static long ms(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli();
    }
}
