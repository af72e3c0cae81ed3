package com.otsrange.reader;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.FileParts;
import com.otsrange.common.PendingParts;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Period;
import com.otsrange.common.Problems;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.RestateFile;
import com.otsrange.common.StateDir;
import com.otsrange.common.WindowLedger;
import com.otsrange.reader.changes.Changes;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.SpecResult;
import com.otsrange.reader.config.WindowRequest;
import com.otsrange.reader.config.WindowWidth;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.FileCuts;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.Planner;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.plan.SpecBinder;
import com.otsrange.reader.plan.WindowPlan;
import com.otsrange.reader.scan.OtsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job-side planning shared by {@code Job.split()} and {@code bin/otsrange plan}: check the table,
 * type the tasks, learn the file period and committed units from the writer, plan.
 */
public final class ReaderPlanning {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderPlanning.class);

    private ReaderPlanning() {
    }

    /** Where planning gets the writer's checkpoint from (resume), given the state dir. */
    public interface CheckpointSource {
        CheckpointSnapshot read(Path stateDir) throws IOException;
    }

    /** Reads the state dir's checkpoint itself: {@code bin/otsrange plan}, and tests that plan without a writer. */
    public static final CheckpointSource STATE_DIR = CheckpointSnapshot::load;

    /**
     * The reader Job's split: DataX has run the writer Job's prepare, which read the checkpoint and handed
     * its snapshot over in the state dir's {@code tmp/}; this reads that instead of the log (no hashing).
     * Without one (it should not happen) the log is read here, and the log says why.
     */
    public static final CheckpointSource WRITER_HANDOVER = stateDir -> {
        CheckpointSnapshot s = CheckpointSnapshot.handedOver(stateDir.resolve(StateDir.TMP));
        if (s != null) {
            return s;
        }
        LOG.info("checkpoint: the writer's prepare handed over no snapshot in {} (did it run before this split?): reading"
                + " the checkpoint here", stateDir.resolve(StateDir.TMP));
        return CheckpointSnapshot.load(stateDir);
    };

    /**
     * @param writer   what the reader knows of its writer (file period, output path)
     * @param channels the job's channels (DataX's adviceNumber); tasks are at most channels x the spec's splitFactor
     */
    public static Plan plan(ReaderSpec spec, OtsGateway gateway, WriterPeer writer, Path workingDir, int channels,
                            CheckpointSource checkpoint) {
        return plan(spec, gateway, writer, workingDir, channels, spec.tuning().splitFactor(), checkpoint);
    }

    /** Reading the checkpoint from the state dir ({@link #STATE_DIR}), with another splitFactor than the spec's. */
    public static Plan plan(ReaderSpec spec, OtsGateway gateway, WriterPeer writer, Path workingDir, int channels, int splitFactor) {
        return plan(spec, gateway, writer, workingDir, channels, splitFactor, STATE_DIR);
    }

    /** Reading the checkpoint from the state dir ({@link #STATE_DIR}). */
    public static Plan plan(ReaderSpec spec, OtsGateway gateway, WriterPeer writer, Path workingDir, int channels) {
        return plan(spec, gateway, writer, workingDir, channels, spec.tuning().splitFactor(), STATE_DIR);
    }

    /**
     * @param checkpoint where the writer's checkpoint is read from when the spec resumes
     */
    public static Plan plan(ReaderSpec spec, OtsGateway gateway, WriterPeer writer, Path workingDir, int channels, int splitFactor,
                            CheckpointSource checkpoint) {
        requireChangesFit(spec, writer);
        Problems problems = new Problems();
        TableSchema schema = SpecBinder.schema(spec, gateway.primaryKey(spec.table()), problems);
        if (schema == null || !problems.isEmpty()) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.TABLE_MISMATCH,
                    Problems.render("otsrangereader: the job does not fit table " + spec.table(), problems.list()));
        }
        List<BoundTask> tasks = SpecBinder.tasks(spec, schema);
        Period period = writer.filePeriod();
        Set<String> committed = Collections.emptySet();
        Map<String, List<FileParts.Part>> partsToRedo = Collections.emptyMap();
        WindowPlan incremental = null;
        WindowLedger ledger = null;
        Path stateDir = null;
        if (spec.resume()) {
            if (!writer.isCsvYearWriter() || writer.path() == null) {
                // silently re-exporting everything would duplicate rows under an appending writer
                throw DataXException.asDataXException(OtsRangeReaderErrorCode.RESUME_STATE,
                        "parameter.resume is true, but the writer is " + writer.describe() + ": resume needs "
                                + RecordLayout.WRITER_NAME + " (its path holds the checkpoint); set resume to false or write with "
                                + RecordLayout.WRITER_NAME);
            } else {
                stateDir = StateDir.of(writer.path(), spec.table(), spec.shard());
                try {
                    CheckpointSnapshot snapshot = checkpoint.read(stateDir);
                    if (writer.incremental(spec.resume())) {
                        ledger = snapshot.ledger();
                        incremental = window(spec, ledger, writer.allowGaps());
                        committed = incremental.decision().committedUnits();
                    } else {
                        committed = snapshot.committedUnits();
                        partsToRedo = partsToRedo(stateDir, snapshot.pendingParts());
                    }
                } catch (DataXException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    throw DataXException.asDataXException(OtsRangeReaderErrorCode.RESUME_STATE,
                            "cannot read the checkpoint in " + stateDir + " (" + e.getMessage() + "); to start over set resume to false"
                                    + " or delete that folder", e);
                }
            }
        }
        if (incremental != null && !spec.changes().ignores()) {
            // before any table read of the run: a row changed later is read by it or seen by the next run
            incremental = incremental.with(new Changes(spec, schema, tasks, period, gateway, stateDir)
                    .read(ledger, incremental.decision(), System.currentTimeMillis()));
        }
        // only csvyearwriter joins parts, and an incremental window appends to files instead
        FileCuts cuts = new FileCuts(writer.isCsvYearWriter() && incremental == null, partsToRedo);
        Plan plan = new Planner(spec, schema, gateway).plan(tasks, period, committed, channels, splitFactor, incremental, cuts);
        LOG.info("plan: table {}, {} of {} keys in shard {}, {} units ({} period, slices by {}), {} skipped as committed, {} tasks{}",
                spec.table(), plan.keysInShard(), plan.keysTotal(), spec.shard().tag(), plan.unitCount(), period.text(),
                plan.sliceBy().text(), plan.unitsSkipped(), plan.groups().size(),
                plan.unitsRestated() == 0 ? "" : ", " + plan.unitsRestated() + " of the units restated");
        return plan;
    }

    /**
     * What the reader refuses once it knows its writer's parameter, before the writer Job prepares
     * anything: a sort-key window too wide for the writer's file period ({@link WindowWidth}, each
     * problem carrying OtsRangeReader-07), else {@code changes} outside incremental mode
     * ({@link #requireChangesFit}, no code: OtsRangeReader-01). The reader Job's init refuses them
     * ({@link #checkWithWriter}), {@code validate} lists them.
     *
     * @param writer {@link WriterPeer#ifValid}: null when csvyearwriter's parameter is invalid (its own
     *               Job refuses that; the file period is then taken as a year and changes are not judged)
     */
    public static List<JsonProblem> problemsWithWriter(ReaderSpec spec, WriterPeer writer) {
        List<JsonProblem> out = new ArrayList<>();
        for (JsonProblem p : WindowWidth.problems(spec, writer == null ? Period.YEAR : writer.filePeriod())) {
            out.add(new JsonProblem(p.path(), p.message(), OtsRangeReaderErrorCode.UNBOUNDED_TIME));
        }
        JsonProblem changes = out.isEmpty() ? changesProblem(spec, writer) : null;
        if (changes != null) {
            out.add(changes);
        }
        return out;
    }

    /**
     * The reader Job's init, once DataX has handed it the writer's parameter: refuses
     * {@link #problemsWithWriter} with their code.
     */
    public static void checkWithWriter(ReaderSpec spec, WriterPeer writer) {
        List<JsonProblem> problems = problemsWithWriter(spec, writer);
        if (problems.isEmpty()) {
            return;
        }
        if (problems.get(0).code() == OtsRangeReaderErrorCode.UNBOUNDED_TIME) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.UNBOUNDED_TIME,
                    Problems.render("otsrangereader: the sort-key window cannot be planned", problems));
        }
        throw SpecResult.invalidParameter(OtsRangeReaderErrorCode.INVALID_CONFIG, problems);
    }

    /**
     * {@code changes} other than ignore needs incremental mode ({@link ReaderSpec#changesProblem},
     * OtsRangeReader-01 naming parameter.changes): the reader Job's init, its split and {@code plan}
     * refuse alike; {@code validate} and csvyearwriter's view of the reader's parameter report the
     * same problem. Nothing to judge when csvyearwriter's parameter is invalid ({@code writer} null):
     * its own Job refuses that.
     */
    public static void requireChangesFit(ReaderSpec spec, WriterPeer writer) {
        JsonProblem p = changesProblem(spec, writer);
        if (p != null) {
            throw SpecResult.invalidParameter(OtsRangeReaderErrorCode.INVALID_CONFIG, Collections.singletonList(p));
        }
    }

    private static JsonProblem changesProblem(ReaderSpec spec, WriterPeer writer) {
        return writer == null ? null : spec.changesProblem(writer.incremental(spec.resume()));
    }

    /**
     * The reader Job's one hand-over to the writer Job ({@code tmp/restate.json} in the writer's state
     * dir, {@link RestateFile}) when the run restates (changes other than ignore); nothing otherwise.
     * Written after planning, before any task reads; the writer Job's prepare emptied tmp/ before.
     */
    public static void handOver(ReaderSpec spec, WriterPeer writer, Plan plan) {
        Restatement r = plan.window() == null ? null : plan.window().restatement();
        if (r == null) {
            return;
        }
        Path tmp = StateDir.of(writer.path(), spec.table(), spec.shard()).resolve(StateDir.TMP);
        try {
            r.handOver(plan.groups()).write(tmp);
        } catch (IOException e) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.RESUME_STATE, "cannot write " + RestateFile.fileIn(tmp)
                    + " for the writer (" + e.getMessage() + ")", e);
        }
    }

    /** Resume: units read in parts by an earlier run -> the parts it did not record (or whose part file is gone). */
    private static Map<String, List<FileParts.Part>> partsToRedo(Path stateDir, Map<String, PendingParts> pending) {
        Map<String, List<FileParts.Part>> out = new LinkedHashMap<>();
        for (PendingParts p : pending.values()) {
            out.put(p.unit, p.missing(stateDir));
        }
        if (!out.isEmpty()) {
            LOG.info("resuming {} file(s) read in parts: {}", out.size(), out);
        }
        return out;
    }

    /**
     * Incremental mode: the writer Job's prepare has decided this run's window from the ledger
     * (and refused it if it had to); the same rules on the same ledger give the same decision here.
     */
    private static WindowPlan window(ReaderSpec spec, WindowLedger ledger, boolean allowGaps) {
        WindowRequest request = spec.windowRequest();
        WindowLedger.Decision decision = request.decide(ledger, allowGaps, why -> DataXException.asDataXException(
                OtsRangeReaderErrorCode.INVALID_CONFIG, "incremental mode (writer writeMode append with resume true) needs the"
                        + " run's window in the sort key's bounds: " + why));
        if (decision.kind() == WindowLedger.Decision.Kind.REFUSED) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.WINDOW_REFUSED, "incremental mode: " + decision.message());
        }
        LOG.info("incremental mode ({}): {}", decision.label(), decision.message());
        return new WindowPlan(decision, ledger.committed(), ledger.watermark(), request.literal());
    }
}
