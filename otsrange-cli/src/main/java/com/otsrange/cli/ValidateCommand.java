package com.otsrange.cli;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Placeholders;
import com.otsrange.common.Problems;
import com.otsrange.reader.config.EndpointRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `validate JOB.json [-p "-Dname=value ..."]`: every offline check, all problems at once. */
final class ValidateCommand implements Command {

    private final Map<String, ParameterCheck> readerChecks = new LinkedHashMap<>();
    private final Map<String, ParameterCheck> writerChecks = new LinkedHashMap<>();

    ValidateCommand() {
        this(System.getenv());
    }

    ValidateCommand(Map<String, String> environment) {
        readerChecks.put("otsrangereader", new ReaderParameterCheck(environment));
        writerChecks.put("csvyearwriter", new WriterParameterCheck());
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check a job and its task files offline; lists every problem, exit 1 on any";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange validate JOB.json [-p \"-Dname=value ...\"]\n"
                + "  Checks the job structure, otsrangereader's parameter (schema, filters, time bounds, tasks\n"
                + "  and task files, shard, tuning) and csvyearwriter's through the writer's own validation\n"
                + "  (unknown keys, fileName pattern, modes, formats, record columns, whether path is a usable\n"
                + "  folder) without connecting. Every problem is printed with its JSON path; nothing is written.\n"
                + "  ${name} values not given with -p are filled at run time and reported as not checked.\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        JobArguments arguments = JobArguments.parse(args);
        Report report = validate(arguments, console.workingDir());
        console.out().print(report.text);
        return report.valid ? 0 : FAILED;
    }

    /** The validation as a value, so `plan` can refuse an invalid job with the same report. */
    Report validate(JobArguments arguments, Path workingDir) {
        Findings findings = new Findings();
        StringBuilder text = new StringBuilder();
        text.append("validate ").append(arguments.jobPath()).append('\n');
        JobDocument job = JobDocument.read(workingDir.resolve(arguments.jobPath()), arguments.jobPath(), arguments.variables(), findings);
        List<String> unchecked = new ArrayList<>();
        if (job != null) {
            job.checkStructure(findings);
            checkPlugin(job, "reader", readerChecks, workingDir, findings, unchecked, text);
            checkPlugin(job, "writer", writerChecks, workingDir, findings, unchecked, text);
        }
        if (!unchecked.isEmpty()) {
            text.append("not checked, filled in at run time (-p \"-Dname=value\"):\n");
            for (String line : unchecked) {
                text.append("  - ").append(line).append('\n');
            }
        }
        for (String note : findings.notes()) {
            text.append("note: ").append(note).append('\n');
        }
        List<String> errors = findings.errors();
        if (errors.isEmpty()) {
            text.append("OK: no problems found\n");
        } else {
            text.append(errors.size()).append(errors.size() == 1 ? " problem:\n" : " problems:\n");
            for (int i = 0; i < errors.size(); i++) {
                text.append(String.format("  %d. %s%n", i + 1, errors.get(i)));
            }
            text.append("INVALID: fix the problems above and run validate again\n");
        }
        return new Report(errors.isEmpty(), text.toString(), errors);
    }

    private static void checkPlugin(JobDocument job, String kind, Map<String, ParameterCheck> checks, Path workingDir,
                                    Findings findings, List<String> unchecked, StringBuilder text) {
        String name = job.pluginName(kind);
        Map<String, Object> parameter = job.pluginParameter(kind);
        if (name == null || parameter == null) {
            return;
        }
        String prefix = "job.content[0]." + kind + ".";
        Map<String, String> placeholderValues = JobDocument.placeholders(parameter);
        List<String> placeholders = new ArrayList<>(placeholderValues.keySet());
        for (Map.Entry<String, String> e : placeholderValues.entrySet()) {
            // DataX masks keys ending in accessKey/password when it prints a job; so do we
            String path = e.getKey();
            boolean secret = path.endsWith("accessKey") || path.toLowerCase(Locale.ROOT).endsWith("password");
            // an endpoint's user-info may be a password: never shown (the reader refuses it anyway)
            String value = path.endsWith("endpoint") ? EndpointRule.redact(e.getValue()) : e.getValue();
            unchecked.add(prefix + path + " = " + (secret && !value.matches("\\$\\{?\\w+}?")
                    ? "(hidden)" : com.alibaba.fastjson.JSON.toJSONString(value)));
        }
        ParameterCheck check = checks.get(name);
        if (check == null) {
            findings.note(kind + " " + name + " is not an otsrange plugin: its parameter was not checked");
            return;
        }
        String peerKind = kind.equals("reader") ? "writer" : "reader";
        Map<String, Object> peer = job.pluginParameter(peerKind);
        Problems problems = new Problems();
        Problems peerProblems = new Problems();
        String summary;
        try {
            summary = check.check(parameter, job.pluginName(peerKind), peer, workingDir, problems, peerProblems);
        } catch (RuntimeException e) {
            findings.error(prefix + "parameter", "could not be checked: " + Errors.describe(e));
            return;
        }
        int real = report(problems, prefix, placeholders, job.reportedNulls(kind), findings);
        List<String> peerPlaceholders = new ArrayList<>(peer == null ? Collections.<String>emptySet()
                : JobDocument.placeholders(peer).keySet());
        real += report(peerProblems, "job.content[0]." + peerKind + ".", peerPlaceholders, job.reportedNulls(peerKind), findings);
        if (real == 0) {
            text.append("  ").append(kind).append(' ').append(name).append(": ")
                    .append(summary != null ? summary : "ok apart from the values filled in at run time").append('\n');
        } else {
            text.append("  ").append(kind).append(' ').append(name).append(": ").append(real)
                    .append(real == 1 ? " problem\n" : " problems\n");
        }
    }

    /**
     * The problems that are the job's (not about a value filled in at run time, nor following from
     * a null already reported), each once, under {@code prefix}; how many were not listed before.
     */
    private static int report(Problems problems, String prefix, List<String> placeholders, List<String> dropped, Findings findings) {
        int real = 0;
        for (JsonProblem problem : problems.list()) {
            if (dependsOnPlaceholder(problem, placeholders) || followsFromDroppedNull(problem, dropped)) {
                continue;
            }
            if (findings.error(prefix + problem.path(), problem.message())) {
                real++;
            }
        }
        return real;
    }

    /** A problem about a value that is still `${name}` is no problem of the job: the value arrives at run time. */
    static boolean dependsOnPlaceholder(JsonProblem problem, List<String> placeholderPaths) {
        return Placeholders.covers(placeholderPaths, problem.path())
                || !placeholderPaths.isEmpty() && problem.toString().contains("${");
    }

    /**
     * A problem at (or above) a null member that was dropped, e.g. "filters.ct: empty condition" for
     * {"ct": {"gt": null}}: the null itself is reported with its path already, as a run reports it.
     * Only nulls the job's text holds count: a value the JSON parser read as null (NaN) is no
     * reported null, and what follows from it is the job's problem, as it is in a run.
     */
    private static boolean followsFromDroppedNull(JsonProblem problem, List<String> droppedPaths) {
        for (String dropped : droppedPaths) {
            if (Placeholders.covers(Collections.singletonList(problem.path()), dropped)) {
                return true;
            }
        }
        return false;
    }

    /** Outcome of one validation. */
    static final class Report {
        final boolean valid;
        final String text;
        final List<String> errors;

        Report(boolean valid, String text, List<String> errors) {
            this.valid = valid;
            this.text = text;
            this.errors = errors;
        }
    }
}
