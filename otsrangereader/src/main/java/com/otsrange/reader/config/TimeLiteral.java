package com.otsrange.reader.config;

import com.otsrange.common.SortKeyUnit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Sort-key bounds: epoch numbers in the job's timeUnit, or date strings. A date means its midnight
 * in the job's timeZone; a date-time without offset is local to that zone.
 */
public final class TimeLiteral {
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");
    private static final Pattern EPOCH = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{8}|\\d{4}-\\d{2}-\\d{2}([T ].*)?");
    public static final String FORMS = "an epoch number in the timeUnit, or a date string "
            + "like \"2024-01-01\", \"20240101\", \"2024-01-01T08:00:00\" or \"2024-01-01T08:00:00Z\"";

    private final SortKeyUnit unit;
    private final ZoneId zone;

    public TimeLiteral(SortKeyUnit unit, ZoneId zone) {
        this.unit = unit;
        this.zone = zone;
    }

    /** Whether a literal is written as a date ("2024-01-01", "20240101", "2024-01-01T08:00:00Z"), valid or not. */
    public static boolean looksLikeDate(Object literal) {
        return literal instanceof String && DATE_LIKE.matcher(((String) literal).trim()).matches();
    }

    /** The raw sort-key value, or null when the literal is neither an epoch number nor a date. */
    public Long toRaw(Object literal) {
        if (literal instanceof Number) {
            return Fields.integral(literal);
        }
        if (!(literal instanceof String)) {
            return null;
        }
        String s = ((String) literal).trim();
        try {
            if (COMPACT_DATE.matcher(s).matches()) {
                return raw(LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toInstant());
            }
            if (EPOCH.matcher(s).matches()) {
                return Fields.integral(s);
            }
            if (DATE.matcher(s).matches()) {
                return raw(LocalDate.parse(s).atStartOfDay(zone).toInstant());
            }
            String t = s.indexOf('T') < 0 && s.length() > 10 && s.charAt(10) == ' '
                    ? s.substring(0, 10) + "T" + s.substring(11) : s;
            if (t.endsWith("Z") || t.endsWith("z")) {
                return raw(Instant.parse(t.substring(0, t.length() - 1) + "Z"));
            }
            try {
                return raw(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException notOffset) {
                try {
                    return raw(ZonedDateTime.parse(t).toInstant());
                } catch (DateTimeParseException notZoned) {
                    return raw(LocalDateTime.parse(t).atZone(zone).toInstant());
                }
            }
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private long raw(Instant i) {
        return unit.fromInstant(i);
    }
}
