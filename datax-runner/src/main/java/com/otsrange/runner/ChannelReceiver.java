package com.otsrange.runner;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;

import java.util.List;

/** A writer task's RecordReceiver: takes whole batches from the channel; null once the reader terminated. */
final class ChannelReceiver implements RecordReceiver {

    private final RecordChannel channel;
    private final TaskStats stats;
    private List<Record> batch = java.util.Collections.emptyList();
    private int index;
    private boolean ended;
    private volatile boolean shutdown;

    ChannelReceiver(RecordChannel channel, TaskStats stats) {
        this.channel = channel;
        this.stats = stats;
    }

    @Override
    public Record getFromReader() {
        if (shutdown) {
            throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK, "");
        }
        while (index >= batch.size()) {
            if (ended) {
                return null;
            }
            try {
                batch = channel.pull();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK, "interrupted");
            }
            index = 0;
            if (batch == RecordChannel.END) {
                ended = true;
                return null;
            }
            stats.addReceived(batch.size());
        }
        return batch.get(index++);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        channel.shutdown();
    }
}
