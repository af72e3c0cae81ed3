package com.otsrange.reader.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.StrictJson;
import com.otsrange.common.TaskFiles;
import com.otsrange.reader.filter.FilterSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code tasks}: {@code {source: inline, definitions: {...}}}, {@code {source: file, path}} or
 * {@code {source: pattern, path: glob}}. Each definition is compact ({@code "key": ["c1"]}) or
 * standard ({@code "key": {"columns": [...], "filters": {...}}}). Keys are data, never paths.
 */
final class TaskLoader {
    private static final List<String> TASK_KEYS = Arrays.asList("source", "definitions", "path");
    private static final List<String> STANDARD_KEYS = Arrays.asList("columns", "filters");

    private final Path workingDir;
    private final FilterParser filterParser;
    private final TableStoreNames names;
    private final boolean hasAppendColumns;

    TaskLoader(Path workingDir, FilterParser filterParser, TableStoreNames names, boolean hasAppendColumns) {
        this.workingDir = workingDir;
        this.filterParser = filterParser;
        this.names = names;
        this.hasAppendColumns = hasAppendColumns;
    }

    /** The task files a source reads (for fingerprints and validate), in load order. */
    List<Path> files(Map<String, Object> tasks, Problems problems) {
        try {
            return TaskFiles.of(tasks, workingDir);
        } catch (IOException e) {
            problems.add("parameter.tasks.path", "cannot list " + TaskFiles.root(String.valueOf(tasks.get("path")).trim(), workingDir)
                    + " (" + e.getClass().getSimpleName() + ")");
            return Collections.emptyList();
        } catch (IllegalArgumentException e) {
            problems.add("parameter.tasks.path", "not a valid path or glob pattern: " + firstLine(e.getMessage()));
            return Collections.emptyList();
        }
    }

