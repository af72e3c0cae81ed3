package com.otsrange.common;

import com.alibaba.fastjson.JSON;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meta map every record of one file unit carries from otsrangereader to csvyearwriter. The
 * reader encodes it ({@link #toMap()}) and the writer parses it ({@link #parse(Map)}) through this
 * one class, so the two sides cannot drift apart. Keys and formats: docs/DESIGN.md, "Record layout".
 */
public final class UnitMeta {
    public static final String KEY_LAYOUT = "otsrange.layout";
    public static final String LAYOUT_VERSION = "1";
    /** Unit id: {@code <period label>/<encoded key>} ({@link UnitId}). */
    public static final String KEY_UNIT = "otsrange.unit";
    /** JSON array of header names, in cell order. */
    public static final String KEY_HEADER = "otsrange.header";
    /** Comma-separated 0-based indexes (into the cells) of cells holding the sort key; may be empty. */
    public static final String KEY_TIME_CELLS = "otsrange.timeCells";
    /** year | month | day: the file period the unit covers ({@link Period#text()}). */
    public static final String KEY_PERIOD = "otsrange.period";
    /**
     * How DOUBLE cells are carried. With {@value #DOUBLES_SHORTEST} every DOUBLE cell is a
     * DoubleColumn whose raw data is already the text of {@link ShortestDouble#format(double)},
     * so the writer copies it verbatim; absent (or any other value): the writer parses and formats.
     */
    public static final String KEY_DOUBLES = "otsrange.doubles";
    public static final String DOUBLES_SHORTEST = "shortest";
    /**
     * Present when the unit is read in parts (docs/DESIGN.md, "Parallel reads inside one file"):
     * {@code k/n/spanFrom/spanTo/outerFrom/outerTo}: part k of n of the unit ({@link FileParts.Part}).
     * Absent: the records are the whole unit.
     */
    public static final String KEY_PART = "otsrange.part";
    /**
     * Only on the record that ends a part: the part's last row, or for a part without rows a marker
     * record without columns; how many rows the reader sent for that part.
     */
    public static final String KEY_PART_END = "otsrange.partEnd";
    /**
     * Present when the run restates the unit (docs/DESIGN.md, "Restatement"): the raw sort-key value
     * from which the records rewrite the unit's file (the start of a committed window, clipped to
     * the unit's period); the records are the unit's rows from there on. Absent: an ordinary unit.
     */
    public static final String KEY_RESTATE_FROM = "otsrange.restateFrom";
    /** With {@link #KEY_RESTATE_FROM}, {@value #RESTATE_COMPARE_ON} for a lookback: restate only if the bytes differ. */
    public static final String KEY_RESTATE_COMPARE = "otsrange.restateCompare";
    public static final String RESTATE_COMPARE_ON = "1";

    private final String unitId;
    private final List<String> header;
    private final int[] timeCells;
    private final Period period;
    private final boolean doublesShortest;
    private final FileParts.Part part;
    private final Long restateFrom;
    private final boolean restateCompare;

    /**
     * @param timeCells indexes (into the cells) of the cells that hold the sort key, ascending
     * @param doublesShortest whether DOUBLE cells carry {@link ShortestDouble#format} text
     */
    public UnitMeta(String unitId, List<String> header, int[] timeCells, Period period, boolean doublesShortest) {
        this(unitId, header, timeCells, period, doublesShortest, null);
    }

    /** @param part the part of the unit these records are, or null for the whole unit */
    public UnitMeta(String unitId, List<String> header, int[] timeCells, Period period, boolean doublesShortest,
                    FileParts.Part part) {
        this(unitId, header, timeCells, period, doublesShortest, part, null, false);
    }

    private UnitMeta(String unitId, List<String> header, int[] timeCells, Period period, boolean doublesShortest,
                     FileParts.Part part, Long restateFrom, boolean restateCompare) {
        if (unitId == null || header == null || timeCells == null || period == null) {
            throw new IllegalArgumentException("unit id, header, time cells and period are required");
        }
        if (restateFrom != null && part != null) {
            throw new IllegalArgumentException("a restated unit is never read in parts");
        }
        this.unitId = unitId;
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.timeCells = timeCells.clone();
        this.period = period;
        this.doublesShortest = doublesShortest;
        this.part = part;
        this.restateFrom = restateFrom;
        this.restateCompare = restateFrom != null && restateCompare;
    }

    /**
     * The same unit restated from {@code from} (raw sort-key value); {@code compare} for a lookback,
     * where the writer restates only when the bytes differ.
     */
    public UnitMeta restated(long from, boolean compare) {
        return new UnitMeta(unitId, header, timeCells, period, doublesShortest, part, from, compare);
    }

    /** The reader side: the immutable map every record of the unit shares. */
    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(KEY_LAYOUT, LAYOUT_VERSION);
        m.put(KEY_UNIT, unitId);
        m.put(KEY_HEADER, JSON.toJSONString(header));
        StringBuilder cells = new StringBuilder();
        for (int i : timeCells) {
            cells.append(cells.length() == 0 ? "" : ",").append(i);
        }
        m.put(KEY_TIME_CELLS, cells.toString());
        m.put(KEY_PERIOD, period.text());
        if (doublesShortest) {
            m.put(KEY_DOUBLES, DOUBLES_SHORTEST);
        }
        if (part != null) {
            m.put(KEY_PART, part.toText());
        }
        if (restateFrom != null) {
            m.put(KEY_RESTATE_FROM, Long.toString(restateFrom));
            if (restateCompare) {
                m.put(KEY_RESTATE_COMPARE, RESTATE_COMPARE_ON);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The meta of the record that ends a part: the part's meta plus the number of rows sent for the part. */
    public static Map<String, String> partEnd(Map<String, String> partMeta, long rows) {
        Map<String, String> m = new HashMap<>(partMeta);
        m.put(KEY_PART_END, Long.toString(rows));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The row count the record ending a part carries, or -1 when the meta is not such a record's.
     *
     * @throws IllegalArgumentException when the count is not a non-negative integer
     */
    public static long partEndRows(Map<String, String> meta) {
        String v = meta == null ? null : meta.get(KEY_PART_END);
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException("record meta " + KEY_PART_END + " is not a row count: " + v);
    }

    /**
     * The writer side. An absent header means no header names; an absent time-cell list means none.
     *
     * @throws IllegalArgumentException saying what is wrong (the writer's dirty-record reason)
     */
    public static UnitMeta parse(Map<String, String> meta) {
        if (meta == null || !LAYOUT_VERSION.equals(meta.get(KEY_LAYOUT)) || meta.get(KEY_UNIT) == null) {
            throw new IllegalArgumentException("record carries no otsrange layout meta (" + KEY_LAYOUT + "=" + LAYOUT_VERSION + ")");
        }
        String headerJson = meta.get(KEY_HEADER);
        List<String> header;
        try {
            header = headerJson == null ? null : JSON.parseArray(headerJson, String.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("record meta " + KEY_HEADER + " is not a JSON array of names: " + headerJson);
        }
        String tc = meta.get(KEY_TIME_CELLS);
        int[] timeCells = new int[0];
        if (tc != null && !tc.trim().isEmpty()) {
            String[] parts = tc.split(",");
            timeCells = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    timeCells[i] = Integer.parseInt(parts[i].trim());
                } catch (NumberFormatException e) {
                    timeCells[i] = -1;
                }
                if (timeCells[i] < 0) {
                    throw new IllegalArgumentException("record meta " + KEY_TIME_CELLS + " is not a list of cell indexes: " + tc);
                }
            }
        }
        Period period;
        try {
            period = Period.parse(meta.get(KEY_PERIOD));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record meta " + KEY_PERIOD + " is not year, month or day: " + meta.get(KEY_PERIOD));
        }
        FileParts.Part part = null;
        if (meta.get(KEY_PART) != null) {
            part = FileParts.Part.parse(meta.get(KEY_PART));
            if (part == null) {
                throw new IllegalArgumentException("record meta " + KEY_PART + " is not a part (k/n/spanFrom/spanTo/outerFrom/outerTo): " + meta.get(KEY_PART));
            }
        }
        Long from = null;
        if (meta.get(KEY_RESTATE_FROM) != null) {
            from = SortKeyLiteral.integral(meta.get(KEY_RESTATE_FROM));
            if (from == null || part != null) {
                throw new IllegalArgumentException("record meta " + KEY_RESTATE_FROM + " is not a raw sort-key value of a unit read"
                        + " whole: " + meta.get(KEY_RESTATE_FROM));
            }
        } else if (meta.get(KEY_RESTATE_COMPARE) != null) {
            throw new IllegalArgumentException("record meta " + KEY_RESTATE_COMPARE + " without " + KEY_RESTATE_FROM);
        }
        return new UnitMeta(meta.get(KEY_UNIT), header == null ? Collections.<String>emptyList() : header, timeCells, period,
                DOUBLES_SHORTEST.equals(meta.get(KEY_DOUBLES)), part, from, RESTATE_COMPARE_ON.equals(meta.get(KEY_RESTATE_COMPARE)));
    }

    public String unitId() {
        return unitId;
    }

    public List<String> header() {
        return header;
    }

    /** Whether each cell holds the sort key: one flag per header name, longer if an index lies beyond the header. */
    public boolean[] timeCellFlags() {
        int n = header.size();
        for (int i : timeCells) {
            n = Math.max(n, i + 1);
        }
        boolean[] flags = new boolean[n];
        for (int i : timeCells) {
            flags[i] = true;
        }
        return flags;
    }

    public Period period() {
        return period;
    }

    public boolean doublesShortest() {
        return doublesShortest;
    }

    /** The part of the unit these records are, or null when they are the whole unit. */
    public FileParts.Part part() {
        return part;
    }

    /** Restated units: the raw sort-key value the records rewrite the file from; null for an ordinary unit. */
    public Long restateFrom() {
        return restateFrom;
    }

    /** A lookback's restated unit: the writer restates only when the bytes differ. */
    public boolean restateCompare() {
        return restateCompare;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UnitMeta)) {
            return false;
        }
        UnitMeta m = (UnitMeta) o;
        return unitId.equals(m.unitId) && header.equals(m.header) && Arrays.equals(timeCells, m.timeCells)
                && period == m.period && doublesShortest == m.doublesShortest
                && (part == null ? m.part == null : part.equals(m.part))
                && (restateFrom == null ? m.restateFrom == null : restateFrom.equals(m.restateFrom)) && restateCompare == m.restateCompare;
    }

    @Override
    public int hashCode() {
        return unitId.hashCode() * 31 + header.hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
