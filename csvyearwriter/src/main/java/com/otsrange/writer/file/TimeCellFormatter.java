package com.otsrange.writer.file;

import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.common.SortKeyUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Renders instants for time cells. Default: ISO-8601 in UTC ({@code 2023-01-15T10:30:00Z}), or with
 * the zone's offset when the time zone is not UTC ({@code 2023-01-15T18:30:00+08:00}); a fraction
 * only when non-zero, with the digits of the sort key's unit (3 for ms, 6 for us). A
 * {@code dateFormat} (java.time pattern) replaces all of this. Not thread-safe (caches the day).
 */
final class TimeCellFormatter {
    private final ZoneId zone;
    private final boolean utc;
    private final DateTimeFormatter custom;
    private final int fractionDigits;
    private final StringBuilder sb = new StringBuilder(40);
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDayPrefix;

    TimeCellFormatter(ZoneId zone, String dateFormat, int fractionDigits) {
        this.zone = zone;
        this.utc = zone.normalized().equals(ZoneOffset.UTC);
        this.custom = dateFormat == null || dateFormat.isEmpty() ? null : DateTimeFormatter.ofPattern(dateFormat).withZone(zone);
        this.fractionDigits = fractionDigits;
    }

    /** For cells holding a raw sort-key value: as many fraction digits as the job's timeUnit has. */
    static TimeCellFormatter forSortKey(WriterSpec spec) {
        return new TimeCellFormatter(spec.timeZone(), spec.dateFormat(), spec.timeUnit().fractionDigits());
    }

    /** For DATE cells (epoch millis). */
    static TimeCellFormatter forDates(WriterSpec spec) {
        return new TimeCellFormatter(spec.timeZone(), spec.dateFormat(), SortKeyUnit.MS.fractionDigits());
    }

    /** Formats an instant (a raw sort-key value through {@code SortKeyUnit.toInstant}). */
    String format(Instant i) {
        return format(i.getEpochSecond(), i.getNano());
    }

    /** Formats epoch millis (a DATE cell). */
    String formatMillis(long epochMillis) {
        return format(Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L) * 1_000_000);
    }

    /** Formats epoch seconds plus nanos. */
    String format(long epochSecond, int nanos) {
        if (custom != null) {
            return custom.format(Instant.ofEpochSecond(epochSecond, nanos));
        }
        sb.setLength(0);
        if (utc) {
            long day = Math.floorDiv(epochSecond, 86400L);
            int secOfDay = (int) Math.floorMod(epochSecond, 86400L);
            if (day != cachedDay) {
                cachedDay = day;
                StringBuilder p = new StringBuilder(11);
                appendDate(p, LocalDate.ofEpochDay(day));
                cachedDayPrefix = p.append('T').toString();
            }
            sb.append(cachedDayPrefix);
            appendTime(sb, secOfDay / 3600, (secOfDay / 60) % 60, secOfDay % 60, nanos);
            sb.append('Z');
        } else {
            ZonedDateTime z = Instant.ofEpochSecond(epochSecond, nanos).atZone(zone);
            appendDate(sb, z.toLocalDate());
            sb.append('T');
            appendTime(sb, z.getHour(), z.getMinute(), z.getSecond(), nanos);
            String off = z.getOffset().getId();
            sb.append(off);
        }
        return sb.toString();
    }

    private static void appendDate(StringBuilder b, LocalDate d) {
        int y = d.getYear();
        if (y < 0) {
            b.append('-');
            y = -y;
        }
        if (y > 9999) {
            b.append('+');
        }
        pad(b, y, 4);
        b.append('-');
        pad(b, d.getMonthValue(), 2);
        b.append('-');
        pad(b, d.getDayOfMonth(), 2);
    }

    private void appendTime(StringBuilder b, int h, int m, int s, int nanos) {
        pad(b, h, 2);
        b.append(':');
        pad(b, m, 2);
        b.append(':');
        pad(b, s, 2);
        if (nanos != 0 && fractionDigits > 0) {
            b.append('.');
            int digits = fractionDigits;
            int v = nanos;
            for (int i = digits; i < 9; i++) {
                v /= 10;
            }
            pad(b, v, digits);
        } else if (nanos != 0) {
            b.append('.');
            pad(b, nanos, 9);
        }
    }

    private static void pad(StringBuilder b, int v, int width) {
        int limit = 1;
        for (int i = 1; i < width; i++) {
            limit *= 10;
            if (v < limit) {
                b.append('0');
            }
        }
        b.append(v);
    }
}
