package com.otsrange.reader.scan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an ordered list of key ranges with up to {@code parallel} requests in flight and hands
 * their pages to one consumer in exactly that order: range after range, and within a range in
 * key order. Each range is read page by page over next_start_primary_key by a worker thread;
 * after its first page a {@link Splitter} may cut the rest of it into sub-ranges, which are read
 * at the same time by other workers and queued until the consumer reaches them. So a long range
 * has several requests on the wire at once, and short ranges are fetched ahead of the consumer.
 *
 * <p>Memory is bounded: pages queued ahead of the consumer plus answers on their way take at most
 * {@code budgetBytes} (a request is only sent when the largest page seen so far still fits), plus
 * one page when nothing is queued (a page larger than the budget) and the page the consumer needs
 * next (always fetched and queued, so it never waits for the others). Holding few decoded pages
 * matters beyond the heap's size: pages of SDK row objects that live long get promoted and make
 * the garbage collector work hard.
 *
 * <p>Why the order cannot break: ranges start in list order, a range's sub-ranges are inserted
 * right after it, and nothing after a range starts before its split is decided; so the ranges
 * not yet started are always the tail of the list, and the one the consumer waits for is always
 * running. A worker's error reaches the consumer after the pages before it.
 *
 * @param <T> what each range's pages are tagged with (e.g. the units the rows belong to)
 */
public final class OrderedPages<T> implements AutoCloseable {
    /** Where to cut the rest of a range, decided from its first answer; empty = read it in one go. */
    public interface Splitter {
        List<PrimaryKey> cuts(PrimaryKey next, PrimaryKey end, RowBlock firstPage);
    }

    /** One range to read, with the tag its pages carry. */
    public static final class Range<T> {
        final T tag;
        final PrimaryKey start;
        final PrimaryKey end;
        final ScanRequest request;
        final Splitter splitter;

        /** @param splitter null = never cut */
        public Range(T tag, PrimaryKey start, PrimaryKey end, ScanRequest request, Splitter splitter) {
            this.tag = tag;
            this.start = start;
            this.end = end;
            this.request = request;
            this.splitter = splitter;
        }
    }

    /** A page handed to the consumer. */
    public static final class Tagged<T> {
        public final T tag;
        public final RowBlock rows;

        Tagged(T tag, RowBlock rows) {
            this.tag = tag;
            this.rows = rows;
        }
    }

    private final class Segment {
        final T tag;
        final PrimaryKey start;
        volatile PrimaryKey end;
        final ScanRequest request;
        final Splitter splitter;
        final ArrayDeque<Page> pages = new ArrayDeque<>();
        boolean done;
        Throwable error;

        Segment(T tag, PrimaryKey start, PrimaryKey end, ScanRequest request, Splitter splitter) {
            this.tag = tag;
            this.start = start;
            this.end = end;
            this.request = request;
            this.splitter = splitter;
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PageSource source;
    private final int parallel;
    private final long budget;
    private final ExecutorService pool;
    private final Object lock = new Object();
    /** Started segments not yet fully consumed, in order; the first is the one the consumer reads. */
    private final ArrayDeque<Segment> order = new ArrayDeque<>();
    /** Segments not started yet, in order: they always come after every started one. */
    private final ArrayDeque<Segment> unstarted = new ArrayDeque<>();
    /** The started segment whose split is not decided yet (nothing after it may start), or null. */
    private Segment pending;
    private int running;
    /** Bytes of pages queued for the consumer. */
    private long held;
    /** Bytes set aside for answers on their way (each the largest page seen so far). */
    private long reserved;
    private long typical;
    private boolean closed;
    private long requests;

    public OrderedPages(PageSource source, List<Range<T>> ranges, int parallel, long budgetBytes, String name) {
        this.source = source;
        this.parallel = Math.max(1, parallel);
        this.budget = budgetBytes;
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.parallel, r -> {
            Thread t = new Thread(r, "otsrange-read-" + name + "-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (Range<T> r : ranges) {
            unstarted.add(new Segment(r.tag, r.start, r.end, r.request, r.splitter));
        }
        synchronized (lock) {
            schedule();
        }
    }

    /** The next page in order, or null after the last; rethrows a worker's failure in its place. */
    public Tagged<T> next() {
        synchronized (lock) {
            while (true) {
                if (order.isEmpty() && unstarted.isEmpty()) {
                    return null;
                }
                schedule();
                Segment s = order.peekFirst();
                if (s == null) {
                    waitForWork();
                    continue;
                }
                Page p = s.pages.poll();
                if (p != null) {
                    held -= p.cost;
                    lock.notifyAll();
                    return new Tagged<>(s.tag, p.rows);
                }
                if (s.error != null) {
                    throw rethrow(s.error);
                }
                if (s.done) {
                    order.removeFirst();
                    schedule();
                    lock.notifyAll(); // a new first segment: its worker may no longer wait for budget
                    continue;
                }
                waitForWork();
            }
        }
    }

    private void waitForWork() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, "interrupted while waiting for the next page");
        }
    }

