package com.otsrange.runner;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test plugins observed during one run, keyed by the job's {@code runId}. */
final class TestLog {

    private static final Map<String, TestLog> LOGS = new ConcurrentHashMap<>();

    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, Object> facts = new ConcurrentHashMap<>();
    final Map<Integer, List<String>> received = new ConcurrentHashMap<>();
    final AtomicInteger activeReaders = new AtomicInteger();
    final AtomicInteger maxActiveReaders = new AtomicInteger();

    static TestLog of(String runId) {
        return LOGS.computeIfAbsent(runId, k -> new TestLog());
    }

    void event(String e) {
        events.add(e);
    }

    void readerStarted() {
        int now = activeReaders.incrementAndGet();
        maxActiveReaders.accumulateAndGet(now, Math::max);
    }

    void readerEnded() {
        activeReaders.decrementAndGet();
    }
}
