package com.otsrange.writer;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import com.otsrange.testkit.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Test helpers: job JSON, running, reading output back. */
final class Jobs {
    private Jobs() {
    }

    /** What the writer reads of a paired reader's parameter besides the test keys: a table and tasks (the stand-in ignores them). */
    static JSONObject readerParameter(String table) {
        JSONObject reader = new JSONObject(true);
        reader.put("table", table);
        reader.put("tasks", JSON.parseObject("{\"source\": \"inline\", \"definitions\": {\"k\": [\"v\"]}}"));
        return reader;
    }

    static JSONObject paired(String scenario, Path out, int channels) {
        JSONObject reader = readerParameter("sensor");
        reader.put("scenario", scenario);
        JSONObject writer = new JSONObject(true);
        writer.put("path", out.toString());
        return job("otsrangereader", reader, writer, channels);
    }

    static JSONObject job(String readerName, JSONObject readerParam, JSONObject writerParam, int channels) {
        JSONObject r = new JSONObject(true);
        r.put("name", readerName);
        r.put("parameter", readerParam);
        JSONObject w = new JSONObject(true);
        w.put("name", "csvyearwriter");
        w.put("parameter", writerParam);
        JSONObject content = new JSONObject(true);
        content.put("reader", r);
        content.put("writer", w);
        JSONObject setting = new JSONObject(true);
        setting.put("speed", new JSONObject().fluentPut("channel", channels));
        setting.put("errorLimit", new JSONObject().fluentPut("record", 100));
        JSONObject job = new JSONObject(true);
        job.put("setting", setting);
        List<Object> contents = new ArrayList<>();
        contents.add(content);
        job.put("content", contents);
        return new JSONObject(true).fluentPut("job", job);
    }

    static JSONObject reader(JSONObject job) {
        return job.getJSONObject("job").getJSONArray("content").getJSONObject(0).getJSONObject("reader").getJSONObject("parameter");
    }

    static JSONObject writer(JSONObject job) {
        return job.getJSONObject("job").getJSONArray("content").getJSONObject(0).getJSONObject("writer").getJSONObject("parameter");
    }

    static RunResult run(JSONObject job) {
        LocalRunner.registerPlugin(PluginType.READER, "otsrangereader", TestOtsReader.class.getName());
        return new LocalRunner(RunOptions.quiet()).runJson(job.toJSONString());
    }

    /** Relative name -> file, for every file under out outside .otsrange. */
    static Map<String, Path> outputFiles(Path out) throws IOException {
        if (!Files.exists(out)) {
            return new TreeMap<>();
        }
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !out.relativize(p).toString().startsWith(".otsrange"))
                    .collect(Collectors.toMap(p -> out.relativize(p).toString(), p -> p, (a, b) -> a, TreeMap::new));
        }
    }

    /** Every output file's bytes by relative name (bookkeeping left out). */
    static Map<String, byte[]> contents(Path out) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        for (Map.Entry<String, Path> e : outputFiles(out).entrySet()) {
            m.put(e.getKey(), Files.readAllBytes(e.getValue()));
        }
        return m;
    }

    /**
     * Parses a file back: empty quoted fields are "", an unquoted empty field is null (missing).
     * The first list is the header.
     */
    static List<List<String>> parse(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return Csv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
