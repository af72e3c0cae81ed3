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

    /** A time finer than the unit: gte and lt round up, gt and lte down, eq and its kin need a time the unit holds. */
    @Test
    void eachOperatorRoundsSoThatARowIsSelectedExactlyWhenItsTimeSatisfiesTheBound() {
        TimeLiteral s = new TimeLiteral(SortKeyUnit.S, ZoneId.of("UTC"));
        long five = java.time.Instant.parse("2024-01-01T00:00:05Z").getEpochSecond();
        String half = "2024-01-01T00:00:05.5Z";
        assertEquals(five + 1, s.toRaw(Op.GTE, half));
        assertEquals(five + 1, s.toRaw(Op.LT, half));
        assertEquals(five, s.toRaw(Op.GT, half));
        assertEquals(five, s.toRaw(Op.LTE, half));
        assertNull(s.toRaw(Op.EQ, half));
        assertNull(s.toRaw(Op.IN, half));
        // a time the unit holds is itself under every operator
        for (Op op : new Op[] {Op.GTE, Op.LT, Op.GT, Op.LTE, Op.EQ, Op.NE}) {
            assertEquals(five, s.toRaw(op, "2024-01-01T00:00:05Z"), op.json());
            assertEquals(five, s.toRaw(op, five), op.json());
        }
        // between [a, b] bounds like gte a, lte b
        assertEquals(Op.GTE, TimeLiteral.boundOf(Op.BETWEEN, 0));
        assertEquals(Op.LTE, TimeLiteral.boundOf(Op.BETWEEN, 1));
        TimeLiteral ms = new TimeLiteral(SortKeyUnit.MS, ZoneId.of("UTC"));
        assertEquals(1704067200006L, ms.toRaw(Op.GTE, "2024-01-01T00:00:00.005500Z"));
        assertEquals(1704067200005L, ms.toRaw(Op.LTE, "2024-01-01T00:00:00.005500Z"));
    }

    /** Bounds compare as written: two local times by their local time, so the hour a DST change skips is empty, not reversed. */
    @Test
    void boundsCompareAsWritten() {
        TimeLiteral berlin = new TimeLiteral(SortKeyUnit.MS, ZoneId.of("Europe/Berlin"));
        assertEquals(Integer.valueOf(-1), berlin.compareAsWritten("2024-03-31T02:00:00", "2024-03-31T03:00:00"));
        assertEquals(berlin.toRaw(Op.GTE, "2024-03-31T02:00:00"), berlin.toRaw(Op.LT, "2024-03-31T03:00:00"), "the gap holds no time");
        assertEquals(Integer.valueOf(1), berlin.compareAsWritten("2024-03-31T03:30:00", "2024-03-31T02:30:00"));
        assertEquals(Integer.valueOf(0), berlin.compareAsWritten("20240331", "2024-03-31"));
        // anything else by the instants named, at full precision
        TimeLiteral s = new TimeLiteral(SortKeyUnit.S, ZoneId.of("UTC"));
        assertEquals(Integer.valueOf(-1), s.compareAsWritten("2024-01-01T00:00:05.2Z", "2024-01-01T00:00:05.8Z"));
        assertEquals(Integer.valueOf(0), s.compareAsWritten(1704067205L, "2024-01-01T00:00:05Z"));
        assertNull(s.compareAsWritten("soon", 5));
    }
}
