package com.otsrange.runner;

import com.alibaba.datax.common.plugin.JobPluginCollector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages tasks collected with collectMessage, readable by the Job plugins. */
final class JobMessages implements JobPluginCollector {

    private final Map<String, List<String>> messages = new LinkedHashMap<>();

    synchronized void add(String key, String value) {
        messages.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    @Override
    public synchronized Map<String, List<String>> getMessage() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        messages.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    @Override
    public synchronized List<String> getMessage(String key) {
        List<String> values = messages.get(key);
        return values == null ? null : new ArrayList<>(values);
    }
}
