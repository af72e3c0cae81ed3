package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.otsrange.emulator.FaultSpec;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * Issue 21 through DataX's engine (DATAX_HOME): daily windows with {@code changes: "stream"} on a
 * table with a Stream, month files, gzip, Asia/Shanghai, across the turn of the year. Between runs
 * late rows into committed windows, an update of an exported and of a non-exported column, row
 * deletes, a whole key-month deleted and another key's rows; one run is SIGKILLed mid-way and run
 * again; a committed window is repeated; then the Stream expires, the next run is refused
 * (OtsRangeReader-12, nothing written) and the lookback its message names repairs. After every
 * successful run the files, decompressed, equal what this test renders from its own model of the
 * table for the committed days (written here, not by the plugins).
 */
class RestateSequenceIT {
    static final String TABLE = "restate_seq";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY0 = LocalDate.of(2023, 12, 29);
    static final String[] KEYS = {"dev-1", "dev-2", "dev-3", "dev-4"};
    static final String OTHER = "not-exported";
    static final String SECRET = "SECRET-restate";

    OtsEmulator emulator;
    SyncClient client;
    /** The test's model: key -> ct -> v (the exported attribute; every row also has x, which is not exported). */
    final Map<String, TreeMap<Long, Long>> model = new TreeMap<>();
    /** Days [0, committedTo) of the grid are committed. */
    int committedTo;
    final Random rnd = new Random(2101);

    @TempDir
    Path work;

