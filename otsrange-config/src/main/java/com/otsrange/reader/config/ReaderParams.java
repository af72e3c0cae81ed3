package com.otsrange.reader.config;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.config.Param;
import com.otsrange.config.Types;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * otsrangereader's job parameters, each declared once ({@link Param}): {@link ReaderSpec} parses
 * them, csvyearwriter reads the reader's parameter through that same parse, and the parameter
 * tables of docs/reader.md, README.md and {@code plugin_job_template.json} are rendered from here
 * ({@code ParameterDocsTest}).
 */
public final class ReaderParams {
    /**
     * Where these parameters sit in the job, the start of every path a problem names. Here, with
     * the declarations, so the classes that read them (ReaderSpec and its helpers) share it without
     * depending on each other.
     */
    public static final String AT = "parameter";

    private ReaderParams() {
    }

    public static final Param<String> ENDPOINT = Param.of("endpoint", Types.NAME).docDefault("—")
            .doc("`http(s)://host[:port]` endpoint of the instance, e.g. `https://<instance>.<region>.ots.aliyuncs.com`; see below.")
            .summary("Connection. Each may also come from `connectionFile` (a JSON file with these keys or the exporter's"
                    + " `access_key_id`, `access_key_secret`, `instance_name`) or from the environment (`OTS_ENDPOINT`, `OTS_ACCESS_ID`,"
                    + " `OTS_ACCESS_KEY`, `OTS_INSTANCE_NAME`); inline wins, then the file, then the environment.")
            .example("https://your-instance.cn-hangzhou.ots.aliyuncs.com").build();
    public static final Param<String> ACCESS_ID = Param.of("accessId", Types.NAME).docDefault("—")
            .aliases("access_key_id", "accessKeyId", "access_id").doc("AccessKey id.").example("").build();
    public static final Param<String> ACCESS_KEY = Param.of("accessKey", Types.SECRET).docDefault("—")
            .aliases("access_key_secret", "accessKeySecret", "access_key")
            .doc("AccessKey secret. Never logged or echoed (DataX masks keys named `accessKey` when it prints the job).").example("").build();
    public static final Param<String> INSTANCE_NAME = Param.of("instanceName", Types.NAME).docDefault("—")
            .aliases("instance_name", "instance").doc("Instance name (letters, digits, `_`, `-`: the SDK refuses others).").example("").build();
    public static final Param<String> CONNECTION_FILE = Param.of("connectionFile", Types.NAME).docDefault("—")
            .aliases("connection_file", "connection").doc("JSON file holding any of the four connection fields (see below).").build();
    public static final Param<String> TABLE = Param.of("table", Types.NAME).required("the TableStore table to export")
            .docDefault("— (required)").aliases("table_name", "tableName")
            .doc("Table name; see \"Names\" below.").summary("Table name.").example("sensor_data").build();
    public static final Param<Map<String, Object>> SCHEMA = Param.of("schema", Types.OBJECT).docDefault("from the table")
            .doc("`{partitionKey, sortKey, otherKeys}`; see below.")
            .summary("`{partitionKey, sortKey, otherKeys}`, checked against DescribeTable. Optional: without it the first primary key"
                    + " column is the partition key, the second the sort key.")
            .example(json("partitionKey", "id", "sortKey", "ct", "otherKeys", Collections.singletonList("dim"))).build();
    public static final Param<Map<String, Object>> FILTERS = Param.of("filters", Types.OBJECT).docDefault("none")
            .doc("Conditions by column, all ANDed; see below.")
            .summary("`{column: value \\| {eq\\|ne\\|gt\\|gte\\|lt\\|lte\\|in\\|notIn\\|between: ...}}`; the sort key's condition may add"
                    + " `chunkBy: year\\|month\\|day`. Bounds on the sort key take epoch numbers or date strings (`2024-01-01`,"
                    + " `20240101`, ISO-8601).")
            .example(json("dim", 0, "ct", json("gte", "2024-01-01", "lt", "2025-01-01", "chunkBy", "month"))).build();
    public static final Param<SortKeyUnit> TIME_UNIT = Param.of("timeUnit", Types.keyword(SortKeyUnit.values(), SortKeyUnit::text))
            .defaultValue(SortKeyUnit.MS).aliases("time_unit")
            .doc("Unit of the sort key's epoch integers.").summary("Unit of the sort key: `ms` (default), `s`, `us`.").example("ms").build();
    public static final Param<ZoneId> TIME_ZONE = Param.of("timeZone", Types.ZONE).defaultValue(ZoneId.of("UTC"))
            .aliases("time_zone", "timezone")
            .doc("Zone for chunk and file-period boundaries and for date strings (`Asia/Shanghai`, `+08:00`, `UTC`).")
            .summary("Zone for chunk boundaries, years and date strings (a date means its midnight there). Default `UTC`.")
            .example("UTC").build();
    public static final Param<List<String>> APPEND_COLUMNS = Param.of("appendColumns", Types.STRINGS)
            .defaultValue(Collections.<String>emptyList()).aliases("append_columns")
            .doc("Columns added to every task's columns.").summary("Columns written in every file, at `start` (default) or `end`.")
            .example(Collections.singletonList("ct")).build();
    public static final Param<AppendPosition> APPEND_COLUMNS_POSITION = Param.of("appendColumnsPosition",
                    Types.keyword(AppendPosition.values(), AppendPosition::text))
            .defaultValue(AppendPosition.START).aliases("append_columns_position")
            .doc("Where the append columns go. (The Python exporter put them at the end: set `end` to match its files.)")
            .example("start").build();
    public static final Param<Map<String, Object>> TASKS = Param.of("tasks", Types.OBJECT).docDefault("— (required)")
            .required("e.g. {\"source\": \"inline\", \"definitions\": {\"device-1\": [\"temp\"]}}")
            .doc("Which keys to export and their columns; see below.")
            .summary("`{source: inline\\|file\\|pattern, definitions: {...} \\| path: \"...\"}`; compact `{\"key\": [\"c1\", \"c2\"]}` or"
                    + " standard `{\"key\": {\"columns\": [...], \"filters\": {...}}}`. Task keys are data: `.`, `/`, `%`, spaces are fine.")
            .example(json("source", "file", "path", "tasks/device_mappings.json")).build();
    public static final Param<Boolean> RESUME = Param.of("resume", Types.FLAG).defaultValue(false)
            .doc("Skip file units the writer's checkpoint says are committed (needs `csvyearwriter`). With csvyearwriter `writeMode:"
                    + " \"append\"` this is incremental mode: the sort key's bounds are each run's window (see below).")
            .summary("`true`: skip what a previous run of the same job already committed. With csvyearwriter `writeMode: \"append\"`:"
                    + " incremental mode, each run appends its window ([Scheduled exports](#scheduled-exports)).")
            .example(false).build();
    public static final Param<ShardSpec> SHARD = Param.of("shard", Types.SHARD).defaultValue(ShardSpec.ALL).docDefault("all keys")
            .doc("Export only this process's share of the keys (stable hash, `0 <= i < n`). Absent, `\"all\"` or `\"0/1\"` = all keys; a"
                    + " blank string is an error (an empty scheduler variable must not silently export everything on every host).")
            .summary("`\"i/n\"`: export only this process's share of the partition keys. Absent, `\"all\"` or `\"0/1\"`: every key. A"
                    + " blank value (`\"\"`, `\" \"`) is an error, never \"all\".").build();
    /** Not part of the job's fingerprint: a job may switch it between runs. */
    public static final Param<ChangesMode> CHANGES = Param.of("changes", Types.CHANGES).defaultValue(ChangesMode.IGNORE)
            .doc("Incremental mode only: what a run does about rows the table changed inside windows committed earlier (late rows,"
                    + " updates, deletes). `\"ignore\"`: nothing, a committed window stays as exported. `\"stream\"`: the table's Stream"
                    + " says which committed files may be stale, and the run reads them again from the start of the first changed"
                    + " window. `{\"lookback\": ISO-8601 duration}`: the committed windows of that span before the run's window are read"
                    + " again and compared. See \"Changes in committed windows\" below. Not part of the job's fingerprint: it may change"
                    + " between runs.")
            .summary("Incremental mode only: `\"ignore\"` (default), `\"stream\"` (the table's Stream says which committed files"
                    + " changed; they are read again) or `{\"lookback\": \"P3D\"}` (the committed windows of that span before each run's"
                    + " window are read again and compared); csvyearwriter rewrites those files from the first changed window"
                    + " ([docs/reader.md](docs/reader.md), [docs/writer.md](docs/writer.md)).")
            .build();

