package com.otsrange.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one reader of ISO-8601 date strings: an instant ("2024-01-01T08:00:00Z"), a date-time with
 * an offset or a zone, a local date-time ("2024-01-01T08:00:00", or with a space for the T) in the
 * given zone, or a date ("2024-01-01") at its midnight there. The reader's sort-key bounds
 * ({@link SortKeyLiteral}) add epoch numbers and compact dates on top; the writer's generic mode
 * uses exactly these forms, because there a digit string in another reader's output is a number,
 * not a date.
 */
public final class DateText {
    private DateText() {
    }

    /**
     * The instant a trimmed date string names.
     *
     * @throws DateTimeParseException when it is none of the forms; the message is the date
     *         parser's, which names the text and where it stops making sense
     */
    public static Instant instant(String s, ZoneId zone) {
        String t = s.indexOf('T') < 0 ? s.replace(' ', 'T') : s;
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notZoned) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // a date alone, or the error that names the text
        }
        return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    }
}
