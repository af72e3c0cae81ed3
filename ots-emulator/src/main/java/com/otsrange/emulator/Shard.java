package com.otsrange.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One shard of a stream: the partition keys whose {@link PartitionHash} lies in [low, high], and
 * their records in commit order. A record's position counts from the shard's first record ever,
 * so positions stay valid while expired records are dropped from the front (the trim horizon is
 * the position of the oldest record kept). A split closes the shard: it takes no more records.
 * Not thread-safe: callers hold their {@link TableStream}'s lock.
 */
final class Shard {
    /** Dropped records are removed from the list in chunks, not one at a time. */
    private static final int COMPACT_AT = 1024;

    final String id;
    final String parentId;
    final String parentSiblingId;
    final long low;
    final long high;
    private final List<StreamEntry> entries = new ArrayList<>();
    private int skipped; // entries at the list's head already dropped
    private long horizon; // position of entries.get(skipped)
    private boolean closed;
    private long closedAtMicros;

    Shard(String id, String parentId, String parentSiblingId, long low, long high) {
        this.id = id;
        this.parentId = parentId;
        this.parentSiblingId = parentSiblingId;
        this.low = low;
        this.high = high;
    }

    /** The id the service would show; here the hash range itself, so it says which keys the shard holds. */
    static String idOf(long low, long high) { return String.format("%08x-%08x", low, high); }

    boolean covers(long hash) { return hash >= low && hash <= high; }

    boolean isClosed() { return closed; }

    long closedAtMicros() { return closedAtMicros; }

    void close(long micros) {
        closed = true;
        closedAtMicros = micros;
    }

    void add(StreamEntry e) { entries.add(e); }

    /** Position of the oldest record kept. */
    long horizon() { return horizon; }

    /** Position after the newest record. */
    long end() { return horizon + entries.size() - skipped; }

    StreamEntry at(long position) { return entries.get(skipped + (int) (position - horizon)); }

    /** Drops the records committed before {@code oldestKeptMicros}. */
    void trim(long oldestKeptMicros) {
        while (skipped < entries.size() && entries.get(skipped).timestampMicros() < oldestKeptMicros) {
            entries.set(skipped++, null);
            horizon++;
        }
        if (skipped >= COMPACT_AT || skipped == entries.size()) {
            entries.subList(0, skipped).clear();
            skipped = 0;
        }
    }

    /** The first position whose record was committed at or after {@code micros} (the end if none). */
    long firstAtOrAfter(long micros) {
        long p = horizon;
        while (p < end() && at(p).timestampMicros() < micros) p++;
        return p;
    }
}
