package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.BoundFilter;

import java.util.List;

/** One unit as a reader task executes it. Header lists and filters are shared between units. */
public final class UnitWork {
    public final PrimaryKeyValue key;
    public final String keyText;
    public final List<String> header;
    public final BoundFilter filter;
    public final String unitId;
    public final long from;
    public final long to;

    public UnitWork(PrimaryKeyValue key, String keyText, List<String> header, BoundFilter filter, String unitId, long from, long to) {
        this.key = key;
        this.keyText = keyText;
        this.header = header;
        this.filter = filter;
        this.unitId = unitId;
        this.from = from;
        this.to = to;
    }
}
