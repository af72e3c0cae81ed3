package com.otsrange.cli;

import com.otsrange.config.Param;
import com.otsrange.reader.config.AppendPosition;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.writer.config.WriterParams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the Python TableStore exporter's export_config.json (snake_case keys, see
 * ../shared/seeds/000) into an otsrangereader -> csvyearwriter DataX job. Whatever has no
 * equivalent becomes a warning, never a silent change: a dropped filter would export more rows
 * than the user asked for, so unknown filter operators are kept verbatim for `validate` to flag.
 */
final class ExporterConfigMigrator {

    static final String READER = "otsrangereader";
    static final String WRITER = "csvyearwriter";
    /** The exporter's --threads default; DataX channels play the same role. */
    static final int DEFAULT_CHANNELS = 4;
    /** The exporter's --connection default. */
    static final String DEFAULT_CONNECTION_FILE = "config/connection.json";

    private static final Set<String> CONNECTION_KEYS = new LinkedHashSet<>(Arrays.asList(
            "endpoint", "accessId", "accessKey", "instanceName", "access_key_id", "access_key_secret",
            "instance_name", "accessKeyId", "accessKeySecret"));

    private static final Set<String> KNOWN_TOP = new LinkedHashSet<>(Arrays.asList(
            "table", "schema", "filters", "append_columns", "tasks", "output", "threads"));
    private static final Map<String, String> FILTER_OPS = new LinkedHashMap<>();

    static {
        for (String op : Arrays.asList("eq", "ne", "gt", "gte", "lt", "lte", "in", "between")) {
            FILTER_OPS.put(op, op);
        }
        FILTER_OPS.put("not_in", "notIn");
        FILTER_OPS.put("notIn", "notIn");
        for (String alias : ReaderParams.CHUNK_BY.aliases()) {
            FILTER_OPS.put(alias, ReaderParams.CHUNK_BY.name());
        }
        FILTER_OPS.put(ReaderParams.CHUNK_BY.name(), ReaderParams.CHUNK_BY.name());
    }

    /**
     * @param config the parsed export_config.json (ordered)
     * @param connection the parsed connection.json, or null when none was given
     * @param connectionPath how the user named the connection file (for messages), or null
     */
    Migration migrate(Map<String, Object> config, Map<String, Object> connection, String connectionPath) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> reader = new LinkedHashMap<>();
        connection(reader, connection, connectionPath, warnings);

        Object table = config.get("table");
        if (!(table instanceof String) || ((String) table).isEmpty()) {
            throw new IllegalArgumentException("export config: 'table' is missing or not a string");
        }
        reader.put(ReaderParams.TABLE.name(), table);
        if (config.get("schema") instanceof Map) {
            reader.put(ReaderParams.SCHEMA.name(), schema(asMap(config.get("schema")), warnings));
        } else if (config.containsKey("schema")) {
            warnings.add("'schema' is not an object; left out (the reader then takes the table's "
                    + "first primary key column as partition key and the second as sort key)");
        }
        if (config.get("filters") instanceof Map) {
            reader.put(ReaderParams.FILTERS.name(), filters(asMap(config.get("filters")), "filters", true, warnings));
        }
        if (config.get("append_columns") instanceof List) {
            reader.put(ReaderParams.APPEND_COLUMNS.name(), config.get("append_columns"));
            // the exporter writes its append columns after the task's columns
            reader.put(ReaderParams.APPEND_COLUMNS_POSITION.name(), AppendPosition.END.text());
        }
        if (config.get("tasks") instanceof Map) {
            reader.put(ReaderParams.TASKS.name(), tasks(asMap(config.get("tasks")), warnings));
        } else {
            throw new IllegalArgumentException("export config: 'tasks' is missing or not an object");
        }
        reader.put(ReaderParams.RESUME.name(), false);
        warnings.add("resume: the exporter's --resume / .export_progress.json become parameter.resume; "
                + "it is set to false (start over under writeMode). Set it to true for long exports: "
                + "a re-run then skips files already committed (state under <path>/.otsrange/)");

        Map<String, Object> writer = writer(config, warnings);
        for (String key : config.keySet()) {
            if (!KNOWN_TOP.contains(key)) {
                warnings.add("'" + key + "' has no equivalent in the DataX job and was not carried over");
            }
        }

