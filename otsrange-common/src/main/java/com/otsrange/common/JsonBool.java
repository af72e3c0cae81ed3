package com.otsrange.common;

import java.util.Locale;

/**
 * The one reading of a boolean job parameter (reader, writer, fingerprint): a JSON boolean, or the
 * string "true"/"false" in any case with surrounding blanks (scheduler substitution such as
 * {@code datax.py -p} often produces strings).
 */
public final class JsonBool {
    private JsonBool() {
    }

    /** The boolean, or null when the value is absent or not a boolean. */
    public static Boolean parse(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            String s = ((String) value).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
        }
        return null;
    }
}