    /** The main keys, in the order the docs list them. */
    public static final List<Param<?>> MAIN = Collections.unmodifiableList(Arrays.<Param<?>>asList(ENDPOINT, ACCESS_ID, ACCESS_KEY,
            INSTANCE_NAME, CONNECTION_FILE, TABLE, SCHEMA, FILTERS, TIME_UNIT, TIME_ZONE, APPEND_COLUMNS, APPEND_COLUMNS_POSITION, TASKS,
            RESUME, SHARD, CHANGES));

    /**
     * The keys csvyearwriter reads too ({@link ReaderSpecParser#parseShared}): all that shape the output or the state
     * ({@link #CHANGES}: the writer refuses it outside incremental mode as the reader does, and restates).
     */
    public static final List<Param<?>> SHARED = Collections.unmodifiableList(Arrays.<Param<?>>asList(TABLE, SCHEMA, FILTERS, TIME_UNIT,
            TIME_ZONE, APPEND_COLUMNS, APPEND_COLUMNS_POSITION, TASKS, RESUME, SHARD, CHANGES));

    // ---------------------------------------------------------------- tuning keys

    public static final Param<Long> SPLIT_FACTOR = tuning("splitFactor", 1, 64, 4, "split_factor",
            "At most `channel × splitFactor` DataX tasks (1–64). Small jobs get fewer: never more tasks than file units, one per"
                    + " channel when there are that many units, and the extra tasks beyond the channels only while each task keeps at"
                    + " least 8 units' worth of work (a unit of a key `ComputeSplitsBySize` reports as big counts 1 + its split points).",
            "At most this many DataX tasks per channel; small jobs get fewer.");
    public static final Param<Long> MAX_RETRIES = tuning("maxRetries", 0, 1000, 18, "max_retries",
            "Retries per request after the first attempt (0–1000).", "Retries per request.");
    public static final Param<Long> RETRY_INITIAL_DELAY_MS = tuning("retryInitialDelayMs", 1, 600_000, 100, null,
            "First backoff.", "First backoff (ms).");
    public static final Param<Long> RETRY_MAX_DELAY_MS = tuning("retryMaxDelayMs", 1, 600_000, 10_000, null,
            "Backoff cap; delays double up to it, with jitter (half fixed, half random).", "Backoff cap (ms).");
    public static final Param<Long> RETRY_MAX_ELAPSED_MS = tuning("retryMaxElapsedMs", 0, 86_400_000, 300_000, null,
            "Total time one request may spend retrying (0 = only `maxRetries` limits).", "Total retry time per request (ms).");
    public static final Param<Long> PAGE_SIZE = tuning("pageSize", 0, 5000, 0, null,
            "`GetRange` row limit per page (0 = server maximum, 5000 rows / 4 MB). BulkExport has no limit: the service decides how"
                    + " much one answer holds.", "GetRange rows per page (0: the server's maximum).");
    public static final Param<ReadApi> READ_API = Param.of("readApi", Types.keyword(ReadApi.values(), ReadApi::json))
            .defaultValue(ReadApi.AUTO).aliases("read_api")
            .doc("How rows are read. `\"auto\"`: `BulkExport` (the export-oriented read, asked for its row-matrix block, converted field"
                    + " by field without SDK row objects), and `GetRange` from the first time the service refuses `BulkExport` with an"
                    + " error retrying cannot fix (unsupported, not allowed…): the same request is re-sent with `GetRange`, the job goes"
                    + " on, a warning is logged once per job and table. `\"getRange\"`: GetRange only. `\"bulkExport\"`: BulkExport only,"
                    + " a refusal fails the job (`OtsRangeReader-05`). Both give the same records (same rows, same cells, same order);"
                    + " every filter the reader pushes to the server is a column value filter, which BulkExport takes as GetRange"
                    + " does, so `\"auto\"` uses BulkExport for every row scan (planning's first/last-row probes of keys without time"
                    + " bounds stay GetRange: BulkExport reads forward only and has no limit). Transient errors (busy, throttled,"
                    + " timeouts) are retried on either path, never a reason to switch; a missing table or a wrong key fails as usual.")
            .summary("`\"auto\"`: BulkExport, GetRange when the service refuses it; or `\"getRange\"`, `\"bulkExport\"`.").build();
    public static final Param<Long> PARALLEL_READS = tuning("parallelReads", 1, 32, 4, null,
            "Requests one task keeps in flight at most (1–32). The task's ranges are fetched ahead in order, and a long range (more"
                    + " than about 2 × 4 answers left after its first one) is cut into parts at even steps of the sort key, read at the"
                    + " same time; rows still reach the writer in unit and primary-key order. Pays when the service's latency, not the"
                    + " CPU, is the limit; 1 = one request at a time.", "Requests in flight per task.");
    public static final Param<Long> READ_AHEAD_MB = tuning("readAheadMB", 0, 4096, 0, null,
            "Memory for answers fetched ahead of the rows a task converts, per task (0–4096; 0 = 1/64 of the JVM heap, at least 4"
                    + " and at most 64 MB: 16 MB in DataX's default 1 GB heap). A request is only sent when the largest answer seen so"
                    + " far still fits; the answer the task needs next is always fetched. Answers count by their size: a row-matrix"
                    + " block as is, GetRange's rows at 8 × their bytes on the wire (they arrive decoded into SDK objects, and holding"
                    + " many of those costs the garbage collector more than the latency they hide).",
            "Memory for answers fetched ahead, per task (0: 1/64 of the heap, 4-64 MB).");
    public static final Param<Long> MAX_PARTS_PER_FILE = tuning("maxPartsPerFile", 0, FileParts.MAX_PARTS, 0, null,
            "How many parts one heavy output file may be cut into, each read by its own DataX task at the"
                    + " same time (0–64; 1 = every file is read by one task; 0 = automatic: half the processors of"
                    + " the JVM that runs the job, at most 8, so 1 on a 2-core machine: a file read whole already"
                    + " keeps about two threads busy, one converting rows and one writing CSV, and on 2 cores parts"
                    + " cost CPU without gain, see docs/performance.md). A file is heavy by its rows, not by its time"
                    + " span: when some file could be cut, the planner estimates the rows of every file unit (one key"
                    + " × one file period) from one GetRange page of at most 200 rows (one request per unit, at most"
                    + " 1000 units sampled, spread evenly over a larger plan; the same estimate `bin/otsrange plan`"
                    + " shows), and a unit is a candidate when it alone holds about two or more channels' share of"
                    + " the job's rows. The planner then looks where a candidate's rows are (its first and last row"
                    + " inside the unit: two requests per candidate): a candidate found without rows is read whole,"
                    + " the others are cut into as many parts as channels' shares of rows they hold, at most"
                    + " `channel` and this. The tasks are then balanced by these row estimates too. The cuts lie at"
                    + " even steps of that span `[first, last + 1)`: part k of n starts at `first + (last + 1 −"
                    + " first)·k/n`, except that the first part starts at the unit's window start and the last ends"
                    + " at its end (rows written there while the job runs still belong to a part). Only with"
                    + " csvyearwriter (it keeps each part in a part file and joins them in part order into the final"
                    + " file when the job ends, see docs/writer.md), never in incremental mode, and only when every"
                    + " primary-key column before the sort key other than the partition key is fixed by an `eq`"
                    + " filter (otherwise a cut by time would interleave rows). A resumed run keeps the cut recorded"
                    + " in the checkpoint and reads only the parts not recorded (or whose part file is gone).",
            "Parts a heavy file may be read in by several tasks at once, joined when the job ends (0: automatic, half the"
                    + " processors and at most 8; 1: one task per file).");
    public static final Param<Long> REQUEST_TIMEOUT_MS = tuning("requestTimeoutMs", 1000, 600_000, 60_000, null,
            "Socket timeout per request.", "Socket timeout per request (ms).");
    public static final Param<Long> MAX_RANGES_PER_SLICE = tuning("maxRangesPerSlice", 1, 100_000, 1000, null,
            "Cap on eq/in prefix combinations per slice.", "Cap on eq/in prefix combinations per slice.");
    public static final Param<Long> DISCOVERY_THREADS = tuning("discoveryThreads", 1, 64, 8, null,
            "Parallel time-extent lookups for keys without sort-key bounds.", "Parallel time-extent lookups.");

