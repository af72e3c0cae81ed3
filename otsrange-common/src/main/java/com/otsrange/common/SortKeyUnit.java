package com.otsrange.common;

import java.time.Instant;
import java.util.Locale;

/** Unit of the sort key's integer value (the reader's {@code timeUnit}). */
public enum SortKeyUnit {
    MS("ms"), S("s"), US("us");

    private final String text;

    SortKeyUnit(String text) {
        this.text = text;
    }

    /** "ms" | "s" | "us" (case-insensitive); null means the default, ms. */
    public static SortKeyUnit parse(String s) {
        if (s == null) {
            return MS;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (SortKeyUnit u : values()) {
            if (u.text.equals(t)) {
                return u;
            }
        }
        throw new IllegalArgumentException("invalid timeUnit '" + s + "': expected ms, s or us");
    }

    public String text() {
        return text;
    }

    /** Digits of a second's fraction the unit can express: 0 (s), 3 (ms), 6 (us). */
    public int fractionDigits() {
        return this == S ? 0 : this == MS ? 3 : 6;
    }

    /** Epoch millis of the raw value, rounding toward negative infinity. */
    public long toEpochMillisFloor(long raw) {
        switch (this) {
            case S:
                return Math.multiplyExact(raw, 1000L);
            case US:
                return Math.floorDiv(raw, 1000L);
            default:
                return raw;
        }
    }

    /** Raw value of an epoch-millis instant (exact for ms/us, floor for s). */
    public long fromEpochMillis(long millis) {
        switch (this) {
            case S:
                return Math.floorDiv(millis, 1000L);
            case US:
                return Math.multiplyExact(millis, 1000L);
            default:
                return millis;
        }
    }

    /** First raw value whose instant is at or after the epoch millis (exact for ms/us, ceiling for s). */
    public long ceilFromEpochMillis(long millis) {
        return this == S ? Math.floorDiv(millis + 999, 1000L) : fromEpochMillis(millis);
    }

    /** Raw value of an instant, rounding toward negative infinity. */
    public long fromInstant(Instant i) {
        switch (this) {
            case S:
                return i.getEpochSecond();
            case US:
                return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000L);
            default:
                return i.toEpochMilli();
        }
    }

    public Instant toInstant(long raw) {
        switch (this) {
            case S:
                return Instant.ofEpochSecond(raw);
            case US:
                return Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000L), Math.floorMod(raw, 1_000_000L) * 1000L);
            default:
                return Instant.ofEpochMilli(raw);
        }
    }
}
