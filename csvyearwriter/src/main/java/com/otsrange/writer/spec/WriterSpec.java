package com.otsrange.writer.spec;

import com.otsrange.writer.encoding.EncodingCheck;
import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.FileNamePattern;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.ParameterMap;
import com.otsrange.common.Problems;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.StateDir;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.writer.config.Compress;
import com.otsrange.writer.config.GenericColumns;
import com.otsrange.writer.config.JobFacts;
import com.otsrange.writer.config.VerifyCommitted;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.writer.config.WriterConfig;
import com.otsrange.writer.config.WriterOptions;
import com.otsrange.writer.config.WriterParams;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The writer's configuration as its Job and tasks use it: the parse of otsrange-config
 * ({@link WriterConfig}: the writer's own keys, and paired with otsrangereader the reader's own
 * parse of its parameter) plus where the state lives. The Job stores the job's facts under
 * {@value #RESOLVED} in each task's parameter, since tasks get no peer configuration.
 */
public final class WriterSpec {
    public static final String RESOLVED = "otsrangeResolved";
    /** How problems name the paired reader's parameter, whose facts the writer reads too. */
    public static final String READER_PARAMETER = "reader parameter";

    private final WriterOptions options;
    private final JobFacts facts;
    private final GenericColumns generic;
    /** The reader's parse of its parameter: on the Job side when paired, else null. */
    private final ReaderSpec reader;
    /** Incremental mode as otsrange-config decides it ({@link WriterConfig#incremental()}): on the Job side, else false. */
    private final boolean incremental;
    private final int taskIndex;

    private WriterSpec(WriterOptions options, JobFacts facts, GenericColumns generic, ReaderSpec reader, boolean incremental,
                       int taskIndex) {
        this.options = options;
        this.facts = facts;
        this.generic = generic;
        this.reader = reader;
        this.incremental = incremental;
        this.taskIndex = taskIndex;
    }

    /**
     * Job side: every rule on the writer parameter and on the reader's parameter as far as the
     * writer reads it, then read-only checks of {@code path}; all problems are collected
     * ({@code CsvYearWriterValidation} reports the same list offline). Those of the reader's
     * parameter are {@code reader parameter.<key>} with {@code CsvYearWriter-08}. Returns null when
     * there are problems.
     */
    public static WriterSpec check(Map<String, Object> writer, String peerName, Map<String, Object> peer, Path workingDir,
                            Problems problems) {
        WriterConfig.Checked c = WriterConfig.check(writer, peerName, peer, workingDir);
        for (JsonProblem p : c.own()) {
            problems.add(p);
        }
        for (JsonProblem p : c.ofReader()) {
            problems.add(p.moved(ReaderParams.AT, READER_PARAMETER, WriterErrorCode.PEER_CONFIG_INVALID));
        }
        if (c.options() != null) {
            // probes the writer's own encoder (CsvOutput), so it is this module's rule on the parsed value
            String encodingProblem = EncodingCheck.problem(c.options().encoding(), c.options().lineSeparator());
            if (encodingProblem != null) {
                problems.invalid(WriterParams.ENCODING.path("parameter"), WriterParams.ENCODING.given(writer), encodingProblem);
            }
            // last, so that a configuration problem's code comes first
            checkPathReadOnly(c.options().path(), problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        WriterConfig config = c.config();
        return new WriterSpec(config.options(), config.facts(), config.generic(), config.reader(), config.incremental(), 0);
    }

    /** Job side: the spec, or a DataXException listing every problem. */
    public static WriterSpec forJob(Configuration writer, String peerName, Configuration peer, Path workingDir) {
        Problems problems = new Problems();
        WriterSpec spec = check(ParameterMap.of(writer), peerName, peer == null ? null : ParameterMap.of(peer), workingDir, problems);
        throwIfAny(problems);
        return spec;
    }

    /** Task side: the task parameter carries the job's facts (checked by the Job already). */
    public static WriterSpec forTask(Configuration taskParam) {
        Map<String, Object> resolved = taskParam.getMap(RESOLVED);
        if (resolved == null) {
            throw new DataXException(WriterErrorCode.CONFIG_INVALID,
                    "task parameter lacks " + RESOLVED + " (the writer Job did not split this config)");
        }
        Problems problems = new Problems();
        Map<String, Object> w = ParameterMap.of(taskParam);
        WriterOptions options = WriterOptions.parse(w, Paths.get(""), problems);
        JobFacts facts = JobFacts.fromTask(resolved, problems);
        GenericColumns generic = options == null || facts == null || facts.paired() ? null
                : GenericColumns.parse(w, options.header(), facts.genericTime(), null, problems);
        Long taskIndex = WriterParams.TASK_INDEX.read(w, "parameter", problems);
        throwIfAny(problems);
        return new WriterSpec(options, facts, generic, null, false, taskIndex.intValue());
    }

    /** Fails with the first problem's code (an invalid parameter when it has none), listing every problem. */
    private static void throwIfAny(Problems problems) {
        List<JsonProblem> all = problems.list();
        if (all.isEmpty()) {
            return;
        }
        WriterErrorCode code = all.get(0).code() instanceof WriterErrorCode ? (WriterErrorCode) all.get(0).code()
                : WriterErrorCode.CONFIG_INVALID;
        if (all.size() == 1) {
            throw new DataXException(code, all.get(0).toString());
        }
        StringBuilder sb = new StringBuilder("csvyearwriter: ").append(all.size()).append(" problems in the job parameter:");
        for (int i = 0; i < all.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(all.get(i));
        }
        throw new DataXException(code, sb.toString());
    }

    /**
     * Cheap read-only checks of the output folder (the Job's prepare creates it): an existing
     * non-folder, or a folder (or the nearest existing parent of a missing one) this user cannot write.
     */
    private static void checkPathReadOnly(Path path, Problems problems) {
        String shown = "\"" + path + "\"";
        try {
            if (Files.exists(path)) {
                if (!Files.isDirectory(path)) {
                    problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " exists but is not a directory; give a folder");
                } else if (!Files.isWritable(path)) {
                    problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " is not writable by this user; give a folder it can write");
                }
                return;
            }
            Path parent = path.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent != null && !Files.isDirectory(parent)) {
                problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " cannot be created: " + parent
                        + " is a file, not a directory");
            } else if (parent != null && !Files.isWritable(parent)) {
                problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " cannot be created: " + parent
                        + " is not writable by this user");
            }
        } catch (SecurityException e) {
            problems.add(WriterErrorCode.PATH_INVALID, "parameter.path", shown + " cannot be checked: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- accessors

    public WriterOptions options() {
        return options;
    }

    JobFacts facts() {
        return facts;
    }

    /** The reader's parse of its parameter (Job side, paired only): the fingerprint and the incremental window come from it. */
    public ReaderSpec reader() {
        return reader;
    }

    /**
     * Incremental mode (csvyearwriter {@code writeMode: "append"} with otsrangereader {@code resume: true}):
     * Job side only; a task learns it from the window the Job hands it ({@code IncrementalRun.fromTask}).
     */
    public boolean incremental() {
        return incremental;
    }

    public Map<String, Object> factsForTasks() {
        return facts == null ? Collections.<String, Object>emptyMap() : facts.toTask();
    }

    public Path path() {
        return options.path();
    }

    public FileNamePattern fileName() {
        return options.fileName();
    }

    public boolean header() {
        return options.header();
    }

    public Charset encoding() {
        return options.encoding();
    }

    public String nullFormat() {
        return options.nullFormat();
    }

    public Compress compress() {
        return options.compress();
    }

    public WriteMode writeMode() {
        return options.writeMode();
    }

    public String dateFormat() {
        return options.dateFormat();
    }

    public String lineSeparator() {
        return options.lineSeparator();
    }

    public VerifyCommitted verifyCommitted() {
        return options.verifyCommitted();
    }

    public boolean paired() {
        return facts.paired();
    }

    public String table() {
        return facts.table();
    }

    public SortKeyUnit timeUnit() {
        return facts.timeUnit();
    }

    public ZoneId timeZone() {
        return facts.timeZone();
    }

    public ShardSpec shard() {
        return facts.shard();
    }

    public boolean resume() {
        return facts.resume();
    }

    /** Which record columns to write and how to read the time: only in generic mode (null when paired). */
    public GenericColumns generic() {
        return generic;
    }

    public int taskIndex() {
        return taskIndex;
    }

    public Path stateDir() {
        return StateDir.of(path(), table(), shard());
    }

    public Path tmpDir() {
        return stateDir().resolve(StateDir.TMP);
    }
}
