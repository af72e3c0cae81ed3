package com.otsrange.reader.config;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Placeholders;
import com.otsrange.common.Problems;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reader's job parameter into a {@link ReaderSpec}, or every problem found
 * ({@link SpecResult}). Apart from the value it builds so that the value does not depend on the
 * result that carries it.
 */
public final class ReaderSpecParser {
    private static final String AT = ReaderParams.AT;

    private ReaderSpecParser() {
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
     * reader uses (connection, tuning: {@link ReaderSpec#connection()} is null and {@link ReaderSpec#tuning()} the
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
}
