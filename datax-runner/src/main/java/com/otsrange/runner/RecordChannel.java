package com.otsrange.runner;

import com.alibaba.datax.common.element.Record;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded in-memory link between reader task i and writer task i. Records move in whole
 * batches (one lock round trip per batch). Bounded like DataX's MemoryChannel by a record count
 * ({@code core.transport.channel.capacity}) and a memory size ({@code byteCapacity}); a single batch
 * larger than the bounds still passes when the channel is empty, so nothing can deadlock.
 */
final class RecordChannel {

    /** Marks the end of input; compared by identity. */
    static final List<Record> END = Collections.unmodifiableList(new java.util.ArrayList<>());

    private final int capacity;
    private final long byteCapacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<List<Record>> batches = new ArrayDeque<>();
    private final ArrayDeque<Long> batchBytes = new ArrayDeque<>();
    private int records;
    private long bytes;
    private boolean shutdown;
    private boolean consumerGone;

    RecordChannel(int capacity, long byteCapacity) {
        this.capacity = Math.max(1, capacity);
        this.byteCapacity = Math.max(1, byteCapacity);
    }

    /**
     * Hands {@code batch} over (the caller must not touch it afterwards). Returns false when the
     * writer has already finished, so the records are dropped. Throws when the channel was shut down.
     */
    boolean push(List<Record> batch, long memoryBytes) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!shutdown && !consumerGone && records > 0
                    && (records + batch.size() > capacity || bytes + memoryBytes > byteCapacity)) {
                notFull.await();
            }
            if (shutdown) {
                throw new ChannelShutdownException();
            }
            if (consumerGone) {
                return false;
            }
            batches.addLast(batch);
            batchBytes.addLast(memoryBytes);
            records += batch.size();
            bytes += memoryBytes;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Next batch, {@link #END} after the reader terminated; blocks while empty. */
    List<Record> pull() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (batches.isEmpty() && !shutdown) {
                notEmpty.await();
            }
            if (shutdown) {
                throw new ChannelShutdownException();
            }
            List<Record> batch = batches.removeFirst();
            records -= batch.size();
            bytes -= batchBytes.removeFirst();
            notFull.signal();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    void pushEnd() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (shutdown) {
                throw new ChannelShutdownException();
            }
            batches.addLast(END);
            batchBytes.addLast(0L);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Both ends fail from now on (job failure). */
    void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            batches.clear();
            batchBytes.clear();
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The writer task ended: a reader still sending must not block forever. */
    void consumerFinished() {
        lock.lock();
        try {
            consumerGone = true;
            batches.clear();
            batchBytes.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Thrown inside plugin code when the job is being stopped; never the reported cause. */
    static final class ChannelShutdownException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChannelShutdownException() {
            super("The task was stopped because the job is failing.");
        }
    }
}
