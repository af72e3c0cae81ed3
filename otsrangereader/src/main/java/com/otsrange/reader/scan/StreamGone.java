package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.TableStoreException;

/**
 * A Stream call met records, a shard or a stream that no longer exist: {@code OTSTrimmedDataAccess}
 * (the position was trimmed, or its stream or shard is gone) or {@code OTSObjectNotExist} (the stream
 * or the shard is gone). Never retried: the changes since the recorded position may be lost, which
 * the caller reports ({@code OtsRangeReader-12}).
 */
public final class StreamGone extends UnretriedAnswer {
    private static final long serialVersionUID = 1L;

    static final String TRIMMED = "OTSTrimmedDataAccess";
    static final String NOT_EXIST = "OTSObjectNotExist";

    StreamGone(TableStoreException cause) {
        super(cause);
    }

    /** Whether an answer is this kind of loss. */
    static boolean is(TableStoreException e) {
        return TRIMMED.equals(e.getErrorCode()) || NOT_EXIST.equals(e.getErrorCode());
    }
}
