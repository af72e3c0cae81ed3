package com.otsrange.runner;

import com.alibaba.datax.common.plugin.AbstractTaskPlugin;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

/**
 * Reader task i and writer task i joined by their own channel. The writer runs on the calling
 * (task group) thread, the reader on a thread of its own, started after the writer's as in DataX.
 * Each side: init -> prepare -> startRead/startWrite -> post, and destroy in any case.
 */
final class TaskPair implements RunningTask {

    private final int taskId;
    private final int taskGroupId;
    private final Configuration readerConf;
    private final Configuration writerConf;
    private final JobContext job;
    private final TaskStats stats;
    private volatile RecordChannel channel;
    private volatile Thread readerThread;
    private volatile Thread writerThread;

    TaskPair(int taskId, int taskGroupId, Configuration readerConf, Configuration writerConf, JobContext job,
             TaskStats stats) {
        this.taskId = taskId;
        this.taskGroupId = taskGroupId;
        this.readerConf = readerConf;
        this.writerConf = writerConf;
        this.job = job;
        this.stats = stats;
    }

    @Override
    public int taskId() {
        return taskId;
    }

    @Override
    public String pluginName(PluginType side) {
        return side == PluginType.READER ? job.reader().name() : job.writer().name();
    }

    void run() {
        RunState state = job.state();
        if (state.stopping()) {
            return;
        }
        EngineSettings settings = job.settings();
        channel = new RecordChannel(settings.channelCapacity(), settings.channelByteCapacity());
        writerThread = Thread.currentThread();
        state.started(this);
        try {
            Reader.Task reader;
            Writer.Task writer;
            try {
                reader = job.factory().create(job.reader(), "Task");
                writer = job.factory().create(job.writer(), "Task");
            } catch (Throwable t) {
                state.taskFailed(this, PluginType.READER, t);
                return;
            }
            configure(reader, readerConf, PluginType.READER);
            configure(writer, writerConf, PluginType.WRITER);
            ChannelSender sender = new ChannelSender(channel, reader.getTaskPluginCollector(), stats,
                    settings.bufferSize(), settings.channelByteCapacity(), settings.channelSpeed().copy());
            ChannelReceiver receiver = new ChannelReceiver(channel, stats);
            Thread thread = new Thread(() -> runReader(reader, sender),
                    "taskGroup-" + taskGroupId + "-task-" + taskId + "-reader");
            thread.setDaemon(true);
            readerThread = thread;
            thread.start();
            runWriter(writer, receiver);
            joinQuietly(thread);
        } finally {
            stats.finished = true;
            state.ended(this);
        }
    }

    /** Called when the job fails: unblocks both sides and interrupts them (not the caller). */
    @Override
    public void stop() {
        RecordChannel c = channel;
        if (c != null) {
            c.shutdown();
        }
        interruptUnlessCurrent(readerThread);
        interruptUnlessCurrent(writerThread);
    }

    private void configure(AbstractTaskPlugin plugin, Configuration conf, PluginType side) {
        plugin.setPluginJobConf(conf);
        plugin.setTaskPluginCollector(new DirtyRecordCollector(side, taskId, stats, job.dirtyLog(), job.messages()));
        plugin.setTaskId(taskId);
        plugin.setTaskGroupId(taskGroupId);
    }

    private void runReader(Reader.Task reader, ChannelSender sender) {
        try {
            reader.init();
            reader.prepare();
            reader.startRead(sender);
            sender.terminate();
            reader.post();
        } catch (Throwable t) {
            job.state().taskFailed(this, PluginType.READER, t);
            channel.shutdown();
        } finally {
            destroy(reader, PluginType.READER);
        }
    }

    private void runWriter(Writer.Task writer, ChannelReceiver receiver) {
        try {
            writer.init();
            writer.prepare();
            writer.startWrite(receiver);
            writer.post();
        } catch (Throwable t) {
            job.state().taskFailed(this, PluginType.WRITER, t);
            channel.shutdown();
        } finally {
            destroy(writer, PluginType.WRITER);
            channel.consumerFinished();
        }
    }

    private void destroy(AbstractTaskPlugin plugin, PluginType side) {
        // a stop request must not break the plugin's cleanup
        Thread.interrupted();
        try {
            plugin.destroy();
        } catch (Throwable t) {
            job.state().taskFailed(this, side, t);
        }
    }

    private static void interruptUnlessCurrent(Thread thread) {
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    private void joinQuietly(Thread thread) {
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // stopping: the reader was told to stop as well; keep waiting for its destroy
                if (!job.state().stopping()) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
