package com.otsrange.reader.config;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One partition key to export: its columns (verbatim) and its own filters (ANDed with the job's). */
public final class TaskDefinition {
    private final String keyText;
    private final List<String> columns;
    /** null when the definition gives none (the compact form never does). */
    private final FilterSpec filters;
    private final boolean compact;
    /** "inline" or the task file it came from, for messages. */
    private final String origin;
    private final String path;

    /**
     * @param filters the definition's own filters, null when it gives none
     * @param compact written as {@code "key": [columns]} rather than {@code "key": {"columns": [...]}}
     */
    public TaskDefinition(String keyText, List<String> columns, FilterSpec filters, boolean compact, String origin, String path) {
        this.keyText = keyText;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.filters = filters;
        this.compact = compact;
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
        return filters == null ? FilterSpec.NONE : filters;
    }

    /** Whether the definition gives filters of its own (an empty object counts). */
    public boolean filtersGiven() {
        return filters != null;
    }

    public boolean compact() {
        return compact;
    }

    public String origin() {
        return origin;
    }

    /** JSON path of this definition, for messages. */
    public String path() {
        return path;
    }
}
