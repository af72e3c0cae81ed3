package com.otsrange.writer.commit;

import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.RecordLayout;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks on the output folder made by Job.prepare(). */
public final class OutputFolder {
    private OutputFolder() {
    }

    public static void ensureUsable(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new DataXException(WriterErrorCode.PATH_INVALID,
                    "parameter.path = \"" + path + "\" exists but is not a directory; give a folder");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException | SecurityException e) {
            throw new DataXException(WriterErrorCode.PATH_INVALID,
                    "parameter.path = \"" + path + "\" cannot be created: " + e);
        }
        if (!Files.isWritable(path)) {
            throw new DataXException(WriterErrorCode.PATH_INVALID,
                    "parameter.path = \"" + path + "\" is not writable by this user");
        }
    }

    /** Relative names ('/'-separated) of files under path (outside .otsrange) matching the pattern. */
    public static List<String> matching(final Path path, final Pattern pattern, final Set<String> except) throws IOException {
        final List<String> out = new ArrayList<>();
        Files.walkFileTree(path, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(path.resolve(RecordLayout.STATE_ROOT)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = path.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile() && pattern.matcher(rel).matches() && !except.contains(rel)) {
                    out.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
