package com.otsrange.writer.config;

import com.alibaba.fastjson.JSON;
import com.otsrange.common.Sha256;
import com.otsrange.config.Param;
import com.otsrange.reader.config.ReaderCanonical;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * sha256 of every part of the job that shapes the output, one component per parameter, so a
 * refused resume can say exactly what changed. Each component hashes the canonical form of the
 * value each plugin's own parse gave ({@link Param#canonical}, {@link ReaderCanonical}), never
 * the text as written: {@code "UTC "} and {@code "UTC"}, {@code true} and {@code "true"},
 * {@code 2} and {@code "2"}, an absent parameter and its default give the same fingerprint.
 * {@code chunkBy} is left out (it changes no output byte); in incremental mode so are the sort
 * key's window bounds, and an {@code incremental} component marks the mode.
 *
 * <p>Version 2 (the component {@value #VERSION_KEY}) hashes parsed values; version 1 hashed the
 * values as written. For a job written the usual way both give the same hashes but for the
 * sort key's bounds (version 2: the raw values they stand for), so a checkpoint without the
 * version component is compared with the components as version 1 computed them
 * ({@link #changedComponents}): existing checkpoints keep resuming.
 */
public final class JobFingerprint {
    public static final String VERSION_KEY = "fingerprintVersion";
    static final String VERSION = "2";

    private final Map<String, String> components;
    /** The components as version 1 computed them (those that differ from version 2's); empty when unknown. */
    private final Map<String, String> version1;

    private JobFingerprint(Map<String, String> components, Map<String, String> version1) {
        this.components = Collections.unmodifiableMap(components);
        this.version1 = Collections.unmodifiableMap(version1);
    }

    /**
     * @param reader the reader's parse of its parameter
     * @param writer the writer's parse of its own keys
     * @param workingDir what the task files' paths are shown relative to
     */
    public static JobFingerprint of(ReaderSpec reader, WriterOptions writer, Path workingDir) {
        Map<String, String> c = new TreeMap<>();
        c.put(VERSION_KEY, VERSION);
        c.put("reader.table", hash(ReaderParams.TABLE.canonical(reader.table())));
        c.put("reader.schema", hash(ReaderCanonical.schema(reader)));
        String windowColumn = Incremental.isOn(writer.writeMode(), reader.resume()) ? reader.windowRequest().sortKey() : null;
        c.put("reader.filters", hash(ReaderCanonical.filters(reader, windowColumn, false)));
        if (windowColumn != null) {
            c.put("incremental", hash("window ledger, sort key " + windowColumn));
        }
        c.put("reader.tasks", tasksHash(ReaderCanonical.tasks(reader, false), reader.taskFiles(), workingDir));
        c.put("reader.appendColumns", hash(ReaderParams.APPEND_COLUMNS.canonical(reader.appendColumns())));
        c.put("reader.appendColumnsPosition", hash(ReaderParams.APPEND_COLUMNS_POSITION.canonical(reader.appendPosition())));
        c.put("reader.timeUnit", hash(ReaderParams.TIME_UNIT.canonical(reader.timeUnit())));
        c.put("reader.timeZone", hash(ReaderParams.TIME_ZONE.canonical(reader.timeZone())));
        c.put("reader.shard", hash(ReaderParams.SHARD.canonical(reader.shard())));
        c.put("writer.fileName", hash(WriterParams.FILE_NAME.canonical(writer.declaredFileName())));
        c.put("writer.header", hash(WriterParams.HEADER.canonical(writer.header())));
        c.put("writer.encoding", hash(WriterParams.ENCODING.canonical(writer.encoding())));
        c.put("writer.nullFormat", hash(WriterParams.NULL_FORMAT.canonical(writer.nullFormat())));
        c.put("writer.compress", hash(WriterParams.COMPRESS.canonical(writer.compress())));
        // no dateFormat and an empty one both mean ISO-8601 cells; version 1 hashed either as ""
        c.put("writer.dateFormat", hash(writer.dateFormat() == null ? "" : WriterParams.DATE_FORMAT.canonical(writer.dateFormat())));
        c.put("writer.lineSeparator", hash(WriterParams.LINE_SEPARATOR.canonical(writer.lineSeparator())));
        c.put("writer.writeMode", hash(WriterParams.WRITE_MODE.canonical(writer.writeMode())));
        Map<String, String> v1 = new TreeMap<>(c);
        v1.remove(VERSION_KEY);
        v1.put("reader.filters", hash(ReaderCanonical.filters(reader, windowColumn, true)));
        v1.put("reader.tasks", tasksHash(ReaderCanonical.tasks(reader, true), reader.taskFiles(), workingDir));
        return new JobFingerprint(c, v1);
    }

    public static JobFingerprint fromComponents(Map<String, String> components) {
        return new JobFingerprint(new TreeMap<>(components), Collections.<String, String>emptyMap());
    }

    public Map<String, String> components() {
        return components;
    }

    /**
     * Names of components that differ from {@code previous} (added or removed ones included),
     * sorted. A checkpoint of version 1 (no {@value #VERSION_KEY}) is compared with this job's
     * components as version 1 computed them.
     */
    public List<String> changedComponents(Map<String, String> previous) {
        Map<String, String> prev = previous == null ? Collections.<String, String>emptyMap() : previous;
        Map<String, String> mine = components;
        if (!prev.containsKey(VERSION_KEY)) {
            mine = new TreeMap<>(components);
            mine.remove(VERSION_KEY);
            mine.putAll(version1);
        }
        TreeSet<String> names = new TreeSet<>(mine.keySet());
        names.addAll(prev.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String a = mine.get(n);
            String b = prev.get(n);
            if (a == null ? b != null : !a.equals(b)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * What a refusal adds for a checkpoint of version 1 ({@code previous} without
     * {@value #VERSION_KEY}) whose components differ: that version hashed values as written, so
     * a job that only wrote a value differently (a zone "GMT+8" for "GMT+08:00", {"eq": 0} for 0)
     * looks changed; "" otherwise.
     */
    public static String olderVersionNote(Map<String, String> previous) {
        if (previous == null || previous.containsKey(VERSION_KEY)) {
            return "";
        }
        return " (the checkpoint was written by an otsrange version that hashed parameter values as written, not as parsed:"
                + " a value written differently but meaning the same, such as a zone \"GMT+8\" for \"GMT+08:00\" or {\"eq\": 0}"
                + " for 0, reads as a change there; if you changed nothing else, start over once as below)";
    }

    static String hash(Object value) {
        return Sha256.ofText(canonical(value));
    }

    /** JSON with map keys sorted at every level. */
    static String canonical(Object value) {
        return JSON.toJSONString(sorted(value));
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object v) {
        if (v instanceof Map) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
                out.put(String.valueOf(e.getKey()), sorted(e.getValue()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) v) {
                out.add(sorted(o));
            }
            return out;
        }
        return v;
    }

    /** The canonical tasks, then each task file's path (relative to the working directory) and sha256. */
    private static String tasksHash(Object tasks, List<Path> files, Path workingDir) {
        StringBuilder sb = new StringBuilder(canonical(tasks));
        Path base = (workingDir == null ? Paths.get("") : workingDir).toAbsolutePath().normalize();
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            sb.append('\n').append(base.relativize(file).toString().replace('\\', '/')).append('=');
            try {
                sb.append(Sha256.ofFile(file));
            } catch (IOException e) {
                sb.append("unreadable");
            }
        }
        return Sha256.ofText(sb.toString());
    }
}
