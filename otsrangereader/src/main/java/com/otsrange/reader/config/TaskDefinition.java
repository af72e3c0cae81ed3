package com.otsrange.reader.config;

import com.otsrange.reader.filter.FilterSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One partition key to export: its columns (verbatim) and its own filters (ANDed with the job's). */
public final class TaskDefinition {
    private final String keyText;
    private final List<String> columns;
    private final FilterSpec filters;
    /** "inline" or the task file it came from, for messages. */
    private final String origin;
    private final String path;

    public TaskDefinition(String keyText, List<String> columns, FilterSpec filters, String origin, String path) {
        this.keyText = keyText;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.filters = filters;
        this.origin = origin;
        this.path = path;
    }

    /** The key exactly as written in JSON (converted to the partition key's type later). */
    public String keyText() {
        return keyText;
    }

    public List<String> columns() {
        return columns;
    }

    public FilterSpec filters() {
        return filters;
    }

    public String origin() {
        return origin;
    }

    /** JSON path of this definition, for messages. */
    public String path() {
        return path;
    }
}
