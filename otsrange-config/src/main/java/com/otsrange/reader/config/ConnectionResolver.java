package com.otsrange.reader.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.Problems;
import com.otsrange.config.Param;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the four connection fields, each independently, with precedence
 * inline parameter > {@code connectionFile} > environment ({@code OTS_ENDPOINT}, {@code OTS_ACCESS_ID},
 * {@code OTS_ACCESS_KEY}, {@code OTS_INSTANCE_NAME}). The connection file accepts our camelCase
 * names and the Python exporter's snake_case names.
 */
final class ConnectionResolver {
    static final List<Param<String>> FIELDS = Arrays.asList(ReaderParams.ENDPOINT, ReaderParams.ACCESS_ID, ReaderParams.ACCESS_KEY,
        ReaderParams.INSTANCE_NAME);
    static final String[] ENV = {"OTS_ENDPOINT", "OTS_ACCESS_ID", "OTS_ACCESS_KEY", "OTS_INSTANCE_NAME"};
    private static final Map<String, String> FILE_ALIASES = new HashMap<>();
    private static final List<String> FILE_KEYS = Arrays.asList("endpoint", "accessId", "accessKey", "instanceName",
            "access_key_id", "access_key_secret", "instance_name", "accessKeyId", "accessKeySecret");

    static {
        FILE_ALIASES.put("access_key_id", "accessId");
        FILE_ALIASES.put("accessKeyId", "accessId");
        FILE_ALIASES.put("access_key_secret", "accessKey");
        FILE_ALIASES.put("accessKeySecret", "accessKey");
        FILE_ALIASES.put("instance_name", "instanceName");
    }

    private ConnectionResolver() {
    }

    static ConnectionSpec resolve(Map<String, Object> parameter, Path workingDir, Map<String, String> env, Problems problems) {
        Map<String, String> fromFile = new HashMap<>();
        String fileText = null;
        if (ReaderParams.CONNECTION_FILE.given(parameter) != null) {
            fileText = ReaderParams.CONNECTION_FILE.read(parameter, ReaderParams.AT, problems);
            if (fileText != null) {
                readFile(workingDir.resolve(fileText), fileText, fromFile, problems);
            }
        }
        String[] values = new String[FIELDS.size()];
        String[] origins = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            String f = FIELDS.get(i).name();
            String v = null;
            if (FIELDS.get(i).given(parameter) != null) {
                v = FIELDS.get(i).read(parameter, ReaderParams.AT, problems);
                if (v == null) {
                    continue;
                }
            }
            if (v == null) {
                v = fromFile.get(f);
                origins[i] = v == null ? null : " (from the connectionFile " + fileText + ")";
            }
            if (v == null) {
                String e = env.get(ENV[i]);
                v = e == null || e.trim().isEmpty() ? null : e.trim();
                origins[i] = v == null ? null : " (from the environment variable " + ENV[i] + ")";
            }
            if (v == null) {
                problems.add("parameter." + f, "missing; set it in the job, in the connectionFile"
                        + (fileText == null ? "" : " (" + fileText + ")") + " or in the environment variable " + ENV[i]);
            }
            values[i] = v;
        }
        String endpointProblem = values[0] == null ? null : EndpointRule.problem(values[0]);
        if (endpointProblem != null) {
            problems.add("parameter.endpoint" + (origins[0] == null ? "" : origins[0]), endpointProblem);
        }
        // the SDK's own rule for instance names (it refuses others only when the client is built)
        if (values[3] != null && !values[3].matches("[A-Za-z0-9_-]+")) {
            problems.add("parameter.instanceName" + (origins[3] == null ? "" : origins[3]), "invalid instance name "
                    + Problems.show(values[3]) + ": only letters, digits, '_' and '-' (the name shown in the TableStore console)");
        }
        return new ConnectionSpec(values[0], values[1], values[2], values[3]);
    }

    private static void readFile(Path file, String shown, Map<String, String> out, Problems problems) {
        String path = "parameter.connectionFile";
        JSONObject json;
        try {
            json = JSON.parseObject(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(path, "cannot read " + Problems.show(shown) + " (" + e.getClass().getSimpleName() + ")");
            return;
        } catch (RuntimeException e) {
            problems.add(path, Problems.show(shown) + " is not a JSON object (keys endpoint, accessId, accessKey, instanceName "
                    + "or access_key_id, access_key_secret, instance_name)");
            return;
        }
        if (json == null) {
            problems.add(path, Problems.show(shown) + " is empty");
            return;
        }
        for (Map.Entry<String, Object> e : json.entrySet()) {
            String key = e.getKey();
            if (!FILE_KEYS.contains(key)) {
                problems.add(path + " (" + shown + ")." + key, "unknown key; valid keys: " + String.join(", ", FILE_KEYS));
                continue;
            }
            String canonical = FILE_ALIASES.containsKey(key) ? FILE_ALIASES.get(key) : key;
            Object v = e.getValue();
            if (!(v instanceof String) || ((String) v).trim().isEmpty()) {
                problems.add(path + " (" + shown + ")." + key, "expected a non-empty string");
                continue;
            }
            out.put(canonical, ((String) v).trim());
        }
    }
}
