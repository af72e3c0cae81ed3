package com.otsrange.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an incremental job with {@code changes: "stream"} stopped reading the table's Stream: the
 * stream's id, the time S the run that read it started (epoch milliseconds), and per shard either
 * the iterator to continue from or that the shard was read to its end (a closed shard, finished).
 * The reader Job computes it (docs/DESIGN.md, "Restatement"), hands it to the writer in
 * {@code tmp/restate.json} ({@link RestateFile}), and the writer Job records it in the ledger as a
 * {@code streamPosition} line ({@link CheckpointLog#streamPosition}) once every restatement of the
 * run is committed; the next run reads the last one ({@link WindowLedger#streamPosition()}).
 *
 * <p>JSON: {@code {"streamId": .., "at": S, "shards": {id: {"iterator": ..} | {"finished": true}}}}.
 */
public final class StreamPosition {
    static final String STREAM_ID = "streamId";
    static final String AT = "at";
    static final String SHARDS = "shards";
    static final String ITERATOR = "iterator";
    static final String FINISHED = "finished";

    /** One shard's position: an iterator to continue from, or finished (read to the end of a closed shard). */
    public static final class Shard {
        private static final Shard DONE = new Shard(null);
        private final String iterator;

        private Shard(String iterator) {
            this.iterator = iterator;
        }

        public static Shard at(String iterator) {
            if (iterator == null || iterator.isEmpty()) {
                throw new IllegalArgumentException("a shard iterator is required");
            }
            return new Shard(iterator);
        }

        public static Shard finished() {
            return DONE;
        }

        public boolean isFinished() {
            return iterator == null;
        }

        /** The iterator to continue from, or null when finished. */
        public String iterator() {
            return iterator;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (iterator == null) {
                m.put(FINISHED, true);
            } else {
                m.put(ITERATOR, iterator);
            }
            return m;
        }

        static Shard fromJson(Object o) {
            if (!(o instanceof Map)) {
                return null;
            }
            Map<?, ?> m = (Map<?, ?>) o;
            if (Boolean.TRUE.equals(m.get(FINISHED))) {
                return DONE;
            }
            Object it = m.get(ITERATOR);
            return it instanceof String && !((String) it).isEmpty() ? new Shard((String) it) : null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shard && (iterator == null ? ((Shard) o).iterator == null : iterator.equals(((Shard) o).iterator));
        }

        @Override
        public int hashCode() {
            return iterator == null ? 0 : iterator.hashCode();
        }

        @Override
        public String toString() {
            return iterator == null ? "finished" : "iterator";
        }
    }

    private final String streamId;
    private final long at;
    private final Map<String, Shard> shards;

    /** @param at the time the run that read the stream started, epoch milliseconds */
    public StreamPosition(String streamId, long at, Map<String, Shard> shards) {
        if (streamId == null || streamId.isEmpty() || shards == null) {
            throw new IllegalArgumentException("a stream id and the shards are required");
        }
        this.streamId = streamId;
        this.at = at;
        this.shards = Collections.unmodifiableMap(new TreeMap<>(shards));
    }

    public String streamId() {
        return streamId;
    }

    /** S: when the run that read the stream up to here started, epoch milliseconds. */
    public long at() {
        return at;
    }

    /** Shard id -> its position, in shard id order. */
    public Map<String, Shard> shards() {
        return shards;
    }

    /** The JSON object (without a line type), in a fixed key order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(STREAM_ID, streamId);
        m.put(AT, at);
        Map<String, Object> s = new LinkedHashMap<>();
        for (Map.Entry<String, Shard> e : shards.entrySet()) {
            s.put(e.getKey(), e.getValue().toJson());
        }
        m.put(SHARDS, s);
        return m;
    }

    /** From {@link #toJson()} (extra keys such as a line's {@code type} are ignored); null when it is not one. */
    public static StreamPosition fromJson(Object o) {
        if (!(o instanceof Map)) {
            return null;
        }
        Map<?, ?> m = (Map<?, ?>) o;
        Object id = m.get(STREAM_ID);
        Long at = SortKeyLiteral.integral(m.get(AT));
        Object s = m.get(SHARDS);
        if (!(id instanceof String) || ((String) id).isEmpty() || at == null || !(s instanceof Map)) {
            return null;
        }
        Map<String, Shard> shards = new TreeMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) s).entrySet()) {
            Shard shard = Shard.fromJson(e.getValue());
            if (!(e.getKey() instanceof String) || shard == null) {
                return null;
            }
            shards.put((String) e.getKey(), shard);
        }
        return new StreamPosition((String) id, at, shards);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StreamPosition)) {
            return false;
        }
        StreamPosition p = (StreamPosition) o;
        return streamId.equals(p.streamId) && at == p.at && shards.equals(p.shards);
    }

    @Override
    public int hashCode() {
        return (streamId.hashCode() * 31 + Long.hashCode(at)) * 31 + shards.hashCode();
    }

    /** No iterators (they are long and opaque): the stream, S and how many shards are finished. */
    @Override
    public String toString() {
        int finished = 0;
        for (Shard s : shards.values()) {
            finished += s.isFinished() ? 1 : 0;
        }
        return "stream " + streamId + " at " + at + " (" + shards.size() + " shard(s), " + finished + " finished)";
    }
}
