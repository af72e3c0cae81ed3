package com.otsrange.cli;

import com.otsrange.common.FileNamePattern;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** csvyearwriter's parameter (CONTRACT section 4). */
final class WriterParameterCheck implements ParameterCheck {

    @Override
    public String check(Map<String, Object> parameter, Map<String, Object> peerParameter, Path workingDir, PluginFindings findings) {
        Object path = parameter.get("path");
        if (!(path instanceof String) || ((String) path).trim().isEmpty()) {
            findings.add("parameter.path", "missing; the output folder, e.g. \"output_data\"");
        }
        Object fileName = parameter.get("fileName");
        String pattern = "{partition_key}_{table}_{year}.csv";
        if (fileName != null) {
            if (fileName instanceof String) {
                pattern = (String) fileName;
            } else {
                findings.add("parameter.fileName", "expected a string pattern such as \"{partition_key}_{table}_{year}.csv\"");
            }
        }
        try {
            FileNamePattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            findings.add("parameter.fileName", e.getMessage());
        }
        oneOf(parameter, "compress", Arrays.asList("none", "gzip"), findings);
        oneOf(parameter, "writeMode", Arrays.asList("truncate", "append", "nonConflict"), findings);
        Object header = parameter.get("header");
        if (header != null && !(header instanceof Boolean)) {
            findings.add("parameter.header", "expected true or false");
        }
        Object encoding = parameter.get("encoding");
        if (encoding != null) {
            try {
                Charset.forName(String.valueOf(encoding));
            } catch (RuntimeException e) {
                findings.add("parameter.encoding", "unknown charset " + encoding + "; e.g. \"UTF-8\"");
            }
        }
        return "path " + path + ", fileName " + pattern;
    }

    private static void oneOf(Map<String, Object> parameter, String key, List<String> valid, PluginFindings findings) {
        Object value = parameter.get(key);
        if (value != null && !valid.contains(value)) {
            findings.add("parameter." + key, "invalid value " + com.alibaba.fastjson.JSON.toJSONString(value) + "; valid: " + valid);
        }
    }
}
