package com.otsrange.common;

import java.util.List;

/** csvyearwriter's job parameters, each declared once. */
public final class WriterParams {
    public static final Param PATH = new Param("path", null, "the output folder");
    public static final Param FILE_NAME = new Param("fileName", RecordLayout.DEFAULT_FILE_NAME,
            "the file name pattern; its finest time placeholder is the file period");
    public static final Param HEADER = new Param("header", true, "write a header line");
    public static final Param ENCODING = new Param("encoding", "UTF-8", "the charset of the files");
    public static final Param NULL_FORMAT = new Param("nullFormat", "", "the text of a missing cell");
    public static final Param COMPRESS = new Param("compress", "none", "none or gzip");
    public static final Param WRITE_MODE = new Param("writeMode", "truncate", "truncate, append or nonConflict");
    public static final Param DATE_FORMAT = new Param("dateFormat", null, "a DateTimeFormatter pattern for the time column");
    public static final Param LINE_SEPARATOR = new Param("lineSeparator", "\n", "\\n, \\r\\n or \\r");
    public static final Param VERIFY_COMMITTED = new Param("verifyCommitted", "size",
            "what a resumed run checks of committed files: size or sha256");
    public static final Param ALLOW_GAPS = new Param("allowGaps", false,
            "incremental mode: accept a window that starts after the committed windows");

    // generic mode only (any reader but otsrangereader)
    public static final Param PARTITION_KEY_COLUMN = new Param("partitionKeyColumn", null, "the record column of the partition key");
    public static final Param TIME_COLUMN = new Param("timeColumn", null, "the record column of the time");
    public static final Param TIME_UNIT = new Param("timeUnit", ReaderParams.TIME_UNIT.defaultValue(), "ms, s, us or date");
    public static final Param TIME_ZONE = new Param("timeZone", ReaderParams.TIME_ZONE.defaultValue(),
            "the zone that cuts years, months and days");
    public static final Param TABLE = new Param("table", "records", "the value of {table} and of the state dir name");
    public static final Param COLUMNS = new Param("columns", null, "the record columns to write");
    public static final Param COLUMN_NAMES = new Param("columnNames", null, "the header names");
    public static final Param MAX_OPEN_FILES = new Param("maxOpenFiles", 512, "files a task keeps open at once (1..4096)");

    /** Added by the writer Job to each task's parameter, never written by users. */
    public static final Param TASK_INDEX = new Param("taskIndex", 0, "the task's number, for its part files");

    public static final List<String> COMMON_KEYS = Param.names(PATH, FILE_NAME, HEADER, ENCODING, NULL_FORMAT, COMPRESS, WRITE_MODE,
            DATE_FORMAT, LINE_SEPARATOR, VERIFY_COMMITTED, ALLOW_GAPS);
    public static final List<String> GENERIC_KEYS = Param.names(PARTITION_KEY_COLUMN, TIME_COLUMN, TIME_UNIT, TIME_ZONE, TABLE,
            COLUMNS, COLUMN_NAMES, MAX_OPEN_FILES);

    private WriterParams() {
    }
}
