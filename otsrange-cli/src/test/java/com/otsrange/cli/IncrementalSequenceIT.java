package com.otsrange.cli;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.emulator.FaultSpec;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.emulator.SdkRowLoader;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * Issue 11's sequence, each run a child JVM as a scheduler starts it (`java -jar otsrange.jar run`,
 * and DataX's engine when DATAX_HOME is set): windows W1..W5 in Asia/Shanghai over the turn of the
 * year, a SIGKILL inside W3 then W3 again, W2 repeated, W5 tried before W4 (refused, nothing
 * written), W4, W5. The files end up byte for byte equal to one export of the union
 * [W1.from, W5.to) into another folder; after the kill every file holds exactly the rows before
 * one of the window bounds.
 */
class IncrementalSequenceIT {
    static final String TABLE = "inc_seq";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] KEYS = {"dev-01", "dev-02", "dev-03", "dev-04", "dev-05", "dev-06", "dev-07", "dev-08", "a/b", "x y",
        "k.%", "ghost"};
    /** Window bounds W1.from .. W5.to as ${bizdate}-style dates. */
    static final String[] BOUNDS = {"20231229", "20231230", "20231231", "20240102", "20240103", "20240105"};

    static OtsEmulator emulator;
    static Map<String, byte[]> union;

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        emulator = OtsEmulator.builder().port(0).instanceName("incseq").accessKeyId("id").accessKeySecret("SECRET-inc")
                .faults(FaultSpec.none()).build().start();
        SyncClient client = UnsentRequestRetry.client(emulator.endpoint(), "id", "SECRET-inc", "incseq");
        try {
            TableMeta meta = new TableMeta(TABLE);
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
            TableOptions options = new TableOptions(-1, 1);
            options.setMaxTimeDeviation(20L * 365 * 86400);
            client.createTable(new CreateTableRequest(meta, options));
            SdkRowLoader loader = new SdkRowLoader(client);
            Random rnd = new Random(11);
            String[] texts = {"ok", "with,comma", "with \"quotes\"", "", " padded ", "ünï ☃"};
            long from = day(-1);
            long to = day(BOUNDS.length + 9);
            for (int k = 0; k < KEYS.length - 1; k++) {
                for (long t = from; t < to; t += 7_000_000L + rnd.nextInt(300_000)) {
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("v", rnd.nextInt(9) == 0 ? null : rnd.nextLong());
                    attrs.put("temp", rnd.nextGaussian() * 20);
                    attrs.put("s", texts[rnd.nextInt(texts.length)]);
                    loader.put(TABLE, Arrays.asList("id", "ct"), Arrays.<Object>asList(KEYS[k], t), attrs);
                }
                for (String b : BOUNDS) { // rows on every window bound, and just before
                    long m = LocalDate.parse(b, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZONE).toInstant().toEpochMilli();
                    loader.put(TABLE, Arrays.asList("id", "ct"), Arrays.<Object>asList(KEYS[k], m), attrs("bound"));
                    loader.put(TABLE, Arrays.asList("id", "ct"), Arrays.<Object>asList(KEYS[k], m - 1), attrs("before"));
                }
            }
            loader.flush();
        } finally {
            client.shutdown();
        }
        // the reference: one ordinary (not incremental) export of the union, in this JVM
        String job = job(shared.resolve("union"), BOUNDS[0], BOUNDS[BOUNDS.length - 1], false);
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        union = snapshot(shared.resolve("union"));
        assertEquals(2 * (KEYS.length - 1), union.size(), union.keySet().toString());
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static long day(int offset) {
        return LocalDate.of(2023, 12, 29).plusDays(offset).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    static Map<String, Object> attrs(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", s);
        return m;
    }

    static String job(Path out, String from, String to, boolean incremental) {
        JSONObject reader = JSON.parseObject("{\"table\":\"" + TABLE + "\",\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},"
                + "\"timeZone\":\"Asia/Shanghai\",\"appendColumns\":[\"ct\"],\"retryInitialDelayMs\":1,\"retryMaxDelayMs\":20}");
        reader.put("endpoint", emulator.endpoint());
        reader.put("accessId", "id");
        reader.put("accessKey", "SECRET-inc");
        reader.put("instanceName", "incseq");
        reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"" + from + "\",\"lt\":\"" + to + "\",\"chunkBy\":\"day\"}}"));
        JSONObject defs = new JSONObject(true);
        for (String k : KEYS) {
            defs.put(k, Arrays.asList("temp", "v", "s"));
        }
        reader.put("tasks", new JSONObject(true).fluentPut("source", "inline").fluentPut("definitions", defs));
        reader.put("resume", incremental);
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("writeMode", incremental ? "append" : "truncate");
        return "{\"core\":{\"container\":{\"job\":{\"sleepInterval\":100}}},\"job\":{\"setting\":{\"speed\":{\"channel\":2}},"
                + "\"content\":[{\"reader\":{\"name\":\"otsrangereader\",\"parameter\":" + reader.toJSONString() + "},"
                + "\"writer\":{\"name\":\"csvyearwriter\",\"parameter\":" + writer.toJSONString() + "}}]}}";
    }

    interface Launcher {
        List<String> command(Path jobFile);
    }

    @Test
    void sequenceWithAKillEqualsOneExportOfTheUnionInTheLocalRunner() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("otsrange.jar");
        assumeTrue(jar != null && Files.isRegularFile(Paths.get(jar)), "otsrange.jar not built");
        String figures = sequence(file -> Arrays.asList(java, "-Xmx256m", "-jar", jar, "run", file.toString()));
        System.out.println("incremental sequence, local runner: " + figures);
    }

    @Test
    void sequenceWithAKillEqualsOneExportOfTheUnionInRealDatax() throws Exception {
        Path install = DataxInstall.installedOrSkip(work);
        String figures = sequence(file -> DataxInstall.engineCommand(install, file, "otsrange_inc"));
        System.out.println("incremental sequence, real DataX: " + figures);
    }

    String sequence(Launcher launcher) throws Exception {
        Path out = work.resolve("out");
        Path state = out.resolve(".otsrange/" + TABLE + ".all");
        Path checkpoint = state.resolve("checkpoint.log");

        assertEquals(0, run(launcher, out, 0, 1, "W1").status);
        assertEquals(0, run(launcher, out, 1, 2, "W2").status);

        // W3, killed with SIGKILL once it has committed three files (GetRange slowed so it is mid-window)
        emulator.setFaults(FaultSpec.parse("slow=1,slowMs=250,actions=GetRange"));
        int unitsInW3;
        int committedAtKill;
        try {
            Child w3 = start(launcher, out, 2, 3, "W3-killed");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while ((committedAtKill = commitsOf(checkpoint, 2, 3)) < 3 && w3.process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            w3.process.destroyForcibly(); // SIGKILL
            assertTrue(w3.process.waitFor(30, TimeUnit.SECONDS));
            committedAtKill = commitsOf(checkpoint, 2, 3);
        } finally {
            emulator.setFaults(FaultSpec.none());
        }
        unitsInW3 = union.size(); // every key has rows on both sides of the year boundary inside W3
        String ledger = new String(Files.readAllBytes(checkpoint), StandardCharsets.UTF_8);
        assertTrue(committedAtKill > 0 && committedAtKill < unitsInW3, "killed inside W3: " + committedAtKill + " of " + unitsInW3
                + " units committed");
        assertTrue(!ledger.contains("\"windowDone\",\"window\":[" + epoch(2)), "W3 is not done after the kill");
        assertEveryFileEndsAtAWindowBound(out, new int[] {2, 3});

        DataxInstall.Result w3again = run(launcher, out, 2, 3, "W3-again");
        assertEquals(0, w3again.status, w3again.output);
        JSONObject manifest = JSON.parseObject(new String(Files.readAllBytes(state.resolve("manifest.json")), StandardCharsets.UTF_8));
        assertEquals("resume", manifest.getJSONObject("incremental").getJSONObject("thisRun").getString("decision"));
        int skipped = manifest.getJSONObject("totals").getIntValue("unitsSkippedAsCommittedEarlier");
        assertTrue(skipped >= committedAtKill, "units committed before the kill are skipped: " + skipped);

        Map<String, byte[]> afterW3 = snapshot(out);
        DataxInstall.Result w2again = run(launcher, out, 1, 2, "W2-repeated");
        assertEquals(0, w2again.status, w2again.output);
        assertTrue(w2again.output.contains("nothing to do"), w2again.output);
        assertSameSnapshot(afterW3, snapshot(out), "a repeated window changes nothing");

        byte[] ledgerBefore = Files.readAllBytes(checkpoint);
        DataxInstall.Result w5early = run(launcher, out, 4, 5, "W5-before-W4");
        assertNotEquals(0, w5early.status, w5early.output);
        assertTrue(w5early.output.contains("CsvYearWriter-10") && w5early.output.contains("run that window first"), w5early.output);
        assertSameSnapshot(afterW3, snapshot(out), "a refused window writes nothing");
        assertArrayEquals(ledgerBefore, Files.readAllBytes(checkpoint), "a refused window leaves the ledger as it was");

        assertEquals(0, run(launcher, out, 3, 4, "W4").status);
        assertEquals(0, run(launcher, out, 4, 5, "W5").status);
        assertSameSnapshot(union, snapshot(out), "W1..W5 equal one export of their union, byte for byte");
        return union.size() + " files equal to the union export; SIGKILL inside W3 after " + committedAtKill + " of " + unitsInW3
                + " units; the rerun skipped " + skipped;
    }

    /** Each file holds the union file's header and rows up to exactly one window bound (never part of a window). */
    static void assertEveryFileEndsAtAWindowBound(Path out, int[] bounds) throws IOException {
        Map<String, byte[]> now = snapshot(out);
        for (Map.Entry<String, byte[]> e : now.entrySet()) {
            List<String> all = lines(union.get(e.getKey()));
            assertTrue(all != null, "unexpected file " + e.getKey());
            List<String> got = lines(e.getValue());
            boolean matches = false;
            for (int b : bounds) {
                List<String> want = new ArrayList<>(all.subList(0, 1));
                for (String row : all.subList(1, all.size())) {
                    if (java.time.OffsetDateTime.parse(row.substring(0, row.indexOf(','))).toInstant().toEpochMilli() < epoch(b)) {
                        want.add(row);
                    }
                }
                matches |= want.equals(got);
            }
            assertTrue(matches, e.getKey() + " holds part of a window");
        }
    }

    static List<String> lines(byte[] b) {
        return b == null ? null : Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n"));
    }

    static long epoch(int bound) {
        return LocalDate.parse(BOUNDS[bound], DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /** Commit lines of the window [BOUNDS[from], BOUNDS[to]) in the checkpoint. */
    static int commitsOf(Path checkpoint, int from, int to) throws IOException {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        String window = "\"window\":[" + epoch(from) + "," + epoch(to) + "]";
        int n = 0;
        for (String line : new String(Files.readAllBytes(checkpoint), StandardCharsets.UTF_8).split("\n")) {
            n += line.startsWith("{\"type\":\"commit\"") && line.contains(window) ? 1 : 0;
        }
        return n;
    }

    static final class Child {
        final Process process;
        final Path log;

        Child(Process process, Path log) {
            this.process = process;
            this.log = log;
        }
    }

    Child start(Launcher launcher, Path out, int from, int to, String name) throws IOException {
        Path jobFile = work.resolve(name + ".json");
        Files.write(jobFile, job(out, BOUNDS[from], BOUNDS[to], true).getBytes(StandardCharsets.UTF_8));
        Path log = work.resolve(name + ".log");
        Process p = new ProcessBuilder(launcher.command(jobFile)).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Child(p, log);
    }

    DataxInstall.Result run(Launcher launcher, Path out, int from, int to, String name) throws Exception {
        Child c = start(launcher, out, from, to, name);
        return DataxInstall.finish(c.process, c.log);
    }

    static void assertSameSnapshot(Map<String, byte[]> want, Map<String, byte[]> got, String what) {
        assertEquals(want.keySet(), got.keySet(), what);
        for (Map.Entry<String, byte[]> e : want.entrySet()) {
            assertArrayEquals(e.getValue(), got.get(e.getKey()), what + ": " + e.getKey());
        }
    }

    /** Relative path -> bytes of every file under out outside .otsrange/. */
    static Map<String, byte[]> snapshot(Path out) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        if (!Files.exists(out)) {
            return m;
        }
        Path state = out.resolve(".otsrange");
        Files.walkFileTree(out, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(state) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) throws IOException {
                m.put(out.relativize(p).toString(), Files.readAllBytes(p));
                return FileVisitResult.CONTINUE;
            }
        });
        return m;
    }
}
