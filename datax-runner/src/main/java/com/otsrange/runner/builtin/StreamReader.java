package com.otsrange.runner.builtin;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * Built-in {@code streamreader}, compatible with DataX's stock one for {@code column} and
 * {@code sliceRecordCount}: every task produces sliceRecordCount records; split(n) returns n copies.
 * As the stock plugin, a record made only of constant columns is one instance sent repeatedly.
 */
public class StreamReader extends Reader {

    public static class Job extends Reader.Job {
        private Configuration conf;

        @Override
        public void init() {
            conf = getPluginJobConf();
            if (conf == null) {
                throw DataXException.asDataXException(StreamErrorCode.REQUIRED_VALUE,
                        "[job.content[0].reader.parameter] is required for streamreader.");
            }
            parseColumns(conf);
            Long count = conf.getLong("sliceRecordCount");
            if (count == null) {
                throw DataXException.asDataXException(StreamErrorCode.REQUIRED_VALUE,
                        "[parameter.sliceRecordCount] is required.");
            }
            if (count < 1) {
                throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE,
                        "[parameter.sliceRecordCount] must be at least 1, got " + count + ".");
            }
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            List<Configuration> tasks = new ArrayList<>();
            for (int i = 0; i < adviceNumber; i++) {
                tasks.add(conf.clone());
            }
            return tasks;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        private List<ColumnSpec> columns;
        private long count;

        @Override
        public void init() {
            columns = parseColumns(getPluginJobConf());
            count = getPluginJobConf().getLong("sliceRecordCount");
        }

        @Override
        public void startRead(RecordSender sender) {
            boolean constant = columns.stream().allMatch(ColumnSpec::constant);
            Record shared = constant ? build(sender, 0) : null;
            for (long n = 0; n < count; n++) {
                sender.sendToWriter(constant ? shared : build(sender, n));
            }
        }

        private Record build(RecordSender sender, long n) {
            Record record = sender.createRecord();
            for (ColumnSpec column : columns) {
                record.addColumn(column.build(n));
            }
            return record;
        }

        @Override
        public void destroy() {
        }
    }

    static List<ColumnSpec> parseColumns(Configuration conf) {
        List<Configuration> columns;
        try {
            columns = conf.getListConfiguration("column");
        } catch (ClassCastException e) {
            columns = null;
        }
        if (columns == null || columns.isEmpty()) {
            throw DataXException.asDataXException(StreamErrorCode.REQUIRED_VALUE,
                    "[parameter.column] is required: a list of {\"type\":..., \"value\"|\"random\"|\"incr\":...}.");
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!(columns.get(i).getInternal() instanceof java.util.Map)) {
                throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE,
                        "[parameter.column[" + i + "]] must be a JSON object.");
            }
            specs.add(ColumnSpec.parse(columns.get(i), "parameter.column[" + i + "]"));
        }
        return specs;
    }
}
