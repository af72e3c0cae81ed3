package com.otsrange.reader.config;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.WindowLedger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The window a reader parameter asks for in incremental mode (csvyearwriter {@code writeMode:
 * "append"} with {@code resume: true}): the sort key's bounds in the job's filters, as the reader
 * parsed them. The writer Job's prepare (before the reader talks to TableStore), the reader's
 * split, {@code validate} and {@code plan} all take it from the one parse, so they compute the
 * same window. That is why incremental mode needs {@code schema.sortKey}: without it the sort key
 * is only known after DescribeTable.
 */
public final class WindowRequest {
    /** The operators that make the window; anything else on the sort key is refused in this mode. */
    public static final List<Op> WINDOW_OPERATORS = Collections.unmodifiableList(Arrays.asList(Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN));

    private final TimeWindow window;
    /** The bounds as written when they leave no time (a DST gap, bounds finer than the unit), else null. */
    private final String empty;
    private final String sortKey;
    private final SortKeyLiteral literal;
    private final List<JsonProblem> problems;
    private final String error;

    private WindowRequest(TimeWindow window, String empty, String sortKey, SortKeyLiteral literal, List<JsonProblem> problems,
                          String error) {
        this.window = window;
        this.empty = empty;
        this.sortKey = sortKey;
        this.literal = literal;
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        this.error = error;
    }

    /** From the reader's parse: the job's schema (null when it names none), its filters, how bounds read. */
    static WindowRequest of(SchemaNames schema, FilterSpec filters, TimeLiteral time) {
        SortKeyLiteral literal = time.literal();
        List<JsonProblem> problems = new ArrayList<>();
        String sortKey = schema == null ? null : schema.sortKey();
        if (sortKey == null) {
            problems.add(new JsonProblem("parameter.schema.sortKey", "incremental mode (writer writeMode \"append\" with resume true)"
                    + " needs the sort key named in the job, so that each run's window is known before anything is written; add e.g."
                    + " \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\"}"));
            return new WindowRequest(null, null, null, literal, problems, Problems.texts(problems).get(0));
        }
        String at = Fields.join("parameter.filters", sortKey);
        TimeWindow.Bounds bounds = new TimeWindow.Bounds();
        boolean hasLow = false;
        boolean hasHigh = false;
        List<String> unreadable = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        for (Condition c : filters.conditions()) {
            if (!c.column().equals(sortKey)) {
                continue;
            }
            if (!WINDOW_OPERATORS.contains(c.op())) {
                problems.add(new JsonProblem(c.path(), "incremental mode takes the run's window from the sort key's bounds, so only"
                        + " gt, gte, lt, lte and between (and chunkBy) may stand on it; filter by other columns instead, e.g. \""
                        + sortKey + "\": {\"gte\": \"${startDate}\", \"lt\": \"${endDate}\"}"));
                continue;
            }
            written.append(written.length() == 0 ? "" : ", ").append(c.op().json()).append(' ')
                    .append(Problems.show(c.op().takesList() ? c.values() : c.value()));
            hasLow |= c.op() == Op.GT || c.op() == Op.GTE || c.op() == Op.BETWEEN;
            hasHigh |= c.op() == Op.LT || c.op() == Op.LTE || c.op() == Op.BETWEEN;
            if (!time.addTo(bounds, c.op(), c.values())) {
                unreadable.add(c.path() + ": not a time in the job's timeUnit " + Problems.show(c.values()));
            }
        }
        if (!hasLow || !hasHigh) {
            problems.add(new JsonProblem(at, "incremental mode needs a lower and an upper bound on the sort key " + sortKey
                    + " (the window each run appends), missing " + (!hasLow && !hasHigh ? "both" : !hasLow ? "the lower bound (gte/gt)"
                    : "the upper bound (lt/lte)") + "; e.g. \"" + sortKey + "\": {\"gte\": \"${startDate}\", \"lt\": \"${endDate}\"}"));
        }
        List<String> reasons = new ArrayList<>(Problems.texts(problems));
        reasons.addAll(unreadable);
        if (!reasons.isEmpty()) {
            return new WindowRequest(null, null, sortKey, literal, problems, String.join("; ", reasons));
        }
        // bounds the parse accepted are in order as written: if they hold no raw value, the window is empty, not wrong
        if (bounds.from() >= bounds.to()) {
            return new WindowRequest(null, at + " " + written, sortKey, literal, problems, null);
        }
        return new WindowRequest(TimeWindow.of(bounds.from(), bounds.to()), null, sortKey, literal, problems, null);
    }

    /**
     * What the ledger decides for this window ({@link WindowLedger#decide}); an empty window (no
     * time between its bounds: the hour a DST change skips, bounds finer than the unit) is
     * nothing to do.
     *
     * @param noWindow the caller's refusal (its own error code) of a request without a window, given
     *                 {@link #error()}
     */
    public WindowLedger.Decision decide(WindowLedger ledger, boolean allowGaps, Function<String, ? extends RuntimeException> noWindow) {
        if (error != null) {
            throw noWindow.apply(error);
        }
        return empty != null ? ledger.decideEmpty(empty, literal) : ledger.decide(window, literal, allowGaps);
    }

    /**
     * {@link #decide(WindowLedger, boolean, Function)} for a caller that has refused a request
     * without a window already.
     *
     * @throws IllegalStateException when there is no window ({@link #error()})
     */
    public WindowLedger.Decision decide(WindowLedger ledger, boolean allowGaps) {
        return decide(ledger, allowGaps, why -> new IllegalStateException("no window: " + why));
    }

    /** Whether the bounds leave no time at all (nothing to do), rather than a window. */
    public boolean empty() {
        return empty != null;
    }

    /** The requested window, or null (see {@link #error()}, {@link #empty()}). */
    public TimeWindow window() {
        return window;
    }

    /** The sort key the job names, or null. */
    public String sortKey() {
        return sortKey;
    }

    /** How bounds read and print in this job (its timeUnit and timeZone). */
    public SortKeyLiteral literal() {
        return literal;
    }

    /**
     * What incremental mode requires of the reader's parameter and it lacks (the sort key named,
     * both bounds, only window operators on it), each at its path under {@code parameter.}.
     */
    public List<JsonProblem> problems() {
        return problems;
    }

    /** Why there is no window, or null when there is one (or an {@link #empty()} one). */
    public String error() {
        return error;
    }
}
