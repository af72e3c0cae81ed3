package com.otsrange.runner;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONWriter;
import com.otsrange.common.StrictJson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job file's text as DataX's engine parses it (datax-common {@code Configuration.from}):
 * {@code JSON.parse} of fastjson2 2.0.23, the parser and version in DataX's {@code lib/}. It is
 * more lenient than standard JSON in some places (a trailing comma, single quotes, unquoted keys,
 * a missing comma between members, {@code +1}, {@code .5}) and stricter than fastjson 1.x in
 * others ({@code /* comments *}{@code /} and {@code NaN} are refused), with quirks no imitation
 * would get right (a {@code //} comment passes inside a nested object but not at the top level),
 * so the runner and {@code bin/otsrange validate} ask the same parser: a job file passes exactly
 * when DataX's engine would read it.
 */
public final class DataxJson {
    private static final Pattern OFFSET = Pattern.compile("offset (\\d+)");

    private DataxJson() {
    }

    /** The parser refused the text: where (a JSON path, "" for the top level) and why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String path;

        Refused(String path, String message) {
            super(message);
            this.path = path;
        }

        /** The JSON path of the value, member or container the parser stopped in ("" = the top level). */
        public String path() {
            return path;
        }
    }

    /**
     * The text as standard JSON, for parsers that are more lenient than DataX's: parsed as DataX
     * parses it and written again, keys in their order, {@code null} members kept (numbers DataX
     * reads as Infinity become {@code null} too), so that what DataX drops is still visible.
     *
     * @throws Refused when DataX's engine would refuse the job file
     */
    public static String standard(String text) throws Refused {
        Object parsed;
        try {
            parsed = JSON.parse(text);
        } catch (RuntimeException e) {
            throw refused(text, e);
        }
        if (parsed == null) {
            throw new Refused("", "not valid JSON as DataX reads it: there is no JSON value in it");
        }
        return JSON.toJSONString(parsed, JSONWriter.Feature.WriteMapNullValue);
    }

    private static Refused refused(String text, RuntimeException e) {
        String reason;
        int at = -1;
        if (e instanceof JSONException) {
            reason = String.valueOf(e.getMessage());
            int tail = reason.indexOf(", fastjson-version");
            if (tail >= 0) {
                reason = reason.substring(0, tail); // the rest repeats the whole text
            }
            Matcher offset = OFFSET.matcher(reason);
            at = offset.find() ? Math.min(text.length(), Integer.parseInt(offset.group(1))) : -1;
        } else {
            // the parser ran past the end of the text
            reason = "the text ends before the JSON does";
            at = text.length();
        }
        String where = "";
        String path = "";
        if (at >= 0) {
            path = StrictJson.pathAt(text, Math.max(0, at - 1), "");
            int line = 1;
            int column = 1;
            for (int i = 0; i < at - 1 && i < text.length(); i++) {
                column++;
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                }
            }
            where = " at line " + line + ", column " + column;
        }
        return new Refused(path, "not valid JSON as DataX reads it: DataX's parser (fastjson2 2.0.23) stops" + where + " (" + reason
                + "); write standard JSON: no comments, no NaN or Infinity, every string and key in double quotes");
    }
}
