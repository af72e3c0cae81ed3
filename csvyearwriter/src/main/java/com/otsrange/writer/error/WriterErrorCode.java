package com.otsrange.writer.error;

import com.alibaba.datax.common.spi.ErrorCode;

/** Errors a user (or the environment) can cause in csvyearwriter. */
public enum WriterErrorCode implements ErrorCode {
    CONFIG_INVALID("CsvYearWriter-01", "invalid writer configuration"),
    PATH_INVALID("CsvYearWriter-02", "output path unusable"),
    TARGET_EXISTS("CsvYearWriter-03", "writeMode nonConflict: target files already exist"),
    STATE_LOCKED("CsvYearWriter-04", "another run holds the state dir lock"),
    RESUME_REFUSED("CsvYearWriter-05", "resume refused: the job or its committed files changed since the checkpoint was written"),
    WRITE_FAILED("CsvYearWriter-06", "writing or committing an output file failed"),
    CONTRACT_VIOLATION("CsvYearWriter-07", "records broke the reader/writer contract"),
    PEER_CONFIG_INVALID("CsvYearWriter-08", "the paired otsrangereader configuration is unusable"),
    APPEND_HEADER_MISMATCH("CsvYearWriter-09", "writeMode append: the existing file's header differs from this job's"),
    WINDOW_REFUSED("CsvYearWriter-10", "incremental mode: this window would duplicate rows or break the files' order"),
    UNENCODABLE("CsvYearWriter-11", "a value cannot be written in parameter.encoding");

    private final String code;
    private final String description;

    WriterErrorCode(String code, String description) {
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
        return String.format("Code:[%s], Description:[%s].", code, description);
    }
}
