package com.otsrange.writer;

import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.serializer.SerializerFeature;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.StateDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code manifest.json}: every file the job committed (this run and resumed runs), totals, timing. */
final class Manifest {
    private Manifest() {
    }

    static void write(WriterSpec spec, Set<String> unitsBeforeRun, long startMillis, long endMillis) throws IOException {
        Path state = spec.stateDir();
        Map<String, CheckpointLog.Entry> committed = CheckpointLog.committed(state);
        List<JSONObject> files = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        int earlier = 0;
        for (CheckpointLog.Entry e : committed.values()) {
            JSONObject f = new JSONObject(true);
            f.put("file", e.file);
            f.put("unit", e.unit);
            f.put("rows", e.rows);
            f.put("bytes", e.bytes);
            f.put("sha256", e.sha256);
            boolean before = unitsBeforeRun.contains(e.unit);
            f.put("run", before ? "earlier" : "this");
            earlier += before ? 1 : 0;
            files.add(f);
            rows += Math.max(0, e.rows);
            bytes += Math.max(0, e.bytes);
        }
        JSONObject m = new JSONObject(true);
        m.put("table", spec.table());
        m.put("shard", spec.shard().toString());
        m.put("path", spec.path().toString());
        m.put("writeMode", spec.writeMode().text());
        m.put("startedAt", Instant.ofEpochMilli(startMillis).toString());
        m.put("finishedAt", Instant.ofEpochMilli(endMillis).toString());
        m.put("durationMs", endMillis - startMillis);
        JSONObject totals = new JSONObject(true);
        totals.put("files", files.size());
        totals.put("rows", rows);
        totals.put("bytes", bytes);
        totals.put("unitsExportedThisRun", files.size() - earlier);
        totals.put("unitsSkippedAsCommittedEarlier", earlier);
        m.put("totals", totals);
        m.put("files", files);
        Path tmp = state.resolve(StateDir.MANIFEST + ".tmp");
        Files.write(tmp, JSONObject.toJSONString(m, SerializerFeature.PrettyFormat).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.move(tmp, state.resolve(StateDir.MANIFEST));
    }
}
