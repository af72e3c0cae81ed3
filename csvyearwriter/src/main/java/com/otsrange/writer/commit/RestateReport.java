package com.otsrange.writer.commit;

import com.otsrange.writer.state.RestatePlan;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.TimeWindow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one unit the run was handed over for restatement (issue 21), for the log and
 * {@code manifest.json}: written by the writer task that committed it (or by the Job's post for a
 * unit no task received) into {@code tmp/restated/}, read by the Job's post.
 */
public final class RestateReport {
    static final String DIR = "restated";

    /** What was done to the file. */
    enum Outcome {
        /** rewritten from the restated window on */
        RESTATED("restated"),
        /** cut back to the bytes before the restated windows: they hold no rows now */
        TRUNCATED("truncated"),
        /** removed: the key-period holds no rows now */
        DELETED("deleted"),
        /** a lookback found the same bytes: not restated (this run's window may have been appended) */
        UNCHANGED("unchanged");

        final String text;

        Outcome(String text) {
            this.text = text;
        }
    }

    final String unit;
    final String file;
    final Outcome outcome;
    final long from;
    final long coveredTo;
    final String mode;
    final long records;
    final RowDiff diff;
    /** Rows this run's window added to the file (appended after the restated windows). */
    final long appended;

    RestateReport(String unit, String file, Outcome outcome, long from, long coveredTo, String mode, long records, RowDiff diff,
                  long appended) {
        this.unit = unit;
        this.file = file;
        this.outcome = outcome;
        this.from = from;
        this.coveredTo = coveredTo;
        this.mode = mode;
        this.records = records;
        this.diff = diff;
        this.appended = appended;
    }

    static RestateReport of(RestatePlan.Unit u, String file, Outcome outcome, RowDiff diff, long appended) {
        return new RestateReport(u.unit(), file, outcome, u.restateFrom(), u.coveredTo(), u.compare() ? "lookback" : "stream",
                u.records(), diff, appended);
    }

    public void write(Path tmpDir, String name) throws IOException {
        Path dir = tmpDir.resolve(DIR);
        Files.createDirectories(dir);
        JSONObject o = new JSONObject(true);
        o.put("unit", unit);
        o.put("file", file);
        o.put("outcome", outcome.name());
        o.put("from", from);
        o.put("coveredTo", coveredTo);
        o.put("mode", mode);
        o.put("records", records);
        o.put("added", diff.added);
        o.put("removed", diff.removed);
        o.put("changed", diff.changed);
        o.put("approximate", diff.approximate);
        o.put("appended", appended);
        AtomicFiles.write(dir.resolve(name + ".json"), o.toJSONString().getBytes(StandardCharsets.UTF_8));
    }

    /** Unit id -> report, of every report in {@code tmpDir}. */
    static Map<String, RestateReport> readAll(Path tmpDir) throws IOException {
        Map<String, RestateReport> out = new TreeMap<>();
        Path dir = tmpDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                JSONObject o = JSON.parseObject(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                RowDiff d = RowDiff.counts(o.getLongValue("added"), o.getLongValue("removed"), o.getLongValue("changed"),
                        o.getBooleanValue("approximate"));
                RestateReport r = new RestateReport(o.getString("unit"), o.getString("file"), Outcome.valueOf(o.getString("outcome")),
                        o.getLongValue("from"), o.getLongValue("coveredTo"), o.getString("mode"), o.getLongValue("records"), d,
                        o.getLongValue("appended"));
                out.put(r.unit, r);
            }
        }
        return out;
    }

    /** The manifest entry: file, what was done, windows restated (those of {@code windows} in [from, coveredTo)), counts. */
    JSONObject toManifest(List<TimeWindow> windows, SortKeyLiteral literal) {
        JSONObject o = new JSONObject(true);
        o.put("file", file);
        o.put("unit", unit);
        o.put("outcome", outcome.text);
        o.put("why", "lookback".equals(mode) ? "lookback" : records + " changed record(s) in the stream");
        o.put("from", literal.text(from));
        List<JSONObject> ws = new ArrayList<>();
        for (TimeWindow w : windows) {
            TimeWindow cut = w.intersect(TimeWindow.of(from, coveredTo));
            if (cut != null) {
                JSONObject j = new JSONObject(true);
                j.put("from", cut.from());
                j.put("to", cut.to());
                j.put("text", cut.text(literal));
                ws.add(j);
            }
        }
        o.put("windows", ws);
        o.put("rowsAdded", diff.added);
        o.put("rowsRemoved", diff.removed);
        o.put("rowsChanged", diff.changed);
        if (diff.approximate) {
            o.put("approximate", true);
        }
        o.put("rowsAppendedByThisWindow", appended);
        return o;
    }

    /** One line for the run's log. */
    String logLine(SortKeyLiteral literal) {
        return file + ": " + outcome.text + " from " + literal.text(from) + " (" + ("lookback".equals(mode) ? "lookback"
                : records + " changed record(s)") + "): " + diff.added + " row(s) added, " + diff.removed + " removed, "
                + diff.changed + " changed" + (diff.approximate ? " (approximate)" : "")
                + (appended > 0 ? "; " + appended + " row(s) of this run's window appended" : "");
    }
}
