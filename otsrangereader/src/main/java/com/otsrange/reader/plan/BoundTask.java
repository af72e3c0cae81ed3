package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.config.FilterSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A task definition typed against the table: key value, header and its combined filters. */
public final class BoundTask {
    private final PrimaryKeyValue key;
    private final String keyText;
    private final List<String> header;
    private final FilterSpec filters;
    private final BoundFilter bound;

    public BoundTask(PrimaryKeyValue key, String keyText, List<String> header, FilterSpec filters, BoundFilter bound) {
        this.key = key;
        this.keyText = keyText;
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.filters = filters;
        this.bound = bound;
    }

    public PrimaryKeyValue key() {
        return key;
    }

    /** Canonical text of the typed key (unit ids, file names). */
    public String keyText() {
        return keyText;
    }

    public List<String> header() {
        return header;
    }

    /** Job filters AND this task's filters. */
    public FilterSpec filters() {
        return filters;
    }

    public BoundFilter bound() {
        return bound;
    }
}
