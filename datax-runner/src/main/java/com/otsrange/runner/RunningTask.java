package com.otsrange.runner;

/**
 * A task as the job's {@link RunState} sees it: something to stop when the job fails, and the
 * names its failure message needs. An interface so that the shared state does not depend on the
 * task class that holds it (TaskPair reads RunState through its JobContext).
 */
interface RunningTask {

    int taskId();

    String pluginName(PluginType side);

    /** Unblocks and interrupts the task's threads (not the caller). */
    void stop();
}
