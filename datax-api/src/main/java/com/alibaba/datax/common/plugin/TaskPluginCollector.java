package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.element.Record;

/** Where a task reports dirty records (counted against errorLimit) and free-form messages. */
public abstract class TaskPluginCollector implements PluginCollector {

    public abstract void collectDirtyRecord(Record dirtyRecord, Throwable t, String errorMessage);

    public void collectDirtyRecord(Record dirtyRecord, String errorMessage) {
        collectDirtyRecord(dirtyRecord, null, errorMessage);
    }

    public void collectDirtyRecord(Record dirtyRecord, Throwable t) {
        collectDirtyRecord(dirtyRecord, t, "");
    }

    /** Several values for one key are all kept; the Job reads them via its JobPluginCollector. */
    public abstract void collectMessage(String key, String value);
}
