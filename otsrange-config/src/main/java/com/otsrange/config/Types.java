package com.otsrange.config;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.Problems;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyLiteral;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The kinds of parameter values and the product's one leniency policy (README, "Parameter
 * values"):
 * <ul>
 * <li>every typed scalar (keyword, number, boolean, zone, charset, name, path, shard) is read with
 *     the blanks around it trimmed; keywords in any case;</li>
 * <li>numbers and booleans may be written as strings ({@code "4"}, {@code "true"}): what
 *     {@code ${name}} substitution gives;</li>
 * <li>values that are data or output text ({@link #TEXT}, {@link #STRINGS}: task keys, column and
 *     header names, {@code nullFormat}, {@code lineSeparator}, {@code dateFormat}) are taken
 *     verbatim.</li>
 * </ul>
 * Object keys are never trimmed: a key with a blank is an unknown key.
 */
public final class Types {
    private Types() {
    }

    /** Reads a present JSON value, or adds a problem at the path and gives null. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(Object raw, String path, Problems problems);
    }

    /** A value type from its parser, its canonical form and the docs' type name. */
    static <T> ValueType<T> type(final String describe, final Parser<T> parser, final Function<T, Object> canonical) {
        return new ValueType<T>() {
            @Override
            public T parse(Object raw, String path, Problems problems) {
                return parser.parse(raw, path, problems);
            }

            @Override
            public Object canonical(T value) {
                return canonical.apply(value);
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    /** true/false, or the strings "true"/"false" in any case. */
    public static final ValueType<Boolean> FLAG = type("boolean", Types::flag, v -> v);

    /** Any string, verbatim (data or output text). */
    public static final ValueType<String> TEXT = type("string", Types::string, v -> v);

    /** A non-empty string with the blanks around it trimmed: names, paths, secrets. */
    public static final ValueType<String> NAME = type("string", Types::name, v -> v);

    /** A secret (trimmed, non-empty) whose problems never show the value. */
    public static final ValueType<String> SECRET = type("string", Types::secret, v -> v);

    /** A time zone id (trimmed); canonical: the id {@link ZoneId} normalizes it to. */
    public static final ValueType<ZoneId> ZONE = type("zone id", Types::zone, ZoneId::getId);

    /** A charset this JVM can encode (trimmed name); canonical: its canonical name. */
    public static final ValueType<Charset> CHARSET = type("charset", Types::charset, Charset::name);

    /** {@code "i/n"} with 0 <= i < n, or {@code "all"} (trimmed); canonical: {@code "all"} or {@code "i/n"}. */
    public static final ValueType<ShardSpec> SHARD = type("`\"i/n\"`", Types::shard, ShardSpec::toString);

    /**
     * {@code "ignore"} | {@code "stream"} (trimmed, any case) | {@code {"lookback": "P3D"}} (an
     * ISO-8601 duration, trimmed); canonical: {@link ChangesMode#canonical} (the lookback as a
     * {@link java.time.Duration} prints it).
     */
    public static final ValueType<ChangesMode> CHANGES = type("`\"ignore\"` \\| `\"stream\"` \\| `{\"lookback\": \"P3D\"}`",
            ChangesMode::parse, ChangesMode::canonical);

    /** A JSON object, read further by its own parser. */
    public static final ValueType<Map<String, Object>> OBJECT = type("object", Types::object, v -> v);

    /** A list of non-empty strings, each verbatim (column and header names are never trimmed). */
    public static final ValueType<List<String>> STRINGS = type("array of strings", Types::strings, v -> v);

    /** An integer in [min, max]: a JSON integer or a string of digits (trimmed). */
    public static ValueType<Long> integer(final long min, final long max) {
        return type("integer", (raw, path, problems) -> {
            Long n = raw instanceof Boolean ? null : SortKeyLiteral.integral(raw);
            if (n == null || n < min || n > max) {
                problems.add(path, "expected an integer from " + min + " to " + max + ", got " + Problems.show(raw));
                return null;
            }
            return n;
        }, v -> v);
    }

    /** One of a closed set of words, trimmed, in any case (e.g. an enum's constants with their JSON text). */
    public static <E> Keyword<E> keyword(E[] values, Function<E, String> text) {
        return new Keyword<>(values, text);
    }

    /** {@link #keyword} values: the declared spelling is shown, the lower-case one hashed. */
    public static final class Keyword<E> implements ValueType<E> {
        private final E[] values;
        private final Function<E, String> text;

        private Keyword(E[] values, Function<E, String> text) {
            this.values = values.clone();
            this.text = text;
        }

        /** The JSON text of a value, as declared ("nonConflict"). */
        public String text(Object value) {
            for (E e : values) {
                if (e.equals(value)) {
                    return text.apply(e);
                }
            }
            throw new IllegalArgumentException(String.valueOf(value));
        }

        /** The declared spellings, in order. */
        public List<String> texts() {
            List<String> out = new ArrayList<>();
            for (E e : values) {
                out.add(text.apply(e));
            }
            return out;
        }

        @Override
        public E parse(Object raw, String path, Problems problems) {
            String t = raw instanceof String ? ((String) raw).trim() : null;
            for (E e : values) {
                if (text.apply(e).equalsIgnoreCase(t)) {
                    return e;
                }
            }
            StringBuilder valid = new StringBuilder();
            for (String s : texts()) {
                valid.append(valid.length() == 0 ? "" : ", ").append('"').append(s).append('"');
            }
            String hint = t == null ? "" : Problems.didYouMean(t, texts());
            problems.add(path, invalid(raw) + hint + "; valid: " + valid);
            return null;
        }

        @Override
        public Object canonical(E value) {
            return text.apply(value).toLowerCase(Locale.ROOT);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (String s : texts()) {
                sb.append(sb.length() == 0 ? "" : " \\| ").append('`').append(s).append('`');
            }
            return sb.toString();
        }
    }

    /** {@code invalid value "x"} (strings as written, other values as JSON). */
    static String invalid(Object raw) {
        return "invalid value " + Problems.show(raw);
    }

    private static Boolean flag(Object raw, String path, Problems problems) {
        if (raw instanceof Boolean) {
            return (Boolean) raw;
        }
        String t = raw instanceof String ? ((String) raw).trim().toLowerCase(Locale.ROOT) : null;
        if ("true".equals(t) || "false".equals(t)) {
            return Boolean.valueOf(t);
        }
        problems.add(path, "expected true or false, got " + Problems.show(raw));
        return null;
    }

    private static String name(Object raw, String path, Problems problems) {
        String s = string(raw, path, problems);
        if (s == null) {
            return null;
        }
        if (s.trim().isEmpty()) {
            problems.add(path, "must not be empty");
            return null;
        }
        return s.trim();
    }

    private static String secret(Object raw, String path, Problems problems) {
        if (!(raw instanceof String) || ((String) raw).trim().isEmpty()) {
            problems.add(path, "expected a non-empty string, got " + (raw instanceof String ? "an empty one" : Problems.typeName(raw)));
            return null;
        }
        return ((String) raw).trim();
    }

    private static ZoneId zone(Object raw, String path, Problems problems) {
        String s = name(raw, path, problems);
        if (s == null) {
            return null;
        }
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            problems.add(path, "unknown time zone " + Problems.show(raw)
                    + "; valid: a region id like \"Asia/Shanghai\", \"UTC\" or an offset like \"+08:00\"");
            return null;
        }
    }

    private static Charset charset(Object raw, String path, Problems problems) {
        String s = raw instanceof String ? ((String) raw).trim() : null;
        try {
            Charset c = Charset.forName(s);
            if (c.canEncode()) {
                return c;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        problems.add(path, invalid(raw) + "; a charset name this JVM can encode, e.g. UTF-8, GBK, ISO-8859-1");
        return null;
    }

    private static ShardSpec shard(Object raw, String path, Problems problems) {
        if (!(raw instanceof String)) {
            problems.add(path, "expected a string \"i/n\" with 0 <= i < n, e.g. \"0/4\", got " + Problems.show(raw));
            return null;
        }
        try {
            return ShardSpec.parse((String) raw);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object raw, String path, Problems problems) {
        if (raw instanceof Map) {
            return (Map<String, Object>) raw;
        }
        problems.add(path, "expected an object {...}, got " + Problems.typeName(raw) + " " + Problems.show(raw));
        return null;
    }

    private static List<String> strings(Object raw, String path, Problems problems) {
        if (!(raw instanceof List)) {
            problems.add(path, "expected an array of strings, got " + Problems.typeName(raw) + " " + Problems.show(raw));
            return null;
        }
        List<?> items = (List<?>) raw;
        List<String> out = new ArrayList<>(items.size());
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String) || ((String) item).isEmpty()) {
                problems.add(path + "[" + i + "]", "expected a non-empty string, got " + Problems.show(item));
                ok = false;
            } else {
                out.add((String) item);
            }
        }
        return ok ? Collections.unmodifiableList(out) : null;
    }

    private static String string(Object raw, String path, Problems problems) {
        if (raw instanceof String) {
            return (String) raw;
        }
        problems.add(path, "expected a string, got " + Problems.typeName(raw) + " " + Problems.show(raw));
        return null;
    }
}
