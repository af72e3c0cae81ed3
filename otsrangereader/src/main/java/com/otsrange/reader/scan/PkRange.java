package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.otsrange.reader.filter.PkValues;

import java.util.Comparator;

/** One GetRange interval: inclusive start, exclusive end (both full primary keys, INF allowed). */
public final class PkRange {
    public static final Comparator<PrimaryKey> PK_ORDER = PkRange::compare;

    private final PrimaryKey start;
    private final PrimaryKey end;

    public PkRange(PrimaryKey start, PrimaryKey end) {
        this.start = start;
        this.end = end;
    }

    public PrimaryKey start() {
        return start;
    }

    public PrimaryKey end() {
        return end;
    }

    public boolean isEmpty() {
        return compare(start, end) >= 0;
    }

    public static int compare(PrimaryKey a, PrimaryKey b) {
        PrimaryKeyColumn[] x = a.getPrimaryKeyColumns();
        PrimaryKeyColumn[] y = b.getPrimaryKeyColumns();
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = PkValues.compare(x[i].getValue(), y[i].getValue());
            if (c != 0) {
                return c;
            }
        }
        return x.length - y.length;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
