package com.otsrange.common;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A heavy file unit read in parts by several DataX tasks (docs/DESIGN.md, "Parallel reads inside
 * one file"). Part k of n covers the sort-key window [t_k, t_k+1) of a span [from, to) (where the
 * unit's rows are), t_k = from + floor((to - from) * k / n), the first part reaching back to the
 * unit's window start and the last on to its end: determined by the numbers a {@link Part}
 * carries, so the reader, the writer and a resumed run all cut the same parts. The writer keeps each part in a part file under
 * the state dir, records it with a {@code part} checkpoint line, and joins the parts into the final
 * file once all n are recorded.
 */
public final class FileParts {
    /** The state dir's folder of part files; not under tmp/, which every run's prepare empties. */
    public static final String DIR = "parts";
    /** More parts than this never pay (one DataX task each); also bounds what a checkpoint line may claim. */
    public static final int MAX_PARTS = 64;

    private FileParts() {
    }

    /**
     * One part: k of n of the span [spanFrom, spanTo), where the rows are, cut at even steps; the
     * first part starts at {@code outerFrom} and the last ends at {@code outerTo} (the unit's
     * window, which may be wider than the span: rows written there while the job runs still
     * belong to a part).
     */
    public static final class Part {
        public final int k;
        public final int n;
        public final long spanFrom;
        public final long spanTo;
        public final long outerFrom;
        public final long outerTo;
        // computed once: the writer asks for every row
        private final long from;
        private final long to;

        public Part(int k, int n, long spanFrom, long spanTo) {
            this(k, n, spanFrom, spanTo, spanFrom, spanTo);
        }

        public Part(int k, int n, long spanFrom, long spanTo, long outerFrom, long outerTo) {
            if (n < 2 || n > MAX_PARTS || k < 0 || k >= n || spanFrom >= spanTo || outerFrom > spanFrom || outerTo < spanTo) {
                throw new IllegalArgumentException("not a part: " + k + "/" + n + " of [" + spanFrom + ", " + spanTo + ") in ["
                        + outerFrom + ", " + outerTo + ")");
            }
            this.k = k;
            this.n = n;
            this.spanFrom = spanFrom;
            this.spanTo = spanTo;
            this.outerFrom = outerFrom;
            this.outerTo = outerTo;
            this.from = k == 0 ? outerFrom : bound(spanFrom, spanTo, n, k);
            this.to = k == n - 1 ? outerTo : bound(spanFrom, spanTo, n, k + 1);
        }

        /** First sort-key value of the part. */
        public long from() {
            return from;
        }

        /** First sort-key value after the part. */
        public long to() {
            return to;
        }

        public boolean holds(long sortKey) {
            return sortKey >= from() && sortKey < to();
        }

        /** The same cut of the same span, another part. */
        public Part sibling(int other) {
            return new Part(other, n, spanFrom, spanTo, outerFrom, outerTo);
        }

        public boolean sameCut(Part o) {
            return o != null && n == o.n && spanFrom == o.spanFrom && spanTo == o.spanTo && outerFrom == o.outerFrom
                    && outerTo == o.outerTo;
        }

        /** {@code k/n/spanFrom/spanTo/outerFrom/outerTo}: the record meta and checkpoint form. */
        public String toText() {
            return k + "/" + n + "/" + spanFrom + "/" + spanTo + "/" + outerFrom + "/" + outerTo;
        }

        /** The part {@link #toText} wrote, or null for anything else. */
        public static Part parse(String text) {
            if (text == null) {
                return null;
            }
            String[] f = text.split("/", -1);
            if (f.length != 6) {
                return null;
            }
            try {
                return new Part(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Part && k == ((Part) o).k && sameCut((Part) o);
        }

        @Override
        public int hashCode() {
            return (int) (k * 31 + n * 17 + spanFrom * 7 + spanTo + outerFrom * 3 + outerTo * 5);
        }

        @Override
        public String toString() {
            return "part " + k + " of " + n;
        }
    }

    /** t_k of the span [from, to) cut into n parts (exact: no overflow for any long span). */
    static long bound(long from, long to, int n, int k) {
        if (k == 0) {
            return from;
        }
        if (k == n) {
            return to;
        }
        BigInteger width = BigInteger.valueOf(to).subtract(BigInteger.valueOf(from));
        return BigInteger.valueOf(from).add(width.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(n))).longValueExact();
    }

    /** The part file of one part, relative to the state dir: {@code parts/<period label>/<encoded key>.<k>of<n>}. */
    public static String fileFor(String unitId, Part part) {
        return DIR + "/" + unitId + "." + part.k + "of" + part.n;
    }

    /**
     * A unit that has part lines in the checkpoint but no commit yet: the cut they used (the
     * latest line's; a unit is cut once per checkpoint, so older cuts only come from a bug) and,
     * per part, its latest line.
     */
    public static final class Pending {
        public final String unit;
        public final Part cut;
        private final Map<Integer, CheckpointLog.Entry> recorded;

        Pending(String unit, Part cut, Map<Integer, CheckpointLog.Entry> recorded) {
            this.unit = unit;
            this.cut = cut;
            this.recorded = Collections.unmodifiableMap(new TreeMap<>(recorded));
        }

        /** Recorded parts in part order. */
        public Map<Integer, CheckpointLog.Entry> recorded() {
            return recorded;
        }

        /**
         * Parts still to read: not recorded, or recorded but whose part file is gone or has
         * another size than recorded (the writer checks the sha256 when it joins).
         */
        public List<Part> missing(Path stateDir) {
            List<Part> out = new ArrayList<>();
            for (int k = 0; k < cut.n; k++) {
                CheckpointLog.Entry e = recorded.get(k);
                if (e == null || !partFileMatches(stateDir, e)) {
                    out.add(cut.sibling(k));
                }
            }
            return out;
        }
    }

    static boolean partFileMatches(Path stateDir, CheckpointLog.Entry e) {
        if (e.file == null) {
            return false;
        }
        Path f = stateDir.resolve(e.file);
        try {
            return Files.isRegularFile(f) && Files.size(f) == e.bytes;
        } catch (IOException ex) {
            return false;
        }
    }

    /** Units of the checkpoint read in parts and not committed since, in the order their parts were first recorded. */
    public static Map<String, Pending> pending(Path stateDir) throws IOException {
        Map<String, CheckpointLog.Entry> committed = CheckpointLog.committed(stateDir);
        Map<String, List<CheckpointLog.Entry>> byUnit = new LinkedHashMap<>();
        for (CheckpointLog.Entry e : CheckpointLog.readParts(stateDir)) {
            List<CheckpointLog.Entry> l = byUnit.get(e.unit);
            if (l == null) {
                l = new ArrayList<>();
                byUnit.put(e.unit, l);
            }
            l.add(e);
        }
        Map<String, Pending> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<CheckpointLog.Entry>> u : byUnit.entrySet()) {
            if (committed.containsKey(u.getKey())) {
                continue;
            }
            List<CheckpointLog.Entry> lines = u.getValue();
            Part cut = lines.get(lines.size() - 1).part;
            Map<Integer, CheckpointLog.Entry> latest = new TreeMap<>();
            for (CheckpointLog.Entry e : lines) {
                if (e.part.sameCut(cut)) {
                    latest.put(e.part.k, e);
                }
            }
            out.put(u.getKey(), new Pending(u.getKey(), cut, latest));
        }
        return out;
    }
}
