package com.otsrange.runner;

import com.alibaba.datax.common.spi.ErrorCode;

enum TestErrorCode implements ErrorCode {
    BOOM("TestPlugin-07", "planned failure");

    private final String code;
    private final String description;

    TestErrorCode(String code, String description) {
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
