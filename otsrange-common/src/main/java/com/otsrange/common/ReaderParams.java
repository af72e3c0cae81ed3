package com.otsrange.common;

import java.util.Collections;
import java.util.List;

/** otsrangereader's job parameters (its tuning keys are the reader's {@code Tuning}), each declared once. */
public final class ReaderParams {
    public static final Param ENDPOINT = new Param("endpoint", null, "TableStore endpoint URL (else connectionFile or OTS_ENDPOINT)");
    public static final Param ACCESS_ID = new Param("accessId", null, "AccessKey id (else connectionFile or OTS_ACCESS_ID)");
    public static final Param ACCESS_KEY = new Param("accessKey", null, "AccessKey secret (else connectionFile or OTS_ACCESS_KEY)");
    public static final Param INSTANCE_NAME = new Param("instanceName", null, "TableStore instance (else connectionFile or OTS_INSTANCE)");
    public static final Param CONNECTION_FILE = new Param("connectionFile", null, "a JSON file holding the four connection keys");
    public static final Param TABLE = new Param("table", null, "the TableStore table to export (names the files and the state dir)");
    public static final Param SCHEMA = new Param("schema", null, "partitionKey, sortKey, otherKeys; default: the first two primary-key columns");
    public static final Param FILTERS = new Param("filters", null, "conditions per column; the sort key's bounds are the time window");
    public static final Param TIME_UNIT = new Param("timeUnit", "ms", "the sort key's epoch unit: ms, s or us");
    public static final Param TIME_ZONE = new Param("timeZone", "UTC", "the zone that cuts years, months and days");
    public static final Param APPEND_COLUMNS = new Param("appendColumns", Collections.emptyList(),
            "columns written in every file besides each task's columns");
    public static final Param APPEND_COLUMNS_POSITION = new Param("appendColumnsPosition", "start", "start or end");
    public static final Param TASKS = new Param("tasks", null, "the partition keys and their columns, inline or in task files");
    public static final Param RESUME = new Param("resume", false, "skip files committed by an earlier run of the same job");
    public static final Param SHARD = new Param("shard", null, "\"i/n\": export only shard i of n of the task keys");
    public static final Param CHANGES = new Param("changes", "ignore",
            "incremental mode: restate committed windows the table changed in (\"stream\" or {\"lookback\": \"P3D\"})");

    /** Every key but the tuning keys, in the order the docs list them. */
    public static final List<String> KEYS = Param.names(ENDPOINT, ACCESS_ID, ACCESS_KEY, INSTANCE_NAME, CONNECTION_FILE, TABLE,
            SCHEMA, FILTERS, TIME_UNIT, TIME_ZONE, APPEND_COLUMNS, APPEND_COLUMNS_POSITION, TASKS, RESUME, SHARD, CHANGES);

    /** Members of {@link #SCHEMA}. */
    public static final String PARTITION_KEY = "partitionKey";
    public static final String SORT_KEY = "sortKey";
    public static final String OTHER_KEYS = "otherKeys";

    private ReaderParams() {
    }
}
