package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.TableStoreException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which failures are worth retrying and how long to wait: bounded exponential backoff with jitter.
 * Throttling, busy/unavailable servers, timeouts, internal errors and network errors are
 * transient; authentication, parameter and not-found errors never are.
 */
public final class RetryPolicy {
    private static final Set<String> RETRYABLE = new HashSet<>(Arrays.asList(
            "OTSQuotaExhausted", "OTSNotEnoughCapacityUnit", "OTSServerBusy", "OTSServerUnavailable",
            "OTSPartitionUnavailable", "OTSTimeout", "OTSInternalServerError", "OTSRowOperationConflict",
            "OTSTableNotReady", "OTSCapacityUnitExhausted", "OTSTooFrequentReservedThroughputAdjustment"));
    private static final Set<String> NEVER = new HashSet<>(Arrays.asList(
            "OTSAuthFailed", "OTSNoPermissionAccess", "OTSParameterInvalid", "OTSObjectNotExist", "OTSInvalidPK",
            "OTSConditionCheckFail", "OTSOutOfColumnCountLimit", "OTSOutOfRowSizeLimit", "OTSRequestBodyTooLarge",
            "OTSMethodNotAllowed", "OTSObjectAlreadyExist", "OTSStorageTxnLockKeyFail",
            // the stream's records at that position are gone for good: the caller reports the loss
            "OTSTrimmedDataAccess"));

    private final int maxRetries;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final long maxElapsedMs;

    public RetryPolicy(int maxRetries, long initialDelayMs, long maxDelayMs, long maxElapsedMs) {
        this.maxRetries = maxRetries;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.maxElapsedMs = maxElapsedMs;
    }

    public static boolean isRetryable(Throwable t) {
        if (t instanceof TableStoreException) {
            TableStoreException e = (TableStoreException) t;
            String code = e.getErrorCode();
            if (code != null && NEVER.contains(code)) {
                return false;
            }
            return (code != null && RETRYABLE.contains(code)) || e.getHttpStatus() >= 500;
        }
        return t instanceof ClientException;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public long maxElapsedMs() {
        return maxElapsedMs;
    }

    /** Delay before retry number {@code retry} (1-based): half fixed, half random ("equal jitter"). */
    public long delayMs(int retry, double random01) {
        long cap = initialDelayMs;
        for (int i = 1; i < retry && cap < maxDelayMs; i++) {
            cap *= 2;
        }
        cap = Math.min(cap, maxDelayMs);
        return cap / 2 + (long) (random01 * (cap - cap / 2));
    }
}
