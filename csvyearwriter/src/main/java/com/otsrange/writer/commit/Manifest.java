package com.otsrange.writer.commit;

import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.state.IncrementalRun;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.serializer.SerializerFeature;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.FileLine;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.StateDir;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitOffsets;
import com.otsrange.common.WindowLedger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code manifest.json}: every file the job committed (this run and resumed runs), totals, timing;
 * in incremental mode also the windows each file holds, the committed windows, gaps and what
 * this run decided.
 */
public final class Manifest {
    private Manifest() {
    }

    /**
     * @param checkpoint   the checkpoint as the Job's post read it, with every line post appended
     * @param incremental  incremental mode's decision for this run, or null
     * @param restatements what this run restated (the reader's changes), or null
     */
    public static void write(WriterSpec spec, CheckpointSnapshot checkpoint, Set<String> unitsBeforeRun, IncrementalRun incremental, Restatements restatements,
                      long startMillis, long endMillis) throws IOException {
        Path state = spec.stateDir();
        List<JSONObject> files = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        int earlier = 0;
        JSONObject windows = null;
        if (incremental == null) {
            for (FileLine e : checkpoint.committed().values()) {
                boolean before = unitsBeforeRun.contains(e.unit());
                files.add(file(e, e.rows(), before));
                earlier += before ? 1 : 0;
                rows += Math.max(0, e.rows());
                bytes += Math.max(0, e.bytes());
            }
        } else {
            WindowLedger ledger = checkpoint.ledger();
            SortKeyLiteral literal = incremental.literal();
            TimeWindow thisRun = incremental.decision().window();
            Map<Long, TimeWindow> byEnd = new java.util.HashMap<>();
            for (TimeWindow w : ledger.done()) {
                byEnd.put(w.to(), w);
            }
            if (thisRun != null) {
                byEnd.put(thisRun.to(), thisRun);
            }
            Set<String> restatedNow = new java.util.HashSet<>(restatements == null
                    ? java.util.Collections.<String>emptyList() : restatements.unitsChanged());
            for (Map.Entry<String, List<FileLine>> u : ledger.commitsByUnit().entrySet()) {
                UnitOffsets offsets = UnitOffsets.replay(u.getValue());
                if (!offsets.hasFile()) {
                    continue; // removed by a restatement: the key-period holds no rows
                }
                List<FileLine> commits = u.getValue();
                FileLine last = commits.get(commits.size() - 1);
                boolean changedNow = restatedNow.contains(u.getKey());
                for (FileLine c : commits) {
                    changedNow |= thisRun != null && thisRun.equals(c.window()) && !unitsBeforeRun.contains(u.getKey());
                }
                List<JSONObject> held = new ArrayList<>();
                for (Map.Entry<Long, long[]> w : offsets.windows().entrySet()) {
                    TimeWindow tw = byEnd.get(w.getKey());
                    JSONObject j = tw == null ? new JSONObject(true) : window(tw, literal);
                    if (tw == null) {
                        j.put("to", w.getKey());
                    }
                    j.put("rows", w.getValue()[1]);
                    held.add(j);
                }
                JSONObject f = file(last, offsets.rows(), !changedNow);
                f.put("windows", held);
                files.add(f);
                earlier += changedNow ? 0 : 1;
                rows += offsets.rows();
                bytes += Math.max(0, last.bytes());
            }
            windows = ledgerSection(ledger, incremental, literal);
            earlier = unitsBeforeRun.size();
        }
        JSONObject m = new JSONObject(true);
        m.put("table", spec.table());
        m.put("shard", spec.shard().toString());
        m.put("path", spec.path().toString());
        m.put("writeMode", spec.writeMode().text());
        m.put("startedAt", Instant.ofEpochMilli(startMillis).toString());
        m.put("finishedAt", Instant.ofEpochMilli(endMillis).toString());
        m.put("durationMs", endMillis - startMillis);
        if (windows != null) {
            m.put("incremental", windows);
        }
        if (restatements != null) {
            restatements.toManifest(m, incremental.literal());
        }
        JSONObject totals = new JSONObject(true);
        totals.put("files", files.size());
        totals.put("rows", rows);
        totals.put("bytes", bytes);
        int changed = 0;
        for (JSONObject f : files) {
            changed += "this".equals(f.getString("run")) ? 1 : 0;
        }
        totals.put("unitsExportedThisRun", incremental == null ? files.size() - earlier : changed);
        totals.put("unitsSkippedAsCommittedEarlier", earlier);
        m.put("totals", totals);
        m.put("files", files);
        AtomicFiles.write(state.resolve(StateDir.MANIFEST),
                JSONObject.toJSONString(m, SerializerFeature.PrettyFormat, SerializerFeature.WriteMapNullValue).getBytes(StandardCharsets.UTF_8));
    }

    private static JSONObject file(FileLine e, long rows, boolean earlier) {
        JSONObject f = new JSONObject(true);
        f.put("file", e.file());
        f.put("unit", e.unit());
        f.put("rows", rows);
        f.put("bytes", e.bytes());
        f.put("sha256", e.sha256());
        f.put("run", earlier ? "earlier" : "this");
        return f;
    }

    private static JSONObject ledgerSection(WindowLedger ledger, IncrementalRun incremental, SortKeyLiteral literal) {
        WindowLedger.Decision d = incremental.decision();
        JSONObject run = new JSONObject(true);
        run.put("decision", d.label());
        run.put("requested", d.requested() == null ? null : window(d.requested(), literal));
        run.put("window", d.window() == null ? null : window(d.window(), literal));
        run.put("gap", d.gap() == null ? null : window(d.gap(), literal));
        run.put("message", d.message());
        JSONObject s = new JSONObject(true);
        s.put("timeUnit", literal.unit().text());
        s.put("timeZone", literal.zone().getId());
        s.put("thisRun", run);
        s.put("windows", windows(ledger.done(), literal));
        s.put("committed", windows(ledger.committed(), literal));
        s.put("gaps", windows(ledger.gaps(), literal));
        s.put("incomplete", ledger.incomplete() == null ? null : window(ledger.incomplete(), literal));
        return s;
    }

    private static List<JSONObject> windows(List<TimeWindow> ws, SortKeyLiteral literal) {
        List<JSONObject> out = new ArrayList<>();
        for (TimeWindow w : ws) {
            out.add(window(w, literal));
        }
        return out;
    }

    private static JSONObject window(TimeWindow w, SortKeyLiteral literal) {
        JSONObject o = new JSONObject(true);
        o.put("from", w.from());
        o.put("to", w.to());
        o.put("text", w.text(literal));
        return o;
    }
}
