package com.otsrange.reader.plan;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.RestateFile;
import com.otsrange.common.StreamPosition;
import com.otsrange.common.TimeWindow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an incremental run with {@code changes} other than ignore restates, decided by the reader
 * Job before any table read (package {@code com.otsrange.reader.changes}): the units with where
 * each is read again from, the stream position to record afterwards and what was read of the
 * stream, and the spans never exported (gaps) that a restated read must leave out.
 */
public final class Restatement {
    private final ChangesMode mode;
    private final long startedAt;
    private final StreamPosition position;
    private final RestateFile.StreamRead read;
    private final Map<String, RestateMark> units;
    private final Map<Integer, Map<String, RestateMark>> byTask = new LinkedHashMap<>();
    private final List<TimeWindow> notExported;

    /**
     * @param startedAt   S, epoch milliseconds
     * @param position    the stream position to record after the run's restatements, or null (no stream)
     * @param read        what was read of the stream, or null (no stream read)
     * @param notExported spans between committed windows (and before this run's window) never exported:
     *                    a restated unit's read skips them, so its file holds the committed windows only
     */
    public Restatement(ChangesMode mode, long startedAt, StreamPosition position, RestateFile.StreamRead read,
                       List<RestateMark> units, List<TimeWindow> notExported) {
        this.mode = mode;
        this.startedAt = startedAt;
        this.position = position;
        this.read = read;
        Map<String, RestateMark> byId = new TreeMap<>();
        for (RestateMark m : units) {
            byId.put(m.unitId(), m);
        }
        this.units = Collections.unmodifiableMap(byId);
        for (RestateMark m : byId.values()) {
            byTask.computeIfAbsent(m.task(), k -> new LinkedHashMap<>()).put(m.unitId(), m);
        }
        this.notExported = Collections.unmodifiableList(new ArrayList<>(notExported));
    }

    public ChangesMode mode() {
        return mode;
    }

    public long startedAt() {
        return startedAt;
    }

    public StreamPosition position() {
        return position;
    }

    public RestateFile.StreamRead read() {
        return read;
    }

    /** Restated units by unit id. */
    public Map<String, RestateMark> units() {
        return units;
    }

    /** The restated units of one task, by unit id (a copy the caller may change). */
    public Map<String, RestateMark> ofTask(int task) {
        Map<String, RestateMark> m = byTask.get(task);
        return m == null ? new LinkedHashMap<String, RestateMark>() : new LinkedHashMap<>(m);
    }

    public List<TimeWindow> notExported() {
        return notExported;
    }

    /** The hand-over file for the writer: every restated unit with where the plan reads it to. */
    public RestateFile handOver(List<List<Unit>> groups) {
        Map<String, Long> readTo = new LinkedHashMap<>();
        for (List<Unit> g : groups) {
            for (Unit u : g) {
                if (u.restate() != null) {
                    readTo.put(u.id(), u.to());
                }
            }
        }
        List<RestateFile.Unit> out = new ArrayList<>();
        for (RestateMark m : units.values()) {
            Long to = readTo.get(m.unitId());
            if (to == null) {
                throw new IllegalStateException("restated unit " + m.unitId() + " is not in the plan");
            }
            out.add(new RestateFile.Unit(m.unitId(), m.from(), m.coveredTo(), to, m.compare(), m.records()));
        }
        return new RestateFile(mode, startedAt, position, read, out);
    }
}