    /** The tuning keys ({@link Tuning}), in the order the docs list them. */
    public static final List<Param<?>> TUNING = Collections.unmodifiableList(Arrays.<Param<?>>asList(SPLIT_FACTOR, MAX_RETRIES,
            RETRY_INITIAL_DELAY_MS, RETRY_MAX_DELAY_MS, RETRY_MAX_ELAPSED_MS, READ_API, PAGE_SIZE, PARALLEL_READS, READ_AHEAD_MB,
            MAX_PARTS_PER_FILE, REQUEST_TIMEOUT_MS, MAX_RANGES_PER_SLICE, DISCOVERY_THREADS));

    /** Every key of the reader's parameter. */
    public static final List<Param<?>> ALL = concat(MAIN, TUNING);

    // ---------------------------------------------------------------- members of schema, filters and tasks

    public static final Param<String> PARTITION_KEY = Param.of("partitionKey", Types.NAME).aliases("partition_key")
            .required("the primary-key column whose values are the task keys").build();
    public static final Param<String> SORT_KEY = Param.of("sortKey", Types.NAME).aliases("sort_key")
            .required("the INTEGER primary-key column holding the time").build();
    public static final Param<List<String>> OTHER_KEYS = Param.of("otherKeys", Types.STRINGS).aliases("other_keys").build();
    public static final List<Param<?>> SCHEMA_MEMBERS = Collections.unmodifiableList(Arrays.<Param<?>>asList(PARTITION_KEY,
            SORT_KEY, OTHER_KEYS));

