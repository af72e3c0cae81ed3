package com.otsrange.runner;

import java.time.Duration;

/** Outcome and counters of one job run. Immutable. */
public final class RunResult {

    private final Throwable failure;
    private final String errorCode;
    private final String errorMessage;
    private final long readRecords;
    private final long writeRecords;
    private final long errorRecords;
    private final long bytes;
    private final int taskCount;
    private final Duration elapsed;
    private final String summary;

    RunResult(Throwable failure, String errorCode, String errorMessage, JobStats stats, int taskCount,
              Duration elapsed, String summary) {
        this.failure = failure;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.readRecords = stats.totalReadRecords();
        this.writeRecords = stats.writeSucceededRecords();
        this.errorRecords = stats.errorRecords();
        this.bytes = stats.readBytes();
        this.taskCount = taskCount;
        this.elapsed = elapsed;
        this.summary = summary;
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** 0 on success, 1 on failure. */
    public int exitCode() {
        return failure == null ? 0 : 1;
    }

    public Throwable failure() {
        return failure;
    }

    /** The DataXException's code (e.g. {@code Framework-14}, {@code CsvYearWriter-03}); null on success. */
    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** Records the readers produced, dirty ones included (DataX's "total read records"). */
    public long readRecords() {
        return readRecords;
    }

    /** Records the writers received minus those they reported dirty. */
    public long writeRecords() {
        return writeRecords;
    }

    /** Dirty records reported by readers and writers. */
    public long errorRecords() {
        return errorRecords;
    }

    /** Byte size (DataX's estimate) of the records that went through the channels. */
    public long bytes() {
        return bytes;
    }

    public int taskCount() {
        return taskCount;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return succeeded() ? "RunResult[succeeded, " + readRecords + " records]"
                : "RunResult[failed, " + errorCode + ": " + errorMessage + "]";
    }
}
