package com.otsrange.reader.config;

import com.otsrange.common.JsonBool;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Typed access to JSON fields that records a problem instead of throwing. */
final class Fields {
    private Fields() {
    }

    static void rejectUnknown(Map<String, Object> map, Collection<String> allowed, String path, Problems problems) {
        for (String key : map.keySet()) {
            if (allowed.contains(key)) {
                continue;
            }
            String hint = Problems.didYouMean(key, allowed);
            problems.add(join(path, key), "unknown key" + hint + "; valid keys here: " + String.join(", ", allowed));
        }
    }

    static String join(String path, String key) {
        return JsonProblem.join(path, key);
    }

    /** A string or null when absent; a problem when present with another type or blank. */
    static String optionalString(Map<String, Object> map, String key, String path, Problems problems) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            problems.add(join(path, key), "expected a string, got " + Problems.typeName(v) + " " + Problems.show(v));
            return null;
        }
        String s = ((String) v).trim();
        if (s.isEmpty()) {
            problems.add(join(path, key), "must not be empty");
            return null;
        }
        return s;
    }

    /** Booleans also as "true"/"false" strings ({@link JsonBool}). */
    static Boolean optionalBool(Map<String, Object> map, String key, String path, Problems problems) {
        Object v = map.get(key);
        Boolean b = JsonBool.parse(v);
        if (v != null && b == null) {
            problems.add(join(path, key), "expected true or false, got " + Problems.show(v));
        }
        return b;
    }

    static Long optionalLong(Map<String, Object> map, String key, String path, long min, long max, Problems problems) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        Long n = integral(v);
        if (n == null || n < min || n > max) {
            problems.add(join(path, key), "expected an integer from " + min + " to " + max + ", got " + Problems.show(v));
            return null;
        }
        return n;
    }

    /** The exact long value of a JSON integer (or a string of digits), else null. */
    static Long integral(Object v) {
        return com.otsrange.common.SortKeyLiteral.integral(v);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> optionalObject(Map<String, Object> map, String key, String path, Problems problems) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            problems.add(join(path, key), "expected an object {...}, got " + Problems.typeName(v) + " " + Problems.show(v));
            return null;
        }
        return (Map<String, Object>) v;
    }

    /** A list of non-empty strings, verbatim (column names are never trimmed). */
    static List<String> stringList(Object v, String path, boolean allowEmpty, Problems problems) {
        if (!(v instanceof List)) {
            problems.add(path, "expected an array of strings, got " + Problems.typeName(v) + " " + Problems.show(v));
            return null;
        }
        List<?> raw = (List<?>) v;
        if (raw.isEmpty() && !allowEmpty) {
            problems.add(path, "must not be empty");
            return null;
        }
        List<String> out = new ArrayList<>(raw.size());
        boolean ok = true;
        for (int i = 0; i < raw.size(); i++) {
            Object item = raw.get(i);
            if (!(item instanceof String) || ((String) item).isEmpty()) {
                problems.add(path + "[" + i + "]", "expected a non-empty string, got " + Problems.show(item));
                ok = false;
            } else {
                out.add((String) item);
            }
        }
        return ok ? out : null;
    }
}
