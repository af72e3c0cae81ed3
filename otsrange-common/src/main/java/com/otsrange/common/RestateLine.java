package com.otsrange.common;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an intent or commit line of a restating commit adds (issue 21): the unit's file was rewritten
 * from the raw sort-key value {@code from} on, keeping its first {@code prefix} bytes, and its byte
 * offset after each rewritten window is {@code offsets}; or, with {@code delete}, the file was removed
 * (a fresh export has no file for a key-period without rows). Line fields:
 * {@code "restate":{"from":raw,"prefix":bytes}}, {@code "offsets":[[windowTo,bytesAfter],..]},
 * {@code "windowRows":[[windowTo,rows],..]} and {@code "delete":true}. {@link UnitOffsets} replays them.
 */
public final class RestateLine {
    private final long from;
    private final long prefix;
    private final List<long[]> offsets;
    private final List<long[]> windowRows;
    private final boolean delete;

    /**
     * @param offsets    [windowTo, bytes after that window], one per rewritten window that holds rows, in order
     * @param windowRows [windowTo, rows of that window], the same windows
     */
    public RestateLine(long from, long prefix, List<long[]> offsets, List<long[]> windowRows, boolean delete) {
        if (prefix < 0 || offsets.size() != windowRows.size() || delete && (prefix != 0 || !offsets.isEmpty())) {
            throw new IllegalArgumentException("restate line: prefix " + prefix + ", " + offsets.size() + " offsets, "
                    + windowRows.size() + " window row counts, delete " + delete);
        }
        this.from = from;
        this.prefix = prefix;
        this.offsets = Collections.unmodifiableList(new ArrayList<>(offsets));
        this.windowRows = Collections.unmodifiableList(new ArrayList<>(windowRows));
        this.delete = delete;
    }

    /** The file is removed: nothing of the unit is left. */
    public static RestateLine deletion(long from) {
        return new RestateLine(from, 0, Collections.<long[]>emptyList(), Collections.<long[]>emptyList(), true);
    }

    /** The raw sort-key value the file was rewritten from. */
    public long from() {
        return from;
    }

    /** Bytes of the file kept as they were. */
    public long prefix() {
        return prefix;
    }

    public List<long[]> offsets() {
        return offsets;
    }

    public List<long[]> windowRows() {
        return windowRows;
    }

    public boolean delete() {
        return delete;
    }

    void addTo(JSONObject line) {
        JSONObject r = new JSONObject(true);
        r.put("from", from);
        r.put("prefix", prefix);
        line.put("restate", r);
        if (delete) {
            line.put("delete", true);
        } else {
            line.put("offsets", pairs(offsets));
            line.put("windowRows", pairs(windowRows));
        }
    }

    private static List<List<Long>> pairs(List<long[]> values) {
        List<List<Long>> out = new ArrayList<>();
        for (long[] p : values) {
            List<Long> l = new ArrayList<>(2);
            l.add(p[0]);
            l.add(p[1]);
            out.add(l);
        }
        return out;
    }

    /** The restate fields of a parsed line, null when it has none (an ordinary line) or they are malformed. */
    static RestateLine from(JSONObject line) {
        JSONObject r = line.getJSONObject("restate");
        if (r == null) {
            return null;
        }
        try {
            Long from = r.getLong("from");
            Long prefix = r.getLong("prefix");
            if (from == null || prefix == null) {
                return null;
            }
            if (Boolean.TRUE.equals(line.getBoolean("delete"))) {
                return deletion(from);
            }
            List<long[]> offsets = parsePairs(line.getJSONArray("offsets"));
            List<long[]> rows = line.containsKey("windowRows") ? parsePairs(line.getJSONArray("windowRows")) : null;
            if (offsets == null) {
                return null;
            }
            if (rows == null) {
                rows = new ArrayList<>();
                for (long[] o : offsets) {
                    rows.add(new long[] {o[0], -1});
                }
            }
            return new RestateLine(from, prefix, offsets, rows, false);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<long[]> parsePairs(JSONArray a) {
        if (a == null) {
            return null;
        }
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JSONArray p = a.getJSONArray(i);
            if (p == null || p.size() < 2) {
                return null;
            }
            out.add(new long[] {p.getLongValue(0), p.getLongValue(1)});
        }
        return out;
    }
}
