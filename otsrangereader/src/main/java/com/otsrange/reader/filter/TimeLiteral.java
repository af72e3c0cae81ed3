package com.otsrange.reader.filter;

import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.SortKeyUnit;

import java.time.ZoneId;

/**
 * Sort-key bounds: epoch numbers in the job's timeUnit, or date strings. A date means its midnight
 * in the job's timeZone; a date-time without offset is local to that zone. The rules live in
 * otsrange-common {@link SortKeyLiteral}, which the writer uses for incremental windows, so both
 * plugins read a bound the same way.
 */
public final class TimeLiteral {
    public static final String FORMS = SortKeyLiteral.FORMS;

    private final SortKeyLiteral literal;

    public TimeLiteral(SortKeyUnit unit, ZoneId zone) {
        this.literal = new SortKeyLiteral(unit, zone);
    }

    /** Whether a literal is written as a date ("2024-01-01", "20240101", "2024-01-01T08:00:00Z"), valid or not. */
    public static boolean looksLikeDate(Object literal) {
        return SortKeyLiteral.looksLikeDate(literal);
    }

    /** The raw sort-key value, or null when the literal is neither an epoch number nor a date. */
    public Long toRaw(Object literal) {
        return this.literal.toRaw(literal);
    }
}
