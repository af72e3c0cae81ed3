package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.otsrange.common.FileNamePattern;
import com.otsrange.common.RecordLayout;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * csvyearwriter's parameter, every rule the writer applies when its Job starts (WriterSpec), but
 * collecting all problems instead of stopping at the first. With another reader than
 * otsrangereader ("generic mode") the writer needs the record column parameters too.
 */
final class WriterParameterCheck implements ParameterCheck {

    @Override
    public String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                        PluginFindings findings) {
        return check(parameter, peerName, findings);
    }

    /** @param readerName the peer reader's name: anything but otsrangereader means generic mode */
    String check(Map<String, Object> parameter, String readerName, PluginFindings findings) {
        Object path = parameter.get("path");
        if (!(path instanceof String) || ((String) path).trim().isEmpty()) {
            findings.add("parameter.path", "missing; the output folder, e.g. \"output_data\"");
        }
        Object fileName = parameter.get("fileName");
        String pattern = RecordLayout.DEFAULT_FILE_NAME;
        if (fileName != null) {
            if (fileName instanceof String) {
                pattern = (String) fileName;
            } else {
                findings.add("parameter.fileName", "expected a string pattern such as \"" + RecordLayout.DEFAULT_FILE_NAME + "\"");
            }
        }
        try {
            FileNamePattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            findings.add("parameter.fileName", e.getMessage());
        }
        oneOf(parameter, "compress", Arrays.asList("none", "gzip"), findings);
        oneOf(parameter, "writeMode", Arrays.asList("truncate", "append", "nonConflict"), findings);
        bool(parameter, "header", findings);
        Object encoding = parameter.get("encoding");
        if (encoding != null) {
            try {
                if (!Charset.forName(String.valueOf(encoding)).canEncode()) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException e) {
                findings.add("parameter.encoding", "unknown charset " + JSON.toJSONString(encoding) + "; e.g. UTF-8, GBK, ISO-8859-1");
            }
        }
        Object nullFormat = parameter.get("nullFormat");
        if (nullFormat != null && String.valueOf(nullFormat).matches("(?s).*[,\"\r\n].*")) {
            findings.add("parameter.nullFormat", "must not contain a comma, double quote or line break, e.g. \"\" or \"\\\\N\"");
        }
        Object dateFormat = parameter.get("dateFormat");
        if (dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(String.valueOf(dateFormat));
            } catch (IllegalArgumentException e) {
                findings.add("parameter.dateFormat", "not a java.time pattern (" + e.getMessage() + "), e.g. \"yyyy-MM-dd HH:mm:ss.SSS\"");
            }
        }
        Object lineSeparator = parameter.get("lineSeparator");
        if (lineSeparator != null && !Arrays.asList("\n", "\r\n", "\r").contains(lineSeparator)) {
            findings.add("parameter.lineSeparator", "expected \"\\n\" (default), \"\\r\\n\" or \"\\r\", got " + JSON.toJSONString(lineSeparator));
        }
        boolean generic = !RecordLayout.READER_NAME.equals(readerName);
        if (generic) {
            genericMode(parameter, findings);
        }
        return "path " + path + ", fileName " + pattern + (generic ? ", generic mode (records from " + readerName + ")" : "");
    }

    private static void genericMode(Map<String, Object> parameter, PluginFindings findings) {
        index(parameter, "partitionKeyColumn", findings);
        index(parameter, "timeColumn", findings);
        Object columns = parameter.get("columns");
        int columnCount = -1;
        if (columns != null) {
            if (!(columns instanceof List)) {
                findings.add("parameter.columns", "expected a JSON array of 0-based record column indexes");
            } else {
                List<?> list = (List<?>) columns;
                columnCount = list.size();
                for (int i = 0; i < list.size(); i++) {
                    if (!isIndex(list.get(i))) {
                        findings.add("parameter.columns[" + i + "]", "expected a 0-based record column index, got " + JSON.toJSONString(list.get(i)));
                    }
                }
            }
        }
        Object names = parameter.get("columnNames");
        if (names != null && !(names instanceof List)) {
            findings.add("parameter.columnNames", "expected a JSON array of header names");
        } else if (names != null && columnCount >= 0 && ((List<?>) names).size() != columnCount) {
            findings.add("parameter.columnNames", "has " + ((List<?>) names).size() + " names for " + columnCount
                    + " entries of parameter.columns: one name per column");
        }
        Object header = parameter.get("header");
        if (names == null && (header == null || Boolean.TRUE.equals(header) || "true".equals(header))) {
            findings.add("parameter.columnNames", "missing: with a reader other than otsrangereader the header names are needed "
                    + "(or \"header\": false)");
        }
        Object unit = parameter.get("timeUnit");
        if (unit != null && !Arrays.asList("ms", "s", "us", "date").contains(String.valueOf(unit).trim())) {
            findings.add("parameter.timeUnit", "expected \"ms\" (default), \"s\", \"us\" or \"date\", got " + JSON.toJSONString(unit));
        }
        Object zone = parameter.get("timeZone");
        if (zone != null) {
            try {
                ZoneId.of(String.valueOf(zone));
            } catch (DateTimeException e) {
                findings.add("parameter.timeZone", "unknown zone " + JSON.toJSONString(zone) + "; e.g. UTC, Asia/Shanghai, +08:00");
            }
        }
        Object maxOpenFiles = parameter.get("maxOpenFiles");
        if (maxOpenFiles != null && !(maxOpenFiles instanceof Integer && (Integer) maxOpenFiles >= 1 && (Integer) maxOpenFiles <= 4096)) {
            findings.add("parameter.maxOpenFiles", "expected an integer between 1 and 4096, got " + JSON.toJSONString(maxOpenFiles));
        }
    }

    private static void index(Map<String, Object> parameter, String key, PluginFindings findings) {
        Object value = parameter.get(key);
        if (value == null) {
            findings.add("parameter." + key, "missing: the 0-based record column index (needed when the reader is not otsrangereader)");
        } else if (!isIndex(value)) {
            findings.add("parameter." + key, "expected a 0-based record column index, got " + JSON.toJSONString(value));
        }
    }

    private static boolean isIndex(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value).trim()) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void bool(Map<String, Object> parameter, String key, PluginFindings findings) {
        Object value = parameter.get(key);
        if (value != null && !(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
            findings.add("parameter." + key, "expected true or false, got " + JSON.toJSONString(value));
        }
    }

    private static void oneOf(Map<String, Object> parameter, String key, List<String> valid, PluginFindings findings) {
        Object value = parameter.get(key);
        if (value == null) {
            return;
        }
        for (String v : valid) {
            if (v.equalsIgnoreCase(String.valueOf(value).trim())) {
                return;
            }
        }
        findings.add("parameter." + key, "invalid value " + JSON.toJSONString(value) + "; valid: " + valid);
    }
}
