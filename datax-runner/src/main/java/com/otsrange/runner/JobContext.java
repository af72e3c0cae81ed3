package com.otsrange.runner;

/** What every task of one job shares. */
record JobContext(PluginDescriptor reader, PluginDescriptor writer, PluginFactory factory, EngineSettings settings,
                  RunState state, DirtyLog dirtyLog, JobMessages messages) {
}
