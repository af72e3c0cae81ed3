package com.otsrange.runner.builtin;

import com.alibaba.datax.common.spi.ErrorCode;

/** Codes of DataX's stock streamreader/streamwriter, so jobs fail the same way. */
enum StreamErrorCode implements ErrorCode {
    REQUIRED_VALUE("StreamReader-00", "A required value is missing."),
    ILLEGAL_VALUE("StreamReader-01", "Invalid value."),
    NOT_SUPPORT_TYPE("StreamReader-02", "Unsupported column type."),
    WRITER_CONFIG_INVALID("StreamWriter-01", "Invalid streamwriter configuration."),
    WRITER_RUNTIME("StreamWriter-02", "streamwriter failed while writing.");

    private final String code;
    private final String description;

    StreamErrorCode(String code, String description) {
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
        return String.format("Code:[%s], Description:[%s]. ", code, description);
    }
}
