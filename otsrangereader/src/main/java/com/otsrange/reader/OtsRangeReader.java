package com.otsrange.reader;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.DataxJobText;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.ParameterMap;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.SpecResult;
import com.otsrange.reader.convert.UnitReader;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.TaskPlans;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.SdkGateway;
import com.otsrange.reader.task.TaskUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DataX reader: exports TableStore rows by (partition key x time) with BulkExport or GetRange. Parameters and
 * behaviour: docs/reader.md; record layout and file-ownership rule: docs/DESIGN.md.
 */
public class OtsRangeReader extends Reader {

    public static class Job extends Reader.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);
        private ReaderSpec spec;
        /** csvyearwriter's view of its parameter, parsed once in init; null when it is invalid (see split). */
        private WriterPeer writer;
        private Plan plan;
        private OtsGateway gateway;

        @Override
        public void init() {
            // what DataX's parse of the job file hid from the parameter: the run must refuse it as validate does
            List<JsonProblem> hidden = DataxJobText.hiddenFrom(DataxJobText.READER);
            if (!hidden.isEmpty()) {
                throw SpecResult.invalidParameter(OtsRangeReaderErrorCode.INVALID_CONFIG, hidden);
            }
            // validate everything before anything talks to TableStore
            spec = ReaderSpecParser.parse(ParameterMap.of(getPluginJobConf()), workingDir()).orThrow(OtsRangeReaderErrorCode.INVALID_CONFIG);
            // DataX hands the reader Job its peer's parameter before init: the file period and the mode are known now
            writer = WriterPeer.ifValid(getPeerPluginName(), writerParameter(), workingDir());
            ReaderPlanning.checkWithWriter(spec, writer);
        }

        private Map<String, Object> writerParameter() {
            Configuration peer = getPeerPluginJobConf();
            return peer == null ? null : ParameterMap.of(peer);
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            if (writer == null) {
                // csvyearwriter's Job refuses its invalid parameter first; should a run get here, refuse it too
                writer = WriterPeer.of(getPeerPluginName(), writerParameter(), workingDir());
            }
            int channels = Math.max(1, adviceNumber);
            // kept open until destroy(): the tasks run in this JVM and share its SDK client, so
            // holding it keeps one client alive for the whole job instead of one per wave of tasks
            gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning());
            plan = ReaderPlanning.plan(spec, gateway, writer, workingDir(), channels, ReaderPlanning.WRITER_HANDOVER);
            ReaderPlanning.handOver(spec, writer, plan);
            List<Configuration> out = new ArrayList<>(plan.groups().size());
            for (List<Unit> group : plan.groups()) {
                out.add(Configuration.from(TaskPlanCodec.encode(TaskPlans.of(spec, plan, group))));
            }
            LOG.info("split into {} task(s) for advice {}", out.size(), adviceNumber);
            return out;
        }

        /** Runs only when every task succeeded: the line users look for after a resumed run. */
        @Override
        public void post() {
            if (plan != null) {
                LOG.info("otsrangereader summary: {} file unit(s) exported by this run{}{}, {} skipped as already committed"
                                + " (resume), {} of {} task key(s) in shard {}", plan.unitCount(),
                        plan.partCount() == 0 ? "" : " (" + plan.unitsInParts() + " of them read in " + plan.partCount()
                                + " parts by several tasks, joined by csvyearwriter at the end)",
                        plan.unitsRestated() == 0 ? "" : " (" + plan.unitsRestated() + " of them restated: read again from a"
                                + " committed window on, changes " + spec.changes() + ")",
                        plan.unitsSkipped(), plan.keysInShard(), plan.keysTotal(), spec.shard().tag());
            }
        }

        @Override
        public void destroy() {
            if (gateway != null) {
                gateway.close();
                gateway = null;
            }
        }

        private static Path workingDir() {
            return Paths.get("").toAbsolutePath();
        }
    }

    public static class Task extends Reader.Task {
        private static final Logger LOG = LoggerFactory.getLogger(Task.class);
        private TaskPlan plan;
        private TaskUnits units;
        private SdkGateway gateway;

        @Override
        public void init() {
            plan = TaskPlanCodec.decode(ParameterMap.of(getPluginJobConf()));
            units = TaskUnits.of(plan);
        }

        @Override
        public void startRead(RecordSender sender) {
            if (units.units.isEmpty()) {
                return;
            }
            gateway = new SdkGateway(plan.connection, plan.table, plan.tuning);
            UnitReader reader = new UnitReader(plan, units, gateway.pages(plan.tuning.readApi(), plan.tuning.pageSize()), true);
            long records = reader.readAll(sender);
            sender.flush();
            LOG.info("task {}: {} unit(s), {} record(s), {} retried request(s)", getTaskId(), units.units.size(), records,
                    gateway.retries());
        }

        @Override
        public void destroy() {
            if (gateway != null) {
                gateway.close();
            }
        }
    }
}
