package com.otsrange.reader.config;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Period;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reader's job parameter, typed and validated offline (nothing here touches TableStore): the
 * value {@link ReaderSpecParser} builds, each field read through its declaration ({@link ReaderParams}).
 * Types of filter literals and task keys are checked later against the table's primary key.
 * csvyearwriter reads the reader's parameter through this same parse (its view of table, timeUnit,
 * timeZone, shard, resume, changes and the window).
 */
public final class ReaderSpec {
    private static final String AT = ReaderParams.AT;

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

    ReaderSpec(ConnectionSpec connection, String table, SchemaNames schema, FilterSpec filters, SortKeyUnit timeUnit,
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

    /** null when parsed by {@link ReaderSpecParser#parseShared}. */
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
