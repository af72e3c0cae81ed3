package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONException;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.TaskFiles;
import com.otsrange.reader.config.ReaderSpecParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `split-tasks --input FILE --output-dir DIR --chunk-size N [--prefix P] [--overwrite]`: cuts one
 * large task file into numbered batch files that {@code "tasks": {"source": "pattern", "path":
 * "DIR/P*.json"}} reads back as exactly the same tasks (the Python exporter's
 * {@code tools/split_tasks.py}). Definitions are copied as written, compact or standard, in the
 * input's order. The input is checked with the reader's own task-file rules first, and nothing is
 * written when it has a problem (a key written twice included), nor when files the pattern would
 * read already exist, unless {@code --overwrite} says to replace them.
 */
final class SplitTasksCommand implements Command {
    static final String DEFAULT_PREFIX = "tasks_batch_";
    /** Digits of a batch number at least, so that the files sort in batch order. */
    static final int MIN_DIGITS = 4;

    private final Map<String, String> environment;

    SplitTasksCommand() {
        this(System.getenv());
    }

    SplitTasksCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "split-tasks";
    }

    @Override
    public String summary() {
        return "cut a large task file into batch files for \"tasks\": {\"source\": \"pattern\"}";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange split-tasks --input FILE --output-dir DIR --chunk-size N [--prefix P] [--overwrite]\n"
                + "  Writes the task definitions of FILE (compact or standard, as written, in order), N per file,\n"
                + "  into DIR/P0001.json, DIR/P0002.json, ... (P default " + DEFAULT_PREFIX + "), which a job reads\n"
                + "  back with \"tasks\": {\"source\": \"pattern\", \"path\": \"DIR/P*.json\"}. FILE is checked with\n"
                + "  the reader's task-file rules first (a key written twice is refused, naming it); nothing is\n"
                + "  written if it has a problem. Files DIR/P*.json that exist already are refused (the pattern\n"
                + "  would read them too) unless --overwrite is given, which deletes them first.\n"
                + "  Exit 0 written, 1 refused or failed, 2 bad arguments.\n";
    }

    @Override
    public int run(List<String> args, Console console) throws IOException {
        Options options = Options.parse(args, new HashSet<>(Arrays.asList("input", "output-dir", "chunk-size", "prefix")),
                Collections.singleton("overwrite"));
        if (!options.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + options.positional().get(0));
        }
        String inputArg = options.require("input");
        String outputArg = options.require("output-dir");
        int chunkSize = chunkSize(options.require("chunk-size"));
        String prefix = options.has("prefix") ? options.get("prefix") : DEFAULT_PREFIX;
        checkPrefix(prefix);
        Path input = console.resolve(inputArg);
        Path outputDir = console.resolve(outputArg);

        String text;
        try {
            text = new String(Files.readAllBytes(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            console.err().println("split-tasks: the input " + inputArg + " does not exist (resolved to " + input + ")");
            return FAILED;
        }
        Map<String, Object> definitions = definitions(text);
        List<String> problems = problems(input, definitions, console);
        if (!problems.isEmpty()) {
            console.err().println("split-tasks: " + inputArg + " is not a task file the reader accepts; nothing written:");
            for (String p : problems) {
                console.err().println("  - " + p);
            }
            return FAILED;
        }

        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            console.err().println("split-tasks: --output-dir " + outputArg + " is a file, not a folder");
            return FAILED;
        }
        // the pattern a job reads the batches with, and the files it reads now: the reader's own glob
        String pattern = outputArg.replaceAll("/+$", "") + "/" + prefix + "*.json";
        List<Path> existing;
        try {
            existing = TaskFiles.glob(pattern, console.workingDir());
        } catch (IllegalArgumentException e) {
            console.err().println("split-tasks: --output-dir " + outputArg + " does not make a glob pattern the reader can read ("
                    + e.getMessage() + "); choose another --output-dir");
            return FAILED;
        }
        if (existing.contains(input.toAbsolutePath().normalize())) {
            console.err().println("split-tasks: the input " + inputArg + " is itself a file the pattern " + prefix + "*.json in "
                    + outputArg + " reads; choose another --prefix or --output-dir");
            return FAILED;
        }
        if (!existing.isEmpty() && !options.has("overwrite")) {
            console.err().println("split-tasks: " + outputArg + " already holds " + existing.size() + " file(s) the pattern " + prefix
                    + "*.json reads (" + names(existing) + "); nothing written. A job reading the pattern would read them"
                    + " with the new batches: delete them, choose another --prefix or --output-dir, or give --overwrite to"
                    + " replace them");
            return FAILED;
        }
        Files.createDirectories(outputDir);
        for (Path old : existing) {
            Files.delete(old);
            console.err().println("split-tasks: deleted " + old.getFileName() + " (--overwrite)");
        }
        List<Path> written = write(definitions, outputDir, prefix, chunkSize);
        console.out().printf("wrote %d task(s) into %d file(s) of at most %d: %s .. %s%n", definitions.size(), written.size(),
                chunkSize, written.get(0).getFileName(), written.get(written.size() - 1).getFileName());
        console.out().println("read them with \"tasks\": {\"source\": \"pattern\", \"path\": " + JSON.toJSONString(pattern) + "}");
        return 0;
    }

    private static int chunkSize(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--chunk-size must be a whole number of tasks per file, 1 or more; got \"" + text + "\"");
    }

    /** A prefix is the start of a file name the job's glob must match literally. */
    private static void checkPrefix(String prefix) {
        if (prefix.isEmpty() || prefix.startsWith(".") || prefix.matches(".*[/\\\\*?\\[\\]{}\\x00-\\x1f].*")) {
            throw new UsageException("--prefix must be the start of a file name: not empty, not starting with '.', without '/', '\\'"
                    + " or glob characters (* ? [ ] { }); got \"" + prefix + "\"");
        }
    }

    /** What the reader would refuse in the file, as a pattern job reads it: the reader's own parse of one task file. */
    private List<String> problems(Path input, Map<String, Object> definitions, Console console) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("table", "t");
        // a task without columns is fine when the job has append columns; the job, not this file, decides
        parameter.put("appendColumns", Collections.singletonList("c"));
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("source", "file");
        tasks.put("path", input.toAbsolutePath().toString());
        parameter.put("tasks", tasks);
        List<String> out = new ArrayList<>();
        for (JsonProblem p : ReaderSpecParser.parse(parameter, console.workingDir(), environment).found()) {
            if (p.path().startsWith("parameter.tasks")) {
                out.add(p.toString());
            }
        }
        if (out.isEmpty() && definitions.isEmpty()) {
            out.add("the task file defines no task");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definitions(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            Object parsed = JSON.parse(body, Feature.OrderedField, Feature.DisableSpecialKeyDetect);
            return parsed instanceof Map ? (Map<String, Object>) parsed : Collections.<String, Object>emptyMap();
        } catch (JSONException e) {
            return Collections.emptyMap();
        }
    }

    private static String names(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < files.size() && i < 5; i++) {
            sb.append(i == 0 ? "" : ", ").append(files.get(i).getFileName());
        }
        return files.size() > 5 ? sb + ", ..." : sb.toString();
    }

    /** Each batch goes to a hidden temporary file first and is renamed into place; a failure removes what was written. */
    private static List<Path> write(Map<String, Object> definitions, Path dir, String prefix, int chunkSize) throws IOException {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(definitions.entrySet());
        int batches = (entries.size() + chunkSize - 1) / chunkSize;
        int digits = Math.max(MIN_DIGITS, Integer.toString(batches).length());
        List<Path> written = new ArrayList<>();
        Path temp = null;
        try {
            for (int b = 0; b < batches; b++) {
                StringBuilder json = new StringBuilder("{\n");
                List<Map.Entry<String, Object>> batch = entries.subList(b * chunkSize, Math.min(entries.size(), (b + 1) * chunkSize));
                for (int i = 0; i < batch.size(); i++) {
                    json.append("  ").append(JSON.toJSONString(batch.get(i).getKey())).append(": ")
                            .append(JSON.toJSONString(batch.get(i).getValue())).append(i + 1 < batch.size() ? ",\n" : "\n");
                }
                json.append("}\n");
                Path file = dir.resolve(prefix + String.format("%0" + digits + "d", b + 1) + ".json");
                temp = dir.resolve("." + file.getFileName() + ".tmp");
                Files.write(temp, json.toString().getBytes(StandardCharsets.UTF_8));
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                written.add(file);
            }
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            for (Path f : written) {
                Files.deleteIfExists(f);
            }
            throw e;
        }
        return written;
    }
}
