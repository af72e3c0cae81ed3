package com.otsrange.reader.range;

import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Cuts a raw sort-key window [from, to) at period boundaries in the job's time zone. */
public final class TimeCutter {
    /** One piece: its period label and raw window. */
    public static final class Piece {
        public final String label;
        public final long from;
        public final long to;

        Piece(String label, long from, long to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }
    }

    private final SortKeyUnit unit;
    private final ZoneId zone;

    public TimeCutter(SortKeyUnit unit, ZoneId zone) {
        this.unit = unit;
        this.zone = zone;
    }

    /**
     * The pieces of [from, to) cut at every {@code period} boundary, in order.
     *
     * @throws IllegalArgumentException when there would be more than {@code limit} pieces
     */
    public List<Piece> cut(long from, long to, Period period, int limit) {
        List<Piece> out = new ArrayList<>();
        if (from >= to) {
            return out;
        }
        long startMillis = period.floor(unit.toEpochMillisFloor(from), zone);
        long cur = from;
        while (cur < to) {
            long nextMillis = period.next(startMillis, zone);
            long nextRaw = unit.ceilFromEpochMillis(nextMillis);
            long end = Math.min(to, nextRaw);
            if (out.size() >= limit) {
                throw new IllegalArgumentException("the window has more than " + limit + " " + period.text() + " periods");
            }
            out.add(new Piece(period.label(startMillis, zone), cur, end));
            cur = end;
            startMillis = nextMillis;
        }
        return out;
    }

    /** The {@code period} holding the raw value {@code raw}: its label and its raw window [start, end). */
    public Piece periodOf(long raw, Period period) {
        long startMillis = period.floor(unit.toEpochMillisFloor(raw), zone);
        return new Piece(period.label(startMillis, zone), unit.ceilFromEpochMillis(startMillis),
                unit.ceilFromEpochMillis(period.next(startMillis, zone)));
    }

    public long toMillis(long raw) {
        return unit.toEpochMillisFloor(raw);
    }
}
