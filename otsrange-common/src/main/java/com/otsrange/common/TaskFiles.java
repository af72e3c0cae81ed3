package com.otsrange.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The task files a reader {@code tasks} parameter names ({@code source: file} or {@code pattern}).
 * The reader loads these files, the job fingerprint hashes them and {@code bin/otsrange migrate}
 * scans them: all three ask here, so a resume never hashes other files than the reader reads.
 *
 * <p>A pattern is a {@code java.nio} glob over the whole path (relative ones resolve against the
 * working directory): {@code *} stays within one folder, {@code **} crosses folders, and the leading
 * folders without wildcards are where the search starts.
 */
public final class TaskFiles {
    public static final String SOURCE_FILE = "file";
    public static final String SOURCE_PATTERN = "pattern";

    private TaskFiles() {
    }

    /**
     * The files of a {@code tasks} object, normalized and in load order: for {@code file} its one
     * path (whether it exists or not), for {@code pattern} the matching regular files, sorted;
     * empty for any other source or a missing or blank path.
     *
     * @throws IOException when a folder cannot be listed
     */
    public static List<Path> of(Map<?, ?> tasks, Path workingDir) throws IOException {
        Object source = tasks.get("source");
        Object value = tasks.get("path");
        return of(source instanceof String ? (String) source : null, value instanceof String ? (String) value : null, workingDir);
    }

    /** {@link #of(Map, Path)} for a source ("file" or "pattern") and a path already read. */
    public static List<Path> of(String source, String pathText, Path workingDir) throws IOException {
        String path = pathText == null ? "" : pathText.trim();
        if (path.isEmpty()) {
            return Collections.emptyList();
        }
        if (SOURCE_FILE.equals(source)) {
            return Collections.singletonList(workingDir.resolve(path).normalize());
        }
        if (SOURCE_PATTERN.equals(source)) {
            return glob(path, workingDir);
        }
        return Collections.emptyList();
    }

    /**
     * The regular files matching a glob, sorted; a pattern without wildcards names one file.
     *
     * @throws IllegalArgumentException when the pattern is not a valid glob or path
     */
    public static List<Path> glob(String pattern, Path workingDir) throws IOException {
        Path p = workingDir.getFileSystem().getPath(pattern);
        int first = firstWildcardSegment(p);
        Path root = root(pattern, workingDir);
        if (first < 0) {
            return Files.isRegularFile(root) ? Collections.singletonList(root) : Collections.<Path>emptyList();
        }
        // matched below the root only: the working directory may hold glob characters ("[", "{")
        Path rest = p.subpath(first, p.getNameCount()).normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(root)) {
            return Collections.emptyList();
        }
        int depth = rest.toString().contains("**") ? Integer.MAX_VALUE : rest.getNameCount();
        try (Stream<Path> s = Files.walk(root, depth)) {
            return s.filter(Files::isRegularFile).filter(f -> matcher.matches(root.relativize(f))).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The folder a glob's search starts in: the working directory and the pattern's leading segments without wildcards. */
    public static Path root(String pattern, Path workingDir) {
        Path p = workingDir.getFileSystem().getPath(pattern);
        int first = firstWildcardSegment(p);
        int end = first < 0 ? p.getNameCount() : first;
        Path root = p.isAbsolute() ? p.getRoot() : workingDir;
        for (int i = 0; i < end; i++) {
            root = root.resolve(p.getName(i));
        }
        return root.normalize();
    }

    private static int firstWildcardSegment(Path p) {
        for (int i = 0; i < p.getNameCount(); i++) {
            if (hasWildcard(p.getName(i).toString())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
