package com.otsrange.writer;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.alibaba.fastjson.JSON;
import com.otsrange.common.FileNamePattern;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.StateDir;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The writer's configuration, typed and validated. Built by the Job from its parameter and the
 * peer (reader) parameter; the Job stores the peer-derived facts under {@value #RESOLVED} in each
 * task's parameter, since tasks get no peer configuration.
 */
final class WriterSpec {
    static final String RESOLVED = "otsrangeResolved";

    enum Compress { NONE, GZIP }

    enum WriteMode { TRUNCATE, APPEND, NONCONFLICT }

    /** How the generic mode reads its time column. */
    enum GenericTime { MS, S, US, DATE }

    private final Path path;
    private final FileNamePattern fileName;
    private final boolean header;
    private final Charset encoding;
    private final String nullFormat;
    private final Compress compress;
    private final WriteMode writeMode;
    private final String dateFormat;
    private final String lineSeparator;
    private final boolean paired;
    private final String table;
    private final SortKeyUnit timeUnit;
    private final GenericTime genericTime;
    private final ZoneId timeZone;
    private final ShardSpec shard;
    private final boolean resume;
    private final int partitionKeyColumn;
    private final int timeColumn;
    private final List<String> columnNames;
    private final int[] columns;
    private final int maxOpenFiles;
    private final int taskIndex;

    private WriterSpec(Builder b) {
        this.path = b.path;
        this.fileName = b.fileName;
        this.header = b.header;
        this.encoding = b.encoding;
        this.nullFormat = b.nullFormat;
        this.compress = b.compress;
        this.writeMode = b.writeMode;
        this.dateFormat = b.dateFormat;
        this.lineSeparator = b.lineSeparator;
        this.paired = b.paired;
        this.table = b.table;
        this.timeUnit = b.timeUnit;
        this.genericTime = b.genericTime;
        this.timeZone = b.timeZone;
        this.shard = b.shard;
        this.resume = b.resume;
        this.partitionKeyColumn = b.partitionKeyColumn;
        this.timeColumn = b.timeColumn;
        this.columnNames = b.columnNames;
        this.columns = b.columns;
        this.maxOpenFiles = b.maxOpenFiles;
        this.taskIndex = b.taskIndex;
    }

    private static final class Builder {
        Path path;
        FileNamePattern fileName;
        boolean header;
        Charset encoding;
        String nullFormat;
        Compress compress;
        WriteMode writeMode;
        String dateFormat;
        String lineSeparator;
        boolean paired;
        String table;
        SortKeyUnit timeUnit = SortKeyUnit.MS;
        GenericTime genericTime = GenericTime.MS;
        ZoneId timeZone;
        ShardSpec shard = ShardSpec.ALL;
        boolean resume;
        int partitionKeyColumn = -1;
        int timeColumn = -1;
        List<String> columnNames;
        int[] columns;
        int maxOpenFiles = 512;
        int taskIndex;
    }

    // ---------------------------------------------------------------- building

    /** Job side: writer parameter + the peer's name and parameter. */
    static WriterSpec forJob(Configuration writer, String peerName, Configuration peer, Path workingDir) {
        Map<String, Object> resolved = resolvePeer(writer, peerName, peer);
        rejectUnknownKeys(writer, Boolean.TRUE.equals(resolved.get("paired")));
        return parse(writer, resolved, workingDir);
    }

    static final List<String> COMMON_KEYS = java.util.Arrays.asList("path", "fileName", "header", "encoding", "nullFormat",
            "compress", "writeMode", "dateFormat", "lineSeparator");
    static final List<String> GENERIC_KEYS = java.util.Arrays.asList("partitionKeyColumn", "timeColumn", "timeUnit", "timeZone",
            "table", "columns", "columnNames", "maxOpenFiles");

    /** A typo must not be silently ignored: every key is known, and generic-mode keys are refused when paired. */
    private static void rejectUnknownKeys(Configuration w, boolean paired) {
        Object internal = w.getInternal();
        if (!(internal instanceof Map)) {
            return;
        }
        for (Object k : ((Map<?, ?>) internal).keySet()) {
            String key = String.valueOf(k);
            if (COMMON_KEYS.contains(key)) {
                continue;
            }
            if (GENERIC_KEYS.contains(key)) {
                if (paired) {
                    throw config("parameter." + key, w.get(key), "not used with otsrangereader (the reader's "
                            + "parameter and the record meta say it); remove it"
                            + (key.equals("timeUnit") || key.equals("timeZone") || key.equals("table") ? " and set it in the reader parameter" : ""));
                }
                continue;
            }
            List<String> valid = new ArrayList<>(COMMON_KEYS);
            if (!paired) {
                valid.addAll(GENERIC_KEYS);
            }
            throw new DataXException(WriterErrorCode.CONFIG_INVALID, "parameter." + key + " is not a csvyearwriter parameter"
                    + suggestion(key, valid) + "; valid keys: " + valid);
        }
    }

    private static String suggestion(String key, List<String> valid) {
        String best = null;
        int bestDistance = 3;
        for (String v : valid) {
            int d = distance(key.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = v;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Task side: the task parameter carries the resolved peer facts. */
    static WriterSpec forTask(Configuration taskParam) {
        Map<String, Object> resolved = taskParam.getMap(RESOLVED);
        if (resolved == null) {
            throw new DataXException(WriterErrorCode.CONFIG_INVALID,
                    "task parameter lacks " + RESOLVED + " (the writer Job did not split this config)");
        }
        WriterSpec s = parse(taskParam, resolved, Paths.get(""));
        return s;
    }

    /** The facts a task needs from the peer config, with the reader's defaults. */
    static Map<String, Object> resolvePeer(Configuration writer, String peerName, Configuration peer) {
        Map<String, Object> r = new LinkedHashMap<>();
        boolean paired = RecordLayout.READER_NAME.equals(peerName);
        r.put("paired", paired);
        if (paired) {
            Configuration p = peer == null ? Configuration.newDefault() : peer;
            String table = p.getString("table");
            if (table == null || table.trim().isEmpty()) {
                throw new DataXException(WriterErrorCode.PEER_CONFIG_INVALID,
                        "reader parameter.table is missing: csvyearwriter names files and its state dir after it");
            }
            r.put("table", table);
            r.put("timeUnit", p.getString("timeUnit", RecordLayout.DEFAULT_TIME_UNIT));
            r.put("timeZone", p.getString("timeZone", RecordLayout.DEFAULT_TIME_ZONE));
            Object shard = p.get("shard");
            r.put("shard", shard == null ? null : String.valueOf(shard));
            Object resume = p.get("resume");
            r.put("resume", resume != null && Boolean.parseBoolean(String.valueOf(resume)));
        } else {
            r.put("table", writer.getString("table", "records"));
            r.put("timeUnit", writer.getString("timeUnit", RecordLayout.DEFAULT_TIME_UNIT));
            r.put("timeZone", writer.getString("timeZone", RecordLayout.DEFAULT_TIME_ZONE));
            r.put("shard", null);
            r.put("resume", false);
        }
        return r;
    }

    private static WriterSpec parse(Configuration w, Map<String, Object> resolved, Path workingDir) {
        Builder b = new Builder();
        String pathText = w.getString("path");
        if (pathText == null || pathText.trim().isEmpty()) {
            throw config("parameter.path", pathText, "the output folder is required, e.g. \"/data/export\"");
        }
        b.path = workingDir.resolve(pathText).toAbsolutePath().normalize();

        b.compress = choice(w, "compress", "none", Compress.class);
        String pattern = w.getString("fileName", RecordLayout.DEFAULT_FILE_NAME);
        try {
            FileNamePattern p = FileNamePattern.parse(pattern);
            if (b.compress == Compress.GZIP && !p.endsWith(".gz")) {
                p = p.withSuffix(".gz");
            }
            b.fileName = p;
        } catch (IllegalArgumentException e) {
            throw config("parameter.fileName", pattern, e.getMessage());
        }
        b.header = bool(w, "header", true);
        String enc = w.getString("encoding", "UTF-8");
        try {
            b.encoding = Charset.forName(enc);
            if (!b.encoding.canEncode()) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            throw config("parameter.encoding", enc, "a charset name this JVM can encode, e.g. UTF-8, GBK, ISO-8859-1");
        }
        b.nullFormat = w.getString("nullFormat", "");
        if (b.nullFormat.indexOf(',') >= 0 || b.nullFormat.indexOf('"') >= 0 || b.nullFormat.indexOf('\n') >= 0
                || b.nullFormat.indexOf('\r') >= 0) {
            throw config("parameter.nullFormat", b.nullFormat, "a text without comma, double quote or line breaks, e.g. \"\" or \"\\\\N\"");
        }
        b.writeMode = choice(w, "writeMode", "truncate", WriteMode.class);
        b.dateFormat = w.getString("dateFormat");
        if (b.dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(b.dateFormat);
            } catch (IllegalArgumentException e) {
                throw config("parameter.dateFormat", b.dateFormat,
                        "a java.time DateTimeFormatter pattern, e.g. \"yyyy-MM-dd HH:mm:ss.SSS\" (" + e.getMessage() + ")");
            }
        }
        b.lineSeparator = w.getString("lineSeparator", "\n");
        if (!("\n".equals(b.lineSeparator) || "\r\n".equals(b.lineSeparator) || "\r".equals(b.lineSeparator))) {
            throw config("parameter.lineSeparator", JSON.toJSONString(b.lineSeparator), "\"\\n\" (default), \"\\r\\n\" or \"\\r\"");
        }

        b.paired = Boolean.TRUE.equals(resolved.get("paired"));
        String src = b.paired ? "reader parameter." : "parameter.";
        b.table = String.valueOf(resolved.get("table"));
        if (b.table.isEmpty()) {
            throw config(src + "table", b.table, "a non-empty table name");
        }
        String unit = String.valueOf(resolved.get("timeUnit"));
        String zone = String.valueOf(resolved.get("timeZone"));
        try {
            b.timeZone = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw config(src + "timeZone", zone, "a zone id such as UTC, Asia/Shanghai or +08:00");
        }
        if (!b.paired && "date".equalsIgnoreCase(unit.trim())) {
            b.genericTime = GenericTime.DATE;
            b.timeUnit = SortKeyUnit.MS;
        } else {
            try {
                b.timeUnit = SortKeyUnit.parse(unit);
                b.genericTime = GenericTime.valueOf(b.timeUnit.name());
            } catch (IllegalArgumentException e) {
                throw config(src + "timeUnit", unit, b.paired ? "ms, s or us" : "ms, s, us or date");
            }
        }
        Object shard = resolved.get("shard");
        try {
            b.shard = ShardSpec.parse(shard == null ? null : String.valueOf(shard));
        } catch (IllegalArgumentException e) {
            throw config(src + "shard", shard, e.getMessage());
        }
        b.resume = Boolean.TRUE.equals(resolved.get("resume"));

        if (!b.paired) {
            b.partitionKeyColumn = index(w, "partitionKeyColumn", true);
            b.timeColumn = index(w, "timeColumn", true);
            b.columns = indexes(w, "columns");
            b.columnNames = names(w, "columnNames");
            if (b.columns != null && b.columnNames != null && b.columns.length != b.columnNames.size()) {
                throw config("parameter.columnNames", b.columnNames,
                        "one name per entry of parameter.columns (" + b.columns.length + " columns)");
            }
            if (b.columns == null && b.columnNames != null) {
                b.columns = new int[b.columnNames.size()];
                for (int i = 0; i < b.columns.length; i++) {
                    b.columns[i] = i;
                }
            }
            if (b.header && b.columnNames == null) {
                throw config("parameter.columnNames", null,
                        "the header names (JSON array of strings) are required with header: true when the reader is not otsrangereader");
            }
            Integer max = w.getInt("maxOpenFiles", 512);
            if (max < 1 || max > 4096) {
                throw config("parameter.maxOpenFiles", max, "an integer between 1 and 4096");
            }
            b.maxOpenFiles = max;
        }
        b.taskIndex = w.getInt("taskIndex", 0);
        return new WriterSpec(b);
    }

    private static boolean bool(Configuration w, String key, boolean dflt) {
        Object v = w.get(key);
        if (v == null) {
            return dflt;
        }
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if ("true".equals(s) || "false".equals(s)) {
            return Boolean.parseBoolean(s);
        }
        throw config("parameter." + key, v, "true or false");
    }

    private static <E extends Enum<E>> E choice(Configuration w, String key, String dflt, Class<E> type) {
        String v = w.getString(key, dflt);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            valid.add(e == (Object) WriteMode.NONCONFLICT ? "nonConflict" : e.name().toLowerCase(Locale.ROOT));
        }
        throw config("parameter." + key, v, "one of " + valid);
    }

    private static int index(Configuration w, String key, boolean required) {
        Object v = w.get(key);
        if (v == null) {
            if (required) {
                throw config("parameter." + key, null, "a 0-based record column index (required when the reader is not otsrangereader)");
            }
            return -1;
        }
        try {
            int i = Integer.parseInt(String.valueOf(v).trim());
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw config("parameter." + key, v, "a 0-based record column index");
    }

    private static int[] indexes(Configuration w, String key) {
        Object v = w.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw config("parameter." + key, v, "a JSON array of 0-based record column indexes");
        }
        List<?> l = (List<?>) v;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(String.valueOf(l.get(i)).trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 0) {
                throw config("parameter." + key + "[" + i + "]", l.get(i), "a 0-based record column index");
            }
        }
        return out;
    }

    private static List<String> names(Configuration w, String key) {
        Object v = w.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw config("parameter." + key, v, "a JSON array of header names");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(String.valueOf(o));
        }
        return Collections.unmodifiableList(out);
    }

    static DataXException config(String jsonPath, Object value, String valid) {
        return new DataXException(WriterErrorCode.CONFIG_INVALID,
                jsonPath + " = " + (value == null ? "(missing)" : JSON.toJSONString(value)) + " is invalid: " + valid);
    }

    // ---------------------------------------------------------------- accessors

    Path path() { return path; }
    FileNamePattern fileName() { return fileName; }
    boolean header() { return header; }
    Charset encoding() { return encoding; }
    String nullFormat() { return nullFormat; }
    Compress compress() { return compress; }
    WriteMode writeMode() { return writeMode; }
    String dateFormat() { return dateFormat; }
    String lineSeparator() { return lineSeparator; }
    boolean paired() { return paired; }
    String table() { return table; }
    SortKeyUnit timeUnit() { return timeUnit; }
    GenericTime genericTime() { return genericTime; }
    ZoneId timeZone() { return timeZone; }
    ShardSpec shard() { return shard; }
    boolean resume() { return resume; }
    int partitionKeyColumn() { return partitionKeyColumn; }
    int timeColumn() { return timeColumn; }
    List<String> columnNames() { return columnNames; }
    int[] columns() { return columns == null ? null : columns.clone(); }
    int maxOpenFiles() { return maxOpenFiles; }
    int taskIndex() { return taskIndex; }

    Path stateDir() {
        return StateDir.of(path, table, shard);
    }

    Path tmpDir() {
        return stateDir().resolve(StateDir.TMP);
    }
}
