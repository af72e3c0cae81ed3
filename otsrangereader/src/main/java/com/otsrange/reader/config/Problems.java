package com.otsrange.reader.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every configuration problem so the user sees all of them at once. */
public final class Problems {
    private final List<String> items = new ArrayList<>();

    /** {@code path}: where in the job JSON; {@code message}: what is wrong and what would be valid. */
    public void add(String path, String message) {
        items.add(path + ": " + message);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<String> list() {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** One message listing every problem, numbered. */
    public static String render(String title, List<String> problems) {
        StringBuilder sb = new StringBuilder(title).append(" (").append(problems.size())
                .append(problems.size() == 1 ? " problem)" : " problems)");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return sb.toString();
    }

    /** Short, safe rendering of a user value for messages (never used for secrets). */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value instanceof String ? "\"" + value + "\"" : com.alibaba.fastjson.JSON.toJSONString(value);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
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
        if (value instanceof java.util.Map) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }
}
