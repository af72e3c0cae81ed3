package com.otsrange.reader.config;

import com.otsrange.common.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TableStore's rule for the names of wide-column tables and their columns: letters, digits and
 * {@code _}, not starting with a digit, 1 to 255 characters. TableStore refuses any other name in a
 * request ({@code OTSParameterInvalid: Invalid column name}), so a bad name in the job would only
 * fail mid-export; it is reported offline instead. (Time-series tables have other rules; the
 * reader reads wide-column tables only.)
 *
 * <p>Collects the bad names of one job and reports each once, at its first JSON path: a task file
 * of thousands of keys that all name the same bad column gives one problem, not thousands.
 */
final class TableStoreNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private static final class BadName {
        final String kind;
        final String name;
        final String firstPath;
        int places = 1;

        BadName(String kind, String name, String firstPath) {
            this.kind = kind;
            this.name = name;
            this.firstPath = firstPath;
        }
    }

    private final Map<String, BadName> bad = new LinkedHashMap<>();

    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Records {@code name} (a "table" or "column" name) when TableStore would refuse it. */
    void check(String name, String kind, String path) {
        if (name == null || isValid(name)) {
            return;
        }
        BadName seen = bad.get(kind + "\u0000" + name);
        if (seen == null) {
            bad.put(kind + "\u0000" + name, new BadName(kind, name, path));
        } else {
            seen.places++;
        }
    }

    void report(Problems problems) {
        for (BadName b : bad.values()) {
            int more = b.places - 1;
            problems.add(b.firstPath, "invalid " + b.kind + " name " + Problems.show(b.name)
                    + (more > 0 ? " (also in " + more + " more place" + (more == 1 ? "" : "s") + ")" : "")
                    + ": TableStore names have only letters, digits and _, do not start with a digit and are 1 to 255"
                    + " characters long; use the name the " + b.kind + " has in TableStore" + example(b.name));
        }
    }

    /** The name made valid, as a hint of what a valid one looks like ("p34:1" -> "p34_1"). */
    private static String example(String name) {
        if (name.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 255; i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String s = sb.length() > 255 ? sb.substring(0, 255) : sb.toString();
        return s.length() > 60 ? "" : ", e.g. \"" + s + "\"";
    }
}
