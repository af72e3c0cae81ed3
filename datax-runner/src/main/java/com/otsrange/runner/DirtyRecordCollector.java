package com.otsrange.runner;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.TaskPluginCollector;

/**
 * A task plugin's TaskPluginCollector: dirty records count against errorLimit (reader side as
 * read failures, writer side as write failures); the first few of the job are printed; messages go
 * to the job's {@link JobMessages}.
 */
final class DirtyRecordCollector extends TaskPluginCollector {

    private final PluginType side;
    private final int taskId;
    private final TaskStats stats;
    private final DirtyLog log;
    private final JobMessages messages;

    DirtyRecordCollector(PluginType side, int taskId, TaskStats stats, DirtyLog log, JobMessages messages) {
        this.side = side;
        this.taskId = taskId;
        this.stats = stats;
        this.log = log;
        this.messages = messages;
    }

    @Override
    public void collectDirtyRecord(Record dirtyRecord, Throwable t, String errorMessage) {
        if (side == PluginType.READER) {
            stats.readFailedRecords.incrementAndGet();
            stats.readFailedBytes.addAndGet(dirtyRecord == null ? 0 : dirtyRecord.getByteSize());
        } else {
            stats.writeFailedRecords.incrementAndGet();
        }
        log.record(side, taskId, dirtyRecord, t, errorMessage);
    }

    @Override
    public void collectMessage(String key, String value) {
        messages.add(key, value);
    }
}
