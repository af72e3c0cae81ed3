package com.otsrange.e2e;

import com.alibaba.fastjson.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access key never appears in any output: in-process logs, child JVM stdout/stderr, error
 * messages and exception texts, files under path (output, manifest, checkpoint), succeeding or failing.
 */
class SecretsTest {
    static E2e e2e;
    static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        data = Dataset.generate("secret", 51, 2, 10);
        data.load(e2e);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String trace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString() + t;
    }

    /** Every byte under path (with .otsrange/) as text. */
    static String everything(Path path) throws Exception {
        StringBuilder sb = new StringBuilder();
        if (Files.exists(path)) {
            try (java.util.stream.Stream<Path> s = Files.walk(path)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    sb.append(p).append('\n');
                    if (Files.isRegularFile(p)) {
                        sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    List<JSONObject> jobs(Path out) throws Exception {
        List<JSONObject> jobs = new ArrayList<>();
        jobs.add(job(out, r -> { }, w -> { }));                                           // succeeds
        jobs.add(job(out, r -> r.put("resume", true), w -> w.put("nullFormat", "N")));    // refused resume
        jobs.add(job(out, r -> r.put("accessKey", E2e.SECRET + "x"), w -> { }));          // auth failure (key is a prefix)
        jobs.add(job(out, r -> r.put("accessId", "nobody"), w -> { }));                   // unknown id
        jobs.add(job(out, r -> r.put("tabel", "x"), w -> { }));                           // config error
        jobs.add(job(out, r -> r.put("table", "missing"), w -> { }));                     // table not found
        int port = closedPort();
        jobs.add(job(out, r -> {
            r.put("endpoint", "http://127.0.0.1:" + port);
            r.put("maxRetries", 1);
        }, w -> { }));                                                                     // network down
        jobs.add(job(out, r -> { }, w -> w.put("fileName", "../{partition_key}_{year}.csv")));
        return jobs;
    }

    interface Edit {
        void apply(JSONObject o);
    }

    JSONObject job(Path out, Edit reader, Edit writer) {
        JSONObject r = e2e.reader(data.table, data.taskKeys(), Dataset.COLUMNS);
        reader.apply(r);
        JSONObject w = E2e.writer(out);
        writer.apply(w);
        return E2e.job(r, w, 2);
    }

    @Test
    void inProcessRunsNeverShowTheKey() throws Exception {
        Path out = dir.resolve("out");
        int failed = 0;
        for (JSONObject j : jobs(out)) {
            E2e.Captured c = E2e.runCaptured(j);
            failed += c.result.succeeded() ? 0 : 1;
            String all = c.output + "\n" + c.result.errorMessage() + "\n" + trace(c.result.failure()) + "\n" + c.result.summary();
            assertFalse(all.contains(E2e.SECRET), "the key leaked in the output of " + j.toJSONString().replace(E2e.SECRET, "***")
                    + ":\n" + all.replace(E2e.SECRET, "<<<KEY>>>"));
        }
        assertEquals(7, failed, "all but the first job fail");
        String files = everything(out);
        assertTrue(files.contains("checkpoint.log") && files.contains("manifest.json"));
        assertFalse(files.contains(E2e.SECRET), "the key is in a file under path");
    }

    @Test
    void childJvmRunsNeverShowTheKey() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path out = dir.resolve("child-out");
        Path jobsDir = dir.resolve("jobs");
        Files.createDirectories(jobsDir);
        int n = 0;
        int failed = 0;
        List<JSONObject> jobs = jobs(out);
        // one more: the key only in the environment
        JSONObject env = job(out, r -> r.remove("accessKey"), w -> { });
        jobs.add(env);
        for (JSONObject j : jobs) {
            Path jobFile = jobsDir.resolve("job" + (n++) + ".json");
            Files.write(jobFile, j.toJSONString().getBytes(StandardCharsets.UTF_8));
            Path log = dir.resolve("child" + n + ".log");
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", cp, "com.otsrange.runner.RunnerMain", "run",
                    jobFile.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("OTS_ACCESS_KEY", E2e.SECRET);
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            failed += p.exitValue() == 0 ? 0 : 1;
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertFalse(text.contains(E2e.SECRET), "key leaked by " + jobFile + ":\n" + text.replace(E2e.SECRET, "<<<KEY>>>"));
        }
        assertEquals(7, failed);
        assertFalse(everything(out).contains(E2e.SECRET));
    }
}
