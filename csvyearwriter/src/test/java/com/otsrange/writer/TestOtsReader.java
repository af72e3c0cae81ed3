package com.otsrange.writer;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.CheckpointLine;
import com.otsrange.common.FileLine;
import com.otsrange.common.PartLine;
import com.otsrange.common.CheckpointLines;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.FileParts;
import com.otsrange.common.PendingParts;
import com.otsrange.common.ParameterMap;
import com.otsrange.common.Problems;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.WindowRequest;
import com.otsrange.writer.config.Incremental;
import com.otsrange.writer.config.WriterOptions;
import com.otsrange.common.KeyText;
import com.otsrange.common.Period;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.StateDir;
import com.otsrange.common.UnitId;
import com.otsrange.common.UnitMeta;
import com.otsrange.common.WindowLedger;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for otsrangereader (registered under that name): emits the rows of a scenario in the
 * agreed record layout with meta, one list of rows per task, and skips committed units on resume
 * the way the real reader does.
 */
public class TestOtsReader extends Reader {
    static final Map<String, List<List<Row>>> SCENARIOS = new ConcurrentHashMap<>();

    /**
     * One source row: key, raw sort key, cells (header order), header, time cells (indexes into the
     * cells), and the part of its unit it is sent in (null: the unit is sent whole). Rows of one part
     * are sent contiguously and followed by an end-of-part marker, the way otsrangereader does.
     */
    static final class Row {
        final Object key;
        final long time;
        final List<Column> cells;
        final List<String> header;
        final int[] timeCells;
        final FileParts.Part part;
        /** Not a row: only the marker of a part without rows. */
        final boolean partWithoutRows;

        Row(Object key, long time, List<String> header, int[] timeCells, Column... cells) {
            this(key, time, header, timeCells, java.util.Arrays.asList(cells), null, false);
        }

        private Row(Object key, long time, List<String> header, int[] timeCells, List<Column> cells, FileParts.Part part,
                    boolean partWithoutRows) {
            this.key = key;
            this.time = time;
            this.header = header;
            this.timeCells = timeCells;
            this.cells = cells;
            this.part = part;
            this.partWithoutRows = partWithoutRows;
        }

        /** This row sent as a row of {@code p}. */
        Row inPart(FileParts.Part p) {
            return new Row(key, time, header, timeCells, cells, p, false);
        }

        /** Part {@code p} of this row's unit sent without rows (only its marker). */
        Row emptyPart(FileParts.Part p) {
            return new Row(key, time, header, timeCells, cells, p, true);
        }

        String keyText() {
            if (key instanceof Long) {
                return KeyText.ofLong((Long) key);
            }
            if (key instanceof byte[]) {
                return KeyText.ofBinary((byte[]) key);
            }
            return key == null ? null : KeyText.ofString((String) key);
        }
    }

