package com.otsrange.reader.range;

import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeCutterPropertyTest {
    static final String[] ZONES = {"UTC", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"};

    /** Pieces tile [from, to) exactly; every piece lies in one period whose label it carries, the next one in another. */
    @Property(tries = 300)
    void everyInstantFallsInExactlyOnePiece(@ForAll @LongRange(min = -2_000_000_000_000L, max = 4_000_000_000_000L) long from,
                                           @ForAll @LongRange(min = 1, max = 90L * 86_400_000L) long length,
                                           @ForAll @LongRange(min = 0, max = 4) long zone, @ForAll @LongRange(min = 0, max = 2) long period,
                                           @ForAll @LongRange(min = 0, max = 2) long unit) {
        SortKeyUnit u = SortKeyUnit.values()[(int) unit];
        ZoneId z = ZoneId.of(ZONES[(int) zone]);
        Period p = Period.values()[(int) period];
        long f = u == SortKeyUnit.S ? from / 1000 : u == SortKeyUnit.US ? from * 1000 : from;
        long len = u == SortKeyUnit.S ? Math.max(1, length / 1000) : u == SortKeyUnit.US ? length * 1000 : length;
        TimeCutter cutter = new TimeCutter(u, z);
        List<TimeCutter.Piece> pieces = cutter.cut(f, f + len, p, 10_000);
        long cur = f;
        String previous = null;
        for (TimeCutter.Piece piece : pieces) {
            assertEquals(cur, piece.from);
            assertTrue(piece.to > piece.from);
            assertEquals(piece.label, calendarLabel(p, u, piece.from, z));
            assertEquals(piece.label, calendarLabel(p, u, piece.to - 1, z));
            assertTrue(!piece.label.equals(previous), "a period cut in two: " + piece.label);
            previous = piece.label;
            cur = piece.to;
        }
        assertEquals(f + len, cur);
        // the offline width check counts exactly the pieces the planner cuts
        assertEquals(pieces.size(), p.countIn(f, f + len, u, z));
    }

    /** The period's label of a sort-key value from the local calendar (java.time), not from the product's Period. */
    static String calendarLabel(Period p, SortKeyUnit u, long raw, ZoneId z) {
        long ms = u == SortKeyUnit.S ? raw * 1000 : u == SortKeyUnit.US ? Math.floorDiv(raw, 1000L) : raw;
        ZonedDateTime t = Instant.ofEpochMilli(ms).atZone(z);
        String day = String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        return p == Period.YEAR ? day.substring(0, 4) : p == Period.MONTH ? day.substring(0, 7) : day;
    }
}
