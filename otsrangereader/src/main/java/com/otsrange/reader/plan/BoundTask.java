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
    private final FilterSpec restateFilters;
    private final BoundFilter restateBound;

    public BoundTask(PrimaryKeyValue key, String keyText, List<String> header, FilterSpec filters, BoundFilter bound) {
        this(key, keyText, header, filters, bound, filters, bound);
    }

    /**
     * @param restateFilters the filters a restated unit is read with: {@code filters} without the job's
     *                       conditions on the sort key (in incremental mode they are this run's window,
     *                       and a restatement reads committed windows before it)
     */
    public BoundTask(PrimaryKeyValue key, String keyText, List<String> header, FilterSpec filters, BoundFilter bound,
                     FilterSpec restateFilters, BoundFilter restateBound) {
        this.key = key;
        this.keyText = keyText;
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.filters = filters;
        this.bound = bound;
        this.restateFilters = restateFilters;
        this.restateBound = restateBound;
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

    /**
     * The filters of a restated unit: {@link #filters()} without the job's window on the sort key
     * (the task's own conditions on it stay); {@link #filters()} itself when the run restates nothing.
     */
    public FilterSpec restateFilters() {
        return restateFilters;
    }

    /** {@link #restateFilters()} typed. */
    public BoundFilter restateBound() {
        return restateBound;
    }

    /** The filters {@code unit} of this task is read with: a restated unit's, or the run's. */
    public FilterSpec filters(Unit unit) {
        return unit.restate() == null ? filters : restateFilters;
    }

    /** {@link #filters(Unit)} typed. */
    public BoundFilter bound(Unit unit) {
        return unit.restate() == null ? bound : restateBound;
    }
}
