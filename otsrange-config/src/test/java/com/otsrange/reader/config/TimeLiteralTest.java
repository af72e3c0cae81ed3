package com.otsrange.reader.config;

import com.otsrange.common.SortKeyUnit;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimeLiteralTest {
    @Test
    void datesAreMidnightInTheJobZone() {
        TimeLiteral utc = new TimeLiteral(SortKeyUnit.MS, ZoneId.of("UTC"));
        TimeLiteral sh = new TimeLiteral(SortKeyUnit.MS, ZoneId.of("Asia/Shanghai"));
        assertEquals(1704067200000L, utc.toRaw("2024-01-01"));
        assertEquals(1704067200000L, utc.toRaw("20240101"));
        assertEquals(1704067200000L - 8 * 3600_000L, sh.toRaw("20240101"));
        assertEquals(1704067200000L - 8 * 3600_000L, sh.toRaw("2024-01-01T00:00:00"));
        assertEquals(1704067200000L, sh.toRaw("2024-01-01T00:00:00Z"));
        assertEquals(1704067200000L, sh.toRaw("2024-01-01T08:00:00+08:00"));
        assertEquals(1704067200123L, utc.toRaw("2024-01-01 00:00:00.123"));
        assertEquals(1704067200000L, utc.toRaw(1704067200000L));
        assertEquals(1704067200000L, utc.toRaw("1704067200000"));
        assertNull(utc.toRaw("yesterday"));
        assertNull(utc.toRaw(1.5));
        assertEquals(1704067200L, new TimeLiteral(SortKeyUnit.S, ZoneId.of("UTC")).toRaw("2024-01-01"));
        assertEquals(1704067200000001L, new TimeLiteral(SortKeyUnit.US, ZoneId.of("UTC")).toRaw("2024-01-01T00:00:00.000001Z"));
    }
}
