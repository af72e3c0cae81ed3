package com.otsrange.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The output files of an export (bookkeeping under .otsrange/ left out), with data rows counted. */
final class OutputSummary {

    private final List<Path> files;
    private final long rows;
    private final long bytes;

    private OutputSummary(List<Path> files, long rows, long bytes) {
        this.files = Collections.unmodifiableList(files);
        this.rows = rows;
        this.bytes = bytes;
    }

    /** @param header whether each file starts with a header line (not counted as a row) */
    static OutputSummary of(Path folder, boolean header) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new OutputSummary(new ArrayList<Path>(), 0, 0);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).startsWith(".otsrange"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        long rows = 0;
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
            long lines = countLines(file);
            rows += header && lines > 0 ? lines - 1 : lines;
        }
        return new OutputSummary(files, rows, bytes);
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
}
