package com.otsrange.writer.commit;

import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.state.IncrementalRun;
import com.otsrange.writer.state.RestatePlan;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.RestateFile;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.StreamPosition;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.WindowLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writer Job's side of restatement (issue 21): its split turns the reader's hand-over
 * ({@code tmp/restate.json}) into the plan its tasks follow ({@link RestatePlan}); its post settles
 * the units no task received (cut back or removed, {@link Restater#settleUnreceived}), then records
 * the stream position (after every restatement of the run is committed, before {@code windowDone}),
 * and reports what was restated for the log and {@code manifest.json}.
 */
public final class Restatements {
    private static final Logger LOG = LoggerFactory.getLogger(Restatements.class);

    private final RestateFile handOver;
    private final RestatePlan plan;
    private final List<RestateReport> reports = new ArrayList<>();

    private Restatements(RestateFile handOver, RestatePlan plan) {
        this.handOver = handOver;
        this.plan = plan;
    }

    /**
     * Job split (after the reader's split): the plan, written for the tasks; null when the reader handed nothing over.
     *
     * @param ledger the window ledger as the Job's prepare read it (nothing was appended since)
     */
    public static Restatements split(WriterSpec spec, IncrementalRun incremental, WindowLedger ledger) throws IOException {
        RestateFile handOver = RestateFile.read(spec.tmpDir());
        if (handOver == null) {
            return null;
        }
        RestatePlan plan = RestatePlan.of(handOver, ledger, incremental.decision().window(), spec.path());
        plan.write(spec.tmpDir());
        return new Restatements(handOver, plan);
    }

    public int unitCount() {
        return plan.units().size();
    }

    /**
     * Job post, every task done: units no task committed are settled, then the stream position is
     * recorded; a kill before that line makes the next run read the stream from the old position
     * and restate the same units again (the same bytes).
     */
    public void post(WriterSpec spec, CheckpointLog log, TimeWindow window, SortKeyLiteral literal) throws IOException {
        Map<String, RestateReport> byUnit = RestateReport.readAll(spec.tmpDir());
        Restater restater = new Restater(spec, new Committer(spec.path(), log, window));
        int n = 0;
        for (RestatePlan.Unit u : plan.units().values()) {
            if (!byUnit.containsKey(u.unit())) {
                byUnit.put(u.unit(), restater.settleUnreceived(u, spec.tmpDir(), "post-" + (n++) + ".tmp"));
            }
        }
        StreamPosition position = handOver.position();
        if (position != null) {
            log.streamPosition(position);
        }
        reports.addAll(new TreeMap<>(byUnit).values());
        LOG.info("changes: {}", summaryLine(literal));
        for (RestateReport r : reports) {
            if (r.file != null) {
                // a unit without a file that stays without one (no rows before, none now) has nothing to report
                LOG.info("changes: {}", r.logLine(literal));
            }
        }
    }

    private String summaryLine(SortKeyLiteral literal) {
        RestateFile.StreamRead read = handOver.read();
        int restated = 0;
        for (RestateReport r : reports) {
            restated += r.outcome == RestateReport.Outcome.UNCHANGED ? 0 : 1;
        }
        return handOver.changes().toJson() + ": " + (read == null ? "" : read.recordsRead() + " stream record(s) read from "
                + read.shardsRead() + " shard(s), " + read.relevantRecords() + " relevant; ") + plan.units().size()
                + " file unit(s) checked, " + restated + " restated"
                + (handOver.position() == null ? "" : "; stream position recorded at " + Instant.ofEpochMilli(handOver.position().at()));
    }

    /** manifest.json's {@code changes} (the run's summary) and {@code restated} (per file). */
    void toManifest(JSONObject manifest, SortKeyLiteral literal) {
        JSONObject c = new JSONObject(true);
        c.put("mode", handOver.changes().toJson());
        RestateFile.StreamRead read = handOver.read();
        c.put("startedAt", Instant.ofEpochMilli(handOver.startedAt()).toString());
        c.put("firstRun", read != null && read.firstRun());
        c.put("recordsRead", read == null ? 0 : read.recordsRead());
        c.put("relevantRecords", read == null ? 0 : read.relevantRecords());
        c.put("shardsRead", read == null ? 0 : read.shardsRead());
        c.put("positionFrom", read == null || read.positionFrom() == null ? null : Instant.ofEpochMilli(read.positionFrom()).toString());
        c.put("positionAt", handOver.position() == null ? null : Instant.ofEpochMilli(handOver.position().at()).toString());
        c.put("unitsChecked", plan.units().size());
        long added = 0;
        long removed = 0;
        long changed = 0;
        int restated = 0;
        List<JSONObject> files = new ArrayList<>();
        for (RestateReport r : reports) {
            if (r.outcome == RestateReport.Outcome.UNCHANGED) {
                continue;
            }
            restated++;
            added += r.diff.added;
            removed += r.diff.removed;
            changed += r.diff.changed;
            files.add(r.toManifest(plan.windows(), literal));
        }
        c.put("filesRestated", restated);
        c.put("rowsAdded", added);
        c.put("rowsRemoved", removed);
        c.put("rowsChanged", changed);
        manifest.put("changes", c);
        manifest.put("restated", files);
    }

    /** Units whose file this run changed through a restatement (for the manifest's "run"). */
    List<String> unitsChanged() {
        List<String> out = new ArrayList<>();
        for (RestateReport r : reports) {
            if (r.outcome != RestateReport.Outcome.UNCHANGED || r.appended > 0) {
                out.add(r.unit);
            }
        }
        return out;
    }
}
