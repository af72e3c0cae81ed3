package com.otsrange.runner;

import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Test reader. parameter: runId, tasks (default adviceNumber), records (per task, or recordsPerTask
 * list), sleepMillis (per task, while "reading"), failTask + failAt (throw TestPlugin-07 at that record),
 * dirtyEvery (reader-side dirty records).
 */
public class TestReader extends Reader {

    public static class Job extends Reader.Job {
        private TestLog log;
        private Configuration conf;

        @Override
        public void init() {
            conf = getPluginJobConf();
            log = TestLog.of(conf.getString("runId"));
            log.event("reader.job.init");
            log.facts.put("reader.job.peerConf", String.valueOf(getPeerPluginJobConf()));
            log.facts.put("reader.job.peerName", String.valueOf(getPeerPluginName()));
            log.facts.put("reader.job.pluginName", String.valueOf(getPluginName()));
            log.facts.put("reader.job.collector", getJobPluginCollector() != null);
        }

        @Override
        public void prepare() {
            log.event("reader.job.prepare");
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            log.event("reader.job.split");
            log.facts.put("adviceNumber", adviceNumber);
            int tasks = conf.getInt("tasks", adviceNumber);
            List<Configuration> result = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                Configuration task = conf.clone();
                task.set("taskIndex", i);
                result.add(task);
            }
            return result;
        }

        @Override
        public void post() {
            log.event("reader.job.post");
            log.facts.put("messages", getJobPluginCollector().getMessage());
        }

        @Override
        public void destroy() {
            log.event("reader.job.destroy");
        }
    }

    public static class Task extends Reader.Task {
        private TestLog log;
        private Configuration conf;
        private int index;

        @Override
        public void init() {
            conf = getPluginJobConf();
            log = TestLog.of(conf.getString("runId"));
            index = conf.getInt("taskIndex");
            log.event("reader.task[" + index + "].init");
            log.facts.put("reader.task[" + index + "].ids", getTaskId() + "/" + getTaskGroupId());
            log.facts.put("reader.task[" + index + "].peer", String.valueOf(getPeerPluginJobConf()) + "/"
                    + getPeerPluginName());
        }

        @Override
        public void prepare() {
            log.event("reader.task[" + index + "].prepare");
        }

        @Override
        public void startRead(RecordSender sender) {
            log.event("reader.task[" + index + "].startRead");
            log.readerStarted();
            try {
                long records = conf.getList("recordsPerTask") != null
                        ? ((Number) conf.getList("recordsPerTask").get(index)).longValue()
                        : conf.getLong("records", 10L);
                int failTask = conf.getInt("failTask", -1);
                long failAt = conf.getLong("failAt", 0L);
                int dirtyEvery = conf.getInt("dirtyEvery", 0);
                Map<String, String> meta = Collections.singletonMap("task", String.valueOf(index));
                for (long n = 0; n < records; n++) {
                    if (index == failTask && n == failAt) {
                        throw DataXException.asDataXException(TestErrorCode.BOOM, "task " + index + " failed at " + n);
                    }
                    Record record = sender.createRecord();
                    record.addColumn(new LongColumn(index));
                    record.addColumn(new LongColumn(n));
                    record.addColumn(new StringColumn("row"));
                    record.setMeta(meta);
                    if (dirtyEvery > 0 && n % dirtyEvery == 0) {
                        getTaskPluginCollector().collectDirtyRecord(record, "reader says dirty " + n);
                        continue;
                    }
                    sender.sendToWriter(record);
                }
                sleep(conf.getLong("sleepMillis", 0L));
                getTaskPluginCollector().collectMessage("readerDone", String.valueOf(index));
            } finally {
                log.readerEnded();
            }
        }

        private static void sleep(long millis) {
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }

        @Override
        public void post() {
            log.event("reader.task[" + index + "].post");
        }

        @Override
        public void destroy() {
            log.event("reader.task[" + index + "].destroy");
        }
    }
}
