package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one conversion between raw sort-key values, epoch millis and instants (planner, literals, writer). */
class SortKeyUnitTest {
    @Test
    void ceilingOfMillis() {
        assertEquals(2, SortKeyUnit.S.ceilFromEpochMillis(1001));
        assertEquals(1, SortKeyUnit.S.ceilFromEpochMillis(1000));
        assertEquals(0, SortKeyUnit.S.ceilFromEpochMillis(-999));
        assertEquals(-1, SortKeyUnit.S.ceilFromEpochMillis(-1000));
        assertEquals(-1_000, SortKeyUnit.US.ceilFromEpochMillis(-1));
        assertEquals(1001, SortKeyUnit.MS.ceilFromEpochMillis(1001));
    }

    @Test
    void fractionDigitsOfEachUnit() {
        assertEquals(0, SortKeyUnit.S.fractionDigits());
        assertEquals(3, SortKeyUnit.MS.fractionDigits());
        assertEquals(6, SortKeyUnit.US.fractionDigits());
    }

    @Test
    void instantsRoundDown() {
        Instant i = Instant.parse("1969-12-31T23:59:59.9999995Z");
        assertEquals(-1, SortKeyUnit.S.fromInstant(i));
        assertEquals(-1, SortKeyUnit.MS.fromInstant(i));
        assertEquals(-1, SortKeyUnit.US.fromInstant(i));
        assertEquals(1_700_000_000_123_456L, SortKeyUnit.US.fromInstant(Instant.parse("2023-11-14T22:13:20.123456Z")));
        assertThrows(ArithmeticException.class, () -> SortKeyUnit.US.fromInstant(Instant.MAX));
        for (SortKeyUnit u : SortKeyUnit.values()) {
            for (long raw : new long[] {-1_234_567_891L, -1, 0, 1, 1_700_000_000_123L}) {
                assertEquals(raw, u.fromInstant(u.toInstant(raw)), u + " " + raw);
            }
        }
    }
}
