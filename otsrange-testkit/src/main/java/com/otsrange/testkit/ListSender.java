package com.otsrange.testkit;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.otsrange.runner.LocalRecord;

import java.util.ArrayList;
import java.util.List;

/** A RecordSender that keeps every record (the engine's own {@link LocalRecord}), for driving the reader's task code without an engine. */
public final class ListSender implements RecordSender {
    public final List<Record> records = new ArrayList<>();

    @Override
    public Record createRecord() {
        return new LocalRecord();
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
}