    /** Requests answered so far (tests). */
    public long requests() {
        synchronized (lock) {
            return requests;
        }
    }

    /** Starts segments in order while workers are free, never past one whose split is undecided. Under the lock. */
    private void schedule() {
        while (!closed && pending == null && running < parallel && !unstarted.isEmpty()) {
            Segment s = unstarted.poll();
            if (s.splitter != null) {
                pending = s;
            }
            order.add(s);
            running++;
            pool.execute(() -> read(s));
        }
    }

    private void read(Segment s) {
        try {
            PrimaryKey start = s.start;
            boolean first = true;
            while (start != null) {
                long expected;
                synchronized (lock) {
                    // room for the answer before asking for it: answers are held from arrival until consumed
                    expected = typical;
                    while (!closed && held + reserved > 0 && held + reserved + expected > budget && !neededNext(s)) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    reserved += expected;
                }
                Page p;
                try {
                    p = source.fetch(start, s.end, s.request);
                } finally {
                    synchronized (lock) {
                        reserved -= expected;
                        lock.notifyAll();
                    }
                }
                List<PrimaryKey> cuts = Collections.emptyList();
                if (first && s.splitter != null && p.next != null && p.rows.rowCount() > 0) {
                    cuts = s.splitter.cuts(p.next, s.end, p.rows);
                }
                synchronized (lock) {
                    requests++;
                    typical = Math.max(typical, p.cost);
                    if (first && pending == s) {
                        split(s, cuts);
                    }
                    while (!closed && held > 0 && held + p.cost > budget && !neededNext(s)) {
                        lock.wait(); // the consumer's next page never waits: no deadlock, and memory stays bounded
                    }
                    if (closed) {
                        return;
                    }
                    s.pages.add(p);
                    held += p.cost;
                    lock.notifyAll();
                }
                start = p.next;
                first = false;
            }
        } catch (Throwable t) {
            synchronized (lock) {
                s.error = t;
            }
        } finally {
            synchronized (lock) {
                s.done = true;
                if (pending == s) {
                    pending = null;
                }
                running--;
                schedule();
                lock.notifyAll();
            }
        }
    }

    /** Whether the consumer is waiting for this segment's next page. Under the lock. */
    private boolean neededNext(Segment s) {
        return s == order.peekFirst() && s.pages.isEmpty();
    }

    /**
     * Queues the sub-ranges [cut_i, cut_i+1) to be read next, {@code s} keeping [.., cut_0): as
     * nothing after {@code s} has started, they go to the front of the segments not started. Under the lock.
     */
    private void split(Segment s, List<PrimaryKey> cuts) {
        pending = null;
        for (int i = cuts.size() - 1; i >= 0; i--) {
            PrimaryKey end = i + 1 < cuts.size() ? cuts.get(i + 1) : s.end;
            unstarted.addFirst(new Segment(s.tag, cuts.get(i), end, s.request, null));
        }
        if (!cuts.isEmpty()) {
            s.end = cuts.get(0);
        }
        schedule();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return DataXException.asDataXException(OtsRangeReaderErrorCode.REQUEST_REJECTED, "read failed: " + t, t);
    }

    /** Stops the workers (interrupting requests and retry waits in progress) and waits for them. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
