package com.otsrange.writer.config;

import com.otsrange.common.FileNamePattern;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Placeholders;
import com.otsrange.common.Problems;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.StateDir;
import com.otsrange.config.Param;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.SpecResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The writer's whole configuration, checked offline: its own keys ({@link WriterOptions}), which
 * keys the reader allows, and the job's facts ({@link JobFacts}). Paired with otsrangereader the
 * facts come from the reader's own parse of its parameter ({@link ReaderSpec}), so table,
 * timeUnit, timeZone, shard, resume, changes and the incremental window mean to the writer exactly what
 * they mean to the reader. The writer Job and {@code bin/otsrange validate} run this same check.
 */
public final class WriterConfig {
    private final WriterOptions options;
    private final JobFacts facts;
    private final ReaderSpec reader;
    private final GenericColumns generic;

    private WriterConfig(WriterOptions options, JobFacts facts, ReaderSpec reader, GenericColumns generic) {
        this.options = options;
        this.facts = facts;
        this.reader = reader;
        this.generic = generic;
    }

    /** The configuration, or every problem: the writer's own, and those of the reader's parameter it depends on. */
    public static final class Checked {
        private final WriterConfig config;
        private final WriterOptions options;
        private final List<JsonProblem> own;
        private final List<JsonProblem> ofReader;

        Checked(WriterConfig config, WriterOptions options, List<JsonProblem> own, List<JsonProblem> ofReader) {
            this.config = config;
            this.options = options;
            this.own = Collections.unmodifiableList(new ArrayList<>(own));
            this.ofReader = Collections.unmodifiableList(new ArrayList<>(ofReader));
        }

        /** null when there is any problem. */
        public WriterConfig config() {
            return config;
        }

        /** The writer's own keys, when they have no problem (whatever the reader's parameter has). */
        public WriterOptions options() {
            return options;
        }

        /** Problems of the writer's parameter, at {@code parameter.<key>}. */
        public List<JsonProblem> own() {
            return own;
        }

        /**
         * Problems of otsrangereader's parameter (the reader's own parse, and what incremental mode
         * needs of it), at the reader's paths {@code parameter.<key>}.
         */
        public List<JsonProblem> ofReader() {
            return ofReader;
        }
    }

    /**
     * @param readerName the job's reader: anything but {@code otsrangereader} means generic mode
     * @param readerParameter the reader's parameter (may be null)
     * @param workingDir what relative paths (the output folder, the reader's task files) resolve against
     */
    public static Checked check(Map<String, Object> writerParameter, String readerName, Map<String, Object> readerParameter,
                                Path workingDir) {
        Map<String, Object> w = writerParameter == null ? Collections.<String, Object>emptyMap() : writerParameter;
        boolean paired = RecordLayout.READER_NAME.equals(readerName);
        Problems own = new Problems();
        List<JsonProblem> ofReader = new ArrayList<>();
        rejectUnknownKeys(w, paired, own);
        WriterOptions options = WriterOptions.parse(w, workingDir, own);
        JobFacts facts = null;
        ReaderSpec reader = null;
        GenericColumns generic = null;
        if (paired) {
            SpecResult r = ReaderSpecParser.parseShared(readerParameter, workingDir);
            ofReader.addAll(r.found());
            if (r.isValid()) {
                reader = r.spec();
                facts = JobFacts.of(reader);
                if (options != null) {
                    boolean incremental = options.incremental(reader.resume());
                    if (incremental) {
                        ofReader.addAll(reader.windowRequest().problems());
                    }
                    JsonProblem changes = reader.changesProblem(incremental);
                    if (changes != null) {
                        ofReader.add(changes);
                    }
                }
            }
        } else {
            facts = JobFacts.generic(w, own);
            generic = GenericColumns.parse(w, options == null || options.header(), facts.genericTime(),
                    recordWidth(readerName, readerParameter), own);
        }
        if (options != null && facts != null) {
            checkNames(options, facts, own, ofReader);
        }
        List<JsonProblem> ownAll = Problems.placeholdersFirst(Placeholders.unreplaced(w, WriterOptions.AT), own.list());
        boolean ok = ownAll.isEmpty() && ofReader.isEmpty() && options != null && facts != null;
        return new Checked(ok ? new WriterConfig(options, facts, reader, generic) : null, options, ownAll, ofReader);
    }

    /**
     * Names the file system cannot hold, known once the table is: a part of {@code fileName} too
     * long for any key, and the state dir. The table is the reader's when paired, so a state dir
     * name too long is a problem of the reader's parameter there.
     */
    private static void checkNames(WriterOptions options, JobFacts facts, Problems own, List<JsonProblem> ofReader) {
        String segment = options.fileName().segmentTooLong(facts.table(), FileNamePattern.longestYear(facts.timeUnit()));
        if (segment != null) {
            own.add(WriterParams.FILE_NAME.path(WriterOptions.AT), Problems.json(options.fileName().pattern()) + " is invalid; " + segment);
        }
        String state = StateDir.nameTooLong(facts.table(), facts.shard());
        if (state == null) {
            return;
        }
        String why = Problems.json(facts.table()) + " is too long for csvyearwriter: " + state + "; use a shorter table name";
        if (facts.paired()) {
            ofReader.add(new JsonProblem(ReaderParams.TABLE.path(ReaderParams.AT), why));
        } else {
            own.add(WriterParams.TABLE.path(WriterOptions.AT), why);
        }
    }

    /** A typo must not be silently ignored: every key is known, and generic-mode keys are refused when paired. */
    private static void rejectUnknownKeys(Map<String, Object> w, boolean paired, Problems problems) {
        List<String> common = Param.names(WriterParams.COMMON);
        List<String> generic = Param.names(WriterParams.GENERIC);
        for (Map.Entry<String, Object> e : w.entrySet()) {
            String key = e.getKey();
            if (common.contains(key)) {
                continue;
            }
            if (generic.contains(key)) {
                if (paired) {
                    problems.invalid("parameter." + key, e.getValue(), "not used with otsrangereader (the reader's "
                            + "parameter and the record meta say it); remove it"
                            + (Param.names(ReaderParams.MAIN).contains(key) ? " and set it in the reader parameter" : ""));
                }
                continue;
            }
            List<Param<?>> valid = new ArrayList<>(WriterParams.COMMON);
            if (!paired) {
                valid.addAll(WriterParams.GENERIC);
            }
            problems.add("parameter." + key, "not a csvyearwriter parameter" + Param.didYouMean(key, valid) + "; valid keys: "
                    + Param.names(valid));
        }
    }

    private static final String STREAMREADER = "streamreader";

    /**
     * DataX's stock streamreader (and our runner's) sends records of exactly its {@code column}
     * list's length; for any other reader the width is only known per record.
     */
    private static Integer recordWidth(String readerName, Map<String, Object> readerParameter) {
        Object column = readerParameter == null ? null : readerParameter.get("column");
        return STREAMREADER.equals(readerName) && column instanceof List ? ((List<?>) column).size() : null;
    }

    public WriterOptions options() {
        return options;
    }

    public JobFacts facts() {
        return facts;
    }

    /** The reader's parse of its parameter (null in generic mode). */
    public ReaderSpec reader() {
        return reader;
    }

    /** Generic mode's record columns (null when paired). */
    public GenericColumns generic() {
        return generic;
    }

    /** Incremental mode: csvyearwriter {@code writeMode: "append"} with otsrangereader {@code resume: true}. */
    public boolean incremental() {
        return facts.paired() && options.incremental(facts.resume());
    }
}
