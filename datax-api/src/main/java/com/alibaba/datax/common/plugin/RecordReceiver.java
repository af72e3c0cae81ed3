package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.element.Record;

/** A writer task's end of its channel; {@link #getFromReader()} returns null at end of input. */
public interface RecordReceiver {

    Record getFromReader();

    void shutdown();
}