    public static class Job extends Reader.Job {
        @Override
        public void init() {
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            Configuration p = getPluginJobConf();
            List<List<Row>> tasks = SCENARIOS.get(p.getString("scenario"));
            Set<String> committed = Collections.emptySet();
            List<String> recordedParts = new ArrayList<>();
            List<Long> window = null;
            // ignoreCheckpoint: a broken reader that sends committed units again (the writer must refuse them);
            // ignoreWindow: one that sends rows outside the incremental window
            if (p.getBool("resume", false)) {
                try {
                    java.nio.file.Path state = StateDir.of(Paths.get(getPeerPluginJobConf().getString("path")),
                            p.getString("table"), ShardSpec.parse(p.getString("shard")));
                    WriterOptions writer = WriterOptions.parse(ParameterMap.of(getPeerPluginJobConf()), Paths.get(""), new Problems());
                    if (Incremental.isOn(writer.writeMode(), true)) {
                        // like the real reader: the ledger's decision for the requested window of its own parse
                        WindowRequest request = ReaderSpecParser.parseShared(ParameterMap.of(p), Paths.get("")).spec().windowRequest();
                        WindowLedger.Decision d = CheckpointSnapshot.load(state).ledger().decide(request.window(), request.literal(), writer.allowGaps());
                        committed = d.committedUnits();
                        window = d.window() == null ? java.util.Arrays.asList(0L, 0L) : d.window().toJson();
                        window = p.getBool("ignoreWindow", false) ? null : window;
                    } else {
                        CheckpointSnapshot snapshot = CheckpointSnapshot.load(state);
                        committed = snapshot.committedUnits();
                        // like the real reader: parts recorded with an intact part file are not read again
                        for (PendingParts pending : snapshot.pendingParts().values()) {
                            List<FileParts.Part> missing = pending.missing(state);
                            for (int k = 0; k < pending.cut.n; k++) {
                                if (!missing.contains(pending.cut.sibling(k))) {
                                    recordedParts.add(pending.unit + "#" + pending.cut.sibling(k).toText());
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            java.nio.file.Path stateDir = StateDir.of(Paths.get(getPeerPluginJobConf().getString("path")), p.getString("table"),
                    ShardSpec.parse(p.getString("shard")));
            List<Configuration> out = new ArrayList<>();
            // periodOverride: a reader that cuts units by another period than the writer's files
            String period = p.getString("periodOverride",
                    Period.finestIn(getPeerPluginJobConf().getString("fileName", RecordLayout.DEFAULT_FILE_NAME)).text());
            for (int i = 0; i < tasks.size(); i++) {
                Configuration c = p.clone();
                c.set("taskIndex", i);
                c.set("period", period);
                c.set("stateDir", stateDir.toString());
                c.set("skipUnits", p.getBool("ignoreCheckpoint", false) ? new ArrayList<String>() : new ArrayList<>(committed));
                c.set("skipParts", recordedParts);
                if (window != null) {
                    c.set("window", window);
                }
                out.add(c);
            }
            return out;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        @Override
        public void init() {
        }

        @Override
        public void startRead(RecordSender sender) {
            Configuration p = getPluginJobConf();
            List<Row> rows = SCENARIOS.get(p.getString("scenario")).get(p.getInt("taskIndex"));
            Period period = Period.parse(p.getString("period"));
            ZoneId zone = ZoneId.of(p.getString("timeZone", "UTC"));
            SortKeyUnit unit = SortKeyUnit.parse(p.getString("timeUnit", "ms"));
            List<String> skip = p.getList("skipUnits", String.class);
            List<Long> window = p.getList("window", Long.class);
            int failAfter = p.getInt("failAfterRecords", -1);
            int failTask = p.getInt("failTask", 0);
            String waitFor = p.getString("failAfterCommitOf");
            if (waitFor != null && p.getInt("taskIndex") == failTask) {
                // a deterministic crash in the middle of a run: once another task's unit is committed
                awaitCommit(Paths.get(p.getString("stateDir")), waitFor, FileLine.class);
                throw new IllegalStateException("simulated crash after unit " + waitFor + " was committed");
            }
            String waitForPart = p.getString("failAfterPartOf");
            if (waitForPart != null && p.getInt("taskIndex") == failTask) {
                // the same once another task recorded a part of the unit
                awaitCommit(Paths.get(p.getString("stateDir")), waitForPart, PartLine.class);
                throw new IllegalStateException("simulated crash after a part of unit " + waitForPart + " was recorded");
            }
            List<String> skipParts = p.getList("skipParts", String.class);
            // markerCountDelta: a marker claiming more rows than were sent; omitLastMarker: input ends inside a
            // part; omitMarkers: no part is ended
            int markerDelta = p.getInt("markerCountDelta", 0);
            boolean omitMarkers = p.getBool("omitMarkers", false);
            boolean omitLastMarker = omitMarkers || p.getBool("omitLastMarker", false);
            Map<String, String> partMeta = null;
            long partRows = 0;
            Map<String, Map<String, String>> metas = new HashMap<>();
            int sent = 0;
            for (Row r : rows) {
                long ms = unit.toEpochMillisFloor(r.time);
                String unitId = r.key == null ? "2000/nokey" : UnitId.of(period, period.label(ms, zone), r.keyText());
                if (skip != null && skip.contains(unitId) || window != null && (r.time < window.get(0) || r.time >= window.get(1))
                        || r.part != null && skipParts != null && skipParts.contains(unitId + "#" + r.part.toText())) {
                    continue;
                }
                if (failAfter >= 0 && sent == failAfter && p.getInt("taskIndex") == failTask) {
                    sender.flush();
                    throw new IllegalStateException("simulated crash after " + sent + " records");
                }
                String metaKey = unitId + "|" + r.header + "|" + (r.part == null ? "" : r.part.toText());
                Map<String, String> meta = metas.get(metaKey);
                if (meta == null) {
                    // like the real reader with doublesShortest: DOUBLE cells already hold ShortestDouble text
                    meta = new UnitMeta(unitId, r.header, r.timeCells, period, p.getBool("doublesShortest", false), r.part).toMap();
                    metas.put(metaKey, meta);
                }
                if (partMeta != null && partMeta != meta) {
                    if (!omitMarkers) {
                        sendPartEnd(sender, partMeta, partRows + markerDelta);
                    }
                    partMeta = null;
                }
                if (r.part != null && partMeta == null) {
                    partMeta = meta;
                    partRows = 0;
                }
                if (r.partWithoutRows) {
                    continue;
                }
                partRows++;
                Record rec = sender.createRecord();
                if (r.key instanceof Long) {
                    rec.addColumn(new LongColumn((Long) r.key));
                } else if (r.key instanceof byte[]) {
                    rec.addColumn(new BytesColumn((byte[]) r.key));
                } else {
                    rec.addColumn(new StringColumn((String) r.key));
                }
                rec.addColumn(r.time == Long.MIN_VALUE ? new LongColumn() : new LongColumn(r.time));
                for (Column c : r.cells) {
                    rec.addColumn(c);
                }
                rec.setMeta(meta);
                sender.sendToWriter(rec);
                sent++;
            }
            if (partMeta != null && !omitLastMarker) {
                sendPartEnd(sender, partMeta, partRows + markerDelta);
            }
            sender.flush();
        }

        private static void sendPartEnd(RecordSender sender, Map<String, String> partMeta, long rows) {
            Record marker = sender.createRecord();
            marker.setMeta(UnitMeta.partEnd(partMeta, rows));
            sender.sendToWriter(marker);
        }

        /** @param kind a commit line ({@link FileLine}) or a part line ({@link PartLine}) of the unit */
        private static void awaitCommit(java.nio.file.Path stateDir, String unit, Class<? extends CheckpointLine> kind) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            try {
                while (System.nanoTime() < deadline) {
                    for (CheckpointLine e : CheckpointLines.of(stateDir, kind)) {
                        if (e instanceof PartLine ? unit.equals(((PartLine) e).unit())
                                : ((FileLine) e).isCommit() && unit.equals(((FileLine) e).unit())) {
                            return;
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("unit " + unit + " was not committed within 30 s");
        }

        @Override
        public void destroy() {
        }
    }
}
