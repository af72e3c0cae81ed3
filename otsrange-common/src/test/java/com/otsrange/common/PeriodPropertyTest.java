package com.otsrange.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodPropertyTest {
    // 1900 .. 2200
    private static final long MIN = -2208988800000L;
    private static final long MAX = 7258118400000L;

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe",
                "America/Sao_Paulo", "Pacific/Apia", "Asia/Kathmandu", "America/St_Johns", "Africa/Casablanca")
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<Period> periods() {
        return Arbitraries.of(Period.class);
    }

    @Property(tries = 3000)
    void everyInstantFallsInExactlyOnePeriod(@ForAll @LongRange(min = MIN, max = MAX) long t,
                                             @ForAll("zones") ZoneId zone, @ForAll("periods") Period p) {
        long start = p.floor(t, zone);
        long end = p.next(start, zone);
        assertTrue(start <= t && t < end, "[" + start + "," + end + ") must contain " + t);
        // the period is a fixed point of floor, and the next period starts where this one ends
        assertEquals(start, p.floor(start, zone));
        assertEquals(end, p.floor(end, zone));
        assertEquals(start, p.floor(end - 1, zone));
        // label is constant over the period and changes at its end
        assertEquals(p.label(t, zone), p.label(start, zone));
        assertEquals(p.label(t, zone), p.label(end - 1, zone));
        assertTrue(!p.label(end, zone).equals(p.label(t, zone)));
        assertTrue(p.label(end, zone).compareTo(p.label(t, zone)) > 0, "labels sort in time order");
    }

    @Property(tries = 1000)
    void labelMatchesLocalCalendar(@ForAll @LongRange(min = MIN, max = MAX) long t, @ForAll("zones") ZoneId zone) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
        String ymd = String.format("%04d-%02d-%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth());
        assertEquals(ymd.substring(0, 4), Period.YEAR.label(t, zone));
        assertEquals(ymd.substring(0, 7), Period.MONTH.label(t, zone));
        assertEquals(ymd, Period.DAY.label(t, zone));
    }

    @Property(tries = 1000)
    void sortKeyUnitConversions(@ForAll @LongRange(min = -9_000_000_000_000_000L, max = 9_000_000_000_000_000L) long raw) {
        assertEquals(Math.floorDiv(raw, 1000L), SortKeyUnit.US.toEpochMillisFloor(raw));
        assertEquals(SortKeyUnit.US.toInstant(raw).toEpochMilli(), SortKeyUnit.US.toEpochMillisFloor(raw));
        long ms = Math.floorDiv(raw, 1_000_000L);
        assertEquals(SortKeyUnit.S.fromEpochMillis(SortKeyUnit.S.toEpochMillisFloor(ms)), ms);
        assertEquals(SortKeyUnit.US.fromEpochMillis(ms) / 1000, ms);
    }
}
