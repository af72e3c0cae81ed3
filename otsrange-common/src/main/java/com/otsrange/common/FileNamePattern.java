package com.otsrange.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The writer's {@code fileName} pattern: a path relative to the output folder, '/'-separated, with
 * placeholders {@code {partition_key}} (required), {@code {table}}, {@code {year}} (required),
 * {@code {month}}, {@code {day}} (needs {@code {month}}). Absolute patterns, '.'/'..'/empty segments,
 * backslashes and a first segment that could render as the bookkeeping folder {@code .otsrange}
 * are rejected, so a rendered name always stays inside the folder and outside its bookkeeping.
 *
 * <p>Rendering encodes the key (and table) with {@link KeyEncoding}, whose result is never empty and
 * never starts with '.', so a segment holding a placeholder is never empty, '.' or '..'. A segment
 * longer than 255 bytes gets its key shortened to a prefix plus {@code ~} and 16 hex digits of the
 * key's sha256 ('~' never occurs in an encoded key).
 */
public final class FileNamePattern {
    public static final int MAX_SEGMENT_BYTES = 255;

    private static final String KEY = "partition_key";
    private static final String TABLE = "table";
    private static final String YEAR = "year";
    private static final String MONTH = "month";
    private static final String DAY = "day";

    /** What an encoded key or table can look like (KeyEncoding, maybe shortened with '~'). */
    private static final String ENCODED = "[A-Za-z0-9_%~-][A-Za-z0-9._%~-]*";

    private final String pattern;
    /** Segments; each token is either a literal or a placeholder name wrapped as "{name}". */
    private final List<List<String>> segments;
    private final Period period;

    private FileNamePattern(String pattern, List<List<String>> segments) {
        this.pattern = pattern;
        this.segments = segments;
        this.period = Period.finestIn(pattern);
    }

