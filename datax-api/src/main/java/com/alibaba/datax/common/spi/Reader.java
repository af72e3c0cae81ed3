package com.alibaba.datax.common.spi;

import com.alibaba.datax.common.base.BaseObject;
import com.alibaba.datax.common.plugin.AbstractJobPlugin;
import com.alibaba.datax.common.plugin.AbstractTaskPlugin;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.util.Configuration;

import java.util.List;

/** A reader plugin: a class with static nested {@code Job} and {@code Task} subclasses. */
public abstract class Reader extends BaseObject {

    public abstract static class Job extends AbstractJobPlugin {

        /** @param adviceNumber the engine's channel count; returning at least that many keeps all channels busy */
        public abstract List<Configuration> split(int adviceNumber);
    }

    public abstract static class Task extends AbstractTaskPlugin {

        public abstract void startRead(RecordSender recordSender);
    }
}
