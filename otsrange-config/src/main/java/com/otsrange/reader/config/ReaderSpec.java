package com.otsrange.reader.config;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Period;
import com.otsrange.common.Placeholders;
import com.otsrange.common.Problems;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader's job parameter, typed and validated offline (nothing here touches TableStore), each
 * value read through its declaration ({@link ReaderParams}). Types of filter literals and task keys
 * are checked later against the table's primary key. csvyearwriter reads the reader's parameter
 * through this same parse (its view of table, timeUnit, timeZone, shard, resume, changes and the window).
 */
public final class ReaderSpec {
    public static final String AT = "parameter";

    private final ConnectionSpec connection;
    private final String table;
    private final SchemaNames schema;
    private final FilterSpec filters;
    private final SortKeyUnit timeUnit;
    private final ZoneId timeZone;
    private final List<String> appendColumns;
    private final AppendPosition appendPosition;
    private final TaskLoader.Loaded tasks;
    private final boolean resume;
    private final ShardSpec shard;
    private final Tuning tuning;
    private final WindowRequest window;
    private final ChangesMode changes;

    private ReaderSpec(ConnectionSpec connection, String table, SchemaNames schema, FilterSpec filters, SortKeyUnit timeUnit,
                       ZoneId timeZone, List<String> appendColumns, AppendPosition appendPosition, TaskLoader.Loaded tasks,
                       boolean resume, ShardSpec shard, Tuning tuning, ChangesMode changes) {
        this.connection = connection;
        this.table = table;
        this.schema = schema;
        this.filters = filters;
        this.timeUnit = timeUnit;
        this.timeZone = timeZone;
        this.appendColumns = Collections.unmodifiableList(new ArrayList<>(appendColumns));
        this.appendPosition = appendPosition;
        this.tasks = tasks;
        this.resume = resume;
        this.shard = shard;
        this.tuning = tuning;
        this.window = WindowRequest.of(schema, filters, timeLiteral());
        this.changes = changes;
    }

    /** Parses and validates; environment variables come from the process. */
    public static SpecResult parse(Map<String, Object> parameter, Path workingDir) {
        return parse(parameter, workingDir, System.getenv());
    }

    public static SpecResult parse(Map<String, Object> parameter, Path workingDir, Map<String, String> env) {
        return parse(parameter, workingDir, env, true);
    }

    /**
     * The reader's parameter as csvyearwriter reads it: the very same parse of every key that
     * shapes the output or the state ({@link ReaderParams#SHARED}), without the keys only the
     * reader uses (connection, tuning: {@link #connection()} is null and {@link #tuning()} the
     * defaults) and without judging keys it does not know (the reader refuses those itself).
     */
    public static SpecResult parseShared(Map<String, Object> parameter, Path workingDir) {
        return parse(parameter, workingDir, Collections.<String, String>emptyMap(), false);
    }

    private static SpecResult parse(Map<String, Object> parameter, Path workingDir, Map<String, String> env, boolean whole) {
        Problems problems = new Problems();
        TableStoreNames names = new TableStoreNames();
        Path cwd = workingDir.toAbsolutePath().normalize();
        Map<String, Object> p = parameter == null ? Collections.<String, Object>emptyMap() : parameter;
        if (whole) {
            Fields.rejectUnknown(p, ReaderParams.ALL, AT, problems);
        }
        ConnectionSpec connection = whole ? ConnectionResolver.resolve(p, cwd, env, problems) : null;

        String table = ReaderParams.TABLE.read(p, AT, problems);
        names.check(table, "table", ReaderParams.TABLE.path(AT));

        SchemaNames schema = parseSchema(p, names, problems);
        SortKeyUnit unit = ReaderParams.TIME_UNIT.readOrDefault(p, AT, problems);
        ZoneId zone = ReaderParams.TIME_ZONE.readOrDefault(p, AT, problems);
        FilterParser filterParser = new FilterParser(new TimeLiteral(unit, zone), names, schema);
        FilterSpec filters = filterParser.parse(ReaderParams.FILTERS.read(p, AT, problems), ReaderParams.FILTERS.path(AT), true, problems);

        List<String> append = ReaderParams.APPEND_COLUMNS.readOrDefault(p, AT, problems);
        for (int i = 0; i < append.size(); i++) {
            names.check(append.get(i), "column", ReaderParams.APPEND_COLUMNS.path(AT) + "[" + i + "]");
        }
        AppendPosition position = ReaderParams.APPEND_COLUMNS_POSITION.readOrDefault(p, AT, problems);

        TaskLoader loader = new TaskLoader(cwd, filterParser, names, !append.isEmpty());
        TaskLoader.Loaded tasks = loader.load(ReaderParams.TASKS.read(p, AT, problems), problems);

        boolean resume = ReaderParams.RESUME.readOrDefault(p, AT, problems);
        ShardSpec shard = ReaderParams.SHARD.readOrDefault(p, AT, problems);
        ChangesMode changes = ReaderParams.CHANGES.readOrDefault(p, AT, problems);
        Tuning tuning = whole ? Tuning.parse(p, problems) : Tuning.defaults();
        names.report(problems);

        List<JsonProblem> all = Problems.placeholdersFirst(Placeholders.unreplaced(whole ? p : shared(p), AT), problems.list());
        if (!all.isEmpty()) {
            return new SpecResult(null, all);
        }
        return new SpecResult(new ReaderSpec(connection, table, schema, filters, unit, zone, append, position, tasks, resume, shard,
                tuning, changes), Collections.<JsonProblem>emptyList());
    }

