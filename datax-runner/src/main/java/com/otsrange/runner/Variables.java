package com.otsrange.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code datax.py -p "-Dname=value -Dx=y"}: the -p text becomes JVM arguments (split as a shell does),
 * each {@code -Dname=value} a system property, and DataX's Configuration replaces {@code $name} and
 * {@code ${name}} in the job text by it. An undefined or blank variable leaves the text unchanged.
 */
public final class Variables {

    /** DataX's pattern: "$" then an optional "{", a word, an optional "}". */
    private static final Pattern REFERENCE = Pattern.compile("(\\$)\\{?(\\w+)\\}?");

    private Variables() {
    }

    /**
     * Parses the -p text. Quotes and backslashes work as in a POSIX shell. Every word must be
     * {@code -Dname=value} ({@code -Dname=} is an explicitly empty value). datax.py pastes the -p
     * text into the java command line in front of the main class, so there any other word is
     * either the main class ({@code garbage}: java fails) or a JVM option, and {@code -Dname}
     * without "=" sets an empty property that DataX treats as unset; here each of them is refused,
     * naming the word, instead of being silently ignored.
     *
     * @throws IllegalArgumentException naming the first bad word and the expected form
     */
    public static Map<String, String> parse(String pOption) {
        Map<String, String> result = new LinkedHashMap<>();
        if (pOption == null) {
            return result;
        }
        for (String token : ShellWords.split(pOption)) {
            if (!token.startsWith("-D")) {
                throw new IllegalArgumentException("-p: \"" + token + "\" is not of the form -Dname=value"
                        + (token.startsWith("-") ? " (JVM options do not belong in -p)" : ""));
            }
            String body = token.substring(2);
            int eq = body.indexOf('=');
            if (body.isEmpty() || eq == 0) {
                throw new IllegalArgumentException("-p: \"" + token + "\" has no variable name; expected -Dname=value");
            }
            if (eq < 0) {
                throw new IllegalArgumentException("-p: \"" + token + "\" has no value; expected -D" + body + "=value"
                        + " (with no value, ${" + body + "} would stay unreplaced in the job)");
            }
            result.put(body.substring(0, eq), body.substring(eq + 1));
        }
        return result;
    }

    /** Replaces references whose variable is defined and not blank; others stay as they are. */
    static String substitute(String text, Map<String, String> variables) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String value = variables.get(matcher.group(2));
            if (value == null) {
                value = System.getProperty(matcher.group(2));
            }
            boolean blank = value == null || value.trim().isEmpty();
            matcher.appendReplacement(out, Matcher.quoteReplacement(blank ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
