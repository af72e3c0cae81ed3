package com.otsrange.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What JSON parsers silently forgive in a job or task file. A key written twice in one object:
 * fastjson (ours) and fastjson2 (DataX's) both keep the last value, so the first one, e.g. a second
 * {@code "filters"} object, vanishes without a word. A member whose value is {@code null}: DataX hands
 * each plugin a copy of its parameter made by serialising it, which drops such members, so
 * {@code "lt": null} reaches the plugin as no upper bound at all.
 *
 * A number beyond the range of a double ({@code 1e400}, or {@code 1e-400}, which is not 0): DataX's
 * parser reads it as Infinity, which its copy of the parameter drops like a null, or as 0.
 *
 * <p>This scans the text itself, because no parsed tree still shows any of them. It is meant for
 * text the parser accepted (syntax errors are the parser's to report): it accepts what fastjson's
 * default features accept (single quotes, unquoted keys, comments, extra commas) and stops quietly
 * at anything else, keeping what it found so far.
 */
public final class StrictJson {
    /** Deeper nesting ends the scan (no job file nests this deep; two frames per level stay far within a thread's stack). */
    private static final int MAX_DEPTH = 512;

    private final String text;
    private final boolean keys;
    private final boolean nullMembers;
    private final boolean numbers;
    private final List<JsonProblem> problems = new ArrayList<>();
    private int pos;
    private int line = 1;
    /** {@link #pathAt}: the offset looked for (-1: none) and the innermost path seen to hold it. */
    private int target = -1;
    private String located;

    private StrictJson(String text, boolean keys, boolean nullMembers, boolean numbers) {
        this.text = text;
        this.keys = keys;
        this.nullMembers = nullMembers;
        this.numbers = numbers;
    }

    /** Keys repeated within one object, each named by its path under {@code rootPath} ("" for a job file). */
    public static List<JsonProblem> duplicateKeys(String text, String rootPath) {
        return scan(text, rootPath, new StrictJson(text, true, false, false));
    }

    /** Repeated keys and {@code null} member values (what DataX would drop), in document order. */
    public static List<JsonProblem> duplicateKeysAndNulls(String text, String rootPath) {
        return scan(text, rootPath, new StrictJson(text, true, true, false));
    }

    /** Numbers a double cannot hold (see the class comment), in document order. */
    public static List<JsonProblem> numbersOutOfRange(String text, String rootPath) {
        return scan(text, rootPath, new StrictJson(text, false, false, true));
    }

    /**
     * What a plugin never sees of a job file DataX parsed: repeated keys, {@code null} members and
     * numbers a double cannot hold, in document order.
     */
    public static List<JsonProblem> hiddenFromPlugins(String text, String rootPath) {
        return scan(text, rootPath, new StrictJson(text, true, true, true));
    }

    /**
     * The path of the innermost value, member or container that holds {@code offset} (where a
     * parser stopped), as far as the text before it can be read; {@code rootPath} when none.
     */
    public static String pathAt(String text, int offset, String rootPath) {
        StrictJson s = new StrictJson(text, false, false, false);
        s.target = offset;
        s.located = rootPath;
        scan(text, rootPath, s);
        return s.located;
    }

    private static List<JsonProblem> scan(String text, String rootPath, StrictJson s) {
        try {
            s.value(rootPath, 0);
        } catch (Stop ignored) {
            // not JSON we understand: the parser has the last word on syntax
        }
        return Collections.unmodifiableList(s.problems);
    }

    /** {@link #pathAt}: notes that {@code path} holds the text from here on, or stops once past the offset. */
    private void reached(String path) {
        if (target < 0) {
            return;
        }
        if (pos > target) {
            throw new Stop();
        }
        located = path;
    }

    /**
     * A deep copy without null object members: the parameter as a DataX plugin receives it (null
     * array elements stay, as in DataX).
     */
    @SuppressWarnings("unchecked")
    public static Object withoutNullMembers(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                if (e.getValue() != null) {
                    copy.put(e.getKey(), withoutNullMembers(e.getValue()));
                }
            }
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object o : (List<Object>) value) {
                copy.add(withoutNullMembers(o));
            }
            return copy;
        }
        return value;
    }

    /** Paths of the null object members in a parsed tree: what {@link #withoutNullMembers} leaves out. */
    @SuppressWarnings("unchecked")
    public static List<String> nullMemberPaths(Object value, String root) {
        List<String> out = new ArrayList<>();
        if (value instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                String at = JsonProblem.join(root, e.getKey());
                if (e.getValue() == null) {
                    out.add(at);
                } else {
                    out.addAll(nullMemberPaths(e.getValue(), at));
                }
            }
        } else if (value instanceof List) {
            List<Object> list = (List<Object>) value;
            for (int i = 0; i < list.size(); i++) {
                out.addAll(nullMemberPaths(list.get(i), root + "[" + i + "]"));
            }
        }
        return out;
    }

    private enum Kind { NULL, OTHER }

    /** Thrown to stop at text this scanner does not understand. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private Kind value(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Stop();
        }
        skipSpace();
        reached(path);
        char c = peek();
        if (c == '{') {
            object(path, depth);
            return Kind.OTHER;
        }
        if (c == '[') {
            array(path, depth);
            return Kind.OTHER;
        }
        if (c == '"' || c == '\'') {
            string();
            return Kind.OTHER;
        }
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new Stop();
        }
        String token = text.substring(start, pos);
        if (numbers) {
            checkNumber(token, path);
        }
        return token.equals("null") ? Kind.NULL : Kind.OTHER;
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private void checkNumber(String token, String path) {
        if (token.equals("Infinity") || token.equals("+Infinity") || token.equals("-Infinity")) {
            // fastjson2 reads a bare Infinity inside a nested object (and refuses it elsewhere)
            problems.add(new JsonProblem(path, token + " (line " + line + ") is not a number any parameter takes: DataX reads"
                    + " it as Infinity and drops the key before the plugin sees it; write a number"));
            return;
        }
        if (!NUMBER.matcher(token).matches()) {
            return;
        }
        // the double a parser reads (IEEE rounding), and whether the text is zero
        double d = Double.parseDouble(token);
        boolean zero = !token.replaceFirst("[eE].*", "").matches(".*[1-9].*");
        if (Double.isInfinite(d)) {
            problems.add(new JsonProblem(path, "the number " + token + " (line " + line + ") is beyond the range of a double"
                    + " (a magnitude of about 1.8e308), which no parameter takes: DataX reads such a number written with an"
                    + " exponent as Infinity and drops the key before the plugin sees it; write a number in range"));
        } else if (d == 0 && !zero) {
            problems.add(new JsonProblem(path, "the number " + token + " (line " + line + ") is too small for a double and"
                    + " would be read as 0; write 0, or a number of at least 4.9e-324"));
        }
    }

    private void object(String path, int depth) {
        pos++;
        Map<String, Integer> lineOfKey = new HashMap<>();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '}') {
                pos++;
                return;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            reached(path);
            String key = c == '"' || c == '\'' ? string() : bareKey();
            int keyLine = line;
            String at = JsonProblem.join(path, key);
            reached(at);
            skipSpace();
            if (peek() != ':') {
                throw new Stop();
            }
            pos++;
            Kind kind = value(at, depth + 1);
            reached(path);
            Integer first = lineOfKey.put(key, keyLine);
            if (first != null && keys) {
                problems.add(new JsonProblem(at, "the key \"" + key + "\" appears twice in one object (lines " + first + " and "
                        + keyLine + "); JSON keeps only the last, so the first would be silently ignored: merge them into one"
                        + " or delete one"));
            }
            if (kind == Kind.NULL && nullMembers) {
                problems.add(new JsonProblem(at, "null is not a value (line " + keyLine + "): DataX drops a key whose value is"
                        + " null before the plugin sees it, so this setting would be silently ignored; give a value or delete"
                        + " the key"));
            }
        }
    }

    private void array(String path, int depth) {
        pos++;
        int index = 0;
        while (true) {
            skipSpace();
            char c = peek();
            if (c == ']') {
                pos++;
                return;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            value(path + "[" + index++ + "]", depth + 1);
            reached(path);
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case 'u':
                    sb.append((char) hex(4));
                    break;
                case 'x':
                    sb.append((char) hex(2));
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                default:
                    sb.append(e);
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw new Stop();
        }
        try {
            int v = Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return v;
        } catch (NumberFormatException e) {
            throw new Stop();
        }
    }

    private String bareKey() {
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new Stop();
        }
        return text.substring(start, pos);
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ':' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"' || c == '\'' || c == '/'
                || Character.isWhitespace(c);
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new Stop();
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new Stop();
                }
                for (int i = pos; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}
