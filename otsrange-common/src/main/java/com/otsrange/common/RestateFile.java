package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONException;
import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one hand-over from the reader Job to the writer Job of an incremental run with
 * {@code changes} other than ignore (DataX gives the two nothing else): {@code tmp/restate.json} in
 * the state dir, written by the reader's split (atomically: temp file, fsync, rename) after the
 * writer Job's prepare emptied {@code tmp/}, so a stale one never survives into another run.
 *
 * <p>It says which units the run restates (each from {@code restateFrom}, a raw sort-key value at
 * the start of a committed window), why ({@code dirty}: relevant stream records; {@code compare}:
 * a lookback re-read that is only a restatement if the bytes differ), and for the stream the
 * position the writer records once every restatement is committed. Fields: docs/DESIGN.md,
 * "Restatement (reader half)".
 */
public final class RestateFile {
    public static final String NAME = "restate.json";
    public static final int VERSION = 1;
    public static final String DIRTY = "dirty";
    public static final String COMPARE = "compare";

    /** One restated unit. */
    public static final class Unit {
        private final String unit;
        private final long restateFrom;
        private final long coveredTo;
        private final long readTo;
        private final boolean compare;
        private final long records;

        /**
         * @param unit        the unit id ({@link UnitId})
         * @param restateFrom raw sort-key value: the start of the earliest committed window restated, clipped to the unit's period
         * @param coveredTo   raw: the end of the unit's committed coverage (what was exported before this run)
         * @param readTo      raw: where the run reads the unit to (coveredTo, or the end of this run's window in the unit's period)
         * @param compare     lookback: restate only when the bytes read differ from the file's
         * @param records     relevant stream records that marked it (0 for a lookback)
         */
        public Unit(String unit, long restateFrom, long coveredTo, long readTo, boolean compare, long records) {
            if (unit == null || restateFrom >= coveredTo || coveredTo > readTo) {
                throw new IllegalArgumentException("unit " + unit + ": expected restateFrom < coveredTo <= readTo, got "
                        + restateFrom + ", " + coveredTo + ", " + readTo);
            }
            this.unit = unit;
            this.restateFrom = restateFrom;
            this.coveredTo = coveredTo;
            this.readTo = readTo;
            this.compare = compare;
            this.records = records;
        }

        public String unit() {
            return unit;
        }

        public long restateFrom() {
            return restateFrom;
        }

        public long coveredTo() {
            return coveredTo;
        }

        public long readTo() {
            return readTo;
        }

        /** true: a lookback's compare (restate only if the bytes differ); false: dirty (restate). */
        public boolean compare() {
            return compare;
        }

        public long records() {
            return records;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", unit);
            m.put("restateFrom", restateFrom);
            m.put("coveredTo", coveredTo);
            m.put("readTo", readTo);
            m.put("mode", compare ? COMPARE : DIRTY);
            m.put("records", records);
            return m;
        }