        int channels = channels(config.get("threads"), warnings);
        return new Migration(job(reader, writer, channels), warnings);
    }

    /**
     * The reader reads the exporter's connection.json as it is (snake_case keys accepted), so the
     * job points at that file instead of copying anything from it: secrets stay where they are.
     */
    private static void connection(Map<String, Object> reader, Map<String, Object> connection,
                                   String connectionPath, List<String> warnings) {
        if (connectionPath == null) {
            reader.put(ReaderParams.CONNECTION_FILE.name(), DEFAULT_CONNECTION_FILE);
            warnings.add("no --connection given: connectionFile is " + DEFAULT_CONNECTION_FILE + " (the exporter's "
                    + "default), resolved against the working directory of the run; the fields endpoint, "
                    + "accessId, accessKey, instanceName may instead be set inline or through the environment "
                    + "variables OTS_ENDPOINT, OTS_ACCESS_ID, OTS_ACCESS_KEY, OTS_INSTANCE_NAME");
            return;
        }
        reader.put(ReaderParams.CONNECTION_FILE.name(), connectionPath);
        warnings.add("secrets are not copied: the job reads endpoint, keys and instance from connectionFile "
                + connectionPath + " at run time (relative paths resolve against the working directory of the run)");
        for (String key : connection.keySet()) {
            if (!CONNECTION_KEYS.contains(key)) {
                warnings.add("connection key '" + key + "' is not understood by otsrangereader's connectionFile");
            }
        }
        for (String key : Arrays.asList("endpoint", "access_key_id", "access_key_secret", "instance_name")) {
            String camel = key.equals("access_key_id") ? "accessId" : key.equals("access_key_secret") ? "accessKey"
                    : key.equals("instance_name") ? "instanceName" : key;
            if (!connection.containsKey(key) && !connection.containsKey(camel)) {
                warnings.add(connectionPath + " has no " + key + "; set it inline, or in the environment");
            }
        }
    }

    /** The exporter's snake_case members are the aliases the reader's declarations know. */
    private static Map<String, Object> schema(Map<String, Object> schema, List<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : schema.entrySet()) {
            String key = null;
            for (Param<?> member : ReaderParams.SCHEMA_MEMBERS) {
                if (member.name().equals(entry.getKey()) || member.aliases().contains(entry.getKey())) {
                    key = member.name();
                }
            }
            if (key == null) {
                warnings.add("schema." + entry.getKey() + " is not a schema field; left out");
            } else {
                out.put(key, entry.getValue());
            }
        }
        return out;
    }

    /**
     * Filter keys are column names (kept verbatim); only operator names change case style.
     *
     * @param allowChunkBy false for per-task filters: otsrangereader takes chunkBy only in the job's
     *                     filters, so a per-task chunk_by is dropped (it sets how time is sliced,
     *                     never which rows are read, so no output changes)
     */
    static Map<String, Object> filters(Map<String, Object> filters, String path, boolean allowChunkBy, List<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : filters.entrySet()) {
            Object condition = entry.getValue();
            if (condition instanceof Map) {
                Map<String, Object> ops = new LinkedHashMap<>();
                for (Map.Entry<String, Object> op : asMap(condition).entrySet()) {
                    String name = FILTER_OPS.get(op.getKey());
                    if ("chunkBy".equals(name) && !allowChunkBy) {
                        warnings.add(path + "." + entry.getKey() + "." + op.getKey() + " was dropped: otsrangereader takes "
                                + "chunkBy only in the job's filters, on the sort key (docs/reader.md). It sets how time is "
                                + "sliced, never which rows are read, so the output is the same; set it once in the job's "
                                + "filters if you want that slicing for every task");
                        continue;
                    }
                    if (name == null) {
                        warnings.add(path + "." + entry.getKey() + "." + op.getKey()
                                + " is not a known operator; kept verbatim, `bin/otsrange validate` will "
                                + "reject it (operators: eq ne gt gte lt lte in not_in between chunk_by)");
                        name = op.getKey();
                    }
                    ops.put(name, op.getValue());
                }
                if (ops.isEmpty() && !asMap(condition).isEmpty()) {
                    continue; // it only said chunk_by: nothing left to filter on
                }
                out.put(entry.getKey(), ops);
            } else {
                out.put(entry.getKey(), condition);
            }
        }
        return out;
    }

    private static Map<String, Object> tasks(Map<String, Object> tasks, List<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : tasks.entrySet()) {
            if (entry.getKey().equals(ReaderParams.TASK_DEFINITIONS.name()) && entry.getValue() instanceof Map) {
                out.put(ReaderParams.TASK_DEFINITIONS.name(), definitions(asMap(entry.getValue()), warnings));
            } else if (Param.names(ReaderParams.TASK_MEMBERS).contains(entry.getKey())) {
                out.put(entry.getKey(), entry.getValue());
            } else {
                warnings.add("tasks." + entry.getKey() + " has no equivalent; left out");
            }
        }
        Object source = out.get(ReaderParams.TASK_SOURCE.name());
        if (ReaderParams.TASK_PATH.given(out) != null) {
            warnings.add("tasks." + source + ": the task file(s) " + out.get(ReaderParams.TASK_PATH.name()) + " are used as they are "
                    + "(same compact and standard formats); relative paths resolve against the working "
                    + "directory of the DataX process");
        }
        return out;
    }

    /** Inline task definitions in the standard format may carry per-task filters. */
    private static Map<String, Object> definitions(Map<String, Object> definitions, List<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> task : definitions.entrySet()) {
            Object value = task.getValue();
            if (value instanceof Map && asMap(value).get("filters") instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>(asMap(value));
                copy.put("filters", filters(asMap(copy.get("filters")),
                        "tasks.definitions." + task.getKey() + ".filters", false, warnings));
                out.put(task.getKey(), copy);
            } else {
                out.put(task.getKey(), value);
            }
        }
        return out;
    }

    private static Map<String, Object> writer(Map<String, Object> config, List<String> warnings) {
        Map<String, Object> output = config.get("output") instanceof Map
                ? asMap(config.get("output")) : new LinkedHashMap<String, Object>();
        Map<String, Object> writer = new LinkedHashMap<>();
        Object directory = output.get("directory");
        if (directory instanceof String) {
            writer.put(WriterParams.PATH.name(), directory);
        } else {
            writer.put(WriterParams.PATH.name(), "output_data");
            warnings.add("output.directory is missing: path set to output_data");
        }
        Object pattern = output.get("filename_pattern");
        writer.put(WriterParams.FILE_NAME.name(), pattern instanceof String ? pattern : WriterParams.FILE_NAME.defaultValue().pattern());
        writer.put(WriterParams.HEADER.name(), WriterParams.HEADER.defaultValue());
        writer.put(WriterParams.ENCODING.name(), WriterParams.ENCODING.defaultValue().name());
        writer.put(WriterParams.WRITE_MODE.name(), WriterParams.WRITE_MODE.defaultValue().text());
        Object format = output.get("format");
        if (format != null && !"csv".equals(format)) {
            warnings.add("output.format '" + format + "' is not supported: csvyearwriter writes CSV only");
        }
        for (String key : output.keySet()) {
            if (!Arrays.asList("format", "directory", "filename_pattern").contains(key)) {
                warnings.add("output." + key + " has no equivalent; left out");
            }
        }
        return writer;
    }

    /**
     * A threads value that is not a positive integer gets the default with a note rather than a
     * refusal: the channel count changes only the speed of the export, never its output.
     */
    private static int channels(Object threads, List<String> warnings) {
        Integer count = positiveInt(threads);
        if (count != null) {
            warnings.add("threads " + count + " became job.setting.speed.channel (DataX runs that many "
                    + "reader/writer task pairs at once)");
            return count;
        }
        if (threads != null) {
            warnings.add("threads " + com.alibaba.fastjson.JSON.toJSONString(threads) + " is not a positive integer; "
                    + "job.setting.speed.channel is " + DEFAULT_CHANNELS + " (the exporter's default --threads) "
                    + "instead: set it in the job (it changes only the speed, never the output)");
            return DEFAULT_CHANNELS;
        }
        warnings.add("job.setting.speed.channel is " + DEFAULT_CHANNELS + " (the exporter's default "
                + "--threads); raise it instead of --threads");
        return DEFAULT_CHANNELS;
    }

    /** The value as a positive int, or null (fractions, zero, negatives, strings, booleans, huge numbers). */
    private static Integer positiveInt(Object value) {
        if (!(value instanceof Number)) {
            return null;
        }
        java.math.BigDecimal number = new java.math.BigDecimal(value.toString());
        if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        return number.intValueExact();
    }

    private static Map<String, Object> job(Map<String, Object> reader, Map<String, Object> writer, int channels) {
        Map<String, Object> speed = new LinkedHashMap<>();
        speed.put("channel", channels);
        Map<String, Object> errorLimit = new LinkedHashMap<>();
        errorLimit.put("record", 0);
        Map<String, Object> setting = new LinkedHashMap<>();
        setting.put("speed", speed);
        setting.put("errorLimit", errorLimit);

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reader", plugin(READER, reader));
        content.put("writer", plugin(WRITER, writer));

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("setting", setting);
        job.put("content", new ArrayList<>(Arrays.asList(content)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("job", job);
        return root;
    }

    private static Map<String, Object> plugin(String name, Map<String, Object> parameter) {
        Map<String, Object> plugin = new LinkedHashMap<>();
        plugin.put("name", name);
        plugin.put("parameter", parameter);
        return plugin;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
