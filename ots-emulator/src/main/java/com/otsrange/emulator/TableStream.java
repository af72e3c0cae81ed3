package com.otsrange.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's stream: its id, expiration, and shards in the order they were created (a split's
 * children after their parent). Every method holds this object's lock, so records appended by a
 * write, a split and a reader's page never interleave.
 */
final class TableStream {
    final String id;
    final long creationMicros;
    final long lastEnableMicros;
    private volatile int expirationHours;
    private final List<Shard> shards = new ArrayList<>();

    TableStream(String id, long creationMicros, long lastEnableMicros, int expirationHours) {
        this.id = id;
        this.creationMicros = creationMicros;
        this.lastEnableMicros = lastEnableMicros;
        this.expirationHours = expirationHours;
    }

    /**
     * A new stream: id {@code <table>_<creation time in microseconds>}, {@code shardCount} shards
     * dividing the hash space into equal ranges.
     */
    static TableStream open(String table, int expirationHours, int shardCount, long nowMicros) {
        TableStream s = new TableStream(table + "_" + nowMicros, nowMicros, nowMicros, expirationHours);
        for (int i = 0; i < shardCount; i++) {
            long low = i * PartitionHash.SPACE / shardCount;
            long high = (i + 1) * PartitionHash.SPACE / shardCount - 1;
            s.addShard(new Shard(Shard.idOf(low, high), null, null, low, high));
        }
        return s;
    }

    int expirationHours() { return expirationHours; }

    void setExpirationHours(int hours) { this.expirationHours = hours; }

    synchronized void addShard(Shard s) { shards.add(s); }

    synchronized List<Shard> shards() { return new ArrayList<>(shards); }

    /** The shard with this id, or null (never existed, or expired after it was closed). */
    synchronized Shard shard(String shardId) {
        for (Shard s : shards) {
            if (s.id.equals(shardId)) return s;
        }
        return null;
    }

    /** The open shard that takes the records of keys with this hash. */
    synchronized Shard openShardFor(long hash) {
        for (Shard s : shards) {
            if (!s.isClosed() && s.covers(hash)) return s;
        }
        throw new IllegalStateException("no open shard of stream " + id + " covers hash " + hash);
    }

    synchronized void append(Shard shard, StreamEntry e) { shard.add(e); }

    /**
     * Splits an open shard as a partition split does: the parent closes and two children take the
     * lower and upper half of its hash range, each naming the parent (and no parent sibling).
     */
    synchronized List<Shard> split(String shardId, long nowMicros) {
        Shard p = shard(shardId);
        if (p == null) throw new IllegalArgumentException("stream " + id + " has no shard '" + shardId + "'");
        if (p.isClosed()) throw new IllegalStateException("shard " + shardId + " is closed already (it was split before)");
        if (p.low == p.high) throw new IllegalStateException("shard " + shardId + " covers one hash value and cannot be split");
        long mid = p.low + (p.high - p.low + 1) / 2;
        Shard lower = new Shard(Shard.idOf(p.low, mid - 1), p.id, null, p.low, mid - 1);
        Shard upper = new Shard(Shard.idOf(mid, p.high), p.id, null, mid, p.high);
        p.close(nowMicros);
        shards.add(lower);
        shards.add(upper);
        return List.of(lower, upper);
    }

    /**
     * Drops records older than the retention; a closed shard goes away once it holds no record
     * and closed longer than the retention ago, as the service drops expired shards.
     */
    synchronized void trim(long nowMicros, long retentionMicros) {
        long oldestKept = nowMicros - retentionMicros;
        shards.removeIf(s -> {
            s.trim(oldestKept);
            return s.isClosed() && s.end() == s.horizon() && s.closedAtMicros() < oldestKept;
        });
    }

    /**
     * Where an iterator starts: the oldest record kept, or the first record committed at or after
     * {@code fromMicros} when given. Null when the shard does not exist.
     */
    synchronized Long start(String shardId, Long fromMicros) {
        Shard s = shard(shardId);
        if (s == null) return null;
        return fromMicros == null ? s.horizon() : s.firstAtOrAfter(fromMicros);
    }

    /**
     * Up to {@code limit} records from {@code position} (at least one, then while the page stays
     * within {@code maxBytes}). A position before the trim horizon, or a shard that no longer
     * exists, is the service's trimmed-data error.
     */
    synchronized StreamPage read(String shardId, long position, int limit, int maxBytes) {
        Shard s = shard(shardId);
        if (s == null || position < s.horizon()) throw OtsError.trimmed();
        if (position > s.end()) throw OtsError.badIterator();
        List<StreamEntry> page = new ArrayList<>();
        long p = position;
        long bytes = 0;
        while (p < s.end() && page.size() < limit) {
            StreamEntry e = s.at(p);
            if (!page.isEmpty() && bytes + e.record().length > maxBytes) break;
            page.add(e);
            bytes += e.record().length;
            p++;
        }
        return new StreamPage(page, p, s.isClosed() && p == s.end(), p < s.end());
    }
}
