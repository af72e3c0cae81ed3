package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONException;
import com.alibaba.fastjson.JSONObject;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only, fsynced checkpoint of one state dir ({@code checkpoint.log}): a header line with
 * the job fingerprint, then {@code intent} (before a final rename) and {@code commit} (after it)
 * lines, one JSON object per line. A torn last line is ignored (and cut off before appending).
 * In incremental mode intent and commit lines carry the run's {@code window} [from, to), and a
 * {@code windowDone} line records a window every unit committed ({@link WindowLedger}).
 *
 * <p>The intent rule: an intent without a commit counts as committed when the final file exists
 * with the recorded size and sha256; the rename happened, only the commit line was lost.
 */
public final class CheckpointLog implements Closeable {
    public static final int VERSION = 1;

    // Writer tasks of one job share a log inside one JVM; lines must not interleave.
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;
    private FileChannel channel;

    private CheckpointLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
    }

    public static final String INTENT = "intent";
    public static final String COMMIT = "commit";
    public static final String WINDOW_DONE = "windowDone";
    /** A part of a unit read in parts is in its part file ({@link FileParts}); no final file yet. */
    public static final String PART = "part";
    /** Incremental mode with {@code changes: "stream"}: where the run stopped reading the table's Stream ({@link StreamPosition}). */
    public static final String STREAM_POSITION = "streamPosition";

    /** One parsed line. {@code rows} is -1 when the line does not say. */
    public static final class Entry {
        public final String type;
        public final String unit;
        public final String file;
        public final long rows;
        public final long bytes;
        public final String sha256;
        /** Incremental mode: the run's window (intent, commit, windowDone); else null. */
        public final TimeWindow window;
        /** windowDone: the window the job asked for (wider than {@link #window} when it was reduced); else null. */
        public final TimeWindow requested;
        /** part lines: which part ({@code file} is then relative to the state dir); else null. */
        public final FileParts.Part part;
        /** part lines: the unit's header names, for the file the parts are joined into; else null. */
        public final List<String> header;
        /** part lines: the final file the parts are joined into, relative to the output path; else null. */
        public final String target;
        /** Intent and commit lines of a restating commit (issue 21): what was rewritten, or removed; else null. */
        public final RestateLine restate;

        Entry(String type, String unit, String file, long rows, long bytes, String sha256) {
            this(type, unit, file, rows, bytes, sha256, null, null);
        }

        Entry(String type, String unit, String file, long rows, long bytes, String sha256, TimeWindow window,
              TimeWindow requested) {
            this(type, unit, file, rows, bytes, sha256, window, requested, null, null, null);
        }

        Entry(String type, String unit, String file, long rows, long bytes, String sha256, TimeWindow window,
              TimeWindow requested, FileParts.Part part, List<String> header, String target) {
            this(type, unit, file, rows, bytes, sha256, window, requested, part, header, target, null);
        }

        Entry(String type, String unit, String file, long rows, long bytes, String sha256, TimeWindow window,
              TimeWindow requested, FileParts.Part part, List<String> header, String target, RestateLine restate) {
            this.type = type;
            this.unit = unit;
            this.file = file;
            this.rows = rows;
            this.bytes = bytes;
            this.sha256 = sha256;
            this.window = window;
            this.requested = requested;
            this.part = part;
            this.header = header;
            this.target = target;
            this.restate = restate;
        }

        /** The same entry as a commit (an intent whose final file proves the rename happened). */
        Entry asCommit() {
            return new Entry(COMMIT, unit, file, rows, bytes, sha256, window, requested, null, null, null, restate);
        }

        /** A commit that removed the unit's file ({@link RestateLine#delete}). */
        public boolean deletes() {
            return restate != null && restate.delete();
        }

        /**
         * The intent rule: the final file under {@code outputPath} shows the rename (or, for a
         * deletion, the removal) happened.
         */
        boolean provenBy(Path outputPath) throws IOException {
            if (file == null) {
                return false;
            }
            Path f = outputPath.resolve(file);
            return deletes() ? !Files.exists(f) : finalFileMatches(f, bytes, sha256);
        }
    }

    public static Path fileIn(Path stateDir) {
        return stateDir.resolve(StateDir.CHECKPOINT);
    }

    public static boolean exists(Path stateDir) {
        return Files.isRegularFile(fileIn(stateDir));
    }

    /** Starts a fresh log (any old one is replaced) whose header carries the fingerprint. */
    public static CheckpointLog create(Path stateDir, Map<String, String> fingerprint) throws IOException {
        Files.createDirectories(stateDir);
        JSONObject header = new JSONObject(true);
        header.put("type", "header");
        header.put("version", VERSION);
        header.put("fingerprint", new TreeMap<>(fingerprint));
        AtomicFiles.write(fileIn(stateDir), (header.toJSONString() + "\n").getBytes(StandardCharsets.UTF_8));
        return open(stateDir);
    }

    /** Opens an existing log for appending; a torn last line is cut off first. */
    public static CheckpointLog open(Path stateDir) throws IOException {
        Path f = fileIn(stateDir);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long size = ch.size();
        long keep = size;
        if (size > 0) {
            // scan back to the last newline; anything after it is a torn line
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep != size) {
                ch.truncate(keep);
                ch.force(true);
            }
        }
        ch.position(keep);
        return new CheckpointLog(f, ch);
    }

    public void intent(String unit, String file, long rows, long bytes, String sha256) throws IOException {
        intent(unit, file, rows, bytes, sha256, null);
    }

    public void commit(String unit, String file, long rows, long bytes, String sha256) throws IOException {
        commit(unit, file, rows, bytes, sha256, null);
    }

    /** @param window the incremental run's window, or null outside incremental mode */
    public void intent(String unit, String file, long rows, long bytes, String sha256, TimeWindow window) throws IOException {
        intent(unit, file, rows, bytes, sha256, window, null);
    }

    /** @param window the incremental run's window, or null outside incremental mode */
    public void commit(String unit, String file, long rows, long bytes, String sha256, TimeWindow window) throws IOException {
        commit(unit, file, rows, bytes, sha256, window, null);
    }

    /**
     * @param window  the incremental run's window, or null (outside incremental mode, or a run that only restates)
     * @param restate a restating commit's fields ({@link RestateLine}), or null
     */
    public void intent(String unit, String file, long rows, long bytes, String sha256, TimeWindow window, RestateLine restate)
            throws IOException {
        append(line(INTENT, unit, file, rows, bytes, sha256, window, restate));
    }

    /** As {@link #intent(String, String, long, long, String, TimeWindow, RestateLine)}, after the rename. */
    public void commit(String unit, String file, long rows, long bytes, String sha256, TimeWindow window, RestateLine restate)
            throws IOException {
        append(line(COMMIT, unit, file, rows, bytes, sha256, window, restate));
    }

    /** Writes the commit line of an entry read back (an intent its final file proves), restate fields included. */
    public void commit(Entry e) throws IOException {
        commit(e.unit, e.file, e.rows, e.bytes, e.sha256, e.window, e.restate);
    }

    /**
     * One part of a unit read in parts is complete in its part file (fsynced, under its final
     * part-file name).
     *
     * @param file the part file relative to the state dir ({@link FileParts#fileFor})
     * @param target the final file the parts are joined into, relative to the output path
     */
    public void part(String unit, FileParts.Part part, String file, String target, long rows, long bytes, String sha256,
                     List<String> header) throws IOException {
        JSONObject o = fileLine(PART, unit, file, rows, bytes, sha256);
        o.put("part", part.toText());
        o.put("target", target);
        o.put("header", header);
        append(o.toJSONString() + "\n");
    }

    /** Incremental mode: every unit of {@code window} is committed (written by the writer Job's post). */
    public void windowDone(TimeWindow window, TimeWindow requested) throws IOException {
        JSONObject o = new JSONObject(true);
        o.put("type", WINDOW_DONE);
        o.put("window", window.toJson());
        o.put("requested", requested.toJson());
        append(o.toJSONString() + "\n");
    }

    /**
     * Incremental mode with {@code changes: "stream"}: the stream position the reader handed over
     * ({@link RestateFile#position()}), written by the writer Job's post after every restatement of the
     * run is committed and before its {@code windowDone}. The last such line is where the next run
     * reads on from ({@link WindowLedger#streamPosition()}); code that does not know the type skips it.
     * Line: {@code {"type":"streamPosition","streamId":..,"at":S,"shards":{id:{"iterator":..}|{"finished":true}}}}.
     */
    public void streamPosition(StreamPosition position) throws IOException {
        JSONObject o = new JSONObject(true);
        o.put("type", STREAM_POSITION);
        o.putAll(position.toJson());
        append(o.toJSONString() + "\n");
    }

    private static String line(String type, String unit, String file, long rows, long bytes, String sha256, TimeWindow window,
                               RestateLine restate) {
        JSONObject o = fileLine(type, unit, file, rows, bytes, sha256);
        if (window != null) {
            o.put("window", window.toJson());
        }
        if (restate != null) {
            restate.addTo(o);
        }
        return o.toJSONString() + "\n";
    }

    /** The fields every line about a file has, in this order. */
    private static JSONObject fileLine(String type, String unit, String file, long rows, long bytes, String sha256) {
        JSONObject o = new JSONObject(true);
        o.put("type", type);
        o.put("unit", unit);
        o.put("file", file);
        o.put("rows", rows);
        o.put("bytes", bytes);
        o.put("sha256", sha256);
        return o;
    }

    private void append(String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (channel == null) {
                throw new IOException("checkpoint log " + file + " is closed");
            }
            channel.position(channel.size());
            writeFully(channel, b);
            channel.force(false);
        }
    }

    private static void writeFully(FileChannel ch, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }

    // ---- reading ----

    /** The header's fingerprint, or null when there is no log (or no readable header). */
    public static Map<String, String> readFingerprint(Path stateDir) throws IOException {
        String first = firstLine(stateDir);
        if (first == null) {
            return null;
        }
        JSONObject h = parse(first);
        if (h == null || !"header".equals(h.getString("type"))) {
            return null;
        }
        JSONObject fp = h.getJSONObject("fingerprint");
        Map<String, String> out = new TreeMap<>();
        if (fp != null) {
            for (Map.Entry<String, Object> e : fp.entrySet()) {
                out.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    /** Every intent/commit line in order (torn or unreadable lines skipped). */
    public static List<Entry> read(Path stateDir) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Entry e : readAll(stateDir)) {
            if (!WINDOW_DONE.equals(e.type)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every part line in order (torn or unreadable lines, and lines naming no valid part, skipped). */
    public static List<Entry> readParts(Path stateDir) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String l : lines(stateDir)) {
            JSONObject o = parse(l);
            if (o == null || !PART.equals(o.getString("type")) || o.getString("unit") == null) {
                continue;
            }
            FileParts.Part part = FileParts.Part.parse(o.getString("part"));
            Long rows = o.getLong("rows");
            Long bytes = o.getLong("bytes");
            if (part == null || rows == null || bytes == null || o.getString("target") == null) {
                continue;
            }
            List<String> header;
            try {
                header = o.getJSONArray("header") == null ? Collections.<String>emptyList()
                        : o.getJSONArray("header").toJavaList(String.class);
            } catch (RuntimeException e) {
                continue;
            }
            out.add(new Entry(PART, o.getString("unit"), o.getString("file"), rows, bytes, o.getString("sha256"), null, null,
                    part, Collections.unmodifiableList(header), o.getString("target")));
        }
        return out;
    }

    /** Every intent, commit and windowDone line in order (torn or unreadable lines skipped; part lines: {@link #readParts}). */
    public static List<Entry> readAll(Path stateDir) throws IOException {
        return readLedger(stateDir).entries;
    }

    /** What the window ledger reads of the log, in one pass: {@link #readAll}'s entries and the last stream position. */
    static final class LedgerLines {
        final List<Entry> entries;
        final StreamPosition lastPosition;

        LedgerLines(List<Entry> entries, StreamPosition lastPosition) {
            this.entries = entries;
            this.lastPosition = lastPosition;
        }
    }

    static LedgerLines readLedger(Path stateDir) throws IOException {
        List<Entry> out = new ArrayList<>();
        StreamPosition position = null;
        for (String l : lines(stateDir)) {
            JSONObject o = parse(l);
            if (o == null) {
                continue;
            }
            String type = o.getString("type");
            if (STREAM_POSITION.equals(type)) {
                StreamPosition p = StreamPosition.fromJson(o);
                position = p == null ? position : p;
                continue;
            }
            if (WINDOW_DONE.equals(type)) {
                TimeWindow w = TimeWindow.fromJson(o.get("window"));
                if (w != null) {
                    TimeWindow requested = TimeWindow.fromJson(o.get("requested"));
                    out.add(new Entry(type, null, null, -1, -1, null, w, requested == null ? w : requested));
                }
                continue;
            }
            if (!INTENT.equals(type) && !COMMIT.equals(type)) {
                continue;
            }
            Long rows = o.getLong("rows");
            Long bytes = o.getLong("bytes");
            out.add(new Entry(type, o.getString("unit"), o.getString("file"), rows == null ? -1 : rows,
                    bytes == null ? -1 : bytes, o.getString("sha256"), TimeWindow.fromJson(o.get("window")), null, null, null, null,
                    RestateLine.from(o)));
        }
        return new LedgerLines(out, position);
    }

    /**
     * Unit id -> the entry that proves it committed (its commit, or an intent whose final file
     * matches), in commit order. The output folder is the state dir's grandparent.
     */
    public static Map<String, Entry> committed(Path stateDir) throws IOException {
        Path outputPath = outputPathOf(stateDir);
        Map<String, Entry> commits = new LinkedHashMap<>();
        Map<String, Entry> pendingIntents = new LinkedHashMap<>();
        for (Entry e : read(stateDir)) {
            if (e.unit == null) {
                continue;
            }
            if (COMMIT.equals(e.type)) {
                commits.remove(e.unit);
                commits.put(e.unit, e);
                pendingIntents.remove(e.unit);
            } else {
                pendingIntents.put(e.unit, e);
            }
        }
        for (Entry intent : pendingIntents.values()) {
            if (intent.provenBy(outputPath)) {
                commits.remove(intent.unit);
                commits.put(intent.unit, intent);
            }
        }
        return commits;
    }

    /** Unit ids committed in this state dir (empty when there is no checkpoint). */
    public static Set<String> committedUnits(Path stateDir) throws IOException {
        return Collections.unmodifiableSet(new LinkedHashSet<>(committed(stateDir).keySet()));
    }

    /** The output folder a state dir belongs to ({@code path/.otsrange/<state dir>}). */
    static Path outputPathOf(Path stateDir) {
        return stateDir.toAbsolutePath().getParent().getParent();
    }

    static boolean finalFileMatches(Path f, long bytes, String sha256) throws IOException {
        if (!Files.isRegularFile(f) || Files.size(f) != bytes) {
            return false;
        }
        return sha256 != null && sha256.equals(Sha256.ofFile(f));
    }

    /**
     * The log's first complete, non-empty line (the header), or null: the line {@link #lines} would
     * list first, without reading the rest of the log.
     */
    private static String firstLine(Path stateDir) throws IOException {
        Path f = fileIn(stateDir);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    if (line.size() > 0) {
                        return new String(line.toByteArray(), StandardCharsets.UTF_8);
                    }
                    continue; // an empty line is no line, as in lines()
                }
                line.write(b);
            }
        }
        return null;
    }

    private static List<String> lines(Path stateDir) throws IOException {
        Path f = fileIn(stateDir);
        if (!Files.isRegularFile(f)) {
            return Collections.emptyList();
        }
        String all = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        int nl;
        while ((nl = all.indexOf('\n', start)) >= 0) {
            if (nl > start) {
                out.add(all.substring(start, nl));
            }
            start = nl + 1;
        }
        // text after the last newline is a torn line: ignored
        return out;
    }

    private static JSONObject parse(String line) {
        try {
            Object o = JSON.parse(line);
            return o instanceof JSONObject ? (JSONObject) o : null;
        } catch (JSONException | ClassCastException e) {
            return null;
        }
    }
}
