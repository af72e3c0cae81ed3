package com.otsrange.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Incremental mode: csvyearwriter {@code writeMode: "append"} with otsrangereader
 * {@code resume: true}. The sort key's bounds are then the run's window, not part of the job's
 * identity, and the window ledger ({@link WindowLedger}) decides what a run may append. This
 * class reads the window from the reader's raw job parameter, so the writer Job's prepare (which
 * runs before the reader talks to TableStore), the reader's split, {@code validate} and
 * {@code plan} all compute the same window. That is why incremental mode needs
 * {@code schema.sortKey}: without it the sort key is only known after DescribeTable.
 */
public final class Incremental {
    /** The operators that make the window; anything else on the sort key is refused in this mode. */
    public static final List<String> WINDOW_OPERATORS = Collections.unmodifiableList(Arrays.asList("gt", "gte", "lt", "lte", "between"));
    static final String CHUNK_BY = "chunkBy";

    private Incremental() {
    }

    /** Whether a job runs in incremental mode: writer writeMode append and reader resume true. */
    public static boolean isOn(Object writerWriteMode, Object readerResume) {
        return writerWriteMode instanceof String && "append".equals(((String) writerWriteMode).trim().toLowerCase(Locale.ROOT))
                && readerResume != null && "true".equals(String.valueOf(readerResume).trim().toLowerCase(Locale.ROOT));
    }

