package com.otsrange.common;

import java.math.BigInteger;

/**
 * A heavy file unit read in parts by several DataX tasks (docs/DESIGN.md, "Parallel reads inside
 * one file"). Part k of n covers the sort-key window [t_k, t_k+1) of a span [from, to) (where the
 * unit's rows are), t_k = from + floor((to - from) * k / n), the first part reaching back to the
 * unit's window start and the last on to its end: determined by the numbers a {@link Part}
 * carries, so the reader, the writer and a resumed run all cut the same parts. The writer keeps each part in a part file under
 * the state dir, records it with a {@code part} checkpoint line, and joins the parts into the final
 * file once all n are recorded ({@link PendingParts}).
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
}
