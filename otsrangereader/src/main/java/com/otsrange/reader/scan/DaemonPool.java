package com.otsrange.reader.scan;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reader's thread pools (planning lookups, Stream shards, parallel reads) and the wait for
 * their results. Daemon threads, so a pool a failure left behind never keeps DataX's JVM alive.
 */
public final class DaemonPool {
    /** A result being waited for: {@code Future::get}, or a completion service's next one. */
    public interface Wait<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private DaemonPool() {
    }

    /** {@code threads} daemon threads named {@code name-1}, {@code name-2}, ... */
    public static ExecutorService newPool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The result, or the job's failure in its place: a worker's RuntimeException (a DataXException
     * with its own code) as it was thrown, anything else OtsRangeReader-10 saying {@code failed};
     * an interrupt is OtsRangeReader-09 saying {@code interrupted}.
     */
    public static <T> T await(Wait<T> result, String failed, String interrupted) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c
                    : DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL, failed, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, interrupted);
        }
    }
}
