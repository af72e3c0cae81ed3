package com.otsrange.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * What a fresh export of the committed windows holds, rendered from the test's model of the table
 * by rules written here from docs/writer.md ("CSV format", "File names"), not by the plugins'
 * code: file names, header, time cells, quoting, numbers. Files are compared as text (a gzip
 * file decompressed, members one after the other).
 */
final class RestateOracle {
    private RestateOracle() {
    }

    /** File name -> CSV text, for the rows of the task keys whose time the predicate accepts. */
    static Map<String, String> expected(RestateTable table, RestateShape shape, LongPredicate committed) {
        Map<String, StringBuilder> files = new TreeMap<>();
        for (String key : RestateShape.KEYS) {
            for (Map.Entry<Long, Map<String, Object>> r : table.rowsOf(key).entrySet()) {
                long t = r.getKey();
                Map<String, Object> a = r.getValue();
                boolean exported = shape.timeColumn || a.containsKey("v") || a.containsKey("s") || a.containsKey("d");
                if (!committed.test(t) || !exported) {
                    continue;
                }
                StringBuilder csv = files.computeIfAbsent(fileName(table.name, shape, key, t),
                    n -> new StringBuilder(String.join(",", shape.columns())).append('\n'));
                if (shape.timeColumn) {
                    csv.append(time(t, shape.zone)).append(',');
                }
                Object v = a.get("v");
                Object d = a.get("d");
                csv.append(v == null ? "" : v.toString()).append(',').append(cell((String) a.get("s"))).append(',')
                        .append(d == null ? "" : Double.toString((Double) d)).append('\n');
            }
        }
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, text) -> out.put(name, text.toString()));
        return out;
    }

    /** The text of every file of a snapshot (gzip files decompressed). */
    static Map<String, String> texts(Map<String, byte[]> snapshot, boolean gzip) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : snapshot.entrySet()) {
            out.put(f.getKey(), new String(IncrementalData.text(f.getValue(), gzip), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A readable difference (first differing line per file), empty when equal. */
    static String diff(Map<String, String> expected, Map<String, String> actual) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            if (got == null) {
                sb.append("missing ").append(e.getKey()).append('\n');
            } else if (!got.equals(e.getValue())) {
                List<String> want = java.util.Arrays.asList(e.getValue().split("\n", -1));
                List<String> have = java.util.Arrays.asList(got.split("\n", -1));
                int i = 0;
                while (i < want.size() && i < have.size() && want.get(i).equals(have.get(i))) {
                    i++;
                }
                sb.append("differs ").append(e.getKey()).append(" (").append(want.size() - 2).append(" rows expected, ")
                        .append(have.size() - 2).append(" found) at line ").append(i + 1).append(": expected [")
                        .append(i < want.size() ? want.get(i) : "<end>").append("] found [").append(i < have.size() ? have.get(i) : "<end>")
                        .append("]\n");
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                sb.append("extra ").append(k).append('\n');
            }
        }
        return sb.toString();
    }

    static String fileName(String table, RestateShape shape, String key, long t) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(shape.zone);
        String year = String.valueOf(z.getYear());
        String month = two(z.getMonthValue());
        String name;
        switch (shape.files) {
            case DAY:
                name = E2e.encodeKey(key) + "/" + year + "-" + month + "-" + two(z.getDayOfMonth()) + ".csv";
                break;
            case MONTH:
                name = E2e.encodeKey(key) + "/" + year + "/" + month + ".csv";
                break;
            default:
                name = E2e.encodeKey(key) + "_" + table + "_" + year + ".csv";
        }
        return shape.gzip ? name + ".gz" : name;
    }

    /** ISO-8601 with the zone's offset ("Z" for UTC), milliseconds only when not zero. */
    static String time(long t, ZoneId zone) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
        StringBuilder sb = new StringBuilder();
        sb.append(z.getYear()).append('-').append(two(z.getMonthValue())).append('-').append(two(z.getDayOfMonth())).append('T')
                .append(two(z.getHour())).append(':').append(two(z.getMinute())).append(':').append(two(z.getSecond()));
        long ms = Math.floorMod(t, 1000L);
        if (ms != 0) {
            sb.append('.').append(String.format("%03d", ms));
        }
        int offset = z.getOffset().getTotalSeconds();
        if ("UTC".equals(zone.getId())) {
            sb.append('Z');
        } else {
            sb.append(offset < 0 ? '-' : '+').append(two(Math.abs(offset) / 3600)).append(':').append(two(Math.abs(offset) % 3600 / 60));
        }
        return sb.toString();
    }

    /**
     * RFC 4180, minimal quoting as docs/writer.md states it: quoted when it contains a comma, quote,
     * CR or LF, starts with a character up to '#' or ends with one up to ' ', or is empty; quotes
     * doubled. A missing cell is nothing.
     */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.isEmpty() || s.charAt(0) <= '#' || s.charAt(s.length() - 1) <= ' ';
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
