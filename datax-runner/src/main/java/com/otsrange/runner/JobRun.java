package com.otsrange.runner;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One job, run as DataX's JobContainer runs it: Job init (reader, writer) -> prepare (reader,
 * writer) -> split (reader with the channel count, writer with the reader's task count) ->
 * schedule the task pairs -> errorLimit check -> post (writer, reader) -> destroy (writer, reader,
 * for each Job whose init succeeded, also after a failure). A failure skips post.
 */
final class JobRun {

    private static final long POLL_MILLIS = 20;
    private static final long STOP_GRACE_SECONDS = 30;

    private final Configuration all;
    private final RunOptions options;
    private final ClassLoader loader;
    private final List<TaskStats> taskStats = new ArrayList<>();
    private long transferStart;
    private long transferEnd;

    JobRun(Configuration all, RunOptions options, ClassLoader loader) {
        this.all = all;
        this.options = options;
        this.loader = loader;
    }

    RunResult run() {
        long start = System.currentTimeMillis();
        Reader.Job readerJob = null;
        Writer.Job writerJob = null;
        Throwable failure = null;
        RunState state = new RunState();
        try {
            ErrorLimit errorLimit = new ErrorLimit(all);
            PluginDescriptor reader = PluginRegistry.find(PluginType.READER,
                    all.getString("job.content[0].reader.name"), loader);
            PluginDescriptor writer = PluginRegistry.find(PluginType.WRITER,
                    all.getString("job.content[0].writer.name"), loader);
            PluginFactory factory = new PluginFactory(loader);
            JobMessages messages = new JobMessages();

            readerJob = initReaderJob(factory, reader, messages);
            writerJob = initWriterJob(factory, writer, reader, messages);
            readerJob.prepare();
            writerJob.prepare();

            EngineSettings settings = EngineSettings.of(all);
            List<Configuration> readerTasks = readerJob.split(settings.channels());
            checkSplit(readerTasks, "reader", reader.name(), -1);
            List<Configuration> writerTasks = writerJob.split(readerTasks.size());
            checkSplit(writerTasks, "writer", writer.name(), readerTasks.size());

            JobContext context = new JobContext(reader, writer, factory, settings, state,
                    new DirtyLog(options.progress(), settings.maxDirtyPrinted()), messages);
            schedule(context, readerTasks, writerTasks, errorLimit);

            JobStats stats = JobStats.of(taskStats);
            errorLimit.checkRecords(stats);
            errorLimit.checkPercentage(stats);
            writerJob.post();
            readerJob.post();
        } catch (Throwable t) {
            failure = asJobFailure(state.failure() != null ? state.failure() : t);
        } finally {
            failure = destroy(writerJob, failure);
            failure = destroy(readerJob, failure);
        }
        long end = System.currentTimeMillis();
        JobStats stats = JobStats.of(taskStats);
        if (transferStart == 0) {
            transferStart = start;
        }
        if (transferEnd == 0) {
            transferEnd = end;
        }
        String summary = Reports.summary(start, end, transferEnd - transferStart, stats);
        DataXException dx = failure == null ? null : (DataXException) failure;
        String code = dx == null ? null : dx.getErrorCode() == null ? null : dx.getErrorCode().getCode();
        return new RunResult(dx, code, dx == null ? null : dx.getMessage(), stats, taskStats.size(),
                Duration.ofMillis(end - start), summary);
    }

    private Reader.Job initReaderJob(PluginFactory factory, PluginDescriptor reader, JobMessages messages) {
        Reader.Job job = factory.create(reader, "Job");
        job.setPluginJobConf(all.getConfiguration("job.content[0].reader.parameter"));
        job.setPeerPluginJobConf(all.getConfiguration("job.content[0].writer.parameter"));
        // DataX's JobContainer gives the reader Job no peer plugin name (only the writer Job gets one)
        job.setJobPluginCollector(messages);
        job.init();
        return job;
    }

    private Writer.Job initWriterJob(PluginFactory factory, PluginDescriptor writer, PluginDescriptor reader,
                                     JobMessages messages) {
        Writer.Job job = factory.create(writer, "Job");
        job.setPluginJobConf(all.getConfiguration("job.content[0].writer.parameter"));
        job.setPeerPluginJobConf(all.getConfiguration("job.content[0].reader.parameter"));
        job.setPeerPluginName(reader.name());
        job.setJobPluginCollector(messages);
        job.init();
        return job;
    }

    private static void checkSplit(List<Configuration> configs, String side, String name, int mandatory) {
        if (configs == null || configs.isEmpty()) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_SPLIT_ERROR,
                    String.format("The %s plugin [%s] split into no task; it must return at least one.", side, name));
        }
        if (mandatory >= 0 && configs.size() != mandatory) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_SPLIT_ERROR, String.format(
                    "The reader split into [%d] tasks but the writer plugin [%s] into [%d]; they must be equal.",
                    mandatory, name, configs.size()));
        }
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i) == null) {
                throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_SPLIT_ERROR,
                        String.format("The %s plugin [%s] returned a null task config at index %d.", side, name, i));
            }
        }
    }

    private void schedule(JobContext context, List<Configuration> readerTasks, List<Configuration> writerTasks,
                          ErrorLimit errorLimit) throws InterruptedException {
        int taskCount = readerTasks.size();
        int channels = Math.min(context.settings().channels(), taskCount);
        TaskAssignment assignment = TaskAssignment.of(taskCount, channels,
                context.settings().channelsPerTaskGroup(), new Random());
        List<TaskPair> pairs = new ArrayList<>();
        for (int i = 0; i < taskCount; i++) {
            TaskStats stats = new TaskStats();
            taskStats.add(stats);
            pairs.add(null);
        }
        List<ExecutorService> groups = new ArrayList<>();
        transferStart = System.currentTimeMillis();
        for (int g = 0; g < assignment.groups().size(); g++) {
            ExecutorService pool = Executors.newFixedThreadPool(assignment.groupChannels()[g], daemonThreads(g));
            groups.add(pool);
            for (int taskId : assignment.groups().get(g)) {
                // the engine hands each task a JSON copy of its slice, as DataX does
                TaskPair pair = new TaskPair(taskId, g, readerTasks.get(taskId).clone(),
                        writerTasks.get(taskId).clone(), context, taskStats.get(taskId));
                pairs.set(taskId, pair);
                pool.execute(pair::run);
            }
            pool.shutdown();
        }
        monitor(groups, context.state(), errorLimit, taskCount);
        transferEnd = System.currentTimeMillis();
        if (context.state().failure() != null) {
            throw context.state().failure();
        }
    }

    private void monitor(List<ExecutorService> groups, RunState state, ErrorLimit errorLimit, int taskCount)
            throws InterruptedException {
        PrintStream progress = options.progress();
        long interval = options.progressIntervalMillis();
        long nextReport = System.currentTimeMillis() + interval;
        while (!allDone(groups)) {
            if (state.stopping()) {
                for (ExecutorService pool : groups) {
                    pool.shutdownNow();
                }
                awaitStopped(groups);
                return;
            }
            JobStats stats = JobStats.of(taskStats);
            try {
                errorLimit.checkRecords(stats);
            } catch (DataXException e) {
                state.fail(e);
                continue;
            }
            long now = System.currentTimeMillis();
            if (progress != null && now >= nextReport) {
                progress.println(Reports.progress(stats, taskCount, now - transferStart));
                nextReport = now + interval;
            }
            groups.get(0).awaitTermination(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static boolean allDone(List<ExecutorService> groups) {
        for (ExecutorService pool : groups) {
            if (!pool.isTerminated()) {
                return false;
            }
        }
        return true;
    }

    private static void awaitStopped(List<ExecutorService> groups) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        for (ExecutorService pool : groups) {
            pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(int group) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "taskGroup-" + group + "-" + n.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Throwable destroy(com.alibaba.datax.common.plugin.AbstractJobPlugin job, Throwable failure) {
        if (job == null) {
            return failure;
        }
        try {
            job.destroy();
            return failure;
        } catch (Throwable t) {
            return failure != null ? failure : asJobFailure(t);
        }
    }

    private static DataXException asJobFailure(Throwable t) {
        if (t instanceof DataXException dx) {
            return dx;
        }
        DataXException e = new DataXException(FrameworkErrorCode.RUNTIME_ERROR, t.toString());
        e.initCause(t);
        return e;
    }
}
