package com.otsrange.e2e;

import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Transient faults (retried, output byte-identical to a clean run) and persistent ones (the job
 * fails with a clear error, no partial file, and a resume run completes once the cause is gone).
 */
abstract class FaultsTest {
    static E2e e2e;
    static Dataset data;
    static Map<String, byte[]> clean;
    static Path cleanDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path shared, TestInfo suite) throws Exception {
        e2e = E2e.forSuite(suite.getTestClass().get());
        data = Dataset.generate("faulty", 21, 10, 60);
        data.load(e2e);
        cleanDir = shared.resolve("clean");
        RunResult r = E2e.run(job(cleanDir, false));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        clean = E2e.snapshot(cleanDir);
        assertEquals(data.expectedFiles(java.time.ZoneId.of("UTC")).size(), clean.size());
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    @AfterEach
    void noFaults() {
        e2e.faults("none");
    }

    static JSONObject job(Path out, boolean resume) {
        JSONObject reader = e2e.reader(data.table, data.taskKeys(), Dataset.COLUMNS);
        e2e.smallAnswers(reader, 20);
        reader.put("maxRetries", 100);
        if (resume) {
            reader.put("resume", true);
        }
        return E2e.job(reader, E2e.writer(out), 2);
    }

    /** Each kind at 20 % and mixes up to 20 % (+ slow): same bytes, exit 0, retries logged with the cause. */
    @ParameterizedTest
    @ValueSource(strings = {
        "busy=0.2,seed=1|OTSServerBusy",
        "timeout=0.2,seed=2|OTSTimeout",
        "throttle=0.2,seed=3|OTSQuotaExhausted",
        "reset=0.2,seed=4|network/client error",
        "slow=0.2,slowMs=30,seed=5|",
        "busy=0.06,timeout=0.05,throttle=0.05,reset=0.04,slow=0.05,slowMs=20,seed=6|OTSServerBusy",
        "busy=0.05,timeout=0.05,throttle=0.05,reset=0.05,slow=0.1,slowMs=10,seed=7,actions=READ|OTSTimeout",
    })
    void transientFaultsChangeNothing(String caseText) throws Exception {
        String spec = caseText.split("\\|", -1)[0].replace("actions=READ", "actions=" + e2e.readAction());
        String cause = caseText.split("\\|", -1)[1];
        long faultsBefore = e2e.emulator.stats().totalFaults();
        e2e.faults(spec);
        Path out = dir.resolve("out");
        E2e.Captured c = E2e.runCaptured(job(out, false));
        e2e.faults("none");
        assertTrue(c.result.succeeded(), spec + ": " + c.result.failure());
        assertEquals(0, c.result.exitCode());
        long injected = e2e.emulator.stats().totalFaults() - faultsBefore;
        assertTrue(injected >= 5, spec + ": only " + injected + " faults were injected; the test would prove nothing");
        assertEquals("", E2e.diff(clean, E2e.snapshot(out)), spec);
        if (!cause.isEmpty()) {
            assertTrue(c.output.contains("retry") && c.output.contains(cause), spec + ": no retry logged with cause " + cause);
        }
        assertFalse(c.output.contains(E2e.SECRET));
    }

    @Test
    void wrongAccessKeyFailsFastThenResumeCompletes() throws Exception {
        Path out = dir.resolve("auth");
        JSONObject bad = job(out, true);
        E2e.readerOf(bad).put("accessKey", "wrong-" + E2e.SECRET);
        E2e.Captured c = E2e.runCaptured(bad);
        assertFalse(c.result.succeeded());
        assertEquals("OtsRangeReader-04", c.result.errorCode(), c.result.errorMessage());
        assertTrue(c.result.errorMessage().contains("accessKey"), c.result.errorMessage());
        assertEquals(0, E2e.allPaths(out).size(), "nothing written: " + E2e.allPaths(out));
        assertFalse(c.output.contains(E2e.SECRET), "the key never appears in logs");
        RunResult ok = E2e.run(job(out, true));
        assertTrue(ok.succeeded(), String.valueOf(ok.failure()));
        assertEquals("", E2e.diff(clean, E2e.snapshot(out)));
    }

    @Test
    void tableDeletedMidRunFailsThenResumeCompletes() throws Exception {
        Path out = dir.resolve("deleted");
        e2e.faults("slow=1,slowMs=40,actions=" + e2e.readAction());
        AtomicBoolean deleted = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            try {
                while (!deleted.get()) {
                    if (E2e.snapshot(out).size() >= 3) {
                        e2e.deleteTable(data.table);
                        deleted.set(true);
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        RunResult r;
        try {
            r = E2e.run(job(out, true));
        } finally {
            deleted.set(true);
            watcher.join();
            e2e.faults("none");
        }
        try {
            assertFalse(r.succeeded(), "the table vanished mid-run");
            assertEquals("OtsRangeReader-03", r.errorCode(), r.errorMessage());
            assertTrue(r.errorMessage().contains(data.table), r.errorMessage());
            Map<String, byte[]> partial = E2e.snapshot(out);
            assertTrue(partial.size() < clean.size(), "failed before the end");
            for (Map.Entry<String, byte[]> f : partial.entrySet()) {
                assertTrue(java.util.Arrays.equals(clean.get(f.getKey()), f.getValue()), "partial final file " + f.getKey());
            }
        } finally {
            if (!e2e.client.listTable().getTableNames().contains(data.table)) {
                data.load(e2e);
            }
        }
        RunResult ok = E2e.run(job(out, true));
        assertTrue(ok.succeeded(), String.valueOf(ok.failure()));
        assertEquals("", E2e.diff(clean, E2e.snapshot(out)));
    }

    @Test
    void blockedOutputFolderFailsThenResumeCompletes() throws Exception {
        Path refDir = dir.resolve("ref");
        JSONObject ref = job(refDir, false);
        E2e.writerOf(ref).put("fileName", "{year}/{partition_key}.csv");
        assertTrue(E2e.run(ref).succeeded());
        Map<String, byte[]> expected = E2e.snapshot(refDir);

        Path out = dir.resolve("blocked");
        Files.createDirectories(out);
        Files.write(out.resolve("2023"), new byte[] {'x'});
        JSONObject j = job(out, true);
        E2e.writerOf(j).put("fileName", "{year}/{partition_key}.csv");
        RunResult r = E2e.run(j);
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-06", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("2023"), r.errorMessage());
        for (Map.Entry<String, byte[]> f : E2e.snapshot(out).entrySet()) {
            if (!f.getKey().equals("2023")) {
                assertTrue(java.util.Arrays.equals(expected.get(f.getKey()), f.getValue()), "partial final file " + f.getKey());
            }
        }
        Files.delete(out.resolve("2023"));
        RunResult ok = E2e.run(j);
        assertTrue(ok.succeeded(), String.valueOf(ok.failure()));
        assertEquals("", E2e.diff(expected, E2e.snapshot(out)));
    }

    /** Disk full on path: a small tmpfs (root only; skipped elsewhere). */
    @Test
    void diskFullFailsThenResumeCompletes() throws Exception {
        Path mnt = dir.resolve("tmpfs");
        Files.createDirectories(mnt);
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=40k", "tmpfs", mnt.toString()) == 0, "cannot mount a tmpfs (not root?)");
        try {
            long total = clean.values().stream().mapToLong(b -> b.length).sum();
            assertTrue(total > 80_000, "the export must not fit: " + total);
            Path out = mnt.resolve("out");
            RunResult r = E2e.run(job(out, true));
            assertFalse(r.succeeded());
            assertEquals("CsvYearWriter-06", r.errorCode(), r.errorMessage());
            assertTrue(r.errorMessage().toLowerCase(Locale.ROOT).contains("space"), r.errorMessage());
            for (Map.Entry<String, byte[]> f : E2e.snapshot(out).entrySet()) {
                assertTrue(java.util.Arrays.equals(clean.get(f.getKey()), f.getValue()), "partial final file " + f.getKey());
            }
            assertEquals(0, exec("mount", "-o", "remount,size=16m", mnt.toString()));
            RunResult ok = E2e.run(job(out, true));
            assertTrue(ok.succeeded(), String.valueOf(ok.failure()));
            assertEquals("", E2e.diff(clean, E2e.snapshot(out)));
        } finally {
            exec("umount", mnt.toString());
        }
    }

    static int exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new java.io.File("/dev/null")).start();
        return p.waitFor();
    }
}
