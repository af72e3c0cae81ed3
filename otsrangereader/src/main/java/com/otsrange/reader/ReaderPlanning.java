package com.otsrange.reader;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.Period;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.StateDir;
import com.otsrange.reader.config.Problems;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.Planner;
import com.otsrange.reader.plan.SpecBinder;
import com.otsrange.reader.scan.OtsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Job-side planning shared by {@code Job.split()} and {@code bin/otsrange plan}: check the table,
 * type the tasks, learn the file period and committed units from the writer, plan.
 */
public final class ReaderPlanning {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderPlanning.class);

    private ReaderPlanning() {
    }

    /**
     * @param writerName      the peer writer's plugin name (null if unknown)
     * @param writerFileName  the writer's {@code fileName} parameter (null = default)
     * @param writerPath      the writer's {@code path} parameter (null if none)
     * @param maxTasks        upper bound on DataX tasks (adviceNumber x splitFactor)
     */
    public static Plan plan(ReaderSpec spec, OtsGateway gateway, String writerName, String writerFileName, String writerPath,
                            Path workingDir, int maxTasks) {
        Problems problems = new Problems();
        TableSchema schema = SpecBinder.schema(spec, gateway.primaryKey(spec.table()), problems);
        if (schema == null || !problems.isEmpty()) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.TABLE_MISMATCH,
                    Problems.render("otsrangereader: the job does not fit table " + spec.table(), problems.list()));
        }
        List<BoundTask> tasks = SpecBinder.tasks(spec, schema);
        boolean pairedWriter = RecordLayout.WRITER_NAME.equals(writerName);
        Period period = pairedWriter ? Period.finestIn(writerFileName == null ? RecordLayout.DEFAULT_FILE_NAME : writerFileName)
                : Period.YEAR;
        Set<String> committed = Collections.emptySet();
        if (spec.resume()) {
            if (!pairedWriter || writerPath == null) {
                LOG.warn("resume=true is ignored: it needs {} (with its path) as the writer, not {}", RecordLayout.WRITER_NAME, writerName);
            } else {
                Path stateDir = StateDir.of(workingDir.resolve(writerPath).normalize(), spec.table(), spec.shard());
                try {
                    committed = CheckpointLog.committedUnits(stateDir);
                } catch (IOException | RuntimeException e) {
                    throw DataXException.asDataXException(OtsRangeReaderErrorCode.RESUME_STATE,
                            "cannot read the checkpoint in " + stateDir + " (" + e.getMessage() + "); to start over set resume to false"
                                    + " or delete that folder", e);
                }
            }
        }
        Plan plan = new Planner(spec, schema, gateway).plan(tasks, period, committed, maxTasks);
        LOG.info("plan: table {}, {} of {} keys in shard {}, {} units ({} period, slices by {}), {} skipped as committed, {} tasks",
                spec.table(), plan.keysInShard(), plan.keysTotal(), spec.shard().tag(), plan.unitCount(), period.text(),
                plan.sliceBy().text(), plan.unitsSkipped(), plan.groups().size());
        return plan;
    }
}
