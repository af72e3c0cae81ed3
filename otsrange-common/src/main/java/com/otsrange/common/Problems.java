package com.otsrange.common;

import com.alibaba.datax.common.spi.ErrorCode;
import com.alibaba.fastjson.JSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every problem of a job parameter, collected so a user sees all of them at once: the reader's
 * parser, the writer's validation and {@code bin/otsrange validate} use this one collector, and
 * callers filter on a problem's path and code, never on its text.
 */
public final class Problems {
    private final List<JsonProblem> items = new ArrayList<>();

    /** {@code path}: where in the job JSON; {@code message}: what is wrong and what would be valid. */
    public void add(String path, String message) {
        items.add(new JsonProblem(path, message));
    }

    /** A problem that fails with {@code code} rather than the plugin's code for an invalid parameter. */
    public void add(ErrorCode code, String path, String message) {
        items.add(new JsonProblem(path, message, code));
    }

    public void add(JsonProblem problem) {
        items.add(problem);
    }

    /** A bad (or missing, when value is null) value shown as JSON, and what would be valid. */
    public void invalid(String path, Object value, String valid) {
        invalid(null, path, value, valid);
    }

    public void invalid(ErrorCode code, String path, Object value, String valid) {
        add(code, path, (value == null ? "missing" : json(value) + " is invalid") + "; " + valid);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int count() {
        return items.size();
    }

    public List<JsonProblem> list() {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Each problem as printed: {@code path: message}. */
    public List<String> texts() {
        return texts(items);
    }

    public static List<String> texts(List<JsonProblem> problems) {
        List<String> out = new ArrayList<>(problems.size());
        for (JsonProblem p : problems) {
            out.add(p.toString());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * One problem per value still holding ${name} ({@link Placeholders#unreplaced}), then those of
     * {@code others} not about such a value (that "${endpoint}" is no URL is beside the point).
     * validate leaves exactly the former out as filled in at run time.
     */
    public static List<JsonProblem> placeholdersFirst(List<JsonProblem> unreplaced, List<JsonProblem> others) {
        if (unreplaced.isEmpty()) {
            return others;
        }
        List<String> paths = new ArrayList<>();
        List<JsonProblem> out = new ArrayList<>(unreplaced);
        for (JsonProblem u : unreplaced) {
            paths.add(u.path());
        }
        for (JsonProblem p : others) {
            if (!Placeholders.covers(paths, p.path())) {
                out.add(p);
            }
        }
        return out;
    }

    /** One message listing every problem, numbered. */
    public static String render(String title, List<?> problems) {
        StringBuilder sb = new StringBuilder(title).append(" (").append(problems.size())
                .append(problems.size() == 1 ? " problem)" : " problems)");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return sb.toString();
    }

    /**
     * {@code " (did you mean \"x\"?)"} for an unknown key, or "": the same key in another case or
     * without underscores, else the closest valid key within two edits.
     */
    public static String didYouMean(String key, Collection<String> allowed) {
        return didYouMean(key, allowed, Collections.<String, String>emptyMap());
    }

    /**
     * {@link #didYouMean(String, Collection)}, but first the name {@code aliases} gives {@code key}
     * (names people bring from elsewhere, e.g. the Python exporter's snake_case; each declared next
     * to what it names), when that name is valid here.
     */
    public static String didYouMean(String key, Collection<String> allowed, Map<String, String> aliases) {
        String best = aliases.get(key);
        if (best == null || !allowed.contains(best)) {
            best = null;
            int bestDistance = 3;
            String plain = key.replace("_", "");
            for (String a : allowed) {
                int d = a.equalsIgnoreCase(key) || a.equalsIgnoreCase(plain) ? 0
                        : distance(key.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = a;
                }
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Short, safe rendering of a user value for messages (never used for secrets): strings as written. */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value instanceof String ? "\"" + value + "\"" : JSON.toJSONString(value);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** A user value as JSON text, shortened (for parameters that hold no secrets). */
    public static String json(Object value) {
        String s = JSON.toJSONString(value);
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }
}
