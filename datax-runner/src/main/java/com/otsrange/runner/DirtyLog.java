package com.otsrange.runner;

import com.alibaba.datax.common.element.Record;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints the first {@code core.statistics.collector.plugin.maxDirtyNumber} dirty records of a job. */
final class DirtyLog {

    private final PrintStream out;
    private final int max;
    private final AtomicInteger printed = new AtomicInteger();

    DirtyLog(PrintStream out, int max) {
        this.out = out;
        this.max = max;
    }

    void record(PluginType side, int taskId, Record record, Throwable t, String message) {
        if (out == null || printed.getAndIncrement() >= max) {
            return;
        }
        StringBuilder line = new StringBuilder("Dirty record from ").append(side.folder()).append(" task ")
                .append(taskId).append(": ");
        line.append(message == null || message.isEmpty() ? "" : message);
        if (t != null) {
            line.append(message == null || message.isEmpty() ? "" : " - ").append(t);
        }
        line.append(" | record: ").append(record == null ? "null" : safeToString(record));
        out.println(line);
    }

    private static String safeToString(Record record) {
        try {
            return record.toString();
        } catch (RuntimeException e) {
            return "<unprintable: " + e + ">";
        }
    }
}
