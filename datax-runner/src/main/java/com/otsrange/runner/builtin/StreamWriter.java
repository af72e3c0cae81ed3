package com.otsrange.runner.builtin;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in {@code streamwriter}: {@code print} true (default) writes each record to stdout as the
 * columns' asString() joined by {@code fieldDelimiter} (default tab); false reads and discards.
 */
public class StreamWriter extends Writer {

    public static class Job extends Writer.Job {
        private Configuration conf;

        @Override
        public void init() {
            conf = getPluginJobConf() == null ? Configuration.newDefault() : getPluginJobConf();
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            List<Configuration> tasks = new ArrayList<>();
            for (int i = 0; i < mandatoryNumber; i++) {
                tasks.add(conf.clone());
            }
            return tasks;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Writer.Task {
        private static final Object STDOUT_LOCK = new Object();
        private boolean print;
        private String delimiter;

        @Override
        public void init() {
            Configuration conf = getPluginJobConf();
            print = conf.getBool("print", true);
            delimiter = conf.getString("fieldDelimiter", "\t");
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            if (!print) {
                while (receiver.getFromReader() != null) {
                    // discard: the engine already counted it
                }
                return;
            }
            PrintStream stdout = System.out;
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            try {
                Record record;
                StringBuilder lines = new StringBuilder();
                while ((record = receiver.getFromReader()) != null) {
                    lines.append(line(record)).append(System.lineSeparator());
                    if (lines.length() > 8192) {
                        write(out, lines);
                    }
                }
                write(out, lines);
            } catch (IOException e) {
                throw DataXException.asDataXException(StreamErrorCode.WRITER_RUNTIME, "Cannot write to stdout: " + e);
            }
        }

        private static void write(BufferedWriter out, StringBuilder lines) throws IOException {
            synchronized (STDOUT_LOCK) {
                out.write(lines.toString());
                out.flush();
            }
            lines.setLength(0);
        }

        private String line(Record record) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < record.getColumnNumber(); i++) {
                if (i > 0) {
                    text.append(delimiter);
                }
                Column column = record.getColumn(i);
                text.append(column == null ? null : column.asString());
            }
            return text.toString();
        }

        @Override
        public void destroy() {
        }
    }
}
