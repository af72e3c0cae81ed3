package com.otsrange.writer;

import com.otsrange.writer.commit.Committer;
import com.otsrange.writer.commit.Manifest;
import com.otsrange.writer.commit.OutputFolder;
import com.otsrange.writer.commit.OutputRoot;
import com.otsrange.writer.commit.Restatements;
import com.otsrange.writer.commit.StalePartFiles;
import com.otsrange.writer.commit.TaskParts;
import com.otsrange.writer.commit.UnitParts;
import com.otsrange.writer.error.WriterErrorCode;
import com.otsrange.writer.sink.GenericSink;
import com.otsrange.writer.sink.PairedSink;
import com.otsrange.writer.sink.RecordSink;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.state.CommittedBeforeRun;
import com.otsrange.writer.state.CommittedFilesCheck;
import com.otsrange.writer.state.IncrementalRun;
import com.otsrange.writer.state.RestatePlan;
import com.otsrange.writer.state.StateLock;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.CheckpointDamaged;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.FileLine;
import com.otsrange.common.HeaderLine;
import com.otsrange.common.DataxJobText;
import com.otsrange.common.FileParts;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.StateDir;
import com.otsrange.writer.config.JobFingerprint;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.writer.config.WriterParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DataX writer: one CSV per partition key per year (or month/day), each file written under
 * {@code path/.otsrange/} and renamed into place only when complete. See docs/writer.md.
 */
public class CsvYearWriter extends Writer {

