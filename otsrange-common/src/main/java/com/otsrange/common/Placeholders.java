package com.otsrange.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} left in a plugin parameter. DataX (and {@code datax.py -p}) replaces
 * {@code ${name}} by the value of {@code -Dname=value} and leaves it as written when no value was
 * passed, so a job run without {@code -DoutputDir=...} would otherwise write into a folder literally
 * named {@code ${outputDir}}. Both plugins refuse such values at Job init; {@code bin/otsrange
 * validate} lists them as filled in at run time instead.
 */
public final class Placeholders {
    /** What DataX substitutes: {@code $name} or {@code ${name}}. */
    public static final Pattern REFERENCE = Pattern.compile("\\$\\{?(\\w+)\\}?");
    /**
     * What a run refuses: only the braced form, since a bare {@code $word} is common in secrets and
     * paths and would be refused wrongly.
     */
    public static final Pattern UNREPLACED = Pattern.compile("\\$\\{(\\w+)\\}");

    private Placeholders() {
    }

    /**
     * The string values under {@code value} that {@code pattern} finds something in, by path
     * ({@code root.a.b[0]}, odd keys as {@code root["k.1"]}), in document order.
     */
    public static Map<String, String> values(Object value, String root, Pattern pattern) {
        Map<String, String> found = new LinkedHashMap<>();
        collect(value, root, pattern, found);
        return found;
    }

    /** One problem per string value still holding {@code ${name}}, naming the {@code -D} options that fill it. */
    public static List<JsonProblem> unreplaced(Map<String, Object> parameter, String root) {
        Map<String, String> found = values(parameter, root, UNREPLACED);
        List<JsonProblem> out = new ArrayList<>();
        for (Map.Entry<String, String> e : found.entrySet()) {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = UNREPLACED.matcher(e.getValue());
            while (m.find()) {
                names.add(m.group(1));
            }
            // a secret's placeholder names are shown only when the value is nothing else
            boolean hide = isSecret(e.getKey()) && !e.getValue().matches("(\\$\\{\\w+\\})+");
            StringBuilder options = new StringBuilder();
            for (String n : names) {
                options.append(options.length() == 0 ? "" : " ").append("-D").append(n).append("=value");
            }
            String pass = hide ? "-Dname=value" : options.toString();
            out.add(new JsonProblem(e.getKey(), "still holds " + (hide ? "a ${...} placeholder" : join(names))
                    + ", which no -p value replaced (DataX would use it literally); pass " + pass + " with -p, e.g. datax.py -p \""
                    + pass + "\" JOB.json or bin/otsrange run JOB.json -p \"" + pass + "\", or write the value into the job"));
        }
        return out;
    }

    /** Whether a problem at {@code problemPath} is about one of {@code placeholderPaths} (or inside it). */
    public static boolean covers(List<String> placeholderPaths, String problemPath) {
        for (String p : placeholderPaths) {
            if (problemPath.equals(p) || problemPath.startsWith(p + ".") || problemPath.startsWith(p + "[")
                    || problemPath.startsWith(p + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecret(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith("accesskey") || p.endsWith("password") || p.endsWith("secret");
    }

    private static String join(Set<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append("${").append(n).append('}');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, String path, Pattern pattern, Map<String, String> out) {
        if (value instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                collect(e.getValue(), JsonProblem.join(path, e.getKey()), pattern, out);
            }
        } else if (value instanceof List) {
            List<Object> list = (List<Object>) value;
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "[" + i + "]", pattern, out);
            }
        } else if (value instanceof String && pattern.matcher((String) value).find()) {
            out.put(path, (String) value);
        }
    }
}
