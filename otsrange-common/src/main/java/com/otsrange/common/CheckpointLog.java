package com.otsrange.common;


import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only, fsynced checkpoint of one state dir ({@code checkpoint.log}): a header line with
 * the job fingerprint, then {@code intent} (before a final rename) and {@code commit} (after it)
 * lines, one JSON object per line ({@link CheckpointLine}: one class per kind, which both writes
 * and reads it). A torn last line is ignored (and cut off before appending). In incremental mode
 * intent and commit lines carry the run's {@code window} [from, to), and a {@code windowDone} line
 * records a window every unit committed ({@link WindowLedger}). This class only writes; each phase
 * of a job reads the log once into a {@link CheckpointSnapshot}, which applies the intent rule.
 */
public final class CheckpointLog implements Closeable {
    public static final int VERSION = 1;

    // Writer tasks of one job share a log inside one JVM; lines must not interleave.
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;
    private final List<CheckpointLine> appended = new ArrayList<>();
    private FileChannel channel;

    private CheckpointLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
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
        HeaderLine header = new HeaderLine(VERSION, fingerprint);
        AtomicFiles.write(fileIn(stateDir), (header.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        CheckpointLog log = open(stateDir);
        log.appended.add(header);
        return log;
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
        append(new FileLine(FileLine.Kind.INTENT, unit, file, rows, bytes, sha256, window, restate));
    }

    /** As {@link #intent(String, String, long, long, String, TimeWindow, RestateLine)}, after the rename. */
    public void commit(String unit, String file, long rows, long bytes, String sha256, TimeWindow window, RestateLine restate)
            throws IOException {
        append(new FileLine(FileLine.Kind.COMMIT, unit, file, rows, bytes, sha256, window, restate));
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
        append(new PartLine(unit, part, file, target, rows, bytes, sha256, header));
    }

    /** Incremental mode: every unit of {@code window} is committed (written by the writer Job's post). */
    public void windowDone(TimeWindow window, TimeWindow requested) throws IOException {
        append(new WindowDoneLine(window, requested));
    }

    /**
     * Incremental mode with {@code changes: "stream"}: the stream position the reader handed over
     * ({@link RestateFile#position()}), written by the writer Job's post after every restatement of the
     * run is committed and before its {@code windowDone} ({@link StreamPositionLine}).
     */
    public void streamPosition(StreamPosition position) throws IOException {
        append(new StreamPositionLine(position));
    }

    /** Appends one line (fsynced before this returns). */
    public void append(CheckpointLine line) throws IOException {
        byte[] b = (line.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (channel == null) {
                throw new IOException("checkpoint log " + file + " is closed");
            }
            channel.position(channel.size());
            writeFully(channel, b);
            channel.force(false);
            appended.add(line);
        }
    }

    /**
     * The lines this log object appended, in order: a phase that wrote them brings its
     * {@link CheckpointSnapshot} up to date with {@link CheckpointSnapshot#with} instead of reading the log again.
     */
    public List<CheckpointLine> appended() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(appended));
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

    /** The output folder a state dir belongs to ({@code path/.otsrange/<state dir>}). */
    static Path outputPathOf(Path stateDir) {
        return stateDir.toAbsolutePath().getParent().getParent();
    }
}