    public static class Job extends Writer.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);

        private WriterSpec spec;
        private StateLock lock;
        private Set<String> unitsBeforeRun = Collections.emptySet();
        private IncrementalRun incremental;
        /**
         * The checkpoint as this Job's prepare read it (and updated with the lines it appended): its split
         * and a failed prepare use it, the reader's split reads its hand-over; null before prepare reads it.
         */
        private CheckpointSnapshot checkpoint;
        /** Incremental mode with the reader's changes: what this run restates; else null. */
        private Restatements restatements;
        private long startMillis;
        private boolean createdPath;
        private boolean createdState;
        private boolean succeeded;

        @Override
        public void init() {
            startMillis = System.currentTimeMillis();
            // what DataX's parse of the job file hid from the parameter: the run must refuse it as validate does
            List<JsonProblem> hidden = DataxJobText.hiddenFrom(DataxJobText.WRITER);
            if (!hidden.isEmpty()) {
                throw new DataXException(WriterErrorCode.CONFIG_INVALID, Problems.render("csvyearwriter: invalid job parameter", hidden));
            }
            spec = WriterSpec.forJob(getPluginJobConf(), getPeerPluginName(), getPeerPluginJobConf(), Paths.get(""));
        }

        @Override
        public void prepare() {
            createdPath = !Files.exists(spec.path());
            OutputFolder.ensureUsable(spec.path());
            Path state = spec.stateDir();
            // before anything is created in it: no checkpoint, temp or part file is written elsewhere through a link
            OutputRoot.of(spec.path()).checkBookkeeping(state, state.resolve(StateDir.LOCK), CheckpointLog.fileIn(state),
                    state.resolve(StateDir.MANIFEST), spec.tmpDir(), state.resolve(FileParts.DIR));
            createdState = !Files.exists(state);
            try {
                Files.createDirectories(state);
                lock = StateLock.acquire(state.resolve(StateDir.LOCK));
                OutputFolder.deleteTree(spec.tmpDir());
                Files.createDirectories(spec.tmpDir());
                JobFingerprint fingerprint = fingerprint();
                if (spec.resume() && CheckpointLog.exists(state)) {
                    // read once for the whole of prepare, split and the reader's split
                    checkpoint = CheckpointSnapshot.load(state);
                    Map<String, String> previous = checkpoint.fingerprint();
                    List<String> changed = fingerprint.changedComponents(previous);
                    if (!changed.isEmpty()) {
                        throw new DataXException(WriterErrorCode.RESUME_REFUSED, "resume refused: the job changed since "
                                + CheckpointLog.fileIn(state) + " was written; changed: " + changed + JobFingerprint.olderVersionNote(previous)
                                + ". To start over, run with \"resume\": false (writeMode " + spec.writeMode().text()
                                + " then applies to every file) or delete " + state + ".");
                    }
                    Map<String, FileLine> committed = checkpoint.committed();
                    refuseDamagedCommittedFiles(committed, state);
                    int stale = StalePartFiles.remove(state, checkpoint.pendingParts().values());
                    if (stale > 0) {
                        LOG.info("removed {} part file(s) the checkpoint no longer needs (their files are committed, or no"
                                + " part line records them)", stale);
                    }
                    if (!spec.incremental()) {
                        unitsBeforeRun = new HashSet<>(committed.keySet());
                        CommittedBeforeRun.write(spec.tmpDir(), unitsBeforeRun);
                        LOG.info("resuming: {} file units already committed in {}", unitsBeforeRun.size(), state);
                    }
                } else {
                    // part files belong to the checkpoint that recorded them: a fresh one starts without
                    OutputFolder.deleteTree(state.resolve(FileParts.DIR));
                    CheckpointLog.create(state, fingerprint.components()).close();
                    checkpoint = CheckpointSnapshot.created(state, new HeaderLine(CheckpointLog.VERSION, fingerprint.components()));
                }
                if (spec.incremental()) {
                    // decided before anything is written: a refused window leaves files and ledger as they are
                    incremental = IncrementalRun.prepare(checkpoint.ledger(), spec.tmpDir(), spec.reader().windowRequest(),
                            spec.options().allowGaps());
                    unitsBeforeRun = new HashSet<>(incremental.unitsBeforeRun());
                    CommittedBeforeRun.write(spec.tmpDir(), unitsBeforeRun);
                }
                if (spec.writeMode() == WriteMode.NONCONFLICT) {
                    Set<String> ours = new HashSet<>();
                    for (FileLine e : checkpoint.committed().values()) {
                        ours.add(e.file());
                    }
                    List<String> existing = OutputFolder.matching(spec.path(), spec.fileName().regexFor(spec.table()), ours);
                    if (!existing.isEmpty()) {
                        throw new DataXException(WriterErrorCode.TARGET_EXISTS, "writeMode nonConflict: " + existing.size()
                                + " file(s) in parameter.path = \"" + spec.path() + "\" match parameter.fileName = \""
                                + spec.fileName() + "\" for table " + spec.table() + ", e.g. "
                                + existing.subList(0, Math.min(5, existing.size()))
                                + "; move them away or use writeMode truncate/append");
                    }
                }
                settleProvenIntents(state);
                // the reader's split plans from the same snapshot (DataX runs this prepare before it)
                checkpoint.writeHandover(spec.tmpDir());
            } catch (CheckpointDamaged e) {
                releaseLock();
                throw new DataXException(WriterErrorCode.RESUME_REFUSED, "resume refused: " + e.getMessage());
            } catch (IOException e) {
                discardIfNothingCommitted(false);
                releaseLock();
                throw new DataXException(WriterErrorCode.PATH_INVALID, "cannot prepare state dir " + state + ": " + e);
            } catch (RuntimeException e) {
                discardIfNothingCommitted(false);
                releaseLock();
                throw e;
            }
        }

        /**
         * Once the run is allowed: the intents whose final file proves them (a kill cut off their commit
         * line) get their commit line, so no later phase or run hashes their files again, and the ledger
         * never depends on files that later windows change.
         */
        private void settleProvenIntents(Path state) throws IOException {
            List<FileLine> proven = checkpoint.provenIntents();
            if (proven.isEmpty()) {
                return;
            }
            try (CheckpointLog log = CheckpointLog.open(state)) {
                for (FileLine e : proven) {
                    log.append(e);
                }
                checkpoint = checkpoint.with(log.appended());
            }
            LOG.info("recorded the commit line of {} file(s) renamed before a stop cut their commit line off", proven.size());
        }

        /** Resume must not skip a unit whose file is gone or changed: refuse before anything is written. */
        private void refuseDamagedCommittedFiles(Map<String, FileLine> committed, Path state) throws IOException {
            List<String> damaged = CommittedFilesCheck.damaged(spec.path(), committed.values(), spec.verifyCommitted());
            if (damaged.isEmpty()) {
                return;
            }
            int shown = Math.min(20, damaged.size());
            throw new DataXException(WriterErrorCode.RESUME_REFUSED, "resume refused: " + damaged.size() + " of the "
                    + committed.size() + " file(s) committed earlier (" + CheckpointLog.fileIn(state) + ") are missing or"
                    + " changed (parameter.verifyCommitted = " + spec.verifyCommitted().text() + "): "
                    + damaged.subList(0, shown) + (shown < damaged.size() ? " and " + (damaged.size() - shown) + " more" : "")
                    + ". Resuming would skip them and leave their rows out. Nothing was written. Fix: restore those"
                    + " files as they were committed, or start over: run once with \"resume\": false (writeMode "
                    + spec.writeMode().text() + " then applies to every file"
                    + (spec.writeMode() == WriteMode.APPEND ? "; with append, first remove the files this job"
                    + " wrote, or their rows are appended twice" : "") + ") or delete " + state + ".");
        }

        /**
         * A run that fails before any file was committed (e.g. the reader rejects a task key after
         * this prepare ran) leaves the output folder as it found it: no state dir, no empty
         * {@code .otsrange/}, no folder it created. Only a state dir this run created, and only
         * while we hold its lock: earlier runs' state and that of concurrent runs are never touched.
         */
        private void discardIfNothingCommitted(boolean tasksRan) {
            if (lock == null || spec == null || !createdState) {
                return;
            }
            Path state = spec.stateDir();
            try {
                // the intent rule decides: an intent whose rename never happened (the task was
                // stopped between the two) committed nothing
                // recorded parts are progress too: a resumed run reads only the parts still missing.
                // Tasks may have appended lines since prepare read the checkpoint: then read it again
                CheckpointSnapshot now = tasksRan || checkpoint == null ? CheckpointSnapshot.load(state) : checkpoint;
                if (CheckpointLog.exists(state) && now.hasProgress()) {
                    return;
                }
                OutputFolder.deleteTree(state);
                deleteIfEmpty(state.getParent());
                if (createdPath) {
                    deleteIfEmpty(spec.path());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove the unused state dir {}: {}", state, e.toString());
            }
        }

        private static void deleteIfEmpty(Path dir) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // not empty (another shard, or the user's files): keep it
            }
        }

        /** Only with otsrangereader: resume and the checkpoint's fingerprint are driven by its parameter. */
        private JobFingerprint fingerprint() {
            return spec.reader() == null ? JobFingerprint.fromComponents(Collections.<String, String>emptyMap())
                    : JobFingerprint.of(spec.reader(), spec.options(), Paths.get(""));
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            if (incremental != null) {
                // after the reader's split, which handed its restatements over in tmp/
                try {
                    restatements = Restatements.split(spec, incremental, checkpoint.ledger());
                } catch (IOException e) {
                    throw new DataXException(WriterErrorCode.WRITE_FAILED, "cannot plan the restatements in " + spec.tmpDir() + ": " + e);
                }
            }
            Map<String, Object> resolved = spec.factsForTasks();
            List<Configuration> out = new ArrayList<>(mandatoryNumber);
            for (int i = 0; i < mandatoryNumber; i++) {
                Configuration c = getPluginJobConf().clone();
                c.set(WriterSpec.RESOLVED, resolved);
                c.set(WriterParams.TASK_INDEX.name(), i);
                c.set(CommittedBeforeRun.COUNT_KEY, unitsBeforeRun.size());
                if (incremental != null) {
                    incremental.toTask(c);
                    c.set(RestatePlan.COUNT_KEY, restatements == null ? 0 : restatements.unitCount());
                }
                out.add(c);
            }
            return out;
        }

        @Override
        public void post() {
            try {
                // read once, after every task: what post joins, settles and lists; its own lines are added in memory
                CheckpointSnapshot after = CheckpointSnapshot.load(spec.stateDir());
                try (CheckpointLog log = CheckpointLog.open(spec.stateDir())) {
                    if (!spec.paired()) {
                        int n = new TaskParts(spec, new Committer(spec.path(), log)).joinAll();
                        LOG.info("joined task parts into {} file(s)", n);
                    } else if (incremental == null) {
                        // before the manifest, which then lists the joined files like any other
                        int n = new UnitParts(spec, new Committer(spec.path(), log)).joinAll(after.pendingParts());
                        if (n > 0) {
                            LOG.info("joined the parts of {} file(s) read in parts", n);
                        }
                    }
                    if (restatements != null) {
                        // before windowDone: the stream position goes in only once every restatement is committed
                        restatements.post(spec, log, incremental.decision().window(), incremental.literal());
                    }
                    if (incremental != null) {
                        incremental.post(log);
                    }
                    after = after.with(log.appended());
                }
                Manifest.write(spec, after, unitsBeforeRun, incremental, restatements, startMillis, System.currentTimeMillis());
                OutputFolder.deleteTree(spec.tmpDir());
                succeeded = true;
            } catch (IOException e) {
                throw new DataXException(WriterErrorCode.WRITE_FAILED, "finishing the output in " + spec.path() + " failed: " + e);
            } finally {
                releaseLock();
            }
        }

        @Override
        public void destroy() {
            if (!succeeded) {
                discardIfNothingCommitted(true);
            }
            releaseLock();
        }

        private void releaseLock() {
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }

    public static class Task extends Writer.Task {
        private WriterSpec spec;
        private CheckpointLog log;
        private RecordSink sink;

        @Override
        public void init() {
            spec = WriterSpec.forTask(getPluginJobConf());
            try {
                log = CheckpointLog.open(spec.stateDir());
            } catch (IOException e) {
                throw new DataXException(WriterErrorCode.WRITE_FAILED, "cannot open checkpoint in " + spec.stateDir()
                        + " (did the writer Job's prepare run?): " + e);
            }
            if (spec.paired()) {
                Set<String> before = spec.resume()
                        ? CommittedBeforeRun.load(spec.tmpDir(), getPluginJobConf().getInt(CommittedBeforeRun.COUNT_KEY, 0))
                        : Collections.<String>emptySet();
                IncrementalRun.TaskWindow window = IncrementalRun.fromTask(getPluginJobConf(), spec.tmpDir());
                RestatePlan restate = window == null ? null
                        : RestatePlan.load(spec.tmpDir(), getPluginJobConf().getInt(RestatePlan.COUNT_KEY, 0));
                sink = new PairedSink(spec, new Committer(spec.path(), log, window == null ? null : window.window()),
                        spec.taskIndex(), before, window, restate);
            } else {
                sink = new GenericSink(spec, spec.taskIndex());
            }
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            boolean done = false;
            try {
                Record r;
                while ((r = receiver.getFromReader()) != null) {
                    String why = sink.accept(r);
                    if (why != null) {
                        getTaskPluginCollector().collectDirtyRecord(r, why);
                    }
                }
                sink.finish();
                done = true;
            } catch (IOException e) {
                throw new DataXException(WriterErrorCode.WRITE_FAILED, "writing under " + spec.path() + " failed: " + e);
            } finally {
                if (!done) {
                    sink.abort();
                }
            }
        }

        @Override
        public void destroy() {
            if (log != null) {
                try {
                    log.close();
                } catch (IOException ignored) {
                    // every line was fsynced when written
                }
            }
        }
    }
}
