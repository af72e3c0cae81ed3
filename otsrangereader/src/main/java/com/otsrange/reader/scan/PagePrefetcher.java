package com.otsrange.reader.scan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.Row;
import com.otsrange.reader.OtsRangeReaderErrorCode;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a page producer (GetRange paging, with its retries) on one background thread, so the next
 * page is on the wire and being decoded by the SDK while the caller converts the current one.
 * Bounded to one page ahead: the producer hands a page over through a {@link SynchronousQueue}
 * and only then requests the next, so pages arrive in exactly the order they were produced.
 * An error of the producer is rethrown to the consumer as is, after the pages before it.
 *
 * @param <T> what the producer attaches to each page (e.g. the unit the rows belong to)
 */
public final class PagePrefetcher<T> implements AutoCloseable {
    /** Produces the pages in order by calling {@link Output#page} for each; runs on the background thread. */
    public interface Producer<T> {
        void produce(Output<T> out);
    }

    /** Where the producer hands pages over; blocks until the consumer takes the page. */
    public interface Output<T> {
        void page(T tag, List<Row> rows);
    }

    /** One page handed over: its tag and rows. */
    public static final class Page<T> {
        public final T tag;
        public final List<Row> rows;

        Page(T tag, List<Row> rows) {
            this.tag = tag;
            this.rows = rows;
        }
    }

    private static final Page<Object> END = new Page<>(null, null);

    private final SynchronousQueue<Object> handOff = new SynchronousQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public PagePrefetcher(String threadName, Producer<T> producer) {
        this.thread = new Thread(() -> run(producer), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Producer<T> producer) {
        Object last;
        try {
            producer.produce((tag, rows) -> put(new Page<>(tag, rows)));
            last = END;
        } catch (Closed e) {
            return;
        } catch (Throwable t) {
            last = t;
        }
        try {
            put(last);
        } catch (Closed ignored) {
            // the consumer is gone: nobody wants the error any more
        }
    }

    /** Hands an item over, giving up when the consumer closed the prefetcher. */
    private void put(Object item) {
        try {
            while (!handOff.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Closed();
                }
            }
        } catch (InterruptedException e) {
            throw new Closed();
        }
    }

    /** The next page, or null after the last one; rethrows the producer's failure. */
    @SuppressWarnings("unchecked")
    public Page<T> next() {
        Object item;
        try {
            item = handOff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, "interrupted while waiting for the next GetRange page");
        }
        if (item == END) {
            return null;
        }
        if (item instanceof RuntimeException) {
            throw (RuntimeException) item;
        }
        if (item instanceof Error) {
            throw (Error) item;
        }
        if (item instanceof Throwable) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.REQUEST_REJECTED, "GetRange failed: " + item, (Throwable) item);
        }
        return (Page<T>) item;
    }

    /** Stops the producer (interrupting a request or retry wait in progress) and waits for its thread. */
    @Override
    public void close() {
        closed = true;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Unwinds the producer once the consumer has closed. */
    private static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super(null, null, false, false);
        }
    }
}
