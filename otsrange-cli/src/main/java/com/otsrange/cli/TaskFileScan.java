package com.otsrange.cli;

import com.otsrange.common.Problems;
import com.otsrange.common.TaskFiles;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.TaskSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<Path> files;
        try {
            // read as the reader reads its tasks object
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) tasks;
            TaskSource source = ReaderParams.TASK_SOURCE.read(t, "tasks", new Problems());
            String path = ReaderParams.TASK_PATH.read(t, "tasks", new Problems());
            files = source == null || path == null ? new ArrayList<Path>() : TaskFiles.of(source.text(), path, console.workingDir());
        } catch (IOException | RuntimeException e) {
            return warnings; // an unreadable folder or odd glob: validate reports it properly
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue; // a missing task file: validate reports it
            }
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
}
