package com.otsrange.runner;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test writer. parameter: runId, extraTasks (split returns mandatory + extraTasks), dirtyEvery
 * (writer-side dirty records by sequence number), stallTask (that task never reads: blocks its reader),
 * failTask (writer task throws a RuntimeException on its first record).
 */
public class TestWriter extends Writer {

    public static class Job extends Writer.Job {
        private TestLog log;
        private Configuration conf;

        @Override
        public void init() {
            conf = getPluginJobConf();
            log = TestLog.of(conf.getString("runId"));
            log.event("writer.job.init");
            log.facts.put("writer.job.peerConf", String.valueOf(getPeerPluginJobConf()));
            log.facts.put("writer.job.peerName", String.valueOf(getPeerPluginName()));
        }

        @Override
        public void prepare() {
            log.event("writer.job.prepare");
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            log.event("writer.job.split");
            log.facts.put("mandatoryNumber", mandatoryNumber);
            List<Configuration> result = new ArrayList<>();
            for (int i = 0; i < mandatoryNumber + conf.getInt("extraTasks", 0); i++) {
                result.add(conf.clone());
            }
            return result;
        }

        @Override
        public void post() {
            log.event("writer.job.post");
        }

        @Override
        public void destroy() {
            log.event("writer.job.destroy");
        }
    }

    public static class Task extends Writer.Task {
        private TestLog log;
        private Configuration conf;

        @Override
        public void init() {
            conf = getPluginJobConf();
            log = TestLog.of(conf.getString("runId"));
            log.event("writer.task[" + getTaskId() + "].init");
        }

        @Override
        public void prepare() {
            log.event("writer.task[" + getTaskId() + "].prepare");
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            log.event("writer.task[" + getTaskId() + "].startWrite");
            if (getTaskId() == conf.getInt("stallTask", -1)) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("stopped", e);
                }
            }
            List<String> seen = log.received.computeIfAbsent(getTaskId(), k -> new CopyOnWriteArrayList<>());
            int dirtyEvery = conf.getInt("dirtyEvery", 0);
            Record record;
            while ((record = receiver.getFromReader()) != null) {
                if (getTaskId() == conf.getInt("failTask", -1)) {
                    throw new IllegalStateException("writer task " + getTaskId() + " broke");
                }
                long n = record.getColumn(1).asLong();
                seen.add(record.getColumn(0).asLong() + ":" + n + ":" + record.getMeta().get("task"));
                if (dirtyEvery > 0 && n % dirtyEvery == 0) {
                    getTaskPluginCollector().collectDirtyRecord(record, new IllegalArgumentException("bad row " + n),
                            "writer rejects " + n);
                }
            }
        }

        @Override
        public void post() {
            log.event("writer.task[" + getTaskId() + "].post");
        }

        @Override
        public void destroy() {
            log.event("writer.task[" + getTaskId() + "].destroy");
        }
    }
}