    @SuppressWarnings("unchecked")
    List<TaskDefinition> load(Object raw, Problems problems) {
        String path = "parameter.tasks";
        if (raw == null) {
            problems.add(path, "missing; e.g. {\"source\": \"inline\", \"definitions\": {\"device-1\": [\"temp\"]}}");
            return Collections.emptyList();
        }
        if (!(raw instanceof Map)) {
            problems.add(path, "expected an object {source, definitions | path}, got " + Problems.typeName(raw));
            return Collections.emptyList();
        }
        Map<String, Object> tasks = (Map<String, Object>) raw;
        Fields.rejectUnknown(tasks, TASK_KEYS, path, problems);
        Object source = tasks.get("source");
        List<TaskDefinition> out = new ArrayList<>();
        if ("inline".equals(source)) {
            if (tasks.containsKey("path")) {
                problems.add(path + ".path", "not used with source \"inline\"; put the tasks in definitions");
            }
            Object defs = tasks.get("definitions");
            if (!(defs instanceof Map) || ((Map<?, ?>) defs).isEmpty()) {
                problems.add(path + ".definitions", "expected a non-empty object {key: [columns] | {columns, filters}}, got "
                        + Problems.show(defs));
                return out;
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) defs).entrySet()) {
                TaskDefinition d = definition(e.getKey(), e.getValue(), "inline", Fields.join(path + ".definitions", e.getKey()), problems);
                if (d != null) {
                    out.add(d);
                }
            }
            return out;
        }
        if ("file".equals(source) || "pattern".equals(source)) {
            if (tasks.containsKey("definitions")) {
                problems.add(path + ".definitions", "not used with source \"" + source + "\"; use source \"inline\"");
            }
            Object p = tasks.get("path");
            if (!(p instanceof String) || ((String) p).trim().isEmpty()) {
                problems.add(path + ".path", "expected the " + ("file".equals(source) ? "path of a task file" : "glob pattern of task files")
                        + ", got " + Problems.show(p));
                return out;
            }
            List<Path> files = files(tasks, problems);
            if ("pattern".equals(source) && files.isEmpty()) {
                problems.add(path + ".path", "the pattern " + Problems.show(p) + " matches no file (relative to " + workingDir + ")");
            }
            Map<String, String> firstFileOfKey = new LinkedHashMap<>();
            for (Path f : files) {
                String shown = workingDir.relativize(f.toAbsolutePath()).toString();
                for (TaskDefinition d : readFile(f, shown, problems)) {
                    String prev = firstFileOfKey.putIfAbsent(d.keyText(), shown);
                    if (prev != null) {
                        problems.add(path, "duplicate task key " + Problems.show(d.keyText()) + " in " + prev + " and " + shown
                                + "; each partition key may be defined once");
                        continue;
                    }
                    out.add(d);
                }
            }
            return out;
        }
        problems.add(path + ".source", "expected \"inline\", \"file\" or \"pattern\", got " + Problems.show(source));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<TaskDefinition> readFile(Path file, String shown, Problems problems) {
        String path = "parameter.tasks.path (" + shown + ")";
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // name the resolved file: relative paths resolve against the working directory, which users often misjudge
            problems.add(path, Files.isDirectory(file) ? file + " is a directory, not a task file" : "cannot read the task file "
                    + file + " (" + (Files.exists(file) ? e.getClass().getSimpleName() : "it does not exist")
                    + "; relative paths resolve against the working directory)");
            return Collections.emptyList();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Object parsed;
        try {
            parsed = JSON.parse(text, Feature.OrderedField, Feature.DisableSpecialKeyDetect);
        } catch (RuntimeException e) {
            parsed = e;
        }
        if (!(parsed instanceof Map)) {
            problems.add(path, "not a valid task file: expected a JSON object {key: [columns] | {columns, filters}} ("
                    + (parsed instanceof RuntimeException ? firstLine(((RuntimeException) parsed).getMessage()) : "got " + Problems.typeName(parsed))
                    + ")");
            return Collections.emptyList();
        }
        // the parse keeps only the last of two equal keys, and reads 1e400 as a number no filter can use: the text shows both
        List<JsonProblem> hidden = new ArrayList<>(StrictJson.duplicateKeys(text, path));
        hidden.addAll(StrictJson.numbersOutOfRange(text, path));
        for (JsonProblem d : hidden) {
            problems.add(d.path(), d.message());
        }
        List<TaskDefinition> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) parsed).entrySet()) {
            TaskDefinition d = definition(e.getKey(), e.getValue(), shown, Fields.join(path, e.getKey()), problems);
            if (d != null) {
                out.add(d);
            }
        }
        if (((Map<?, ?>) parsed).isEmpty()) {
            problems.add(path, "the task file defines no task");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private TaskDefinition definition(String key, Object value, String origin, String path, Problems problems) {
        if (key == null || key.isEmpty()) {
            problems.add(path, "a task key (partition key value) must not be empty");
            return null;
        }
        if (value instanceof List) {
            List<String> cols = columns(value, path, problems);
            return cols == null ? null : new TaskDefinition(key, cols, FilterSpec.NONE, origin, path);
        }
        if (value instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) value;
            Fields.rejectUnknown(m, STANDARD_KEYS, path, problems);
            if (!m.containsKey("columns")) {
                problems.add(path + ".columns", "missing; list the columns to export");
                return null;
            }
            List<String> cols = columns(m.get("columns"), path + ".columns", problems);
            FilterSpec filters = filterParser.parse(m.get("filters"), path + ".filters", false, null, problems);
            return cols == null ? null : new TaskDefinition(key, cols, filters, origin, path);
        }
        problems.add(path, "expected [columns] (compact) or {\"columns\": [...], \"filters\": {...}} (standard), got "
                + Problems.typeName(value));
        return null;
    }

    private List<String> columns(Object value, String path, Problems problems) {
        List<String> cols = Fields.stringList(value, path, hasAppendColumns, problems);
        for (int i = 0; cols != null && i < cols.size(); i++) {
            names.check(cols.get(i), "column", path + "[" + i + "]");
        }
        return cols;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed JSON";
        }
        int nl = s.indexOf('\n');
        String t = nl < 0 ? s : s.substring(0, nl);
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }
}
