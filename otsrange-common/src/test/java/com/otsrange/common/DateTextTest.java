package com.otsrange.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** The date forms both callers accept: the writer's generic time column and the reader's sort-key bounds. */
class DateTextTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2024-01-01T00:00:00Z, and that instant minus 8 hours (midnight in Shanghai)
    private static final long UTC_MIDNIGHT = 1704067200000L;
    private static final long SH_MIDNIGHT = UTC_MIDNIGHT - 8 * 3600_000L;

    @Test
    void theIsoFormsMeanTheSameInstantToBothCallers() {
        SortKeyLiteral bounds = new SortKeyLiteral(SortKeyUnit.MS, SHANGHAI);
        Object[][] cases = {
            {"2024-01-01", SH_MIDNIGHT},
            {"2024-01-01T08:00:00", UTC_MIDNIGHT},
            {"2024-01-01 08:00:00", UTC_MIDNIGHT},
            {"2024-01-01T08:00:00.250", UTC_MIDNIGHT + 250},
            {"2024-01-01T00:00:00Z", UTC_MIDNIGHT},
            {"2024-01-01t00:00:00z", UTC_MIDNIGHT},
            {"2024-01-01T00:00Z", UTC_MIDNIGHT},
            {"2024-01-01T09:00:00+09:00", UTC_MIDNIGHT},
            {"2024-01-01T09:00+09:00[Asia/Tokyo]", UTC_MIDNIGHT},
        };
        for (Object[] c : cases) {
            String text = (String) c[0];
            long expected = (Long) c[1];
            assertEquals(expected, DateText.instant(text, SHANGHAI).toEpochMilli(), text);
            assertEquals(expected, bounds.toRaw(text).longValue(), text);
        }
    }

    @Test
    void compactDatesAndEpochNumbersAreSortKeyBoundsOnly() {
        SortKeyLiteral bounds = new SortKeyLiteral(SortKeyUnit.MS, SHANGHAI);
        assertEquals(SH_MIDNIGHT, bounds.toRaw("20240101").longValue());
        assertEquals(UTC_MIDNIGHT, bounds.toRaw(String.valueOf(UTC_MIDNIGHT)).longValue());
        // in the writer's generic mode a digit string is another reader's number, not a date
        DateTimeParseException compact = assertThrows(DateTimeParseException.class, () -> DateText.instant("20240101", SHANGHAI));
        assertEquals("Text '20240101' could not be parsed at index 0", compact.getMessage());
        assertThrows(DateTimeParseException.class, () -> DateText.instant(String.valueOf(UTC_MIDNIGHT), SHANGHAI));
    }

    @Test
    void aFailureNamesTheTextTheSameWayForEveryForm() {
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> DateText.instant("2024-13-01T00:00:00", SHANGHAI));
        assertEquals("Text '2024-13-01T00:00:00' could not be parsed, unparsed text found at index 10", e.getMessage());
        assertNull(new SortKeyLiteral(SortKeyUnit.MS, SHANGHAI).toRaw("2024-13-01T00:00:00"));
        assertNull(new SortKeyLiteral(SortKeyUnit.MS, SHANGHAI).toRaw("yesterday"));
    }
}
