package com.otsrange.runner;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shared by the scheduler and every task: the first real failure wins and stops all running
 * pairs; failures caused by that stop (shutdown/interrupt) are not reported.
 */
final class RunState {

    private final AtomicReference<DataXException> failure = new AtomicReference<>();
    private final List<RunningTask> running = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    boolean stopping() {
        return stopping;
    }

    DataXException failure() {
        return failure.get();
    }

    void started(RunningTask pair) {
        running.add(pair);
        if (stopping) {
            pair.stop();
        }
    }

    void ended(RunningTask pair) {
        running.remove(pair);
    }

    /** A task plugin threw: the task and so the job fail (no failover, as DataX's default). */
    void taskFailed(RunningTask pair, PluginType side, Throwable t) {
        if (stopping && isStopConsequence(t)) {
            return;
        }
        fail(asTaskFailure(pair, side, t));
    }

    void fail(DataXException e) {
        if (failure.compareAndSet(null, e)) {
            stopping = true;
            for (RunningTask pair : running) {
                pair.stop();
            }
        }
    }

    private static boolean isStopConsequence(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RecordChannel.ChannelShutdownException || c instanceof InterruptedException
                    || c instanceof java.nio.channels.ClosedByInterruptException
                    || (c instanceof DataXException dx && dx.getErrorCode() == CommonErrorCode.SHUT_DOWN_TASK)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static DataXException asTaskFailure(RunningTask pair, PluginType side, Throwable t) {
        if (t instanceof DataXException dx) {
            return dx;
        }
        DataXException e = new DataXException(FrameworkErrorCode.PLUGIN_RUNTIME_ERROR, String.format(
                "%s task %d of plugin [%s] failed: %s", side.folder(), pair.taskId(), pair.pluginName(side), t));
        e.initCause(t);
        return e;
    }
}
