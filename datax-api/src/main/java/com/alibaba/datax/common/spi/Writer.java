package com.alibaba.datax.common.spi;

import com.alibaba.datax.common.base.BaseObject;
import com.alibaba.datax.common.plugin.AbstractJobPlugin;
import com.alibaba.datax.common.plugin.AbstractTaskPlugin;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.util.Configuration;

import java.util.List;

/** A writer plugin: a class with static nested {@code Job} and {@code Task} subclasses. */
public abstract class Writer extends BaseObject {

    public abstract static class Job extends AbstractJobPlugin {

        /** @param mandatoryNumber the reader's task count; the engine fails the job on any other count */
        public abstract List<Configuration> split(int mandatoryNumber);
    }

    public abstract static class Task extends AbstractTaskPlugin {

        public abstract void startWrite(RecordReceiver lineReceiver);

        public boolean supportFailOver() {
            return false;
        }
    }
}
