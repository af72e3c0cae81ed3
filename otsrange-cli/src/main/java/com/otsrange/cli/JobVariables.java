package com.otsrange.cli;

import com.otsrange.common.Placeholders;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `${name}` variables as `datax.py -p "-Dname=value ..."` fills them: the job text is rewritten
 * before it is parsed; a variable without a value stays as written.
 */
final class JobVariables {

    private static final Pattern REFERENCE = Placeholders.REFERENCE;

    private final Map<String, String> values;

    JobVariables(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static JobVariables none() {
        return new JobVariables(Collections.<String, String>emptyMap());
    }

    /** Parses `-Dname=value -Dother=value` (the `-p` argument of datax.py) as the local runner does. */
    static JobVariables parse(String spec) {
        try {
            return new JobVariables(com.otsrange.runner.Variables.parse(spec));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    String apply(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuffer out = new StringBuffer();
        while (m.find()) {
            String value = values.get(m.group(1));
            boolean blank = value == null || value.trim().isEmpty();
            m.appendReplacement(out, Matcher.quoteReplacement(blank ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Names referenced in {@code text} that have no value. */
    static Set<String> unresolved(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    Map<String, String> values() {
        return values;
    }
}
