package com.otsrange.writer;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.FileNamePattern;
import com.otsrange.common.JsonBool;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Placeholders;
import com.otsrange.common.Param;
import com.otsrange.common.ParameterMap;
import com.otsrange.common.Problems;
import com.otsrange.common.ReaderFacts;
import com.otsrange.common.ReaderParams;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.StateDir;
import com.otsrange.common.WriterParams;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's configuration, typed and validated. Built by the Job from its parameter and the
 * peer (reader) parameter; the Job stores the peer-derived facts under {@value #RESOLVED} in each
 * task's parameter, since tasks get no peer configuration.
 */
final class WriterSpec {
    static final String RESOLVED = "otsrangeResolved";
    /** How problems name the paired reader's parameter, whose facts the writer checks too. */
    static final String READER_PARAMETER = "reader parameter.";

    private final Path path;
    private final FileNamePattern fileName;
    private final boolean header;
    private final Charset encoding;
    private final String nullFormat;
    private final Compress compress;
    private final WriteMode writeMode;
    private final String dateFormat;
    private final String lineSeparator;
    private final VerifyCommitted verifyCommitted;
    private final boolean paired;
    private final String table;
    private final SortKeyUnit timeUnit;
    private final ZoneId timeZone;
    private final ShardSpec shard;
    private final boolean resume;
    private final GenericColumns generic;
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
        this.verifyCommitted = b.verifyCommitted;
        this.paired = b.paired;
        this.table = b.table;
        this.timeUnit = b.timeUnit;
        this.timeZone = b.timeZone;
        this.shard = b.shard;
        this.resume = b.resume;
        this.generic = b.generic;
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
        VerifyCommitted verifyCommitted;
        boolean paired;
        String table;
        SortKeyUnit timeUnit = SortKeyUnit.MS;
        GenericColumns.Time genericTime = GenericColumns.Time.MS;
        ZoneId timeZone;
        ShardSpec shard = ShardSpec.ALL;
        boolean resume;
        GenericColumns generic;
        int taskIndex;
    }

    // ---------------------------------------------------------------- building

    static final List<String> COMMON_KEYS = WriterParams.COMMON_KEYS;
    static final List<String> GENERIC_KEYS = WriterParams.GENERIC_KEYS;

    /**
     * Job side: every rule on the writer parameter and the peer facts it uses, plus read-only checks
     * of {@code path}; all problems are collected ({@link CsvYearWriterValidation} reports the same
     * list offline). Returns null when there are problems.
     */
    static WriterSpec check(Map<String, Object> writer, String peerName, Map<String, Object> peer, Path workingDir,
                            Problems problems) {
        Map<String, Object> w = writer == null ? Collections.<String, Object>emptyMap() : writer;
        List<JsonProblem> unreplaced = Placeholders.unreplaced(w, "parameter");
        Problems checked = new Problems();
        Map<String, Object> resolved = resolvePeer(w, peerName, peer);
        rejectUnknownKeys(w, Boolean.TRUE.equals(resolved.get(PAIRED)), checked);
        WriterSpec spec = parse(w, resolved, workingDir, true, checked);
        IncrementalRun.check(w, resolved, peer, checked);
        for (JsonProblem p : Problems.placeholdersFirst(unreplaced, checked.list())) {
            problems.add(p);
        }
        return problems.isEmpty() ? spec : null;
    }

    /** Job side: the spec, or a DataXException listing every problem. */
    static WriterSpec forJob(Configuration writer, String peerName, Configuration peer, Path workingDir) {
        Problems problems = new Problems();
        WriterSpec spec = check(ParameterMap.of(writer), peerName, peer == null ? null : ParameterMap.of(peer), workingDir, problems);
        throwIfAny(problems);
        return spec;
    }

    /** Task side: the task parameter carries the resolved peer facts (checked by the Job already). */
    static WriterSpec forTask(Configuration taskParam) {
        Map<String, Object> resolved = taskParam.getMap(RESOLVED);
        if (resolved == null) {
            throw new DataXException(WriterErrorCode.CONFIG_INVALID,
                    "task parameter lacks " + RESOLVED + " (the writer Job did not split this config)");
        }
        Problems problems = new Problems();
        WriterSpec spec = parse(ParameterMap.of(taskParam), resolved, Paths.get(""), false, problems);
        throwIfAny(problems);
        return spec;
    }

    /** Fails with the first problem's code (an invalid parameter when it has none), listing every problem. */
    private static void throwIfAny(Problems problems) {
        List<JsonProblem> all = problems.list();
        if (all.isEmpty()) {
            return;
        }
        WriterErrorCode code = all.get(0).code() instanceof WriterErrorCode ? (WriterErrorCode) all.get(0).code()
                : WriterErrorCode.CONFIG_INVALID;
        if (all.size() == 1) {
            throw new DataXException(code, all.get(0).toString());
        }
        StringBuilder sb = new StringBuilder("csvyearwriter: ").append(all.size()).append(" problems in the job parameter:");
        for (int i = 0; i < all.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(all.get(i));
        }
        throw new DataXException(code, sb.toString());
    }

    /** A typo must not be silently ignored: every key is known, and generic-mode keys are refused when paired. */
    private static void rejectUnknownKeys(Map<String, Object> w, boolean paired, Problems problems) {
        for (Map.Entry<String, Object> e : w.entrySet()) {
            String key = e.getKey();
            if (COMMON_KEYS.contains(key)) {
                continue;
            }
            if (GENERIC_KEYS.contains(key)) {
                if (paired) {
                    problems.invalid("parameter." + key, e.getValue(), "not used with otsrangereader (the reader's "
                            + "parameter and the record meta say it); remove it"
                            + (ReaderParams.KEYS.contains(key) ? " and set it in the reader parameter" : ""));
                }
                continue;
            }
            List<String> valid = new ArrayList<>(COMMON_KEYS);
            if (!paired) {
                valid.addAll(GENERIC_KEYS);
            }
            problems.add(WriterErrorCode.CONFIG_INVALID, "parameter." + key, "not a csvyearwriter parameter"
                    + Problems.didYouMean(key, valid) + "; valid keys: " + valid);
        }
    }

    /**
     * The facts a task needs from the peer config ({@link ReaderFacts}, with the reader's defaults),
     * unchecked (parse checks them), or in generic mode the same facts from the writer's own keys.
     * Values are kept as given so a problem can show them.
     */
    static Map<String, Object> resolvePeer(Map<String, Object> writer, String peerName, Map<String, Object> peer) {
        Map<String, Object> r = new LinkedHashMap<>();
        boolean paired = RecordLayout.READER_NAME.equals(peerName);
        r.put(PAIRED, paired);
        if (paired) {
            ReaderFacts facts = ReaderFacts.of(peer);
            r.put(TABLE, facts.table());
            r.put(TIME_UNIT, facts.timeUnitText());
            r.put(TIME_ZONE, facts.timeZoneText());
            r.put(SHARD, facts.shardText());
            r.put(RESUME, facts.resume());
        } else {
            r.put(TABLE, WriterParams.TABLE.in(writer));
            r.put(TIME_UNIT, WriterParams.TIME_UNIT.in(writer));
            r.put(TIME_ZONE, WriterParams.TIME_ZONE.in(writer));
            r.put(SHARD, null);
            r.put(RESUME, false);
            Integer width = recordWidth(peerName, peer);
            if (width != null) {
                r.put(RECORD_WIDTH, width);
            }
        }
        return r;
    }

    /** Resolved keys: the reader's fact names, whether paired, and the record width when the reader's parameter says it. */
    private static final String TABLE = ReaderParams.TABLE.name();
    private static final String TIME_UNIT = ReaderParams.TIME_UNIT.name();
    private static final String TIME_ZONE = ReaderParams.TIME_ZONE.name();
    private static final String SHARD = ReaderParams.SHARD.name();
    private static final String RESUME = ReaderParams.RESUME.name();
    static final String PAIRED = "paired";
    private static final String RECORD_WIDTH = "recordWidth";
    private static final String STREAMREADER = "streamreader";

    /**
     * DataX's stock streamreader (and our runner's) sends records of exactly its {@code column}
     * list's length; for any other reader the width is only known per record.
     */
    private static Integer recordWidth(String peerName, Map<String, Object> peer) {
        Object column = peer == null ? null : peer.get("column");
        return STREAMREADER.equals(peerName) && column instanceof List ? ((List<?>) column).size() : null;
    }

    /** Job side, after {@link #forJob}: the facts for the task parameters. */
    static Map<String, Object> resolvePeer(Configuration writer, String peerName, Configuration peer) {
        return resolvePeer(ParameterMap.of(writer), peerName, peer == null ? null : ParameterMap.of(peer));
    }

    /**
     * Every rule on the values, then (checkPath) the read-only checks of the output folder, last so
     * that a configuration problem's code comes first; null when a problem was added.
     */
    private static WriterSpec parse(Map<String, Object> w, Map<String, Object> resolved, Path workingDir, boolean checkPath,
                                    Problems problems) {
        int before = problems.count();
        Builder b = new Builder();
        Object pathValue = w.get("path");
        if (!(pathValue instanceof String) || ((String) pathValue).trim().isEmpty()) {
            problems.invalid("parameter.path", pathValue, "the output folder is required, e.g. \"/data/export\"");
        } else if (((String) pathValue).trim().startsWith("~")) {
            problems.invalid("parameter.path", pathValue, "DataX does not expand '~' (it would create a folder named '~');"
                    + " write an absolute path" + homeExample(((String) pathValue).trim()));
        } else {
            try {
                b.path = workingDir.resolve((String) pathValue).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                problems.invalid("parameter.path", pathValue, "a folder path this system accepts (" + e.getMessage() + ")");
            }
        }

        b.compress = choice(w, WriterParams.COMPRESS, Compress.class, problems);
        Object patternValue = WriterParams.FILE_NAME.in(w);
        if (!(patternValue instanceof String)) {
            problems.invalid("parameter.fileName", patternValue, "a pattern string such as \"" + RecordLayout.DEFAULT_FILE_NAME + "\"");
        } else {
            try {
                FileNamePattern p = FileNamePattern.parse((String) patternValue);
                if (b.compress == Compress.GZIP && !p.endsWith(".gz")) {
                    p = p.withSuffix(".gz");
                }
                b.fileName = p;
            } catch (IllegalArgumentException e) {
                problems.invalid("parameter.fileName", patternValue, e.getMessage());
            }
        }
        b.header = bool(w, WriterParams.HEADER, problems);
        String enc = scalar(w, WriterParams.ENCODING, problems);
        if (enc != null) {
            try {
                b.encoding = Charset.forName(enc.trim());
                if (!b.encoding.canEncode()) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException e) {
                problems.invalid("parameter.encoding", enc, "a charset name this JVM can encode, e.g. UTF-8, GBK, ISO-8859-1");
            }
        }
        b.nullFormat = scalar(w, WriterParams.NULL_FORMAT, problems);
        if (b.nullFormat != null && (b.nullFormat.indexOf(',') >= 0 || b.nullFormat.indexOf('"') >= 0
                || b.nullFormat.indexOf('\n') >= 0 || b.nullFormat.indexOf('\r') >= 0)) {
            problems.invalid("parameter.nullFormat", b.nullFormat,
                    "a text without comma, double quote or line breaks, e.g. \"\" or \"\\\\N\"");
        }
        b.writeMode = choice(w, WriterParams.WRITE_MODE, WriteMode.class, problems);
        b.dateFormat = scalar(w, WriterParams.DATE_FORMAT, problems);
        if (b.dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(b.dateFormat);
            } catch (IllegalArgumentException e) {
                problems.invalid("parameter.dateFormat", b.dateFormat,
                        "a java.time DateTimeFormatter pattern, e.g. \"yyyy-MM-dd HH:mm:ss.SSS\" (" + e.getMessage() + ")");
            }
        }
        b.lineSeparator = scalar(w, WriterParams.LINE_SEPARATOR, problems);
        if (b.lineSeparator != null && !("\n".equals(b.lineSeparator) || "\r\n".equals(b.lineSeparator) || "\r".equals(b.lineSeparator))) {
            problems.invalid("parameter.lineSeparator", b.lineSeparator, "\"\\n\" (default), \"\\r\\n\" or \"\\r\"");
        } else if (b.encoding != null && b.lineSeparator != null && EncodingCheck.problem(b.encoding, b.lineSeparator) != null) {
            problems.invalid("parameter.encoding", enc, EncodingCheck.problem(b.encoding, b.lineSeparator));
        }

        b.verifyCommitted = choice(w, WriterParams.VERIFY_COMMITTED, VerifyCommitted.class, problems);

        b.paired = Boolean.TRUE.equals(resolved.get(PAIRED));
        parseResolved(b, resolved, problems);
        if (!b.paired) {
            b.generic = GenericColumns.parse(w, b.header, b.genericTime, resolved.get(RECORD_WIDTH), problems);
        }
        Object taskIndex = WriterParams.TASK_INDEX.given(w);
        b.taskIndex = taskIndex instanceof Number ? ((Number) taskIndex).intValue() : 0;
        if (checkPath && b.path != null) {
            checkPathReadOnly(b.path, problems);
        }
        return problems.count() == before ? new WriterSpec(b) : null;
    }

    /** ", e.g. \"/home/you/x\"" for "~/x": the user's home as this JVM sees it. */
    private static String homeExample(String tilde) {
        String home = System.getProperty("user.home");
        if (home == null || !(tilde.equals("~") || tilde.startsWith("~/"))) {
            return ", e.g. \"/data/export\"";
        }
        return ", e.g. \"" + home + tilde.substring(1) + "\"";
    }

    /** table, timeUnit, timeZone, shard, resume: from the reader's parameter when paired. */
    private static void parseResolved(Builder b, Map<String, Object> resolved, Problems problems) {
        String src = b.paired ? READER_PARAMETER : "parameter.";
        WriterErrorCode code = b.paired ? WriterErrorCode.PEER_CONFIG_INVALID : WriterErrorCode.CONFIG_INVALID;
        Object table = resolved.get(TABLE);
        if (!(table instanceof String) || ((String) table).trim().isEmpty()) {
            problems.invalid(code, src + TABLE, table, b.paired
                    ? "the reader's table name is required: csvyearwriter names its files and state dir after it"
                    : "a non-empty table name (the value of {table} and of the state dir name)");
        } else {
            b.table = (String) table;
        }
        String unit = String.valueOf(resolved.get(TIME_UNIT));
        String zone = String.valueOf(resolved.get(TIME_ZONE));
        try {
            b.timeZone = ZoneId.of(zone.trim());
        } catch (RuntimeException e) {
            problems.invalid(code, src + TIME_ZONE, resolved.get(TIME_ZONE), "a zone id such as UTC, Asia/Shanghai or +08:00");
        }
        if (!b.paired && "date".equalsIgnoreCase(unit.trim())) {
            b.genericTime = GenericColumns.Time.DATE;
            b.timeUnit = SortKeyUnit.MS;
        } else {
            try {
                b.timeUnit = SortKeyUnit.parse(unit);
                b.genericTime = GenericColumns.Time.valueOf(b.timeUnit.name());
            } catch (IllegalArgumentException e) {
                problems.invalid(code, src + TIME_UNIT, resolved.get(TIME_UNIT), b.paired ? "ms, s or us" : "ms, s, us or date");
            }
        }
        Object shard = resolved.get(SHARD);
        try {
            b.shard = ShardSpec.parse(shard == null ? null : String.valueOf(shard));
        } catch (IllegalArgumentException e) {
            problems.invalid(code, src + SHARD, shard, e.getMessage());
        }
        b.resume = Boolean.TRUE.equals(resolved.get(RESUME));
    }

    /**
     * Cheap read-only checks of the output folder (the Job's prepare creates it): an existing
     * non-folder, or a folder (or the nearest existing parent of a missing one) this user cannot write.
     */
    private static void checkPathReadOnly(Path path, Problems problems) {
        String shown = "\"" + path + "\"";
        try {
            if (Files.exists(path)) {
                if (!Files.isDirectory(path)) {
                    problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " exists but is not a directory; give a folder");
                } else if (!Files.isWritable(path)) {
                    problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " is not writable by this user; give a folder it can write");
                }
                return;
            }
            Path parent = path.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent != null && !Files.isDirectory(parent)) {
                problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " cannot be created: " + parent
                        + " is a file, not a directory");
            } else if (parent != null && !Files.isWritable(parent)) {
                problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " cannot be created: " + parent
                        + " is not writable by this user");
            }
        } catch (SecurityException e) {
            problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " cannot be checked: " + e.getMessage());
        }
    }

    /** A scalar as text (DataX's getString semantics); objects and arrays are problems. */
    private static String scalar(Map<String, Object> w, Param param, Problems problems) {
        String key = param.name();
        Object v = w.get(key);
        if (v == null) {
            return (String) param.defaultValue();
        }
        if (v instanceof Map || v instanceof List) {
            problems.invalid("parameter." + key, v, "a single value, not " + (v instanceof Map ? "an object" : "an array"));
            return null;
        }
        return String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> w, Param param, Problems problems) {
        String key = param.name();
        boolean dflt = (Boolean) param.defaultValue();
        Object v = w.get(key);
        if (v == null) {
            return dflt;
        }
        Boolean b = JsonBool.parse(v);
        if (b != null) {
            return b;
        }
        problems.invalid("parameter." + key, v, "expected true or false");
        return dflt;
    }

    private static <E extends Enum<E> & Choice> E choice(Map<String, Object> w, Param param, Class<E> type, Problems problems) {
        String key = param.name();
        Object raw = param.in(w);
        String v = String.valueOf(raw).trim();
        for (E e : type.getEnumConstants()) {
            if (raw instanceof String && e.text().equalsIgnoreCase(v)) {
                return e;
            }
        }
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            valid.add(e.text());
        }
        problems.invalid("parameter." + key, raw, "one of " + valid);
        return type.getEnumConstants()[0];
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
    VerifyCommitted verifyCommitted() { return verifyCommitted; }
    boolean paired() { return paired; }
    String table() { return table; }
    SortKeyUnit timeUnit() { return timeUnit; }
    ZoneId timeZone() { return timeZone; }
    ShardSpec shard() { return shard; }
    boolean resume() { return resume; }
    /** Which record columns to write and how to read the time: only in generic mode (null when paired). */
    GenericColumns generic() { return generic; }
    int taskIndex() { return taskIndex; }

    Path stateDir() {
        return StateDir.of(path, table, shard);
    }

    Path tmpDir() {
        return stateDir().resolve(StateDir.TMP);
    }
}
