package com.otsrange.common;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One unit's file as the window ledger describes it (issue 21): the byte offset after each committed
 * window that holds rows of the unit, and that window's rows, keyed by the window's end. Replaying the
 * unit's commits in ledger order gives it: an ordinary incremental commit of window W sets W's entry
 * to its {@code bytes} (the whole file after the append) and {@code rows}; a restating commit from F
 * drops the entries of windows ending after F and adds its {@code offsets}; a deleting commit leaves
 * nothing. Checkpoints written before restatement existed have ordinary commits only, so their
 * offsets are derived the same way.
 */
public final class UnitOffsets {
    private final NavigableMap<Long, long[]> byWindowEnd = new TreeMap<>();
    private String file;

    private UnitOffsets() {
    }

    /** @param commits the unit's commits (commit lines, and intents their final file proves) in ledger order */
    public static UnitOffsets replay(List<FileLine> commits) {
        UnitOffsets u = new UnitOffsets();
        for (FileLine c : commits) {
            u.apply(c);
        }
        return u;
    }

    private void apply(FileLine c) {
        file = c.file() == null ? file : c.file();
        RestateLine r = c.restate();
        if (r == null) {
            if (c.window() != null) {
                byWindowEnd.put(c.window().to(), new long[] {c.bytes(), c.rows()});
            }
            return;
        }
        if (r.delete()) {
            byWindowEnd.clear();
            return;
        }
        byWindowEnd.tailMap(r.from(), false).clear();
        for (int i = 0; i < r.offsets().size(); i++) {
            long[] o = r.offsets().get(i);
            byWindowEnd.put(o[0], new long[] {o[1], r.windowRows().get(i)[1]});
        }
    }

    /**
     * Bytes to keep when the file is rewritten from the raw value {@code from}: the offset after the
     * latest window ending at or before it, 0 when there is none (the file is rewritten whole).
     */
    public long prefix(long from) {
        Map.Entry<Long, long[]> e = byWindowEnd.floorEntry(from);
        return e == null ? 0 : e.getValue()[0];
    }

    /** The file's size as the ledger knows it: the offset after its last window (0: no file). */
    public long end() {
        return byWindowEnd.isEmpty() ? 0 : byWindowEnd.lastEntry().getValue()[0];
    }

    /** Whether the ledger leaves the unit a file (committed rows, not deleted since). */
    public boolean hasFile() {
        return !byWindowEnd.isEmpty();
    }

    /** The unit's file name relative to the output path (the latest line's), or null when it never had one. */
    public String file() {
        return file;
    }

    /** Window end -> {bytes after it, rows in it (-1 when a line did not say)}, in window order. */
    public NavigableMap<Long, long[]> windows() {
        return Collections.unmodifiableNavigableMap(byWindowEnd);
    }

    /** Rows of the file as the ledger counts them (windows that did not say count 0). */
    public long rows() {
        long n = 0;
        for (long[] v : byWindowEnd.values()) {
            n += Math.max(0, v[1]);
        }
        return n;
    }
}
