package com.otsrange.runner;

import com.alibaba.datax.common.spi.ErrorCode;

/** The engine's own error codes, numbered as DataX's FrameworkErrorCode. */
enum FrameworkErrorCode implements ErrorCode {
    RUNTIME_ERROR("Framework-02", "The engine failed while running the job."),
    CONFIG_ERROR("Framework-03", "The job configuration is invalid."),
    PLUGIN_NOT_FOUND("Framework-11", "Plugin not found."),
    PLUGIN_INIT_ERROR("Framework-12", "Plugin could not be loaded."),
    PLUGIN_RUNTIME_ERROR("Framework-13", "A plugin failed while running."),
    PLUGIN_DIRTY_DATA_LIMIT_EXCEED("Framework-14", "More dirty records than the job's errorLimit allows."),
    PLUGIN_SPLIT_ERROR("Framework-15", "A plugin's split result is invalid.");

    private final String code;
    private final String description;

    FrameworkErrorCode(String code, String description) {
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
