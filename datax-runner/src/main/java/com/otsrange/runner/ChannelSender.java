package com.otsrange.runner;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader task's RecordSender, buffered as DataX's BufferedRecordExchanger: records gather in a
 * list of up to {@code bufferSize} (or until the memory bound) and move to the channel as one batch.
 * A record larger than the channel's memory bound is a dirty record, as in DataX.
 */
final class ChannelSender implements RecordSender {

    private final RecordChannel channel;
    private final TaskPluginCollector collector;
    private final TaskStats stats;
    private final int bufferSize;
    private final long byteCapacity;
    private final SpeedLimit speedLimit;
    private List<Record> buffer;
    private long bufferMemory;
    private long bufferBytes;
    private volatile boolean shutdown;

    ChannelSender(RecordChannel channel, TaskPluginCollector collector, TaskStats stats, int bufferSize,
                  long byteCapacity, SpeedLimit speedLimit) {
        this.channel = channel;
        this.collector = collector;
        this.stats = stats;
        this.bufferSize = Math.max(1, bufferSize);
        this.byteCapacity = byteCapacity;
        this.speedLimit = speedLimit;
        this.buffer = new ArrayList<>(this.bufferSize);
    }

    @Override
    public Record createRecord() {
        return new LocalRecord();
    }

    @Override
    public void sendToWriter(Record record) {
        checkRunning();
        if (record == null) {
            throw new NullPointerException("record must not be null");
        }
        int memory = record.getMemorySize();
        if (memory > byteCapacity) {
            collector.collectDirtyRecord(record,
                    new Exception("The record is larger than the channel limit of " + byteCapacity + " bytes"));
            return;
        }
        if (buffer.size() >= bufferSize || bufferMemory + memory > byteCapacity) {
            flush();
        }
        buffer.add(record);
        bufferMemory += memory;
        bufferBytes += record.getByteSize();
    }

    @Override
    public void flush() {
        checkRunning();
        if (buffer.isEmpty()) {
            return;
        }
        List<Record> batch = buffer;
        long records = batch.size();
        long bytes = bufferBytes;
        long memory = bufferMemory;
        buffer = new ArrayList<>(bufferSize);
        bufferMemory = 0;
        bufferBytes = 0;
        try {
            channel.push(batch, memory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK, "interrupted");
        }
        stats.addRead(records, bytes);
        speedLimit.pace(stats.readRecords, stats.readBytes);
    }

    @Override
    public void terminate() {
        flush();
        try {
            channel.pushEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK, "interrupted");
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
        buffer.clear();
        channel.shutdown();
    }

    private void checkRunning() {
        if (shutdown) {
            throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK, "");
        }
    }
}
