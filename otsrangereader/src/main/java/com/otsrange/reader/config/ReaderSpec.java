package com.otsrange.reader.config;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.Incremental;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Period;
import com.otsrange.common.Placeholders;
import com.otsrange.common.Problems;
import com.otsrange.common.ReaderParams;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.reader.filter.FilterSpec;
import com.otsrange.reader.filter.TimeLiteral;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The reader's job parameter, typed and validated offline (nothing here touches TableStore).
 * Types of filter literals and task keys are checked later against the table's primary key.
 */
public final class ReaderSpec {
    static final List<String> KEYS;

    static {
        List<String> k = new ArrayList<>(ReaderParams.KEYS);
        k.addAll(Arrays.asList(Tuning.KEYS));
        KEYS = Collections.unmodifiableList(k);
    }

    private final ConnectionSpec connection;
    private final String table;
    private final SchemaNames schema;
    private final FilterSpec filters;
    private final SortKeyUnit timeUnit;
    private final ZoneId timeZone;
    private final List<String> appendColumns;
    private final boolean appendAtStart;
    private final List<TaskDefinition> tasks;
    private final List<Path> taskFiles;
    private final boolean resume;
    private final ShardSpec shard;
    private final Tuning tuning;
    private final Incremental.Request window;
    private final ChangesMode changes;

    private ReaderSpec(ConnectionSpec connection, String table, SchemaNames schema, FilterSpec filters, SortKeyUnit timeUnit,
                       ZoneId timeZone, List<String> appendColumns, boolean appendAtStart, List<TaskDefinition> tasks,
                       List<Path> taskFiles, boolean resume, ShardSpec shard, Tuning tuning, Incremental.Request window,
                       ChangesMode changes) {
        this.connection = connection;
        this.table = table;
        this.schema = schema;
        this.filters = filters;
        this.timeUnit = timeUnit;
        this.timeZone = timeZone;
        this.appendColumns = Collections.unmodifiableList(new ArrayList<>(appendColumns));
        this.appendAtStart = appendAtStart;
        this.tasks = Collections.unmodifiableList(new ArrayList<>(tasks));
        this.taskFiles = Collections.unmodifiableList(new ArrayList<>(taskFiles));
        this.resume = resume;
        this.shard = shard;
        this.tuning = tuning;
        this.window = window;
        this.changes = changes;
    }

    /** Parses and validates; environment variables come from the process. */
    public static SpecResult parse(Map<String, Object> parameter, Path workingDir) {
        return parse(parameter, workingDir, System.getenv());
    }

