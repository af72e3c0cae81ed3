package com.otsrange.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The output files one run wrote into a folder (bookkeeping under .otsrange/ left out), with data
 * rows counted; files that were there before and that the run left alone are only counted as
 * "others". A commit renames a new file into place, so a file the run wrote has a new identity
 * (inode, modification time, size) even when its content did not change.
 */
final class OutputSummary {

    private final List<Path> files;
    private final long rows;
    private final long bytes;
    private final int others;

    private OutputSummary(List<Path> files, long rows, long bytes, int others) {
        this.files = Collections.unmodifiableList(files);
        this.rows = rows;
        this.bytes = bytes;
        this.others = others;
    }

    /** What {@code folder} holds now (file -> identity), to compare with after the run. */
    static Map<Path, List<Object>> snapshot(Path folder) throws IOException {
        Map<Path, List<Object>> identities = new HashMap<>();
        for (Path file : outputFiles(folder)) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            identities.put(file, Arrays.<Object>asList(a.fileKey(), a.lastModifiedTime(), a.size()));
        }
        return identities;
    }

    /**
     * The files written since {@code before} was taken.
     *
     * @param header whether each file starts with a header line (not counted as a row)
     */
    static OutputSummary writtenSince(Path folder, Map<Path, List<Object>> before, boolean header) throws IOException {
        Map<Path, List<Object>> now = snapshot(folder);
        List<Path> files = new ArrayList<>();
        int others = 0;
        for (Path file : outputFiles(folder)) {
            if (now.get(file).equals(before.get(file))) {
                others++;
            } else {
                files.add(file);
            }
        }
        long rows = 0;
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
            long lines = countLines(file);
            rows += header && lines > 0 ? lines - 1 : lines;
        }
        return new OutputSummary(files, rows, bytes, others);
    }

    private static List<Path> outputFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new ArrayList<>();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).startsWith(".otsrange"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static long countLines(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            // quoted fields may hold line breaks, so count records, not lines
            long records = 0;
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = in.read()) >= 0) {
                any = true;
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' && !quoted) {
                    records++;
                    any = false;
                }
            }
            return any ? records + 1 : records;
        }
    }

    List<Path> files() {
        return files;
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    /** Files in the folder that this run did not write. */
    int others() {
        return others;
    }
}
