package com.otsrange.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A sort-key bound as written in a job: an epoch number in the job's timeUnit, or a date string.
 * A date means its midnight in the job's timeZone; a date-time without offset is local to that
 * zone. Here (not in the reader) because the writer needs the same values offline: in incremental
 * mode the sort key's bounds are the run's window, decided in the writer Job's prepare.
 */
public final class SortKeyLiteral {
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");
    private static final Pattern EPOCH = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{8}|\\d{4}-\\d{2}-\\d{2}([T ].*)?");
    public static final String FORMS = "an epoch number in the timeUnit, or a date string "
            + "like \"2024-01-01\", \"20240101\", \"2024-01-01T08:00:00\" or \"2024-01-01T08:00:00Z\"";

    private final SortKeyUnit unit;
    private final ZoneId zone;

    public SortKeyLiteral(SortKeyUnit unit, ZoneId zone) {
        this.unit = unit;
        this.zone = zone;
    }

    public SortKeyUnit unit() {
        return unit;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether a literal is written as a date ("2024-01-01", "20240101", "2024-01-01T08:00:00Z"), valid or not. */
    public static boolean looksLikeDate(Object literal) {
        return literal instanceof String && DATE_LIKE.matcher(((String) literal).trim()).matches();
    }

    /**
     * The raw sort-key value, or null when the literal is neither an epoch number nor a date. A
     * time finer than the unit (a fraction of a second with {@code timeUnit: "s"}) gives the value
     * it falls in (rounded toward the past); {@link #ceiling} the first value at or after it.
     */
    public Long toRaw(Object literal) {
        return raw(literal, false);
    }

    /** The first raw value at or after the literal's time (its {@link #toRaw} when the unit holds it exactly), or null. */
    public Long ceiling(Object literal) {
        return raw(literal, true);
    }

    /** Whether the literal names a whole raw value (an epoch number, or a time the unit holds), or null when it is no time. */
    public Boolean exact(Object literal) {
        Long floor = raw(literal, false);
        return floor == null ? null : floor.equals(raw(literal, true));
    }

    private Long raw(Object literal, boolean ceiling) {
        if (literal instanceof Number) {
            return integral(literal);
        }
        if (!(literal instanceof String)) {
            return null;
        }
        String s = ((String) literal).trim();
        if (EPOCH.matcher(s).matches() && !COMPACT_DATE.matcher(s).matches()) {
            return integral(s);
        }
        try {
            Instant i = instant(s);
            long floor = unit.fromInstant(i);
            return ceiling && !unit.toInstant(floor).equals(i) ? Math.addExact(floor, 1) : floor;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** The instant a date string names (a compact date is its midnight in the zone). */
    private Instant instant(String s) {
        if (COMPACT_DATE.matcher(s).matches()) {
            return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toInstant();
        }
        return DateText.instant(s, zone);
    }

    /**
     * How two bounds compare as written: two local times (dates, date-times without an offset) by
     * their local time, so the hour a DST change skips is an empty window rather than reversed
     * bounds; anything else by the instants they name, at full precision. Null when either is no
     * time.
     */
    public Integer compareAsWritten(Object a, Object b) {
        LocalDateTime la = local(a);
        LocalDateTime lb = local(b);
        if (la != null && lb != null) {
            return Integer.signum(la.compareTo(lb));
        }
        Instant ia = exactInstant(a);
        Instant ib = exactInstant(b);
        return ia == null || ib == null ? null : Integer.signum(ia.compareTo(ib));
    }

    private static LocalDateTime local(Object literal) {
        if (!(literal instanceof String)) {
            return null;
        }
        String s = ((String) literal).trim();
        try {
            if (COMPACT_DATE.matcher(s).matches()) {
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s.indexOf('T') < 0 ? s.replace(' ', 'T') : s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Instant exactInstant(Object literal) {
        try {
            if (literal instanceof String && !EPOCH.matcher(((String) literal).trim()).matches()
                    || literal instanceof String && COMPACT_DATE.matcher(((String) literal).trim()).matches()) {
                return instant(((String) literal).trim());
            }
            Long n = integral(literal);
            return n == null ? null : unit.toInstant(n);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * A raw value as a literal that reads back to exactly it: the date ("2024-01-02") at a
     * midnight in the zone, the local date-time ("2024-01-02T08:30") otherwise, the epoch number
     * when no text is exact (sub-millisecond values). For messages users copy into a job.
     */
    public String text(long raw) {
        try {
            LocalDateTime local = LocalDateTime.ofInstant(unit.toInstant(raw), zone);
            String text = local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.toLocalDate().toString() : local.toString();
            Long back = toRaw(text);
            return back != null && back == raw ? text : Long.toString(raw);
        } catch (DateTimeException | ArithmeticException e) {
            return Long.toString(raw);
        }
    }

    /** An exact integer (JSON number or digit string) as a long, else null. */
    public static Long integral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (v instanceof BigDecimal) {
            try {
                return ((BigDecimal) v).longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof String) {
            String s = ((String) v).trim();
            if (s.matches("[+-]?\\d{1,19}")) {
                try {
                    return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
