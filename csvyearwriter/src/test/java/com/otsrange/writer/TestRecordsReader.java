package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generic reader (registered as {@value #NAME}) that sends given records as they are, one list
 * per task: records of any width, which DataX's streamreader cannot produce (its width is fixed
 * and known to the writer's validation).
 */
public class TestRecordsReader extends Reader {
    static final String NAME = "recordsreader";
    static final Map<String, List<List<List<Column>>>> SCENARIOS = new ConcurrentHashMap<>();

    public static class Job extends Reader.Job {
        @Override
        public void init() {
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            List<Configuration> out = new ArrayList<>();
            int tasks = SCENARIOS.get(getPluginJobConf().getString("scenario")).size();
            for (int i = 0; i < tasks; i++) {
                Configuration c = getPluginJobConf().clone();
                c.set("taskIndex", i);
                out.add(c);
            }
            return out;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        @Override
        public void init() {
        }

        @Override
        public void startRead(RecordSender sender) {
            Configuration p = getPluginJobConf();
            for (List<Column> columns : SCENARIOS.get(p.getString("scenario")).get(p.getInt("taskIndex"))) {
                Record r = sender.createRecord();
                for (Column c : columns) {
                    r.addColumn(c);
                }
                sender.sendToWriter(r);
            }
            sender.flush();
        }

        @Override
        public void destroy() {
        }
    }
}
