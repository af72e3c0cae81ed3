package com.otsrange.writer.file;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time cells: ISO-8601 instants in the time zone, a fraction only when non-zero, or the dateFormat. */
class TimeCellFormatterTest {
    @Test
    void isoInstantsWithFractionOnlyWhenNonZero() {
        TimeCellFormatter ms = new TimeCellFormatter(ZoneId.of("UTC"), null, 3);
        assertEquals("2023-01-15T10:30:00Z", ms.format(Instant.parse("2023-01-15T10:30:00Z").getEpochSecond(), 0));
        assertEquals("2023-01-15T10:30:00.120Z", ms.format(Instant.parse("2023-01-15T10:30:00Z").getEpochSecond(), 120_000_000));
        assertEquals("1969-12-31T23:59:59.999Z", ms.format(-1, 999_000_000));
        TimeCellFormatter us = new TimeCellFormatter(ZoneId.of("UTC"), null, 6);
        assertEquals("2023-01-15T10:30:00.000005Z", us.format(Instant.parse("2023-01-15T10:30:00Z").getEpochSecond(), 5000));
        TimeCellFormatter sh = new TimeCellFormatter(ZoneId.of("Asia/Shanghai"), null, 3);
        assertEquals("2024-01-01T04:00:00+08:00", sh.format(Instant.parse("2023-12-31T20:00:00Z").getEpochSecond(), 0));
        TimeCellFormatter custom = new TimeCellFormatter(ZoneId.of("Asia/Shanghai"), "yyyy/MM/dd HH:mm", 3);
        assertEquals("2024/01/01 04:00", custom.format(Instant.parse("2023-12-31T20:00:00Z").getEpochSecond(), 0));
    }
}
