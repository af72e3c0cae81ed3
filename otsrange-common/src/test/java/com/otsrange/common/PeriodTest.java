package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void finestPlaceholderWins() {
        assertEquals(Period.YEAR, Period.finestIn("{partition_key}_{year}.csv"));
        assertEquals(Period.MONTH, Period.finestIn("{partition_key}_{year}{month}.csv"));
        assertEquals(Period.DAY, Period.finestIn("{year}/{month}/{day}/{partition_key}.csv"));
        assertEquals(Period.DAY, Period.parse("DAY"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("week"));
    }

    @Test
    void yearBoundaryInANonUtcZone() {
        long utcNewYear = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        // 2023-12-31T20:00Z is already 2024 in Shanghai (UTC+8) but still 2023 in UTC
        long t = Instant.parse("2023-12-31T20:00:00Z").toEpochMilli();
        assertEquals("2023", Period.YEAR.label(t, ZoneId.of("UTC")));
        assertEquals("2024", Period.YEAR.label(t, SHANGHAI));
        assertEquals(utcNewYear - 8 * 3600_000L, Period.YEAR.floor(t, SHANGHAI));
        assertEquals(Instant.parse("2024-12-31T16:00:00Z").toEpochMilli(), Period.YEAR.next(Period.YEAR.floor(t, SHANGHAI), SHANGHAI));
    }

    @Test
    void dstGapAtMidnight() {
        // Sao Paulo 2018-11-04: clocks jumped from 00:00 to 01:00, so the day starts at 01:00 local
        ZoneId sp = ZoneId.of("America/Sao_Paulo");
        long t = Instant.parse("2018-11-04T12:00:00Z").toEpochMilli();
        assertEquals(Instant.parse("2018-11-04T03:00:00Z").toEpochMilli(), Period.DAY.floor(t, sp));
        assertEquals("2018-11-04", Period.DAY.label(t, sp));
    }

    @Test
    void sortKeyUnits() {
        assertEquals(SortKeyUnit.US, SortKeyUnit.parse("us"));
        assertEquals(SortKeyUnit.MS, SortKeyUnit.parse(null));
        assertThrows(IllegalArgumentException.class, () -> SortKeyUnit.parse("ns"));
        assertEquals(-1, SortKeyUnit.US.toEpochMillisFloor(-1));
        assertEquals(-1, SortKeyUnit.S.fromEpochMillis(-1));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), SortKeyUnit.US.toInstant(-1));
        assertEquals(5000, SortKeyUnit.S.toEpochMillisFloor(5));
    }
}