        static Unit fromJson(JSONObject o) {
            String mode = o.getString("mode");
            if (!DIRTY.equals(mode) && !COMPARE.equals(mode)) {
                throw new IllegalArgumentException("unit mode " + mode + " is neither " + DIRTY + " nor " + COMPARE);
            }
            return new Unit(o.getString("unit"), required(o, "restateFrom"), required(o, "coveredTo"), required(o, "readTo"),
                    COMPARE.equals(mode), required(o, "records"));
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Unit)) {
                return false;
            }
            Unit u = (Unit) o;
            return unit.equals(u.unit) && restateFrom == u.restateFrom && coveredTo == u.coveredTo && readTo == u.readTo
                    && compare == u.compare && records == u.records;
        }

        @Override
        public int hashCode() {
            return unit.hashCode() * 31 + Long.hashCode(restateFrom);
        }

        @Override
        public String toString() {
            return toJson().toString();
        }
    }

    /** What the run read of the stream, for the log and the manifest. */
    public static final class StreamRead {
        private final Long positionFrom;
        private final long recordsRead;
        private final long relevantRecords;
        private final int shardsRead;

        /**
         * @param positionFrom S of the recorded position the run read on from, or null on a first run
         * @param recordsRead stream records read
         * @param relevantRecords those that marked a unit
         * @param shardsRead shards read (0 on a first run: it only takes iterators)
         */
        public StreamRead(Long positionFrom, long recordsRead, long relevantRecords, int shardsRead) {
            this.positionFrom = positionFrom;
            this.recordsRead = recordsRead;
            this.relevantRecords = relevantRecords;
            this.shardsRead = shardsRead;
        }

        /** null: a first run (no position was recorded; nothing restated from the stream). */
        public Long positionFrom() {
            return positionFrom;
        }

        public boolean firstRun() {
            return positionFrom == null;
        }

        public long recordsRead() {
            return recordsRead;
        }

        public long relevantRecords() {
            return relevantRecords;
        }

        public int shardsRead() {
            return shardsRead;
        }
    }

    private final ChangesMode changes;
    private final long startedAt;
    private final StreamPosition position;
    private final StreamRead read;
    private final List<Unit> units;

    /**
     * @param changes   stream or lookback
     * @param startedAt S, epoch milliseconds
     * @param position  the position to record after the run's restatements: always for the stream; for a
     *                  lookback on a table with a Stream, a fresh one (so a later "stream" run goes on from
     *                  there); else null
     * @param read      what was read of the stream (with the position), else null
     */
    public RestateFile(ChangesMode changes, long startedAt, StreamPosition position, StreamRead read, List<Unit> units) {
        if (changes == null || changes.ignores()) {
            throw new IllegalArgumentException("a hand-over needs changes stream or lookback, got " + changes);
        }
        if ((position == null) != (read == null) || changes.kind() == ChangesMode.Kind.STREAM && position == null) {
            throw new IllegalArgumentException("a position comes with what was read of the stream, and the stream hands over both");
        }
        this.changes = changes;
        this.startedAt = startedAt;
        this.position = position;
        this.read = read;
        List<Unit> sorted = new ArrayList<>(units);
        Collections.sort(sorted, (a, b) -> a.unit.compareTo(b.unit));
        this.units = Collections.unmodifiableList(sorted);
    }

    public ChangesMode changes() {
        return changes;
    }

    /** S: when the reader started reading changes, epoch milliseconds. */
    public long startedAt() {
        return startedAt;
    }

    /** The position to record in the ledger after this run's restatements, or null (a lookback without a Stream). */
    public StreamPosition position() {
        return position;
    }

    /** What was read of the stream, or null when no position is handed over. */
    public StreamRead read() {
        return read;
    }

    /** Restated units, in unit id order. */
    public List<Unit> units() {
        return units;
    }

    /** The unit's entry, or null when the run does not restate it. */
    public Unit unit(String unitId) {
        for (Unit u : units) {
            if (u.unit.equals(unitId)) {
                return u;
            }
        }
        return null;
    }

    /** Where the hand-over lies in the writer's {@code tmpDir}. */
    public static Path fileIn(Path tmpDir) {
        return tmpDir.resolve(NAME);
    }

    /**
     * Writes {@code tmpDir/restate.json} ({@link AtomicFiles#write}): the reader Job's split hands it
     * to the writer Job.
     */
    public void write(Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        AtomicFiles.write(fileIn(tmpDir), JSON.toJSONString(toJson()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The hand-over in {@code tmpDir}, or null when the reader wrote none (changes ignore, or not
     * incremental mode).
     *
     * @throws IOException when it cannot be read or is not a hand-over of this version
     */
    public static RestateFile read(Path tmpDir) throws IOException {
        Path f = fileIn(tmpDir);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JSONObject o = JSON.parseObject(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            if (o == null || !Integer.valueOf(VERSION).equals(o.getInteger("version"))) {
                throw new IllegalArgumentException("version " + (o == null ? null : o.get("version")) + ", expected " + VERSION);
            }
            Problems problems = new Problems();
            ChangesMode changes = ChangesMode.parse(o.get("changes"), "changes", problems);
            if (changes == null) {
                throw new IllegalArgumentException(problems.texts().toString());
            }
            StreamPosition position = null;
            StreamRead read = null;
            if (o.get("position") != null) {
                position = StreamPosition.fromJson(o.get("position"));
                if (position == null) {
                    throw new IllegalArgumentException("position is not a stream position");
                }
                JSONObject r = o.getJSONObject("read");
                read = new StreamRead(r.getLong("positionFrom"), required(r, "recordsRead"), required(r, "relevantRecords"),
                        (int) required(r, "shardsRead"));
            }
            List<Unit> units = new ArrayList<>();
            for (Object u : o.getJSONArray("units")) {
                units.add(Unit.fromJson((JSONObject) u));
            }
            return new RestateFile(changes, required(o, "startedAt"), position, read, units);
        } catch (JSONException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(f + " is not a restate hand-over this writer reads: " + e.getMessage(), e);
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("changes", changes.toJson());
        m.put("startedAt", startedAt);
        if (position != null) {
            m.put("position", position.toJson());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("positionFrom", read.positionFrom);
            r.put("firstRun", read.firstRun());
            r.put("recordsRead", read.recordsRead);
            r.put("relevantRecords", read.relevantRecords);
            r.put("shardsRead", read.shardsRead);
            m.put("read", r);
        }
        List<Object> us = new ArrayList<>();
        for (Unit u : units) {
            us.add(u.toJson());
        }
        m.put("units", us);
        return m;
    }

    private static long required(JSONObject o, String key) {
        Long v = o.getLong(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }
}
