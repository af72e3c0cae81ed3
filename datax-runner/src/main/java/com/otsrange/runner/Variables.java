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
     * Parses the -p text. Quotes and backslashes work as in a POSIX shell. Tokens that are not
     * {@code -D...} would be other JVM options for datax.py and are ignored; {@code -Dname} alone means "".
     */
    public static Map<String, String> parse(String pOption) {
        Map<String, String> result = new LinkedHashMap<>();
        if (pOption == null) {
            return result;
        }
        for (String token : ShellWords.split(pOption)) {
            if (!token.startsWith("-D") || token.length() == 2) {
                continue;
            }
            String body = token.substring(2);
            int eq = body.indexOf('=');
            if (eq == 0) {
                throw new IllegalArgumentException("Invalid -p option [" + token + "]: the variable name is empty");
            }
            if (eq < 0) {
                result.put(body, "");
            } else {
                result.put(body.substring(0, eq), body.substring(eq + 1));
            }
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
