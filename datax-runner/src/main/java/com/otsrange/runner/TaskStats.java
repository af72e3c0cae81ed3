package com.otsrange.runner;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one task (reader + writer pair). Channel counters have a single writer thread each,
 * so volatile fields suffice; dirty counters may come from any plugin thread.
 */
final class TaskStats {

    volatile long readRecords;
    volatile long readBytes;
    volatile long writeReceivedRecords;
    final AtomicLong readFailedRecords = new AtomicLong();
    final AtomicLong readFailedBytes = new AtomicLong();
    final AtomicLong writeFailedRecords = new AtomicLong();
    volatile boolean finished;

    void addRead(long records, long bytes) {
        readRecords += records;
        readBytes += bytes;
    }

    void addReceived(long records) {
        writeReceivedRecords += records;
    }
}
