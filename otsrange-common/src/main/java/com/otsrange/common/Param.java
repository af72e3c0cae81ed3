package com.otsrange.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One job parameter, declared once ({@link ReaderParams}, {@link WriterParams}): its JSON name,
 * its default and what it is for. Everything that reads a parameter without the plugin's parser
 * (the writer's view of the reader, the job fingerprint, incremental mode) takes the default from
 * here, so it cannot drift from the parser's.
 */
public final class Param {
    private final String name;
    private final Object defaultValue;
    private final String doc;

    Param(String name, Object defaultValue, String doc) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.doc = doc;
    }

    public String name() {
        return name;
    }

    /** The value an absent parameter has (null: none). */
    public Object defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /** The value as written in {@code parameter}, or null when absent. */
    public Object given(Map<String, ?> parameter) {
        return parameter == null ? null : parameter.get(name);
    }

    /** The value as written, or the default when absent. */
    public Object in(Map<String, ?> parameter) {
        Object v = given(parameter);
        return v == null ? defaultValue : v;
    }

    static List<String> names(Param... params) {
        List<String> out = new ArrayList<>(params.length);
        for (Param p : params) {
            out.add(p.name);
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return name;
    }
}
