package com.otsrange.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;

/**
 * The reader parameter {@code changes}: what an incremental run does about rows the table changed
 * inside windows committed earlier (docs/reader.md, "changes"). {@code "ignore"} (default): nothing,
 * a committed window stays as exported. {@code "stream"}: the table's Stream says which committed
 * (file unit, window) pairs may be stale. {@code {"lookback": "P3D"}}: the committed windows of the
 * last 3 days before the run's window are read again and compared. One parser ({@link #parse}),
 * used by the reader's parameter declaration (otsrange-config {@code ReaderParams.CHANGES}, with the
 * product's leniency policy: keywords and the duration trimmed, keywords in any case) and by
 * whoever reads the value from a hand-over file.
 */
public final class ChangesMode {
    /** What a run does about changed committed windows. */
    public enum Kind { IGNORE, STREAM, LOOKBACK }

    public static final String IGNORE_TEXT = "ignore";
    public static final String STREAM_TEXT = "stream";
    public static final String LOOKBACK_KEY = "lookback";

    public static final ChangesMode IGNORE = new ChangesMode(Kind.IGNORE, null);
    public static final ChangesMode STREAM = new ChangesMode(Kind.STREAM, null);

    private static final String VALID = "valid: \"ignore\" (default: committed windows stay as exported), \"stream\" (the table's"
            + " Stream says what changed) or {\"lookback\": \"P3D\"} (an ISO-8601 duration in days, hours or minutes, e.g. \"P3D\","
            + " \"PT6H\", \"P1DT12H\": the committed windows of that span before each run's window are read again)";

    private final Kind kind;
    private final Duration lookback;
    /** The lookback as the user wrote it ("P3D" stays "P3D"; Duration would print "PT72H"). */
    private final String lookbackText;

    private ChangesMode(Kind kind, Duration lookback, String lookbackText) {
        this.kind = kind;
        this.lookback = lookback;
        this.lookbackText = lookbackText;
    }

    private ChangesMode(Kind kind, Duration lookback) {
        this(kind, lookback, lookback == null ? null : lookback.toString());
    }

    /**
     * A lookback of {@code span} (tests; a job's comes from {@link #parse}).
     *
     * @throws IllegalArgumentException when the duration is not positive
     */
    public static ChangesMode lookback(Duration span) {
        return lookback(span, span == null ? null : span.toString());
    }

    private static ChangesMode lookback(Duration span, String text) {
        if (span == null || span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("the lookback must be a positive duration, got " + span);
        }
        return new ChangesMode(Kind.LOOKBACK, span, text);
    }

    /**
     * The value as written in JSON ({@code null}: absent, the default {@code "ignore"}), or null
     * after adding a problem at {@code path} that names the value and what would be valid.
     */
    public static ChangesMode parse(Object raw, String path, Problems problems) {
        if (raw == null) {
            return IGNORE;
        }
        if (raw instanceof String) {
            String s = ((String) raw).trim();
            if (IGNORE_TEXT.equalsIgnoreCase(s)) {
                return IGNORE;
            }
            if (STREAM_TEXT.equalsIgnoreCase(s)) {
                return STREAM;
            }
            if (s.startsWith("P") || s.startsWith("p")) {
                problems.invalid(path, raw, "a lookback is written as an object, {\"lookback\": " + Problems.show(s) + "}; " + VALID);
            } else {
                problems.invalid(path, raw, VALID);
            }
            return null;
        }
        if (!(raw instanceof Map)) {
            problems.invalid(path, raw, "expected a string or an object, got " + Problems.typeName(raw) + "; " + VALID);
            return null;
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        if (m.size() != 1 || !m.containsKey(LOOKBACK_KEY)) {
            problems.invalid(path, raw, "the object form takes exactly one key, \"lookback\"; " + VALID);
            return null;
        }
        String at = JsonProblem.join(path, LOOKBACK_KEY);
        Object span = m.get(LOOKBACK_KEY);
        if (!(span instanceof String)) {
            problems.invalid(at, span, "expected an ISO-8601 duration string such as \"P3D\" or \"PT6H\"");
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(((String) span).trim());
        } catch (DateTimeParseException e) {
            problems.invalid(at, span, "expected an ISO-8601 duration in days, hours or minutes such as \"P3D\", \"PT6H\" or"
                    + " \"P1DT12H\" (weeks, months and years have no fixed length: write days, e.g. \"P7D\")");
            return null;
        }
        try {
            return lookback(d, ((String) span).trim());
        } catch (IllegalArgumentException e) {
            problems.invalid(at, span, "the lookback must be positive, e.g. \"P3D\"");
            return null;
        }
    }

    /**
     * The problem of a {@code changes} other than ignore outside incremental mode (csvyearwriter
     * {@code writeMode: "append"} with the reader's {@code resume: true}), or null: a one-shot export
     * is fresh anyway, and nothing outside that mode keeps committed windows to restate.
     */
    public JsonProblem outsideIncremental(boolean incremental, String path) {
        if (incremental || kind == Kind.IGNORE) {
            return null;
        }
        return new JsonProblem(path, Problems.json(toJson()) + " needs incremental mode (csvyearwriter \"writeMode\": \"append\""
                + " with the reader's \"resume\": true), which keeps the committed windows it restates; a one-shot export reads"
                + " the table fresh anyway. Remove \"changes\" (or set it to \"ignore\"), or export in incremental mode");
    }

    public Kind kind() {
        return kind;
    }

    public boolean ignores() {
        return kind == Kind.IGNORE;
    }

    /** The lookback span (LOOKBACK), else null. */
    public Duration lookback() {
        return lookback;
    }

    /** The JSON form: {@code "ignore"}, {@code "stream"} or {@code {"lookback": "P3D"}}. */
    public Object toJson() {
        switch (kind) {
            case IGNORE:
                return IGNORE_TEXT;
            case STREAM:
                return STREAM_TEXT;
            default:
                return Collections.singletonMap(LOOKBACK_KEY, lookbackText);
        }
    }

    /**
     * Equal for values that mean the same: {@code "ignore"}, {@code "stream"} or
     * {@code {"lookback": "PT72H"}} (the span as {@link Duration} prints it, so {@code "P3D"},
     * {@code "p3d"} and {@code "PT72H"} are one value).
     */
    public Object canonical() {
        return kind == Kind.LOOKBACK ? Collections.singletonMap(LOOKBACK_KEY, lookback.toString()) : toJson();
    }

    /** For logs: {@code ignore}, {@code stream}, {@code lookback P3D}. */
    @Override
    public String toString() {
        return kind == Kind.LOOKBACK ? LOOKBACK_KEY + " " + lookbackText : (String) toJson();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangesMode && ((ChangesMode) o).kind == kind
                && (lookback == null ? ((ChangesMode) o).lookback == null : lookback.equals(((ChangesMode) o).lookback));
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + (lookback == null ? 0 : lookback.hashCode());
    }
}
