package com.otsrange.testkit;

import com.alibaba.fastjson.JSON;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds otsrangereader -> collectwriter jobs and runs them in the local runner. */
public final class Jobs {
    private static int counter;

    static {
        // the real reader needs no registration: its plugin.json is on the test classpath
        LocalRunner.registerPlugin(PluginType.WRITER, "collectwriter", CollectWriter.class.getName());
    }

    private Jobs() {
    }

    /** Reader parameter with the emulator's connection and table filled in. */
    public static Map<String, Object> reader(Emu emu, String table) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("endpoint", emu.endpoint());
        p.put("accessId", Emu.ID);
        p.put("accessKey", Emu.SECRET);
        p.put("instanceName", Emu.INSTANCE);
        p.put("table", table);
        p.put("readApi", emu.readApi);
        return p;
    }

    public static final class Outcome {
        public final RunResult result;
        public final List<CollectWriter.Captured> records;

        Outcome(RunResult result, List<CollectWriter.Captured> records) {
            this.result = result;
            this.records = records;
        }
    }

    public static Outcome run(Map<String, Object> reader, int channels) {
        return run(reader, channels, "collectwriter", new LinkedHashMap<String, Object>());
    }

    public static synchronized Outcome run(Map<String, Object> reader, int channels, String writerName, Map<String, Object> writerParam) {
        String sink = "sink-" + (++counter);
        Map<String, Object> wp = new LinkedHashMap<>(writerParam);
        if ("collectwriter".equals(writerName)) {
            wp.put("sink", sink);
        }
        String json = "{\"core\":{\"container\":{\"job\":{\"sleepInterval\":50}}},\"job\":{\"setting\":{\"speed\":{\"channel\":" + channels
                + "}},\"content\":[{\"reader\":{\"name\":\"otsrangereader\",\"parameter\":" + JSON.toJSONString(reader)
                + "},\"writer\":{\"name\":\"" + writerName + "\",\"parameter\":" + JSON.toJSONString(wp) + "}}]}}";
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(json);
        return new Outcome(r, CollectWriter.take(sink));
    }
}
