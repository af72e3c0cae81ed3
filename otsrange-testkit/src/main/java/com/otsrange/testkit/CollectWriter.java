package com.otsrange.testkit;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test writer: keeps every record (raw column values, meta, writer task) under the job's {@code sink} name. */
public class CollectWriter extends Writer {
    public static final class Captured {
        public final int task;
        public final List<Object> values;
        public final Map<String, String> meta;
        public final List<Column> columns;

        Captured(int task, List<Object> values, Map<String, String> meta, List<Column> columns) {
            this.task = task;
            this.values = values;
            this.meta = meta;
            this.columns = columns;
        }
    }

    private static final Map<String, List<Captured>> SINKS = new ConcurrentHashMap<>();
    /** Peer (reader) parameter seen by the writer job, per sink, for tests of the peer contract. */
    public static List<Captured> take(String sink) {
        List<Captured> l = SINKS.remove(sink);
        return l == null ? Collections.<Captured>emptyList() : l;
    }

    public static class Job extends Writer.Job {
        private Configuration conf;

        @Override
        public void init() {
            conf = getPluginJobConf();
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            List<Configuration> out = new ArrayList<>();
            for (int i = 0; i < mandatoryNumber; i++) {
                out.add(conf.clone());
            }
            return out;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Writer.Task {
        private String sink;

        @Override
        public void init() {
            sink = getPluginJobConf().getString("sink", "default");
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            List<Captured> mine = new ArrayList<>();
            Record r;
            while ((r = receiver.getFromReader()) != null) {
                List<Object> vals = new ArrayList<>();
                List<Column> cols = new ArrayList<>();
                for (int i = 0; i < r.getColumnNumber(); i++) {
                    Column c = r.getColumn(i);
                    cols.add(c);
                    Object raw = c.getRawData();
                    vals.add(raw instanceof java.math.BigInteger ? ((java.math.BigInteger) raw).longValue() : raw);
                }
                mine.add(new Captured(getTaskId(), vals, r.getMeta(), cols));
            }
            SINKS.computeIfAbsent(sink, k -> Collections.synchronizedList(new ArrayList<>())).addAll(mine);
        }

        @Override
        public void destroy() {
        }
    }
}
