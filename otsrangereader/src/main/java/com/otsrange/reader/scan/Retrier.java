package com.otsrange.reader.scan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Runs one TableStore request under a {@link RetryPolicy}. A retry re-issues exactly the same
 * request, so a retried page neither duplicates nor skips rows. Logs name the action and the
 * cause, never key values.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final String table;
    private final Random random = new Random();
    private final Sleeper sleeper;
    private long retries;

    /** Waiting, replaceable in tests. */
    public interface Sleeper {
        void sleep(long ms) throws InterruptedException;
    }

    public Retrier(RetryPolicy policy, String table) {
        this(policy, table, Thread::sleep);
    }

    public Retrier(RetryPolicy policy, String table, Sleeper sleeper) {
        this.policy = policy;
        this.table = table;
        this.sleeper = sleeper;
    }

    /** Retries performed so far (for summaries). */
    public synchronized long retries() {
        return retries;
    }

    public <T> T call(String action, Callable<T> request) {
        long started = System.currentTimeMillis();
        int attempt = 0;
        while (true) {
            try {
                return request.call();
            } catch (UnretriedAnswer e) {
                throw e; // the caller falls back (BulkExport) or reports it (a trimmed stream); retrying cannot help
            } catch (Exception e) {
                if (!RetryPolicy.isRetryable(e)) {
                    throw failure(action, e);
                }
                attempt++;
                long delay = policy.delayMs(attempt, nextRandom());
                long elapsed = System.currentTimeMillis() - started;
                boolean outOfTime = policy.maxElapsedMs() > 0 && elapsed + delay > policy.maxElapsedMs();
                if (attempt > policy.maxRetries() || outOfTime) {
                    throw DataXException.asDataXException(OtsRangeReaderErrorCode.RETRIES_EXHAUSTED,
                            action + " on table " + table + " still failing after " + (attempt - 1) + " retries in " + elapsed
                                    + " ms (limits: maxRetries=" + policy.maxRetries() + ", retryMaxElapsedMs="
                                    + policy.maxElapsedMs() + "); last cause: " + cause(e));
                }
                synchronized (this) {
                    retries++;
                }
                LOG.warn("{} on table {}: retry {}/{} in {} ms after {}", action, table, attempt, policy.maxRetries(), delay, cause(e));
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, action + " interrupted while waiting to retry");
                }
            }
        }
    }

    private synchronized double nextRandom() {
        return random.nextDouble();
    }

    /** Short cause without request payloads: error code, HTTP status, request id / exception class. */
    static String cause(Throwable e) {
        if (e instanceof TableStoreException) {
            TableStoreException t = (TableStoreException) e;
            return t.getErrorCode() + " (HTTP " + t.getHttpStatus() + ", request id " + t.getRequestId() + ")";
        }
        if (e instanceof ClientException) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "network/client error " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + abbreviate(root.getMessage()));
        }
        return e.getClass().getSimpleName();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    private DataXException failure(String action, Exception e) {
        if (e instanceof DataXException) {
            return (DataXException) e;
        }
        if (e instanceof TableStoreException) {
            TableStoreException t = (TableStoreException) e;
            String code = t.getErrorCode();
            String what = action + " on table " + table + " failed: " + code + " (HTTP " + t.getHttpStatus() + "): " + t.getMessage();
            if ("OTSObjectNotExist".equals(code)) {
                return DataXException.asDataXException(OtsRangeReaderErrorCode.TABLE_NOT_FOUND, what
                        + "; check parameter.table and parameter.instanceName");
            }
            if ("OTSAuthFailed".equals(code) || "OTSNoPermissionAccess".equals(code)) {
                return DataXException.asDataXException(OtsRangeReaderErrorCode.AUTH_FAILED, what
                        + "; check accessId/accessKey (inline, connectionFile or OTS_ACCESS_ID/OTS_ACCESS_KEY) and instanceName");
            }
            return DataXException.asDataXException(OtsRangeReaderErrorCode.REQUEST_REJECTED, what);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, action + " interrupted");
        }
        return DataXException.asDataXException(OtsRangeReaderErrorCode.REQUEST_REJECTED,
                action + " on table " + table + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
}
