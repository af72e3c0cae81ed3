package com.otsrange.writer.commit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The restatement report's row counts, against an independent longest-common-subsequence count. */
class RowDiffTest {
    static long[] rows(List<Integer> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The LCS length by dynamic programming. */
    static int lcs(long[] a, long[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length][b.length];
    }

    @Property(tries = 300)
    void aMinimalDiff(@ForAll @Size(max = 30) List<@IntRange(max = 5) Integer> before,
                      @ForAll @Size(max = 30) List<@IntRange(max = 5) Integer> after) {
        long[] a = rows(before);
        long[] b = rows(after);
        RowDiff d = RowDiff.of(a, b);
        int kept = lcs(a, b);
        assertFalse(d.approximate);
        assertEquals(a.length - kept, d.removed + d.changed, "rows of the old region not kept");
        assertEquals(b.length - kept, d.added + d.changed, "rows of the new region not kept");
    }

    @Test
    void aReplacedRowIsChangedAndTheRestAddedOrRemoved() {
        RowDiff d = RowDiff.of(new long[] {1, 2, 3, 4, 5}, new long[] {1, 9, 3, 5, 6, 7});
        assertEquals(1, d.changed); // 2 -> 9
        assertEquals(1, d.removed); // 4
        assertEquals(2, d.added);   // 6, 7
    }

    @Test
    void aboveTheCapTheCountsComeFromMultisetsAndAreApproximate() {
        long[] a = {1, 2, 3, 4, 5, 6};
        long[] b = {6, 5, 4, 3, 2, 1, 7};
        RowDiff d = RowDiff.of(a, b, 2);
        assertTrue(d.approximate);
        // as multisets b has one row more (7) and none fewer
        assertEquals(Arrays.asList(1L, 0L, 0L), Arrays.asList(d.added, d.removed, d.changed));
    }
}
