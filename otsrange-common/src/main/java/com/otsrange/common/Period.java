package com.otsrange.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** The time span one output file covers; cut in the job's time zone. */
public enum Period {
    YEAR("year"), MONTH("month"), DAY("day");

    /** File periods one key's window may span; beyond this a window is almost certainly a mistake. */
    public static final int MAX_PER_KEY = 200_000;

    private final String text;

    Period(String text) {
        this.text = text;
    }

    /** {day} -> DAY, {month} -> MONTH, otherwise YEAR. */
    public static Period finestIn(String fileNamePattern) {
        if (fileNamePattern == null) {
            return YEAR;
        }
        if (fileNamePattern.contains("{day}")) {
            return DAY;
        }
        if (fileNamePattern.contains("{month}")) {
            return MONTH;
        }
        return YEAR;
    }

    /** "year" / "month" / "day", case-insensitive. */
    public static Period parse(String s) {
        if (s != null) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Period p : values()) {
                if (p.text.equals(t)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("invalid period '" + s + "': expected year, month or day");
    }

    /**
     * How many of these periods (in {@code zone}) the raw sort-key window [from, to) touches: the
     * pieces the reader's planner cuts it into.
     *
     * @throws ArithmeticException or java.time.DateTimeException when the window reaches beyond
     *         the dates java.time can hold (no file could be named for it)
     */
    public long countIn(long from, long to, SortKeyUnit unit, ZoneId zone) {
        if (from >= to) {
            return 0;
        }
        LocalDate a = localDate(unit.toEpochMillisFloor(from), zone);
        LocalDate b = localDate(unit.toEpochMillisFloor(to - 1), zone);
        switch (this) {
            case YEAR:
                return (long) b.getYear() - a.getYear() + 1;
            case MONTH:
                return java.time.temporal.ChronoUnit.MONTHS.between(a.withDayOfMonth(1), b.withDayOfMonth(1)) + 1;
            default:
                return java.time.temporal.ChronoUnit.DAYS.between(a, b) + 1;
        }
    }

    /** Lower-case name as used in job JSON and record meta. */
    public String text() {
        return text;
    }

    /** Start (epoch millis) of the period that contains the instant. */
    public long floor(long epochMillis, ZoneId zone) {
        return startOf(firstDay(localDate(epochMillis, zone)), zone);
    }

    /** Start of the period following the one starting at (or containing) {@code periodStartMillis}. */
    public long next(long periodStartMillis, ZoneId zone) {
        LocalDate first = firstDay(localDate(periodStartMillis, zone));
        LocalDate following;
        switch (this) {
            case YEAR:
                following = first.plusYears(1);
                break;
            case MONTH:
                following = first.plusMonths(1);
                break;
            default:
                following = first.plusDays(1);
        }
        return startOf(following, zone);
    }

    /** "2023" | "2023-04" | "2023-04-30" for the period containing the instant. */
    public String label(long epochMillis, ZoneId zone) {
        LocalDate d = localDate(epochMillis, zone);
        StringBuilder sb = new StringBuilder(10);
        appendYear(sb, d.getYear());
        if (this != YEAR) {
            sb.append('-');
            pad2(sb, d.getMonthValue());
            if (this == DAY) {
                sb.append('-');
                pad2(sb, d.getDayOfMonth());
            }
        }
        return sb.toString();
    }

    static void appendYear(StringBuilder sb, int year) {
        if (year < 0) {
            sb.append('-');
            year = -year;
        }
        String y = Integer.toString(year);
        for (int i = y.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(y);
    }

    static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private LocalDate firstDay(LocalDate d) {
        switch (this) {
            case YEAR:
                return d.withDayOfYear(1);
            case MONTH:
                return d.withDayOfMonth(1);
            default:
                return d;
        }
    }

    private static LocalDate localDate(long epochMillis, ZoneId zone) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    }

    // atStartOfDay(zone) picks the first valid instant when a DST gap swallows midnight.
    private static long startOf(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
