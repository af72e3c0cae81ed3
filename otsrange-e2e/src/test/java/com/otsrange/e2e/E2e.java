package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import com.otsrange.testkit.Csv;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.OnReadApi;
import com.otsrange.testkit.Rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * End-to-end support: the emulator fixture ({@link Emu}: tables and rows are loaded through
 * BatchWriteRow), real otsrangereader -> csvyearwriter jobs, and output snapshots.
 */
public final class E2e extends Emu {

    public E2e() throws Exception {
        this(null);
    }

    /** For a suite that runs on both read paths: the suite class's {@link OnReadApi}, the reader's default without one. */
    public static E2e forSuite(Class<?> suite) throws Exception {
        return new E2e(readApiOf(suite, null));
    }

    public E2e(String readApi) throws Exception {
        super(readApi);
    }

    /** @param streamShards the shards a newly enabled Stream starts with (the emulator's default is 1) */
    public E2e(String readApi, int streamShards) throws Exception {
        super(readApi, java.util.Collections.<String>emptySet(), streamShards);
    }

    /**
     * Makes every answer hold about {@code rows} rows on either path: GetRange's pageSize in the
     * reader parameter and the emulator's BulkExport answer size (which the service decides).
     */
    public void smallAnswers(JSONObject reader, int rows) {
        reader.put("pageSize", rows);
        emulator.setBulkExportRowsPerAnswer(rows);
    }

    /** Reader parameter: connection, table, inline tasks (every key gets the same columns). */
    public JSONObject reader(String table, List<?> keys, List<String> columns) {
        JSONObject p = new JSONObject(true);
        p.put("endpoint", endpoint());
        p.put("accessId", ID);
        p.put("accessKey", SECRET);
        p.put("instanceName", INSTANCE);
        p.put("table", table);
        if (readApi != null) {
            p.put("readApi", readApi);
        }
        JSONObject defs = new JSONObject(true);
        for (Object k : keys) {
            defs.put(String.valueOf(k), new JSONArray(new ArrayList<Object>(columns)));
        }
        JSONObject tasks = new JSONObject(true);
        tasks.put("source", "inline");
        tasks.put("definitions", defs);
        p.put("tasks", tasks);
        // fast retries: fault tests inject many failures
        p.put("retryInitialDelayMs", 1);
        p.put("retryMaxDelayMs", 20);
        return p;
    }

    public static JSONObject writer(Path out) {
        JSONObject w = new JSONObject(true);
        w.put("path", out.toString());
        return w;
    }

    public static JSONObject job(JSONObject reader, JSONObject writer, int channels) {
        JSONObject r = new JSONObject(true).fluentPut("name", "otsrangereader").fluentPut("parameter", reader);
        JSONObject w = new JSONObject(true).fluentPut("name", "csvyearwriter").fluentPut("parameter", writer);
        JSONObject content = new JSONObject(true).fluentPut("reader", r).fluentPut("writer", w);
        JSONObject setting = new JSONObject(true);
        setting.put("speed", new JSONObject().fluentPut("channel", channels));
        JSONObject job = new JSONObject(true);
        job.put("setting", setting);
        job.put("content", new JSONArray(new ArrayList<Object>(Arrays.asList(content))));
        JSONObject core = JSON.parseObject("{\"container\":{\"job\":{\"sleepInterval\":100}}}");
        return new JSONObject(true).fluentPut("core", core).fluentPut("job", job);
    }

    public static JSONObject readerOf(JSONObject job) {
        return job.getJSONObject("job").getJSONArray("content").getJSONObject(0).getJSONObject("reader").getJSONObject("parameter");
    }

    public static JSONObject writerOf(JSONObject job) {
        return job.getJSONObject("job").getJSONArray("content").getJSONObject(0).getJSONObject("writer").getJSONObject("parameter");
    }

    /** Runs in this JVM with the real plugins (the runner finds them by their plugin.json on the classpath). */
    public static RunResult run(JSONObject job) {
        return run(job.toJSONString());
    }

    public static RunResult run(String json) {
        return new LocalRunner(RunOptions.quiet()).runJson(json);
    }

    /** A run with everything this JVM prints to stderr/stdout meanwhile (slf4j-simple logs to stderr). */
    public static final class Captured {
        public final RunResult result;
        public final String output;

        Captured(RunResult result, String output) {
            this.result = result;
            this.output = output;
        }
    }

    public static Captured runCaptured(JSONObject job) {
        return runCaptured(job.toJSONString());
    }

    public static synchronized Captured runCaptured(String job) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new Tee(buf, oldErr), true);
        System.setErr(tee);
        System.setOut(tee);
        RunResult r;
        try {
            r = run(job);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return new Captured(r, new String(buf.toByteArray(), StandardCharsets.UTF_8));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }

    /** Relative path -> content of every file under out outside .otsrange/. */
    public static Map<String, byte[]> snapshot(Path out) throws IOException {
        final Map<String, byte[]> m = new TreeMap<>();
        if (!Files.exists(out)) {
            return m;
        }
        // .otsrange/ is not walked at all: a running writer creates and renames temp files there, and
        // Files.walk fails on an entry that vanishes between listing and reading its attributes
        final Path state = out.resolve(".otsrange");
        Files.walkFileTree(out, new java.nio.file.SimpleFileVisitor<Path>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                return dir.equals(state) ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    m.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return m;
    }

    /** Every path (files and folders) under dir, relative; for "nothing was written" checks. */
    public static List<String> allPaths(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Asserts-friendly text of a snapshot difference (names and sizes only). */
    public static String diff(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        StringBuilder sb = new StringBuilder();
        for (String k : expected.keySet()) {
            if (!actual.containsKey(k)) {
                sb.append("missing ").append(k).append('\n');
            } else if (!Arrays.equals(expected.get(k), actual.get(k))) {
                sb.append("differs ").append(k).append(" (").append(expected.get(k).length).append(" vs ")
                        .append(actual.get(k).length).append(" bytes)\n");
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                sb.append("extra ").append(k).append('\n');
            }
        }
        return sb.toString();
    }

    public static boolean sameSnapshot(Map<String, byte[]> a, Map<String, byte[]> b) {
        return diff(a, b).isEmpty();
    }

    /** Parses CSV text back: a missing cell (unquoted empty) is null, an empty string "". Header first. */
    public static List<List<String>> parse(byte[] content) throws IOException {
        return Csv.parse(content);
    }

    /** File-name encoding of a key as CONTRACT.md section 5 states it, written independently ({@link Rules}). */
    public static String encodeKey(String key) {
        return Rules.encodeKey(key);
    }
}
