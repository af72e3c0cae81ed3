package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.PrimaryKey;

/** One answer of a range read: its rows, where the range continues (null = done) and its memory cost. */
public final class Page {
    final RowBlock rows;
    final PrimaryKey next;
    final long cost;

    public Page(RowBlock rows, PrimaryKey next, long cost) {
        this.rows = rows;
        this.next = next;
        this.cost = cost;
    }

    public RowBlock rows() {
        return rows;
    }

    public PrimaryKey next() {
        return next;
    }
}
