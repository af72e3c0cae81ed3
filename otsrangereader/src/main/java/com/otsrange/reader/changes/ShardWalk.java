package com.otsrange.reader.changes;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordResponse;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.otsrange.common.StreamPosition;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.StreamGone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads shards of a stream from where each starts to where it ends now: an open shard until a page
 * comes back empty with a next iterator (caught up), a closed one until a page has no next
 * iterator (finished). A shard is read only after each of its parents that is read in this
 * walk reached its end (a child's records follow its parents'); a parent that is still open keeps
 * its children waiting for a later run. Shards are read on a small pool, each shard in order.
 */
final class ShardWalk {
    /** GetStreamRecord's page: the most one call returns (the SDK's stream client asks for as many). */
    static final int RECORDS_PER_CALL = 1000;
    static final int MAX_THREADS = 4;

    /** Where a shard's read starts: a recorded iterator, or (null) the oldest record the stream keeps. */
    static final class Start {
        final String iterator;

        Start(String iterator) {
            this.iterator = iterator;
        }
    }

    /** A shard's records at its start are gone (trimmed), or the shard itself: the changes since may be lost. */
    static final class Lost extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String shard;
        final StreamGone answer;

        Lost(String shard, StreamGone answer) {
            super("shard " + shard + ": " + answer.getMessage(), answer);
            this.shard = shard;
            this.answer = answer;
        }
    }

    /** Test hook: when each shard's read starts and ends (on the thread that reads it). */
    interface Listener {
        void started(String shard);

        void ended(String shard, boolean finished);
    }

    static final Listener SILENT = new Listener() {
        @Override
        public void started(String shard) {
        }

        @Override
        public void ended(String shard, boolean finished) {
        }
    };

    /** What the walk found: where each shard read ended, the records read and the units they marked. */
    static final class Result {
        final Map<String, StreamPosition.Shard> ends = new LinkedHashMap<>();
        final DirtyUnits dirty = new DirtyUnits();
        long recordsRead;
        int shardsRead;
    }

    private final OtsGateway gateway;
    private final RecordRelevance relevance;
    private final int threads;
    private final Listener listener;

    ShardWalk(OtsGateway gateway, RecordRelevance relevance, int threads, Listener listener) {
        this.gateway = gateway;
        this.relevance = relevance;
        this.threads = threads;
        this.listener = listener;
    }

    /**
     * @param shards every shard of the stream (DescribeStream), parents named by their ids
     * @param starts the shards to read, each with where it starts; the others are not read
     */
    Result walk(String streamId, List<StreamShard> shards, Map<String, Start> starts) {
        Map<String, Set<String>> waitingFor = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (StreamShard s : shards) {
            if (!starts.containsKey(s.getShardId())) {
                continue;
            }
            Set<String> parents = new HashSet<>();
            for (String p : new String[] {s.getParentId(), s.getParentSiblingId()}) {
                if (p != null && starts.containsKey(p)) {
                    parents.add(p);
                    children.computeIfAbsent(p, k -> new ArrayList<>()).add(s.getShardId());
                }
            }
            waitingFor.put(s.getShardId(), parents);
        }
        Result result = new Result();
        if (waitingFor.isEmpty()) {
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, waitingFor.size())), r -> {
            Thread t = new Thread(r, "otsrange-stream-shard");
            t.setDaemon(true);
            return t;
        });
        CompletionService<ShardRead> done = new ExecutorCompletionService<>(pool);
        try {
            int running = 0;
            for (Map.Entry<String, Set<String>> e : waitingFor.entrySet()) {
                if (e.getValue().isEmpty()) {
                    submit(done, streamId, e.getKey(), starts.get(e.getKey()));
                    running++;
                }
            }
            while (running > 0) {
                ShardRead r = next(done);
                running--;
                result.ends.put(r.shard, r.end);
                result.dirty.addAll(r.dirty);
                result.recordsRead += r.records;
                result.shardsRead++;
                if (!r.end.isFinished()) {
                    continue; // still open: its children wait for a later run
                }
                for (String child : children.getOrDefault(r.shard, new ArrayList<String>())) {
                    Set<String> parents = waitingFor.get(child);
                    parents.remove(r.shard);
                    if (parents.isEmpty()) {
                        submit(done, streamId, child, starts.get(child));
                        running++;
                    }
                }
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private void submit(CompletionService<ShardRead> done, String streamId, String shard, Start start) {
        done.submit(() -> {
            try {
                return read(streamId, shard, start);
            } catch (StreamGone g) {
                throw new Lost(shard, g);
            }
        });
    }

    private static ShardRead next(CompletionService<ShardRead> done) {
        try {
            Future<ShardRead> f = done.take();
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c
                    : DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL, "reading a stream shard failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, "interrupted while reading the table's Stream");
        }
    }

    /** One shard, page by page, from its start to where it ends now. */
    private ShardRead read(String streamId, String shard, Start start) {
        listener.started(shard);
        String iterator = start.iterator != null ? start.iterator
                : gateway.shardIterator(new GetShardIteratorRequest(streamId, shard));
        ShardRead out = new ShardRead(shard);
        while (true) {
            GetStreamRecordRequest request = new GetStreamRecordRequest(iterator);
            request.setLimit(RECORDS_PER_CALL);
            GetStreamRecordResponse page = gateway.streamRecords(request);
            for (StreamRecord r : page.getRecords()) {
                out.records++;
                RecordRelevance.Mark m = relevance.mark(r);
                if (m != null) {
                    out.dirty.add(m);
                }
            }
            String next = page.getNextShardIterator();
            if (next == null) {
                out.end = StreamPosition.Shard.finished();
                break;
            }
            if (page.getRecords().isEmpty()) {
                // caught up with an open shard: the next run goes on from here (may_more_record is not
                // trusted to end a shard: a closed one ends only where its last page has no next iterator)
                out.end = StreamPosition.Shard.at(next);
                break;
            }
            iterator = next;
        }
        listener.ended(shard, out.end.isFinished());
        return out;
    }

    private static final class ShardRead {
        final String shard;
        final DirtyUnits dirty = new DirtyUnits();
        long records;
        StreamPosition.Shard end;

        ShardRead(String shard) {
            this.shard = shard;
        }
    }
}
