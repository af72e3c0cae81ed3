package com.otsrange.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Atomic replace-by-rename plus directory fsync, so a committed name survives a crash. */
public final class AtomicFiles {
    /** What {@link #write} names its temp file: the target's name plus this, in the target's folder. */
    public static final String TEMP_SUFFIX = ".new";

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} (whose folder exists) with {@code bytes}: written to a temp file next
     * to it, fsynced, renamed over it. A crash leaves the old content or the new, never a mix.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        move(temp, target);
    }

    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + source + " to " + target
                    + " atomically (different file systems?)", e);
        }
        fsyncDir(target.toAbsolutePath().getParent());
    }

    /** Best effort: some platforms cannot open a directory for fsync. */
    public static void fsyncDir(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported here; the rename itself is still atomic
        }
    }
}
