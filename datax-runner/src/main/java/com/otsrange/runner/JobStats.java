package com.otsrange.runner;

import java.util.List;

/** A snapshot of all tasks' counters, with DataX's derived figures. */
final class JobStats {

    private final long readSucceededRecords;
    private final long readBytes;
    private final long readFailedRecords;
    private final long writeReceivedRecords;
    private final long writeFailedRecords;
    private final int finishedTasks;

    private JobStats(long readSucceededRecords, long readBytes, long readFailedRecords, long writeReceivedRecords,
                     long writeFailedRecords, int finishedTasks) {
        this.readSucceededRecords = readSucceededRecords;
        this.readBytes = readBytes;
        this.readFailedRecords = readFailedRecords;
        this.writeReceivedRecords = writeReceivedRecords;
        this.writeFailedRecords = writeFailedRecords;
        this.finishedTasks = finishedTasks;
    }

    static JobStats empty() {
        return new JobStats(0, 0, 0, 0, 0, 0);
    }

    static JobStats of(List<TaskStats> tasks) {
        long read = 0;
        long bytes = 0;
        long readFailed = 0;
        long received = 0;
        long writeFailed = 0;
        int finished = 0;
        for (TaskStats t : tasks) {
            read += t.readRecords;
            bytes += t.readBytes;
            readFailed += t.readFailedRecords.get();
            received += t.writeReceivedRecords;
            writeFailed += t.writeFailedRecords.get();
            finished += t.finished ? 1 : 0;
        }
        return new JobStats(read, bytes, readFailed, received, writeFailed, finished);
    }

    /** DataX's total read records: sent to the channel plus reported dirty by the reader. */
    long totalReadRecords() {
        return readSucceededRecords + readFailedRecords;
    }

    long readBytes() {
        return readBytes;
    }

    long errorRecords() {
        return readFailedRecords + writeFailedRecords;
    }

    long writeSucceededRecords() {
        return writeReceivedRecords - writeFailedRecords;
    }

    int finishedTasks() {
        return finishedTasks;
    }
}