    @SuppressWarnings("unchecked")
    public static SpecResult parse(Map<String, Object> parameter, Path workingDir, Map<String, String> env) {
        Problems problems = new Problems();
        TableStoreNames names = new TableStoreNames();
        Path cwd = workingDir.toAbsolutePath().normalize();
        Map<String, Object> p = parameter == null ? Collections.<String, Object>emptyMap() : parameter;
        Fields.rejectUnknown(p, KEYS, "parameter", problems);

        ConnectionSpec connection = ConnectionResolver.resolve(p, cwd, env, problems);

        String table = Fields.optionalString(p, ReaderParams.TABLE.name(), "parameter", problems);
        if (table == null && ReaderParams.TABLE.given(p) == null) {
            problems.add("parameter.table", "missing; the TableStore table to export");
        }
        names.check(table, "table", "parameter.table");

        SchemaNames schema = parseSchema(p, names, problems);

        SortKeyUnit unit = SortKeyUnit.parse((String) ReaderParams.TIME_UNIT.defaultValue());
        String unitText = Fields.optionalString(p, ReaderParams.TIME_UNIT.name(), "parameter", problems);
        if (unitText != null) {
            try {
                unit = SortKeyUnit.parse(unitText);
            } catch (IllegalArgumentException e) {
                problems.add("parameter.timeUnit", "invalid value " + Problems.show(unitText) + "; valid: \"ms\" (default), \"s\", \"us\"");
            }
        }
        ZoneId zone = ZoneId.of((String) ReaderParams.TIME_ZONE.defaultValue());
        String zoneText = Fields.optionalString(p, ReaderParams.TIME_ZONE.name(), "parameter", problems);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.add("parameter.timeZone", "unknown time zone " + Problems.show(zoneText)
                        + "; valid: a region id like \"Asia/Shanghai\", \"UTC\" or an offset like \"+08:00\"");
            }
        }
        TimeLiteral time = new TimeLiteral(unit, zone);
        FilterParser filterParser = new FilterParser(time, names);
        FilterSpec filters = filterParser.parse(ReaderParams.FILTERS.given(p), "parameter.filters", true,
                schema == null ? null : schema.sortKey(), problems);

        List<String> append = Collections.emptyList();
        if (ReaderParams.APPEND_COLUMNS.given(p) != null) {
            List<String> a = Fields.stringList(ReaderParams.APPEND_COLUMNS.given(p), "parameter.appendColumns", true, problems);
            append = a == null ? append : a;
            for (int i = 0; i < append.size(); i++) {
                names.check(append.get(i), "column", "parameter.appendColumns[" + i + "]");
            }
        }
        boolean atStart = true;
        String pos = Fields.optionalString(p, ReaderParams.APPEND_COLUMNS_POSITION.name(), "parameter", problems);
        if (pos != null) {
            if (pos.equals("end")) {
                atStart = false;
            } else if (!pos.equals("start")) {
                problems.add("parameter.appendColumnsPosition", "invalid value " + Problems.show(pos) + "; valid: \"start\" (default), \"end\"");
            }
        }

        TaskLoader loader = new TaskLoader(cwd, filterParser, names, !append.isEmpty());
        Object tasksValue = ReaderParams.TASKS.given(p);
        List<TaskDefinition> tasks = loader.load(tasksValue, problems);
        List<Path> files = tasksValue instanceof Map ? loader.files((Map<String, Object>) tasksValue, new Problems())
                : Collections.<Path>emptyList();

        Boolean resume = Fields.optionalBool(p, ReaderParams.RESUME.name(), "parameter", problems);
        ShardSpec shard = ShardSpec.ALL;
        Object shardRaw = ReaderParams.SHARD.given(p);
        if (shardRaw != null) {
            if (!(shardRaw instanceof String)) {
                problems.add("parameter.shard", "expected a string \"i/n\" with 0 <= i < n, e.g. \"0/4\", got " + Problems.show(shardRaw));
            } else {
                try {
                    shard = ShardSpec.parse((String) shardRaw);
                } catch (IllegalArgumentException e) {
                    problems.add("parameter.shard", e.getMessage());
                }
            }
        }
        Tuning tuning = Tuning.parse(p, problems);
        ChangesMode changes = ChangesMode.parse(ReaderParams.CHANGES.given(p), "parameter." + ReaderParams.CHANGES, problems);
        names.report(problems);

        List<JsonProblem> all = Problems.placeholdersFirst(Placeholders.unreplaced(p, "parameter"), problems.list());
        if (!all.isEmpty()) {
            return new SpecResult(null, all);
        }
        return new SpecResult(new ReaderSpec(connection, table, schema, filters, unit, zone, append, atStart, tasks, files,
                Boolean.TRUE.equals(resume), shard, tuning, Incremental.request(p), changes), Collections.<JsonProblem>emptyList());
    }

    private static SchemaNames parseSchema(Map<String, Object> p, TableStoreNames names, Problems problems) {
        Map<String, Object> s = Fields.optionalObject(p, ReaderParams.SCHEMA.name(), "parameter", problems);
        if (s == null) {
            return null;
        }
        String at = "parameter.schema";
        Fields.rejectUnknown(s, Arrays.asList(ReaderParams.PARTITION_KEY, ReaderParams.SORT_KEY, ReaderParams.OTHER_KEYS), at, problems);
        String pk = Fields.optionalString(s, ReaderParams.PARTITION_KEY, at, problems);
        String sk = Fields.optionalString(s, ReaderParams.SORT_KEY, at, problems);
        if (pk == null && s.get(ReaderParams.PARTITION_KEY) == null) {
            problems.add(at + ".partitionKey", "missing; the primary-key column whose values are the task keys");
        }
        if (sk == null && s.get(ReaderParams.SORT_KEY) == null) {
            problems.add(at + ".sortKey", "missing; the INTEGER primary-key column holding the time");
        }
        names.check(pk, "column", at + ".partitionKey");
        names.check(sk, "column", at + ".sortKey");
        if (pk != null && pk.equals(sk)) {
            problems.add(at + ".sortKey", "must differ from partitionKey (" + pk + ")");
        }
        List<String> others = null;
        if (s.get(ReaderParams.OTHER_KEYS) != null) {
            others = Fields.stringList(s.get(ReaderParams.OTHER_KEYS), at + ".otherKeys", true, problems);
            for (int i = 0; others != null && i < others.size(); i++) {
                names.check(others.get(i), "column", at + ".otherKeys[" + i + "]");
            }
        }
        return new SchemaNames(pk, sk, others);
    }

    public ConnectionSpec connection() {
        return connection;
    }

    public String table() {
        return table;
    }

    /** The job's schema, or null when the table's primary key order decides. */
    public SchemaNames schema() {
        return schema;
    }

    public FilterSpec filters() {
        return filters;
    }

    public SortKeyUnit timeUnit() {
        return timeUnit;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** How time is cut into slices: filters' chunkBy, year by default. */
    public Period chunkBy() {
        return filters.chunkBy() == null ? Period.YEAR : Period.parse(filters.chunkBy());
    }

    public List<String> appendColumns() {
        return appendColumns;
    }

    public boolean appendAtStart() {
        return appendAtStart;
    }

    public List<TaskDefinition> tasks() {
        return tasks;
    }

    /** The task files read (empty for inline tasks). */
    public List<Path> taskFiles() {
        return taskFiles;
    }

    public boolean resume() {
        return resume;
    }

    public ShardSpec shard() {
        return shard;
    }

    public Tuning tuning() {
        return tuning;
    }

    /** The window the sort key's bounds make, for incremental mode (the writer decides whether it is on). */
    public Incremental.Request windowRequest() {
        return window;
    }

    /** {@code changes}: what an incremental run does about committed windows the table changed in. */
    public ChangesMode changes() {
        return changes;
    }

    public TimeLiteral timeLiteral() {
        return new TimeLiteral(timeUnit, timeZone);
    }

    /** Header of a task: append columns at start or end around its own columns, verbatim. */
    public List<String> header(TaskDefinition task) {
        List<String> h = new ArrayList<>(appendColumns.size() + task.columns().size());
        if (appendAtStart) {
            h.addAll(appendColumns);
            h.addAll(task.columns());
        } else {
            h.addAll(task.columns());
            h.addAll(appendColumns);
        }
        return h;
    }
}
