package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONException;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Placeholders;
import com.otsrange.common.StrictJson;
import com.otsrange.runner.DataxJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DataX job file after `${name}` substitution, split into the parts the engine uses:
 * job.setting and job.content[0].reader / writer. Structural problems are findings, not
 * exceptions, so `validate` can report them together with everything else.
 */
final class JobDocument {

    static final String READER_PATH = "job.content[0].reader";
    static final String WRITER_PATH = "job.content[0].writer";

    private final JSONObject root;
    private final String text;

    private JobDocument(JSONObject root, String text) {
        this.root = root;
        this.text = text;
    }

    /** Reads and substitutes; returns null (with a finding) when the file is not a JSON object. */
    static JobDocument read(Path file, String shownName, JobVariables variables, Findings findings) {
        String raw;
        try {
            raw = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            findings.error(shownName, "file not found (resolved to " + file + ")");
            return null;
        } catch (IOException e) {
            findings.error(shownName, "cannot read: " + e.getMessage());
            return null;
        }
        String text = variables.apply(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
        Object parsed;
        try {
            // exactly what DataX's engine accepts, then read as the standard JSON it amounts to
            parsed = JSON.parse(DataxJson.standard(text), Feature.OrderedField);
        } catch (DataxJson.Refused e) {
            findings.error(e.path().isEmpty() ? shownName : e.path(), e.getMessage());
            return null;
        } catch (JSONException e) {
            findings.error(shownName, "not valid JSON: " + e.getMessage());
            return null;
        }
        if (!(parsed instanceof JSONObject)) {
            findings.error(shownName, "must hold a JSON object {\"job\": {...}}");
            return null;
        }
        // what the parse above silently forgave; the local runner refuses the same
        for (JsonProblem p : StrictJson.hiddenFromPlugins(text, "")) {
            findings.error(p.path(), p.message());
        }
        return new JobDocument((JSONObject) parsed, text);
    }

    String text() {
        return text;
    }

    JSONObject root() {
        return root;
    }

    JSONObject job() {
        return root.get("job") instanceof JSONObject ? root.getJSONObject("job") : null;
    }

    JSONObject content() {
        JSONObject job = job();
        if (job == null || !(job.get("content") instanceof JSONArray)) {
            return null;
        }
        JSONArray content = job.getJSONArray("content");
        return !content.isEmpty() && content.get(0) instanceof JSONObject ? content.getJSONObject(0) : null;
    }

    JSONObject plugin(String kind) {
        JSONObject content = content();
        return content != null && content.get(kind) instanceof JSONObject ? content.getJSONObject(kind) : null;
    }

    String pluginName(String kind) {
        JSONObject plugin = plugin(kind);
        return plugin != null && plugin.get("name") instanceof String ? plugin.getString("name") : null;
    }

    JSONObject parameter(String kind) {
        JSONObject plugin = plugin(kind);
        return plugin != null && plugin.get("parameter") instanceof JSONObject ? plugin.getJSONObject("parameter") : null;
    }

    /** A plugin's parameter as the plugin receives it: DataX drops null members on the way. */
    @SuppressWarnings("unchecked")
    Map<String, Object> pluginParameter(String kind) {
        JSONObject parameter = parameter(kind);
        return parameter == null ? null : (Map<String, Object>) StrictJson.withoutNullMembers(parameter);
    }

    /**
     * The null members of a plugin's parameter that the job's text writes as {@code null}, or as a
     * number DataX's parser hides (paths {@code parameter.<key>}), which validate and the runner
     * report themselves.
     */
    List<String> reportedNulls(String kind) {
        Set<String> nulls = new HashSet<>();
        for (JsonProblem p : StrictJson.duplicateKeysAndNulls(text, "")) {
            nulls.add(p.path());
        }
        for (JsonProblem p : StrictJson.duplicateKeys(text, "")) {
            nulls.remove(p.path());
        }
        // a number DataX's parser reads as Infinity is dropped like a null, and reported as hidden
        for (JsonProblem p : StrictJson.hiddenFromPlugins(text, "")) {
            nulls.add(p.path());
        }
        String prefix = "job.content[0]." + kind + ".";
        List<String> out = new ArrayList<>();
        for (String dropped : StrictJson.nullMemberPaths(parameter(kind), "parameter")) {
            if (nulls.contains(prefix + dropped)) {
                out.add(dropped);
            }
        }
        return out;
    }

    /** The structure DataX itself insists on: one content element, named plugins, a speed setting. */
    void checkStructure(Findings findings) {
        JSONObject job = job();
        if (job == null) {
            findings.error("job", "missing: a DataX job file is {\"job\": {\"setting\": {...}, \"content\": [{\"reader\": ..., \"writer\": ...}]}}");
            return;
        }
        Object content = job.get("content");
        if (!(content instanceof JSONArray) || ((JSONArray) content).isEmpty()) {
            findings.error("job.content", "expected an array with one {\"reader\": ..., \"writer\": ...} object");
        } else if (((JSONArray) content).size() > 1) {
            findings.error("job.content", "has " + ((JSONArray) content).size()
                    + " elements; DataX runs one reader/writer pair per job, write one job file per pair");
        } else if (!(((JSONArray) content).get(0) instanceof JSONObject)) {
            findings.error("job.content[0]", "expected an object with reader and writer");
        } else {
            for (String kind : new String[] {"reader", "writer"}) {
                String path = "job.content[0]." + kind;
                JSONObject plugin = plugin(kind);
                if (plugin == null) {
                    findings.error(path, "missing: {\"name\": \"...\", \"parameter\": {...}}");
                    continue;
                }
                if (pluginName(kind) == null || pluginName(kind).trim().isEmpty()) {
                    findings.error(path + ".name", "missing: the plugin name, e.g. " + (kind.equals("reader") ? "otsrangereader" : "csvyearwriter"));
                }
                if (!(plugin.get("parameter") instanceof JSONObject)) {
                    findings.error(path + ".parameter", "missing or not an object");
                }
            }
        }
        checkSpeed(job, findings);
    }

    private static void checkSpeed(JSONObject job, Findings findings) {
        JSONObject setting = job.get("setting") instanceof JSONObject ? job.getJSONObject("setting") : null;
        JSONObject speed = setting != null && setting.get("speed") instanceof JSONObject ? setting.getJSONObject("speed") : null;
        if (speed == null) {
            findings.error("job.setting.speed", "missing: DataX refuses a job without a speed setting; add {\"channel\": 4}");
            return;
        }
        boolean any = false;
        for (String key : new String[] {"channel", "byte", "record"}) {
            Object value = speed.get(key);
            if (value == null) {
                continue;
            }
            Integer n = engineInt(value);
            if (n == null || n == 0 || n < -1) {
                findings.error("job.setting.speed." + key, "expected a positive integer (a number, or a string of digits as ${name}"
                        + " substitution gives: DataX reads it as Integer.valueOf of its text), got " + JSON.toJSONString(value));
            } else if (n > 0) {
                any = true;
            }
        }
        if (!any) {
            findings.error("job.setting.speed", "set channel (a positive integer, e.g. {\"channel\": 4}): DataX needs channel, byte or record");
        }
        if (setting.get("errorLimit") instanceof JSONObject) {
            JSONObject limit = setting.getJSONObject("errorLimit");
            Object record = limit.get("record");
            boolean blank = record != null && String.valueOf(record).trim().isEmpty();
            Long n = record == null || blank ? null : engineLong(record);
            if (record != null && !blank && (n == null || n < 0)) {
                findings.error("job.setting.errorLimit.record", "expected an integer >= 0 (dirty records allowed), got " + JSON.toJSONString(record));
            }
            Object percentage = limit.get("percentage");
            Double d = percentage == null ? null : engineDouble(percentage);
            if (percentage != null && (d == null || d < 0 || d > 1)) {
                findings.error("job.setting.errorLimit.percentage", "expected a number between 0 and 1, got " + JSON.toJSONString(percentage));
            }
        }
    }

    /**
     * A setting as DataX's engine reads it ({@code Configuration.getInt}: {@code Integer.valueOf} of
     * the value's text), so {@code "2"} is 2 and {@code " 2"}, {@code 2.0} or 3000000000 are none.
     */
    static Integer engineInt(Object value) {
        if (value instanceof Map || value instanceof List) {
            return null;
        }
        try {
            return Integer.valueOf(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Configuration.getLong}: {@code Long.valueOf} of the value's text (a blank one counts as absent). */
    static Long engineLong(Object value) {
        if (value instanceof Map || value instanceof List) {
            return null;
        }
        try {
            return Long.valueOf(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Configuration.getDouble}: {@code Double.valueOf} of the value's text. */
    static Double engineDouble(Object value) {
        if (value instanceof Map || value instanceof List) {
            return null;
        }
        try {
            return Double.valueOf(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** String values (by path `parameter.a.b`, relative to a plugin) still holding `${name}` or `$name`. */
    static Map<String, String> placeholders(Map<String, Object> parameter) {
        return Placeholders.values(parameter, "parameter", Placeholders.REFERENCE);
    }
}
