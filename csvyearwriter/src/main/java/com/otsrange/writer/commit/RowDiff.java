package com.otsrange.writer.commit;

import java.util.HashMap;
import java.util.Map;

/**
 * Rows added, removed and changed between two row sequences (hashes), for the restatement report:
 * the common head and tail trimmed, then Myers' O(ND) diff on the middle; each run of removals and
 * additions between two kept rows pairs up as changed rows, the rest counts as removed or added.
 * Above {@link #MAX_EDITS} edits the counts come from the two hash multisets instead and are marked
 * approximate (the order of rows is then ignored).
 */
final class RowDiff {
    static final int MAX_EDITS = 1000;

    final long added;
    final long removed;
    final long changed;
    final boolean approximate;

    private RowDiff(long added, long removed, long changed, boolean approximate) {
        this.added = added;
        this.removed = removed;
        this.changed = changed;
        this.approximate = approximate;
    }

    /** Counts as read back from a report. */
    static RowDiff counts(long added, long removed, long changed, boolean approximate) {
        return new RowDiff(added, removed, changed, approximate);
    }

    static RowDiff of(long[] before, long[] after) {
        return of(before, after, MAX_EDITS);
    }

    static RowDiff of(long[] a, long[] b, int maxEdits) {
        int head = 0;
        while (head < a.length && head < b.length && a[head] == b[head]) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] == b[b.length - 1 - tail]) {
            tail++;
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        if (n == 0 || m == 0) {
            return new RowDiff(m, n, 0, false);
        }
        byte[] ops = myers(a, head, n, b, head, m, maxEdits);
        if (ops == null) {
            return multiset(a, head, n, b, head, m);
        }
        long added = 0;
        long removed = 0;
        long changed = 0;
        int dels = 0;
        int adds = 0;
        for (byte op : ops) {
            if (op == '=') {
                changed += Math.min(dels, adds);
                removed += dels - Math.min(dels, adds);
                added += adds - Math.min(dels, adds);
                dels = 0;
                adds = 0;
            } else if (op == '-') {
                dels++;
            } else {
                adds++;
            }
        }
        changed += Math.min(dels, adds);
        removed += dels - Math.min(dels, adds);
        added += adds - Math.min(dels, adds);
        return new RowDiff(added, removed, changed, false);
    }

    /** The edit script ('=' keep, '-' remove from a, '+' add from b) in order, or null above {@code maxEdits}. */
    private static byte[] myers(long[] a, int ao, int n, long[] b, int bo, int m, int maxEdits) {
        int max = Math.min(n + m, maxEdits);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        int[][] trace = new int[max + 1][];
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a[ao + x] == b[bo + y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, d, n, m);
                }
            }
            // diagonals -d-1..d+1 of this round: all the next one's backtrack reads (memory ~ D squared, not D x (N+M))
            trace[d] = java.util.Arrays.copyOfRange(v, offset - d - 1, offset + d + 2);
        }
        return null;
    }

    private static byte[] backtrack(int[][] trace, int dEnd, int n, int m) {
        byte[] out = new byte[n + m];
        int p = out.length;
        int x = n;
        int y = m;
        for (int d = dEnd; d > 0; d--) {
            int[] v = trace[d - 1]; // diagonal j at index j + d
            int k = x - y;
            int prevK = k == -d || k != d && v[k - 1 + d] < v[k + 1 + d] ? k + 1 : k - 1;
            int prevX = v[prevK + d];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                out[--p] = '=';
                x--;
                y--;
            }
            out[--p] = x == prevX ? (byte) '+' : (byte) '-';
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            out[--p] = '=';
            x--;
            y--;
        }
        return java.util.Arrays.copyOfRange(out, p, out.length);
    }

    private static RowDiff multiset(long[] a, int ao, int n, long[] b, int bo, int m) {
        Map<Long, Integer> count = new HashMap<>();
        for (int i = 0; i < n; i++) {
            count.merge(a[ao + i], 1, Integer::sum);
        }
        long added = 0;
        for (int i = 0; i < m; i++) {
            Integer c = count.get(b[bo + i]);
            if (c == null || c == 0) {
                added++;
            } else {
                count.put(b[bo + i], c - 1);
            }
        }
        long removed = n - (m - added);
        long changed = Math.min(added, removed);
        return new RowDiff(added - changed, removed - changed, changed, true);
    }
}
