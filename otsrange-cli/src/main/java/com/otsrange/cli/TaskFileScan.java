package com.otsrange.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task files are used as they are, so per-task filters written with the exporter's snake_case
 * operators (not_in) would be rejected by the reader; migrate points them out instead of
 * rewriting the user's files.
 */
final class TaskFileScan {

    private static final Pattern SNAKE_OPERATOR = Pattern.compile("\"(not_in|chunk_by)\"\\s*:");

    private TaskFileScan() {
    }

    static List<String> snakeCaseOperators(Object tasks, Console console) {
        List<String> warnings = new ArrayList<>();
        if (!(tasks instanceof Map)) {
            return warnings;
        }
        Map<?, ?> spec = (Map<?, ?>) tasks;
        Object source = spec.get("source");
        Object path = spec.get("path");
        if (!(path instanceof String) || !("file".equals(source) || "pattern".equals(source))) {
            return warnings;
        }
        for (Path file : files(console.resolve((String) path), "pattern".equals(source))) {
            try {
                Matcher m = SNAKE_OPERATOR.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                int count = 0;
                String first = null;
                while (m.find()) {
                    first = first == null ? m.group(1) : first;
                    count++;
                }
                if (count > 0) {
                    warnings.add("task file " + console.workingDir().relativize(file) + " uses the operator \"" + first + "\" ("
                            + count + " time(s)) in per-task filters: rename not_in to notIn (chunk_by is only allowed in the "
                            + "job's filters); `bin/otsrange validate` lists each place");
                }
            } catch (IOException e) {
                warnings.add("task file " + file + " could not be read: " + e.getMessage());
            }
        }
        return warnings;
    }

    private static List<Path> files(Path path, boolean pattern) {
        List<Path> out = new ArrayList<>();
        if (!pattern) {
            if (Files.isRegularFile(path)) {
                out.add(path);
            }
            return out;
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, path.getFileName().toString())) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder or odd glob: validate reports it properly
        }
        return out;
    }
}
