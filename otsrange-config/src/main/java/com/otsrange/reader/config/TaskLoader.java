package com.otsrange.reader.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.StrictJson;
import com.otsrange.common.TaskFiles;

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
    private static final String PATH = ReaderParams.TASKS.path(ReaderParams.AT);
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

    /** What {@code tasks} gave: its source, the task files read (empty for inline) and the definitions. */
    static final class Loaded {
        static final Loaded NONE = new Loaded(null, null, Collections.<Path>emptyList(), Collections.<TaskDefinition>emptyList());

        private final TaskSource source;
        private final String path;
        private final List<Path> files;
        private final List<TaskDefinition> definitions;

        Loaded(TaskSource source, String path, List<Path> files, List<TaskDefinition> definitions) {
            this.source = source;
            this.path = path;
            this.files = Collections.unmodifiableList(new ArrayList<>(files));
            this.definitions = Collections.unmodifiableList(new ArrayList<>(definitions));
        }

        TaskSource source() {
            return source;
        }

        /** The file or pattern (trimmed), null for inline tasks. */
        String path() {
            return path;
        }

        List<Path> files() {
            return files;
        }

        List<TaskDefinition> definitions() {
            return definitions;
        }
    }

    /** The task files a source reads (for fingerprints and validate), in load order. */
    private List<Path> files(TaskSource source, String pathText, Problems problems) {
        try {
            return TaskFiles.of(source.text(), pathText, workingDir);
        } catch (IOException e) {
            problems.add(PATH + ".path", "cannot list " + TaskFiles.root(pathText, workingDir) + " (" + e.getClass().getSimpleName() + ")");
            return Collections.emptyList();
        } catch (IllegalArgumentException e) {
            problems.add(PATH + ".path", "not a valid path or glob pattern: " + firstLine(e.getMessage()));
            return Collections.emptyList();
        }
    }

    /** @param tasks the {@code tasks} object (null when absent or not an object: reported already) */
    Loaded load(Map<String, Object> tasks, Problems problems) {
        if (tasks == null) {
            return Loaded.NONE;
        }
        Fields.rejectUnknown(tasks, ReaderParams.TASK_MEMBERS, PATH, problems);
        TaskSource source = ReaderParams.TASK_SOURCE.read(tasks, PATH, problems);
        List<TaskDefinition> out = new ArrayList<>();
        if (source == TaskSource.INLINE) {
            if (tasks.containsKey(ReaderParams.TASK_PATH.name())) {
                problems.add(PATH + ".path", "not used with source \"inline\"; put the tasks in definitions");
            }
            Object defs = ReaderParams.TASK_DEFINITIONS.given(tasks);
            if (!(defs instanceof Map) || ((Map<?, ?>) defs).isEmpty()) {
                problems.add(PATH + ".definitions", "expected a non-empty object {key: [columns] | {columns, filters}}, got "
                        + Problems.show(defs));
                return new Loaded(source, null, Collections.<Path>emptyList(), out);
            }
            for (Map.Entry<String, Object> e : ReaderParams.TASK_DEFINITIONS.read(tasks, PATH, problems).entrySet()) {
                TaskDefinition d = definition(e.getKey(), e.getValue(), "inline", Fields.join(PATH + ".definitions", e.getKey()), problems);
                if (d != null) {
                    out.add(d);
                }
            }
            return new Loaded(source, null, Collections.<Path>emptyList(), out);
        }
        if (source == null) {
            return Loaded.NONE;
        }
        if (tasks.containsKey(ReaderParams.TASK_DEFINITIONS.name())) {
            problems.add(PATH + ".definitions", "not used with source \"" + source.text() + "\"; use source \"inline\"");
        }
        Object raw = ReaderParams.TASK_PATH.given(tasks);
        String p = raw == null ? null : ReaderParams.TASK_PATH.read(tasks, PATH, new Problems());
        if (p == null) {
            problems.add(PATH + ".path", "expected the " + (source == TaskSource.FILE ? "path of a task file" : "glob pattern of task files")
                    + ", got " + Problems.show(raw));
            return Loaded.NONE;
        }
        List<Path> files = files(source, p, problems);
        if (source == TaskSource.PATTERN && files.isEmpty()) {
            problems.add(PATH + ".path", "the pattern " + Problems.show(p) + " matches no file (relative to " + workingDir + ")");
        }
        Map<String, String> firstFileOfKey = new LinkedHashMap<>();
        for (Path f : files) {
            String shown = workingDir.relativize(f.toAbsolutePath()).toString();
            for (TaskDefinition d : readFile(f, shown, problems)) {
                String prev = firstFileOfKey.putIfAbsent(d.keyText(), shown);
                if (prev != null) {
                    problems.add(PATH, "duplicate task key " + Problems.show(d.keyText()) + " in " + prev + " and " + shown
                            + "; each partition key may be defined once");
                    continue;
                }
                out.add(d);
            }
        }
        return new Loaded(source, p, files, out);
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
            return cols == null ? null : new TaskDefinition(key, cols, null, true, origin, path);
        }
        if (value instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) value;
            Fields.rejectUnknown(m, STANDARD_KEYS, path, problems);
            if (!m.containsKey("columns")) {
                problems.add(path + ".columns", "missing; list the columns to export");
                return null;
            }
            List<String> cols = columns(m.get("columns"), path + ".columns", problems);
            FilterSpec filters = m.containsKey("filters") ? filterParser.parse(m.get("filters"), path + ".filters", false, problems)
                    : null;
            return cols == null ? null : new TaskDefinition(key, cols, filters, false, origin, path);
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