    @BeforeEach
    void start() throws Exception {
        emulator = OtsEmulator.builder().port(0).instanceName("restate").accessKeyId("id").accessKeySecret(SECRET)
                .streamShards(2).faults(FaultSpec.none()).build().start();
        client = UnsentRequestRetry.client(emulator.endpoint(), "id", SECRET, "restate");
        TableMeta meta = new TableMeta(TABLE);
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
        TableOptions options = new TableOptions(-1, 1);
        options.setMaxTimeDeviation(20L * 365 * 86400);
        CreateTableRequest create = new CreateTableRequest(meta, options);
        create.setStreamSpecification(new StreamSpecification(true, 24));
        client.createTable(create);
        for (String k : KEYS) {
            for (int day = -1; day < 9; day++) {
                for (int i = 0; i < 4; i++) {
                    put(k, day(day) + (i == 0 ? 0 : rnd.nextInt(86_400_000)));
                }
            }
        }
        put(OTHER, day(1) + 5);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static long day(int d) {
        return DAY0.plusDays(d).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    @Test
    void lateRowsUpdatesDeletesAKillAndAnExpiredStreamThroughRealDatax() throws Exception {
        Path install = DataxInstall.installedOrSkip(work);
        Path out = work.resolve("out");
        Path checkpoint = out.resolve(".otsrange/" + TABLE + ".all/checkpoint.log");

        ok(install, out, 0, 2, "stream", "W1 (first stream run)");
        put("dev-1", day(0) + 1234);                         // late rows into W1
        put("dev-3", day(1));                                // on a window bound
        update("dev-2", anyTime("dev-2", 0, 2), 777L);       // an exported column
        updateX("dev-4", anyTime("dev-4", 0, 2));            // a column the job does not export
        delete("dev-4", anyTime("dev-4", 0, 2));
        put(OTHER, day(0) + 99);                             // a key outside the job
        ok(install, out, 2, 3, "stream", "W2");

        // the whole of dev-2's December goes: its 2023/12 file must go too
        for (long t : new ArrayList<>(model.get("dev-2").subMap(day(-1), day(3)).keySet())) {
            delete("dev-2", t);
        }
        put("dev-1", day(2) + 77);
        Map<String, byte[]> before = snapshot(out);
        Map<String, String> after = expected(4);
        int linesBefore = lines(checkpoint);
        emulator.setFaults(FaultSpec.parse("slow=1,slowMs=150"));
        int linesAtKill;
        try {
            Process w3 = start(install, out, 3, 4, "stream", "W3-killed");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while ((linesAtKill = lines(checkpoint)) <= linesBefore + 1 && w3.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(w3.isAlive(), "W3 ended before it could be killed");
            w3.destroyForcibly(); // SIGKILL
            assertTrue(w3.waitFor(30, TimeUnit.SECONDS));
        } finally {
            emulator.setFaults(FaultSpec.none());
        }
        String ledger = new String(Files.readAllBytes(checkpoint), StandardCharsets.UTF_8);
        assertTrue(!ledger.contains("\"windowDone\",\"window\":[" + day(3)), "W3 is not done after the kill");
        Map<String, byte[]> killed = snapshot(out);
        for (String name : union(before, killed, after)) {
            byte[] file = killed.get(name);
            boolean asBefore = file == null ? !before.containsKey(name) : java.util.Arrays.equals(file, before.get(name));
            boolean asAfter = file == null ? !after.containsKey(name) : text(file).equals(after.get(name));
            assertTrue(asBefore || asAfter, "after the SIGKILL " + name + " is neither as before nor as the run makes it");
        }
        update("dev-3", anyTime("dev-3", 0, 1), 4242L);      // between the kill and the rerun
        ok(install, out, 3, 4, "stream", "W3 again");

        put("dev-4", day(3) + 5);
        ok(install, out, 3, 4, "stream", "W3 repeated (nothing to do; restates)");

        // the Stream's records expire (the emulator's stream clock moved past its 24 h): changes may be lost
        put("dev-1", day(1) + 55);
        emulator.setStreamClockOffset(Duration.ofHours(25));
        byte[] ledgerBefore = Files.readAllBytes(checkpoint);
        Map<String, byte[]> filesBefore = snapshot(out);
        DataxInstall.Result refused = run(install, out, 4, 5, "stream", "W4-refused");
        assertNotEquals(0, refused.status, refused.output);
        assertTrue(refused.output.contains("OtsRangeReader-12"), refused.output);
        assertArrayEquals(ledgerBefore, Files.readAllBytes(checkpoint), "a refused run leaves the ledger as it was");
        assertEquals(filesBefore.keySet(), snapshot(out).keySet(), "a refused run writes nothing");
        for (Map.Entry<String, byte[]> f : snapshot(out).entrySet()) {
            assertArrayEquals(filesBefore.get(f.getKey()), f.getValue(), "a refused run writes nothing: " + f.getKey());
        }
        Matcher m = Pattern.compile("\\{\"lookback\": \"(P\\d+D)\"\\}").matcher(refused.output);
        assertTrue(m.find(), "the refusal names a lookback: " + refused.output);
        ok(install, out, 4, 5, JSON.parseObject("{\"lookback\":\"" + m.group(1) + "\"}"), "W4 with the lookback remedy");

        put("dev-2", day(4) + 3);
        delete("dev-1", anyTime("dev-1", 2, 5));
        ok(install, out, 5, 6, "stream", "W5 (stream again)");

        // a value set to what it was: the Stream marks the file, its text stays, so it is not rewritten
        long same = anyTime("dev-3", 0, 1);
        Path sameFile = out.resolve("dev-3/" + Instant.ofEpochMilli(same).atZone(ZONE).format(DateTimeFormatter.ofPattern("yyyy/MM"))
                + ".csv.gz");
        Object inode = Files.readAttributes(sameFile, BasicFileAttributes.class).fileKey();
        byte[] sameBytes = Files.readAllBytes(sameFile);
        update("dev-3", same, model.get("dev-3").get(same));
        ok(install, out, 5, 6, "stream", "W5 repeated after a value set to what it was");
        assertArrayEquals(sameBytes, Files.readAllBytes(sameFile), "the same bytes");
        assertEquals(inode, Files.readAttributes(sameFile, BasicFileAttributes.class).fileKey(), "the same file, not rewritten");
        System.out.println("restate sequence, real DataX: " + snapshot(out).size() + " files equal to the model after 7 runs;"
                + " SIGKILL with " + (linesAtKill - linesBefore) + " new ledger lines; refusal and lookback " + m.group(1));
    }

    /** A run that must succeed, then the files equal the model over the days committed. */
    void ok(Path install, Path out, int from, int to, Object changes, String name) throws Exception {
        DataxInstall.Result r = run(install, out, from, to, changes, name);
        assertEquals(0, r.status, name + ": " + r.output);
        committedTo = Math.max(committedTo, to);
        Map<String, String> want = expected(committedTo);
        Map<String, byte[]> got = snapshot(out);
        assertEquals(want.keySet(), got.keySet(), name + ": files");
        for (Map.Entry<String, String> e : want.entrySet()) {
            assertEquals(e.getValue(), text(got.get(e.getKey())), name + ": " + e.getKey());
        }
    }

    /** Month files, gzip: key/yyyy/MM.csv.gz holding "ct,v" and the model's rows of the committed days, in time order. */
    Map<String, String> expected(int days) {
        Map<String, String> files = new TreeMap<>();
        for (String k : KEYS) {
            for (Map.Entry<Long, Long> r : model.getOrDefault(k, new TreeMap<>()).subMap(day(0), day(days)).entrySet()) {
                ZonedDateTime z = Instant.ofEpochMilli(r.getKey()).atZone(ZONE);
                String name = k + "/" + z.format(DateTimeFormatter.ofPattern("yyyy/MM")) + ".csv.gz";
                long ms = r.getKey() % 1000;
                String time = z.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")) + (ms == 0 ? "" : String.format(".%03d", ms))
                        + "+08:00";
                files.merge(name, "ct,v\n" + time + "," + r.getValue() + "\n", (a, b) -> a + b.substring(5));
            }
        }
        return files;
    }

    long anyTime(String key, int fromDay, int toDay) {
        List<Long> times = new ArrayList<>(model.get(key).subMap(day(fromDay), day(toDay)).keySet());
        return times.get(rnd.nextInt(times.size()));
    }

    static PrimaryKey pk(String key, long ct) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(key))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct)).build();
    }

    void put(String key, long ct) {
        long v = rnd.nextInt(100_000) - 50_000;
        RowPutChange row = new RowPutChange(TABLE, pk(key, ct));
        row.addColumn("v", ColumnValue.fromLong(v));
        row.addColumn("x", ColumnValue.fromString("not exported"));
        client.putRow(new PutRowRequest(row));
        model.computeIfAbsent(key, k -> new TreeMap<>()).put(ct, v);
    }

    void update(String key, long ct, long v) {
        RowUpdateChange row = new RowUpdateChange(TABLE, pk(key, ct));
        row.put("v", ColumnValue.fromLong(v));
        client.updateRow(new UpdateRowRequest(row));
        model.get(key).put(ct, v);
    }

    void updateX(String key, long ct) {
        RowUpdateChange row = new RowUpdateChange(TABLE, pk(key, ct));
        row.put("x", ColumnValue.fromString("changed, still not exported"));
        client.updateRow(new UpdateRowRequest(row));
    }

    void delete(String key, long ct) {
        client.deleteRow(new DeleteRowRequest(new RowDeleteChange(TABLE, pk(key, ct))));
        model.get(key).remove(ct);
    }

    String job(Path out, int from, int to, Object changes) {
        JSONObject reader = new JSONObject(true);
        reader.put("endpoint", emulator.endpoint());
        reader.put("accessId", "id");
        reader.put("accessKey", SECRET);
        reader.put("instanceName", "restate");
        reader.put("table", TABLE);
        reader.put("schema", JSON.parseObject("{\"partitionKey\":\"id\",\"sortKey\":\"ct\"}"));
        reader.put("timeZone", ZONE.getId());
        reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"" + DAY0.plusDays(from).format(DateTimeFormatter.BASIC_ISO_DATE)
                + "\",\"lt\":\"" + DAY0.plusDays(to).format(DateTimeFormatter.BASIC_ISO_DATE) + "\"}}"));
        JSONObject defs = new JSONObject(true);
        for (String k : KEYS) {
            defs.put(k, JSON.parseArray("[\"ct\",\"v\"]"));
        }
        reader.put("tasks", new JSONObject(true).fluentPut("source", "inline").fluentPut("definitions", defs));
        reader.put("resume", true);
        reader.put("changes", changes);
        reader.put("pageSize", 3);
        reader.put("retryInitialDelayMs", 1);
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("writeMode", "append")
                .fluentPut("fileName", "{partition_key}/{year}/{month}.csv").fluentPut("compress", "gzip");
        return DataxInstall.fast("{\"job\":{\"setting\":{\"speed\":{\"channel\":2}},\"content\":[{\"reader\":{\"name\":\"otsrangereader\","
                + "\"parameter\":" + reader.toJSONString() + "},\"writer\":{\"name\":\"csvyearwriter\",\"parameter\":"
                + writer.toJSONString() + "}}]}}");
    }

    Process start(Path install, Path out, int from, int to, Object changes, String name) throws IOException {
        Path file = work.resolve(name.replace(' ', '_') + ".json");
        Files.write(file, job(out, from, to, changes).getBytes(StandardCharsets.UTF_8));
        return new ProcessBuilder(DataxInstall.engineCommand(install, file, "otsrange_restate")).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve(name.replace(' ', '_') + ".log").toFile()).start();
    }

    DataxInstall.Result run(Path install, Path out, int from, int to, Object changes, String name) throws Exception {
        Process p = start(install, out, from, to, changes, name);
        return DataxInstall.finish(p, work.resolve(name.replace(' ', '_') + ".log"));
    }

    static int lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
    }

    static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b, Map<String, ?> c) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        all.addAll(c.keySet());
        return all;
    }

    static String text(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            for (int n; (n = in.read(b)) > 0;) {
                buf.write(b, 0, n);
            }
            return new String(buf.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, byte[]> snapshot(Path out) throws IOException {
        return IncrementalSequenceIT.snapshot(out);
    }
}