    /** csvyearwriter's {@code allowGaps}: true or "true" (any case); anything else is false. */
    public static boolean allowsGaps(Map<String, Object> writerParameter) {
        Object v = WriterParams.ALLOW_GAPS.given(writerParameter);
        return v != null && "true".equals(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
    }

    /** The window a reader parameter asks for, or why there is none. */
    public static final class Request {
        private final TimeWindow window;
        private final String sortKey;
        private final SortKeyLiteral literal;
        private final List<JsonProblem> problems;
        private final String error;

        Request(TimeWindow window, String sortKey, SortKeyLiteral literal, List<JsonProblem> problems, String error) {
            this.window = window;
            this.sortKey = sortKey;
            this.literal = literal;
            this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
            this.error = error;
        }

        /** The requested window, or null (see {@link #error()}). */
        public TimeWindow window() {
            return window;
        }

        public String sortKey() {
            return sortKey;
        }

        /** How bounds read and print in this job (its timeUnit and timeZone). */
        public SortKeyLiteral literal() {
            return literal;
        }

        /**
         * What incremental mode itself requires and the parameter lacks, each
         * {@code relative.path: message} (callers prefix {@code parameter.} or {@code reader parameter.}).
         * Values the reader's own parser rejects (an invalid date, reversed bounds, a bad time zone)
         * are not repeated here; they make {@link #window()} null all the same.
         */
        public List<String> problems() {
            return Problems.texts(problems);
        }

        /** {@link #problems()} as values, paths relative to the reader parameter. */
        public List<JsonProblem> found() {
            return problems;
        }

        /** Why there is no window (every problem, or the reader-side reason), or null when there is one. */
        public String error() {
            return error;
        }
    }

    @SuppressWarnings("unchecked")
    public static Request request(Map<String, Object> readerParameter) {
        Map<String, Object> r = readerParameter == null ? Collections.<String, Object>emptyMap() : readerParameter;
        List<JsonProblem> problems = new ArrayList<>();
        List<String> otherReasons = new ArrayList<>();
        ReaderFacts facts = ReaderFacts.of(r);
        SortKeyUnit unit = SortKeyUnit.MS;
        ZoneId zone = ZoneId.of(String.valueOf(ReaderParams.TIME_ZONE.defaultValue()));
        try {
            unit = facts.timeUnit();
        } catch (IllegalArgumentException e) {
            otherReasons.add(ReaderParams.TIME_UNIT + ": " + e.getMessage());
        }
        try {
            zone = facts.timeZone();
        } catch (DateTimeException e) {
            otherReasons.add(ReaderParams.TIME_ZONE + ": invalid zone " + ReaderParams.TIME_ZONE.given(r));
        }
        SortKeyLiteral literal = new SortKeyLiteral(unit, zone);
        String sortKey = facts.sortKey();
        if (sortKey == null) {
            problems.add(new JsonProblem("schema.sortKey", "incremental mode (writer writeMode \"append\" with resume true) needs the sort key"
                    + " named in the job, so that each run's window is known before anything is written; add e.g."
                    + " \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\"}"));
            return new Request(null, null, literal, problems, join(problems, otherReasons));
        }
        String at = "filters." + sortKey;
        Object filters = ReaderParams.FILTERS.given(r);
        Object condition = filters instanceof Map ? ((Map<String, Object>) filters).get(sortKey) : null;
        TimeWindow.Bounds bounds = new TimeWindow.Bounds();
        if (condition != null && !(condition instanceof Map)) {
            problems.add(new JsonProblem(at, "incremental mode takes the run's window from the sort key's bounds; a plain value (eq)"
                    + " is not a window; write {\"gte\": \"${startDate}\", \"lt\": \"${endDate}\"}"));
        } else if (condition != null) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) condition).entrySet()) {
                String name = op.getKey();
                if (CHUNK_BY.equals(name)) {
                    continue;
                }
                if (!WINDOW_OPERATORS.contains(name)) {
                    problems.add(new JsonProblem(at + "." + name, "incremental mode takes only " + WINDOW_OPERATORS + " (and chunkBy) on the"
                            + " sort key, which make the run's window; filter by other columns instead"));
                    continue;
                }
                if (!addBound(bounds, name, op.getValue(), literal)) {
                    otherReasons.add(at + "." + name + ": not a valid time " + op.getValue() + "; valid: " + SortKeyLiteral.FORMS);
                }
            }
        }
        boolean hasLow = false;
        boolean hasHigh = false;
        if (condition instanceof Map) {
            Map<String, Object> ops = (Map<String, Object>) condition;
            hasLow = ops.containsKey("gt") || ops.containsKey("gte") || ops.containsKey("between");
            hasHigh = ops.containsKey("lt") || ops.containsKey("lte") || ops.containsKey("between");
        }
        if (!(condition != null && !(condition instanceof Map)) && (!hasLow || !hasHigh)) {
            problems.add(new JsonProblem(at, "incremental mode needs a lower and an upper bound on the sort key " + sortKey
                    + " (the window each run appends), missing " + (!hasLow && !hasHigh ? "both" : !hasLow ? "the lower bound (gte/gt)"
                    : "the upper bound (lt/lte)") + "; e.g. \"" + sortKey + "\": {\"gte\": \"${startDate}\", \"lt\": \"${endDate}\"}"));
        }
        TimeWindow window = null;
        if (problems.isEmpty() && otherReasons.isEmpty()) {
            if (bounds.from() == null || bounds.to() == null || bounds.from() >= bounds.to()) {
                otherReasons.add(at + ": the bounds leave an empty window; the lower bound must be below the upper bound");
            } else {
                window = TimeWindow.of(bounds.from(), bounds.to());
            }
        }
        return new Request(window, sortKey, literal, problems, window != null ? null : join(problems, otherReasons));
    }

    private static boolean addBound(TimeWindow.Bounds bounds, String op, Object value, SortKeyLiteral literal) {
        if ("between".equals(op)) {
            if (!(value instanceof List) || ((List<?>) value).size() != 2) {
                return false;
            }
            Long low = literal.toRaw(((List<?>) value).get(0));
            Long high = literal.toRaw(((List<?>) value).get(1));
            if (low == null || high == null) {
                return false;
            }
            bounds.between(low, high);
            return true;
        }
        Long v = literal.toRaw(value);
        if (v == null) {
            return false;
        }
        switch (op) {
            case "gt":
                bounds.gt(v);
                break;
            case "gte":
                bounds.gte(v);
                break;
            case "lt":
                bounds.lt(v);
                break;
            default:
                bounds.lte(v);
                break;
        }
        return true;
    }

    private static String join(List<JsonProblem> a, List<String> b) {
        List<String> all = new ArrayList<>(Problems.texts(a));
        all.addAll(b);
        return all.isEmpty() ? null : String.join("; ", all);
    }

    /**
     * The reader's filters as far as they shape the output: {@code chunkBy} never does (slices
     * never cross a file period, adjacent slices are read as one range), and in incremental mode
     * the sort key's window bounds are the run's window, not the job's identity. A column left
     * without conditions is dropped. Used by the job fingerprint.
     */
    @SuppressWarnings("unchecked")
    public static Object filtersIdentity(Object filters, String windowColumn) {
        if (!(filters instanceof Map)) {
            return filters;
        }
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) filters).entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) {
                Map<String, Object> ops = new TreeMap<>();
                for (Map.Entry<String, Object> op : ((Map<String, Object>) v).entrySet()) {
                    boolean window = e.getKey().equals(windowColumn) && WINDOW_OPERATORS.contains(op.getKey());
                    if (!CHUNK_BY.equals(op.getKey()) && !window) {
                        ops.put(op.getKey(), op.getValue());
                    }
                }
                if (!ops.isEmpty() || ((Map<String, Object>) v).isEmpty()) {
                    out.put(String.valueOf(e.getKey()), ops);
                }
            } else {
                out.put(String.valueOf(e.getKey()), v);
            }
        }
        return out;
    }

    /** In incremental mode, the sort key whose bounds leave the fingerprint; else null. */
    public static String windowColumn(Map<String, Object> readerParameter, Map<String, Object> writerParameter) {
        if (readerParameter == null || writerParameter == null
                || !isOn(WriterParams.WRITE_MODE.given(writerParameter), ReaderParams.RESUME.given(readerParameter))) {
            return null;
        }
        return ReaderFacts.of(readerParameter).sortKey();
    }
}
