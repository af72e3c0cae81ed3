package com.otsrange.reader.task;

import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.FileParts;
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
    /** The part of the unit this is ([from, to) is the part's window), or null for the whole unit. */
    public final FileParts.Part part;
    /** A restated unit's mark ([from, to) is then what it reads again), or null. */
    public final RestateRead restate;

    public UnitWork(PrimaryKeyValue key, String keyText, List<String> header, BoundFilter filter, String unitId, long from, long to) {
        this(key, keyText, header, filter, unitId, from, to, null, null);
    }

    public UnitWork(PrimaryKeyValue key, String keyText, List<String> header, BoundFilter filter, String unitId, long from, long to,
                    FileParts.Part part, RestateRead restate) {
        this.key = key;
        this.keyText = keyText;
        this.header = header;
        this.filter = filter;
        this.unitId = unitId;
        this.from = from;
        this.to = to;
        this.part = part;
        this.restate = restate;
    }
}