    public static FileNamePattern parse(String pattern) {
        if (pattern == null || pattern.trim().isEmpty()) {
            throw new IllegalArgumentException("fileName pattern is empty; e.g. " + RecordLayout.DEFAULT_FILE_NAME);
        }
        if (pattern.indexOf('\\') >= 0 || pattern.indexOf('\0') >= 0) {
            throw bad(pattern, "backslashes and NUL are not allowed; use '/' to separate folders");
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (Character.isISOControl(pattern.charAt(i))) {
                throw bad(pattern, String.format("a control character (U+%04X at position %d) is not allowed in file names", (int) pattern.charAt(i), i));
            }
        }
        if (pattern.startsWith("/") || pattern.startsWith("~")
                || (pattern.length() >= 2 && pattern.charAt(1) == ':' && Character.isLetter(pattern.charAt(0)))) {
            throw bad(pattern, "it must be relative to path (no leading '/', '~' or drive letter)");
        }
        List<List<String>> segs = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean hasKey = false;
        boolean hasYear = false;
        boolean hasMonth = false;
        boolean hasDay = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw bad(pattern, "'{' at position " + i + " is not closed");
                }
                String name = pattern.substring(i + 1, end);
                if (!(KEY.equals(name) || TABLE.equals(name) || YEAR.equals(name) || MONTH.equals(name) || DAY.equals(name))) {
                    throw bad(pattern, "unknown placeholder {" + name + "}; valid: {partition_key}, {table}, {year}, {month}, {day}");
                }
                hasKey |= KEY.equals(name);
                hasYear |= YEAR.equals(name);
                hasMonth |= MONTH.equals(name);
                hasDay |= DAY.equals(name);
                if (lit.length() > 0) {
                    cur.add(lit.toString());
                    lit.setLength(0);
                }
                cur.add("{" + name + "}");
                i = end;
            } else if (c == '}') {
                throw bad(pattern, "'}' at position " + i + " has no matching '{'");
            } else if (c == '/') {
                if (lit.length() > 0) {
                    cur.add(lit.toString());
                    lit.setLength(0);
                }
                segs.add(checkSegment(pattern, cur));
                cur = new ArrayList<>();
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            cur.add(lit.toString());
        }
        segs.add(checkSegment(pattern, cur));
        if (!hasKey) {
            throw bad(pattern, "{partition_key} is required (one file per partition key)");
        }
        if (!hasYear) {
            throw bad(pattern, "{year} is required: without it different years would share one file");
        }
        if (hasDay && !hasMonth) {
            throw bad(pattern, "{day} needs {month}: without it different months would share one file");
        }
        if (segmentRegex(segs.get(0)).matcher(RecordLayout.STATE_ROOT).matches()) {
            throw bad(pattern, "its first segment could render as '" + RecordLayout.STATE_ROOT + "', the writer's"
                    + " bookkeeping folder under path (checkpoint, temporary files): start the pattern differently,"
                    + " e.g. without a leading '.'");
        }
        return new FileNamePattern(pattern, Collections.unmodifiableList(segs));
    }

    private static List<String> checkSegment(String pattern, List<String> tokens) {
        if (tokens.isEmpty()) {
            throw bad(pattern, "empty path segment (leading, trailing or double '/')");
        }
        boolean literalOnly = true;
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            if (isPlaceholder(t)) {
                literalOnly = false;
            } else {
                sb.append(t);
            }
        }
        if (literalOnly && (sb.toString().equals(".") || sb.toString().equals(".."))) {
            throw bad(pattern, "'.' and '..' segments are not allowed: files must stay inside path");
        }
        if (literalOnly && sb.toString().trim().isEmpty()) {
            throw bad(pattern, "blank path segment");
        }
        return Collections.unmodifiableList(new ArrayList<>(tokens));
    }

    private static boolean isPlaceholder(String token) {
        return token.length() > 1 && token.charAt(0) == '{';
    }

    private static IllegalArgumentException bad(String pattern, String why) {
        // as JSON: a control character in the pattern must not break the message into lines
        return new IllegalArgumentException("invalid fileName pattern " + com.alibaba.fastjson.JSON.toJSONString(pattern) + ": " + why);
    }

    public String pattern() {
        return pattern;
    }

    /** The file period: the finest time placeholder. */
    public Period period() {
        return period;
    }

    public boolean endsWith(String suffix) {
        return pattern.endsWith(suffix);
    }

    /** This pattern with a suffix appended to its last segment (e.g. ".gz"). */
    public FileNamePattern withSuffix(String suffix) {
        return parse(pattern + suffix);
    }

    /** Relative path ('/'-separated) of the file for this key, table and instant. */
    public String render(String keyText, String table, long epochMillis, ZoneId zone) {
        LocalDate d = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
        String key = KeyEncoding.encode(keyText);
        String tab = KeyEncoding.encode(table == null ? "" : table);
        StringBuilder out = new StringBuilder(pattern.length() + key.length() + 16);
        for (int s = 0; s < segments.size(); s++) {
            List<String> seg = segments.get(s);
            String r = renderSegment(seg, key, tab, d);
            if (r.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                r = shortened(seg, keyText, key, tab, d, r);
            }
            if (s == 0 && r.equalsIgnoreCase(RecordLayout.STATE_ROOT)) {
                // parse() refuses such patterns and keys cannot start with '.': never write there
                throw new IllegalStateException("file name pattern '" + pattern + "' rendered '" + r
                        + "' for key '" + keyText + "': that is the bookkeeping folder; refusing to write into it");
            }
            if (s > 0) {
                out.append('/');
            }
            out.append(r);
        }
        return out.toString();
    }

    private String shortened(List<String> seg, String keyText, String key, String tab, LocalDate d, String r) {
        int uses = 0;
        for (String t : seg) {
            if (t.equals("{" + KEY + "}")) {
                uses++;
            }
        }
        int over = r.getBytes(StandardCharsets.UTF_8).length - MAX_SEGMENT_BYTES;
        String tag = "~" + Sha256.ofText(keyText).substring(0, 16);
        int keep = uses == 0 ? -1 : key.length() - (over + uses - 1) / uses - tag.length();
        if (keep < 0) {
            throw new IllegalArgumentException("file name segment '" + r + "' of pattern '" + pattern
                    + "' is longer than " + MAX_SEGMENT_BYTES + " bytes even with a shortened key");
        }
        // never cut inside a %XX escape
        if (keep >= 1 && key.charAt(keep - 1) == '%') {
            keep -= 1;
        } else if (keep >= 2 && key.charAt(keep - 2) == '%') {
            keep -= 2;
        }
        return renderSegment(seg, key.substring(0, keep) + tag, tab, d);
    }

    private static String renderSegment(List<String> seg, String key, String tab, LocalDate d) {
        StringBuilder sb = new StringBuilder();
        for (String t : seg) {
            if (!isPlaceholder(t)) {
                sb.append(t);
            } else if (t.equals("{" + KEY + "}")) {
                sb.append(key);
            } else if (t.equals("{" + TABLE + "}")) {
                sb.append(tab);
            } else if (t.equals("{" + YEAR + "}")) {
                Period.appendYear(sb, d.getYear());
            } else if (t.equals("{" + MONTH + "}")) {
                Period.pad2(sb, d.getMonthValue());
            } else {
                Period.pad2(sb, d.getDayOfMonth());
            }
        }
        return sb.toString();
    }

    /**
     * Why some segment of this pattern can never be a file name for {@code table}, or null: the
     * longest its parts other than the key can render (literals, the encoded table, {@code year}
     * with up to {@code yearChars} characters, month and day) plus one byte per key already pass
     * the {@value #MAX_SEGMENT_BYTES} bytes a file name may have, so no key fits. (A segment that
     * fits some keys but not a long one is refused for that key when it arrives.)
     */
    public String segmentTooLong(String table, int yearChars) {
        String tab = KeyEncoding.encode(table == null ? "" : table);
        for (List<String> seg : segments) {
            int bytes = 0;
            for (String t : seg) {
                if (!isPlaceholder(t)) {
                    bytes += t.getBytes(StandardCharsets.UTF_8).length;
                } else if (t.equals("{" + KEY + "}")) {
                    bytes += 1;
                } else if (t.equals("{" + TABLE + "}")) {
                    bytes += tab.length();
                } else if (t.equals("{" + YEAR + "}")) {
                    bytes += yearChars;
                } else {
                    bytes += 2;
                }
            }
            if (bytes > MAX_SEGMENT_BYTES) {
                StringBuilder text = new StringBuilder();
                for (String t : seg) {
                    text.append(t);
                }
                return "the part " + com.alibaba.fastjson.JSON.toJSONString(text.toString()) + " renders to at least " + bytes
                        + " bytes with a one-byte key ({table} is " + tab.length() + " bytes, {year} up to " + yearChars
                        + " characters): more than the " + MAX_SEGMENT_BYTES + " bytes a file or folder name may have; shorten its"
                        + " text, leave {table} out of it or split it with '/'";
            }
        }
        return null;
    }

    /** Characters of the longest {@code {year}} a raw value of {@code unit} can render ("-292275055" for ms). */
    public static int longestYear(SortKeyUnit unit) {
        int chars = 0;
        for (long raw : new long[] {Long.MIN_VALUE, Long.MAX_VALUE}) {
            int year;
            try {
                year = unit.toInstant(raw).atZone(java.time.ZoneOffset.UTC).getYear();
            } catch (java.time.DateTimeException | ArithmeticException e) {
                // beyond what a date can hold: no file is ever rendered for it
                year = raw < 0 ? java.time.Year.MIN_VALUE : java.time.Year.MAX_VALUE;
            }
            StringBuilder sb = new StringBuilder();
            Period.appendYear(sb, year);
            chars = Math.max(chars, sb.length());
        }
        return chars;
    }

    /**
     * Regex matching every relative path ('/'-separated) this pattern can produce for the table:
     * used by writeMode nonConflict to find existing target files.
     */
    public Pattern regexFor(String table) {
        StringBuilder sb = new StringBuilder();
        String tab = KeyEncoding.encode(table == null ? "" : table);
        for (int s = 0; s < segments.size(); s++) {
            if (s > 0) {
                sb.append('/');
            }
            for (String t : segments.get(s)) {
                if (!isPlaceholder(t)) {
                    sb.append(Pattern.quote(t));
                } else if (t.equals("{" + KEY + "}")) {
                    sb.append("[A-Za-z0-9._%~-]*");
                } else if (t.equals("{" + TABLE + "}")) {
                    sb.append(Pattern.quote(tab));
                } else if (t.equals("{" + YEAR + "}")) {
                    sb.append("-?[0-9]{4,}");
                } else {
                    sb.append("[0-9]{2}");
                }
            }
        }
        return Pattern.compile(sb.toString());
    }

    /** Every text a segment can render as: literals as they are, placeholders as what they produce. */
    private static Pattern segmentRegex(List<String> seg) {
        StringBuilder sb = new StringBuilder();
        for (String t : seg) {
            if (!isPlaceholder(t)) {
                sb.append(Pattern.quote(t));
            } else if (t.equals("{" + KEY + "}") || t.equals("{" + TABLE + "}")) {
                sb.append(ENCODED);
            } else if (t.equals("{" + YEAR + "}")) {
                sb.append("[-+]?[0-9]+");
            } else {
                sb.append("[0-9]{2}");
            }
        }
        // case-insensitive: on macOS and Windows '.OTSRANGE' is the same folder
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
