package com.otsrange.common;

import com.alibaba.fastjson.JSON;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * sha256 of every part of the job that shapes the output, one component per parameter, so a
 * refused resume can say exactly what changed. Defaults are filled in first: leaving a parameter
 * out and writing its default give the same fingerprint. {@code chunkBy} is left out (it changes
 * no output byte); in incremental mode so are the sort key's window bounds, and an
 * {@code incremental} component marks the mode ({@link Incremental}).
 */
public final class JobFingerprint {
    private final Map<String, String> components;

    private JobFingerprint(Map<String, String> components) {
        this.components = Collections.unmodifiableMap(components);
    }

    public static JobFingerprint of(Map<String, Object> readerParameter, Map<String, Object> writerParameter,
                                    Path workingDir) {
        Map<String, Object> r = readerParameter == null ? Collections.<String, Object>emptyMap() : readerParameter;
        Map<String, Object> w = writerParameter == null ? Collections.<String, Object>emptyMap() : writerParameter;
        Map<String, String> c = new TreeMap<>();
        ReaderFacts facts = ReaderFacts.of(r);
        c.put("reader.table", hash(facts.table()));
        c.put("reader.schema", hash(ReaderParams.SCHEMA.given(r)));
        // chunkBy changes no byte of the output, and in incremental mode the sort key's bounds are the
        // run's window: neither is part of the job's identity
        String windowColumn = Incremental.windowColumn(r, w);
        c.put("reader.filters", hash(Incremental.filtersIdentity(ReaderParams.FILTERS.given(r), windowColumn)));
        if (windowColumn != null) {
            c.put("incremental", hash("window ledger, sort key " + windowColumn));
        }
        c.put("reader.tasks", tasksHash(ReaderParams.TASKS.given(r), workingDir));
        c.put("reader.appendColumns", hash(ReaderParams.APPEND_COLUMNS.in(r)));
        c.put("reader.appendColumnsPosition", hash(lower(ReaderParams.APPEND_COLUMNS_POSITION.in(r))));
        c.put("reader.timeUnit", hash(lower(facts.timeUnitText())));
        c.put("reader.timeZone", hash(facts.timeZoneText()));
        c.put("reader.shard", hash(shardText(facts)));
        c.put("writer.fileName", hash(WriterParams.FILE_NAME.in(w)));
        c.put("writer.header", hash(Boolean.TRUE.equals(JsonBool.parse(WriterParams.HEADER.in(w)))));
        c.put("writer.encoding", hash(charsetName(WriterParams.ENCODING.in(w))));
        c.put("writer.nullFormat", hash(WriterParams.NULL_FORMAT.in(w)));
        c.put("writer.compress", hash(lower(WriterParams.COMPRESS.in(w))));
        // an absent dateFormat has always been hashed as "" (the spec's default is none)
        c.put("writer.dateFormat", hash(orDefault(WriterParams.DATE_FORMAT.given(w), "")));
        c.put("writer.lineSeparator", hash(WriterParams.LINE_SEPARATOR.in(w)));
        c.put("writer.writeMode", hash(lower(WriterParams.WRITE_MODE.in(w))));
        return new JobFingerprint(c);
    }

    public static JobFingerprint fromComponents(Map<String, String> components) {
        return new JobFingerprint(new TreeMap<>(components));
    }

    public Map<String, String> components() {
        return components;
    }

    /** Names of components that differ from {@code previous} (added or removed ones included), sorted. */
    public List<String> changedComponents(Map<String, String> previous) {
        Map<String, String> prev = previous == null ? Collections.<String, String>emptyMap() : previous;
        TreeSet<String> names = new TreeSet<>(components.keySet());
        names.addAll(prev.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String a = components.get(n);
            String b = prev.get(n);
            if (a == null ? b != null : !a.equals(b)) {
                out.add(n);
            }
        }
        return out;
    }

    private static Object orDefault(Object v, Object d) {
        return v == null ? d : v;
    }

    private static Object lower(Object v) {
        return v instanceof String ? ((String) v).trim().toLowerCase(java.util.Locale.ROOT) : v;
    }

    private static String shardText(ReaderFacts facts) {
        try {
            return facts.shard().toString();
        } catch (IllegalArgumentException e) {
            return String.valueOf(facts.shardText());
        }
    }

    private static Object charsetName(Object v) {
        try {
            return Charset.forName(String.valueOf(v)).name();
        } catch (RuntimeException e) {
            return v;
        }
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

    private static String tasksHash(Object tasks, Path workingDir) {
        StringBuilder sb = new StringBuilder(canonical(tasks));
        if (tasks instanceof Map) {
            Path base = workingDir == null ? java.nio.file.Paths.get("") : workingDir;
            for (Path f : taskFiles((Map<?, ?>) tasks, base)) {
                sb.append('\n').append(f.toString().replace('\\', '/')).append('=');
                try {
                    sb.append(Sha256.ofFile(base.resolve(f)));
                } catch (IOException e) {
                    sb.append("unreadable");
                }
            }
        }
        return Sha256.ofText(sb.toString());
    }

    /** The files the reader loads ({@link TaskFiles}), relative to base when possible; a missing file is listed as is. */
    static List<Path> taskFiles(Map<?, ?> tasks, Path base) {
        Path absBase = base.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        try {
            for (Path f : TaskFiles.of(tasks, base)) {
                out.add(absBase.relativize(f.toAbsolutePath().normalize()));
            }
        } catch (IOException | IllegalArgumentException e) {
            // the reader reports the unlistable folder or bad pattern; the fingerprint then covers the parameter only
            return Collections.emptyList();
        }
        return out;
    }
}
