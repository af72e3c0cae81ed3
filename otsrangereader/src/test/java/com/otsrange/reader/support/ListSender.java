package com.otsrange.reader.support;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A RecordSender that keeps every record, for driving the reader's task code without an engine. */
public final class ListSender implements RecordSender {
    public final List<Record> records = new ArrayList<>();

    @Override
    public Record createRecord() {
        return new SimpleRecord();
    }

    @Override
    public void sendToWriter(Record record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void terminate() {
    }

    @Override
    public void shutdown() {
    }

    /**
     * Everything a writer can see of a record, as text: per column its type, class and raw data
     * (bytes as a list), then the meta map.
     */
    public static String show(Record r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.getColumnNumber(); i++) {
            Column c = r.getColumn(i);
            Object raw = c.getRawData();
            b.append(c.getType()).append(':').append(c.getClass().getSimpleName()).append(':')
                    .append(raw instanceof byte[] ? java.util.Arrays.toString((byte[]) raw) : String.valueOf(raw))
                    .append(':').append(c.getByteSize()).append('|');
        }
        return b.append(new java.util.TreeMap<>(r.getMeta())).toString();
    }

    static final class SimpleRecord implements Record {
        private final List<Column> columns = new ArrayList<>();
        private Map<String, String> meta;

        @Override
        public void addColumn(Column column) {
            columns.add(column);
        }

        @Override
        public void setColumn(int i, Column column) {
            while (columns.size() <= i) {
                columns.add(null);
            }
            columns.set(i, column);
        }

        @Override
        public Column getColumn(int i) {
            return columns.get(i);
        }

        @Override
        public int getColumnNumber() {
            return columns.size();
        }

        @Override
        public int getByteSize() {
            int n = 0;
            for (Column c : columns) {
                n += c == null ? 0 : c.getByteSize();
            }
            return n;
        }

        @Override
        public int getMemorySize() {
            return getByteSize();
        }

        @Override
        public void setMeta(Map<String, String> meta) {
            this.meta = meta;
        }

        @Override
        public Map<String, String> getMeta() {
            return meta;
        }

        @Override
        public String toString() {
            return show(this);
        }
    }
}
