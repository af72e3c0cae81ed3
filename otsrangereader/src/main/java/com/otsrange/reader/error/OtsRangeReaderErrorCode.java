package com.otsrange.reader.error;

import com.alibaba.datax.common.spi.ErrorCode;

/** Every error a user of otsrangereader can see. Codes are stable: docs/reader.md lists them. */
public enum OtsRangeReaderErrorCode implements ErrorCode {
    INVALID_CONFIG("OtsRangeReader-01", "The job parameter is invalid (every problem is listed, each with its JSON path)."),
    TABLE_MISMATCH("OtsRangeReader-02", "The job does not match the table: schema, filter values or task keys do not fit its primary key."),
    TABLE_NOT_FOUND("OtsRangeReader-03", "The table does not exist in the instance."),
    AUTH_FAILED("OtsRangeReader-04", "TableStore refused the credentials or the instance."),
    REQUEST_REJECTED("OtsRangeReader-05", "TableStore rejected a request with a non-retryable error."),
    RETRIES_EXHAUSTED("OtsRangeReader-06", "A request kept failing with retryable errors until the retry budget (maxRetries / retryMaxElapsedMs) ran out."),
    UNBOUNDED_TIME("OtsRangeReader-07", "The sort-key time window cannot be planned: no bounds were given and the time extent"
        + " cannot be discovered cheaply for this primary-key layout, or the bounds (given or discovered) span too many file periods."),
    RESUME_STATE("OtsRangeReader-08", "The writer's checkpoint could not be read for resume."),
    INTERRUPTED("OtsRangeReader-09", "The reader was interrupted."),
    INTERNAL("OtsRangeReader-10", "Internal error (a bug): the task configuration is inconsistent."),
    WINDOW_REFUSED("OtsRangeReader-11", "Incremental mode: this window would duplicate rows or break the files' order."),
    CHANGES_REFUSED("OtsRangeReader-12", "changes \"stream\": the table's Stream cannot say what changed since the last run"
        + " (not enabled, disabled and enabled again, or its records since then trimmed); nothing was written.");

    private final String code;
    private final String description;

    OtsRangeReaderErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String getCode() {
        return code;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return "Code:[" + code + "], Description:[" + description + "].";
    }
}
