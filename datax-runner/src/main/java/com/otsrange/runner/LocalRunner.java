package com.otsrange.runner;

import com.alibaba.datax.common.element.ColumnCast;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a DataX job file in this JVM, the way the DataX engine would (see docs/DESIGN.md and
 * datax-engine-facts.md): -p variables, core defaults (a top-level {@code core} in the job wins),
 * plugin lookup by name, the Job/Task lifecycle, channels, errorLimit, progress and summary.
 */
public final class LocalRunner {

    private static final String CORE_DEFAULTS = "core-defaults.json";

    private final RunOptions options;

    public LocalRunner(RunOptions options) {
        this.options = options == null ? RunOptions.defaults() : options;
    }

    /** Registers a plugin under a name for this JVM (tests); wins over the classpath plugin.json. */
    public static void registerPlugin(PluginType type, String name, String className) {
        PluginRegistry.register(type, name, className);
    }

    /** Never throws for a job failure: see {@link RunResult#succeeded()}. */
    public RunResult run(Path jobFile) {
        String json;
        try {
            json = Files.readString(jobFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return failed(DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "The job file [" + jobFile.toAbsolutePath() + "] does not exist."));
        } catch (IOException e) {
            return failed(DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "The job file [" + jobFile.toAbsolutePath() + "] could not be read: " + e));
        }
        return runJson(json);
    }

    public RunResult runJson(String jobJson) {
        Configuration all;
        try {
            all = parse(jobJson);
        } catch (Throwable t) {
            return failed(t instanceof DataXException dx ? dx : configError(t));
        }
        RunResult result = new JobRun(all, options, classLoader()).run();
        PrintStream out = options.progress();
        if (out != null) {
            out.println(result.summary());
            out.flush();
        }
        return result;
    }

    private Configuration parse(String jobJson) {
        if (jobJson == null || jobJson.isBlank()) {
            throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR, "The job JSON is empty.");
        }
        String text = Variables.substitute(jobJson, options.variables());
        String standard;
        try {
            standard = DataxJson.standard(text);
        } catch (DataxJson.Refused e) {
            // DataX's engine fails such a job file with this code (Configuration.from)
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR, "The job JSON is refused"
                    + (e.path().isEmpty() ? "" : " in " + e.path()) + ": " + e.getMessage());
        }
        refuseWhatParsingHides(text);
        Configuration all = Configuration.from(standard);
        if (!(all.getInternal() instanceof java.util.Map)) {
            throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "The job must be a JSON object with a [job] key.");
        }
        if (all.get("job.content[0]") == null) {
            throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "[job.content[0]] is required: a reader and a writer.");
        }
        all.merge(coreDefaults(), false);
        // DataX binds the column conversion settings (common.column.*) engine-wide at start
        ColumnCast.bind(all);
        return all;
    }

    /**
     * Repeated keys, null members and numbers beyond a double parse without a word, and the
     * plugins never see them (the last value wins; DataX drops null members, and the Infinity such
     * a number becomes, from each plugin's copy of its parameter). The job text is at hand here, so
     * a run refuses them exactly as {@code bin/otsrange validate} does (under DataX the plugins'
     * Jobs read the job file again for them, {@code DataxJobText}).
     */
    private static void refuseWhatParsingHides(String text) {
        List<JsonProblem> problems = StrictJson.hiddenFromPlugins(text, "");
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("The job JSON has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" its parser would silently hide:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR, sb.toString());
    }

    private static Configuration coreDefaults() {
        try (InputStream in = LocalRunner.class.getResourceAsStream(CORE_DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CORE_DEFAULTS);
            }
            return Configuration.from(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CORE_DEFAULTS, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LocalRunner.class.getClassLoader();
    }

    private static DataXException configError(Throwable t) {
        DataXException e = new DataXException(FrameworkErrorCode.CONFIG_ERROR, t.toString());
        e.initCause(t);
        return e;
    }

    private RunResult failed(DataXException e) {
        String summary = Reports.summary(System.currentTimeMillis(), System.currentTimeMillis(), 0, JobStats.empty());
        return new RunResult(e, e.getErrorCode() == null ? null : e.getErrorCode().getCode(), e.getMessage(),
                JobStats.empty(), 0, Duration.ZERO, summary);
    }
}