    /** On the sort key in the job's filters: how time is sliced (never which rows are read). */
    public static final Param<Period> CHUNK_BY = Param.of("chunkBy", Types.keyword(Period.values(), Period::text))
            .aliases("chunk_by").build();

    public static final Param<TaskSource> TASK_SOURCE = Param.of("source", Types.keyword(TaskSource.values(), TaskSource::text))
            .required("\"inline\", \"file\" or \"pattern\"").build();
    public static final Param<Map<String, Object>> TASK_DEFINITIONS = Param.of("definitions", Types.OBJECT).build();
    public static final Param<String> TASK_PATH = Param.of("path", Types.NAME).build();
    public static final List<Param<?>> TASK_MEMBERS = Collections.unmodifiableList(Arrays.<Param<?>>asList(TASK_SOURCE,
            TASK_DEFINITIONS, TASK_PATH));

    private static Param<Long> tuning(String name, long min, long max, long dflt, String alias, String doc, String summary) {
        Param.Builder<Long> b = Param.of(name, Types.integer(min, max)).defaultValue(dflt).doc(doc).summary(summary);
        if (alias != null) {
            b.aliases(alias);
        }
        return b.build();
    }

    static List<Param<?>> concat(List<Param<?>> a, List<Param<?>> b) {
        List<Param<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }

    /** An ordered JSON object of key, value pairs (for examples). */
    static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
