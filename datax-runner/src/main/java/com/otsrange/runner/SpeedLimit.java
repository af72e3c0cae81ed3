package com.otsrange.runner;

/**
 * Per-channel flow control from {@code core.transport.channel.speed.byte|record} (DataX's defaults
 * are -1: unlimited). The sender sleeps whenever it is ahead of the allowed rate.
 */
final class SpeedLimit {

    static final SpeedLimit NONE = new SpeedLimit(-1, -1);

    private final long bytesPerSecond;
    private final long recordsPerSecond;
    private long startNanos = -1;

    SpeedLimit(long bytesPerSecond, long recordsPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.recordsPerSecond = recordsPerSecond;
    }

    SpeedLimit copy() {
        return bytesPerSecond <= 0 && recordsPerSecond <= 0 ? NONE : new SpeedLimit(bytesPerSecond, recordsPerSecond);
    }

    void pace(long records, long bytes) {
        if (this == NONE) {
            return;
        }
        long now = System.nanoTime();
        if (startNanos < 0) {
            startNanos = now;
            return;
        }
        long dueMillis = 0;
        if (bytesPerSecond > 0) {
            dueMillis = Math.max(dueMillis, bytes * 1000 / bytesPerSecond);
        }
        if (recordsPerSecond > 0) {
            dueMillis = Math.max(dueMillis, records * 1000 / recordsPerSecond);
        }
        long aheadMillis = dueMillis - (now - startNanos) / 1_000_000;
        if (aheadMillis > 0) {
            try {
                Thread.sleep(aheadMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
