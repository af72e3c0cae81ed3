package com.otsrange.common;

/**
 * The record layout agreed between otsrangereader and csvyearwriter. Both plugins use these
 * constants; docs/DESIGN.md explains the rule they implement.
 *
 * <p>Rule (file ownership): every row of one output file is produced by exactly one reader task,
 * contiguously and in ascending primary-key order. A writer task may therefore commit a file as
 * soon as a record of another unit arrives, and no two tasks write the same final file.
 *
 * <ul>
 *   <li>column {@value #KEY_COLUMN}: the partition key value (LongColumn / StringColumn / BytesColumn);</li>
 *   <li>column {@value #TIME_COLUMN}: the sort key's raw value as a LongColumn, in the job's timeUnit;</li>
 *   <li>columns {@value #FIRST_CELL}..: the output cells in header order; a missing cell has null raw data.</li>
 * </ul>
 *
 * Every record carries the same meta map instance for all records of one file unit: {@link UnitMeta}.
 */
public final class RecordLayout {
    public static final int KEY_COLUMN = 0;
    public static final int TIME_COLUMN = 1;
    public static final int FIRST_CELL = 2;

    /** The reader's plugin name, as the writer sees it in getPeerPluginName(). */
    public static final String READER_NAME = "otsrangereader";
    public static final String WRITER_NAME = "csvyearwriter";

    public static final String DEFAULT_FILE_NAME = "{partition_key}_{table}_{year}.csv";
    /** Folder under the writer's path that holds every piece of bookkeeping. */
    public static final String STATE_ROOT = ".otsrange";

    private RecordLayout() {
    }
}