    /** Only the keys {@link #parseShared} reads. */
    private static Map<String, Object> shared(Map<String, Object> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : com.otsrange.config.Param.names(ReaderParams.SHARED)) {
            if (p.containsKey(key)) {
                m.put(key, p.get(key));
            }
        }
        return m;
    }

    private static SchemaNames parseSchema(Map<String, Object> p, TableStoreNames names, Problems problems) {
        Map<String, Object> s = ReaderParams.SCHEMA.read(p, AT, problems);
        if (s == null) {
            return null;
        }
        String at = ReaderParams.SCHEMA.path(AT);
        Fields.rejectUnknown(s, ReaderParams.SCHEMA_MEMBERS, at, problems);
        String pk = ReaderParams.PARTITION_KEY.read(s, at, problems);
        String sk = ReaderParams.SORT_KEY.read(s, at, problems);
        names.check(pk, "column", ReaderParams.PARTITION_KEY.path(at));
        names.check(sk, "column", ReaderParams.SORT_KEY.path(at));
        if (pk != null && pk.equals(sk)) {
            problems.add(ReaderParams.SORT_KEY.path(at), "must differ from partitionKey (" + pk + ")");
        }
        List<String> others = ReaderParams.OTHER_KEYS.read(s, at, problems);
        for (int i = 0; others != null && i < others.size(); i++) {
            names.check(others.get(i), "column", ReaderParams.OTHER_KEYS.path(at) + "[" + i + "]");
        }
        return new SchemaNames(pk, sk, others);
    }

    /** null when parsed by {@link #parseShared}. */
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
        return filters.chunkBy() == null ? Period.YEAR : filters.chunkBy();
    }

    public List<String> appendColumns() {
        return appendColumns;
    }

    public AppendPosition appendPosition() {
        return appendPosition;
    }

    public List<TaskDefinition> tasks() {
        return tasks.definitions();
    }

    /** How the tasks were given: inline, file or pattern. */
    public TaskSource taskSource() {
        return tasks.source();
    }

    /** The task file or pattern (trimmed), null for inline tasks. */
    public String taskPath() {
        return tasks.path();
    }

    /** The task files read (empty for inline tasks), in load order. */
    public List<Path> taskFiles() {
        return tasks.files();
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
    public WindowRequest windowRequest() {
        return window;
    }

    /** {@code changes}: what an incremental run does about committed windows the table changed in. */
    public ChangesMode changes() {
        return changes;
    }

    /**
     * {@code changes} other than ignore outside incremental mode (csvyearwriter {@code writeMode:
     * "append"} with {@code resume: true}), or null: the one problem the reader Job's init, its
     * split, {@code plan}, {@code validate} and csvyearwriter's view of this parameter report alike.
     */
    public JsonProblem changesProblem(boolean incremental) {
        return changes.outsideIncremental(incremental, ReaderParams.CHANGES.path(AT));
    }

    public TimeLiteral timeLiteral() {
        return new TimeLiteral(timeUnit, timeZone);
    }

    /** Header of a task: append columns at start or end around its own columns, verbatim. */
    public List<String> header(TaskDefinition task) {
        List<String> h = new ArrayList<>(appendColumns.size() + task.columns().size());
        if (appendPosition == AppendPosition.START) {
            h.addAll(appendColumns);
            h.addAll(task.columns());
        } else {
            h.addAll(task.columns());
            h.addAll(appendColumns);
        }
        return h;
    }
}
