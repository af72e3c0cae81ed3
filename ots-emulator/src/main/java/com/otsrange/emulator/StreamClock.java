package com.otsrange.emulator;

import java.time.Duration;

/**
 * The time of stream records: wall-clock time shifted by a test offset, in microseconds as the
 * sequence info carries it. Two test aids, neither of which the service has: the offset moves
 * record timestamps (and the retention clock) to another day without waiting, and {@code hourMs}
 * shortens an expiration hour, so records expire in seconds instead of hours.
 */
final class StreamClock {
    static final long REAL_HOUR_MS = 3_600_000L;

    private final long hourMs;
    private volatile long offsetMs;
    private long lastIssued; // guarded by this

    StreamClock(long hourMs, long offsetMs) {
        if (hourMs < 1) throw new IllegalArgumentException("an expiration hour must last at least 1 ms, got " + hourMs);
        this.hourMs = hourMs;
        this.offsetMs = offsetMs;
    }

    /** Now on the stream clock, in microseconds. */
    long nowMicros() { return (System.currentTimeMillis() + offsetMs) * 1000L; }

    /**
     * The timestamp of the next committed write: now, but always later than every timestamp issued
     * (or replayed) before, so the records of one shard keep increasing even within a millisecond
     * or after the offset moved back.
     */
    synchronized long nextMicros() {
        lastIssued = Math.max(lastIssued + 1, nowMicros());
        return lastIssued;
    }

    /** A timestamp persisted earlier (replay): later ones must not go below it. */
    synchronized void observe(long micros) { lastIssued = Math.max(lastIssued, micros); }

    /** How long records of a stream with this expiration live, in stream-clock microseconds. */
    long retentionMicros(int expirationHours) { return expirationHours * hourMs * 1000L; }

    long hourMs() { return hourMs; }

    Duration offset() { return Duration.ofMillis(offsetMs); }

    void setOffset(Duration offset) { this.offsetMs = offset.toMillis(); }
}
