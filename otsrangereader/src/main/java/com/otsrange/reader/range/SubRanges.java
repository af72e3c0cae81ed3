package com.otsrange.reader.range;

import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.scan.OrderedPages;
import com.otsrange.reader.scan.RowBlock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts the rest of a range into sub-ranges of about {@code pagesPerPart} answers each, at even
 * steps of the sort key, so they can be read at once. The first answer gives the density: its
 * rows span the sort keys from its first row to the next start key, so the rest, up to the end
 * of the window, is about (window end - next) / (next - first) answers more.
 *
 * <p>Exact by construction: a cut is the key {@code (prefix, t, INF_MIN, ...)}, where prefix is
 * every column before the sort key. Only when the next start key and the range end share that
 * prefix (real values), so every row between them has it too, and rows between them are ordered
 * by the sort key first: then a row with sort key below {@code t} is before the cut and every
 * other row after it, and reading the parts one after the other gives the same rows in the same
 * order as reading the range in one go.
 */
public final class SubRanges implements OrderedPages.Splitter {
    private final TableSchema schema;
    private final long windowTo;
    private final int pagesPerPart;
    private final int maxParts;

    /** @param windowTo end (exclusive) of the sort keys the range's rows are wanted for */
    public SubRanges(TableSchema schema, long windowTo, int pagesPerPart, int maxParts) {
        this.schema = schema;
        this.windowTo = windowTo;
        this.pagesPerPart = pagesPerPart;
        this.maxParts = maxParts;
    }

    @Override
    public List<PrimaryKey> cuts(PrimaryKey next, PrimaryKey end, RowBlock firstPage) {
        int sort = schema.sortIndex();
        PrimaryKeyColumn[] n = next.getPrimaryKeyColumns();
        PrimaryKeyColumn[] e = end.getPrimaryKeyColumns();
        if (n.length != schema.size() || e.length != schema.size()) {
            return Collections.emptyList();
        }
        for (int i = 0; i < sort; i++) {
            PrimaryKeyValue v = e[i].getValue();
            if (v.isInfMin() || v.isInfMax() || PkValues.compare(v, n[i].getValue()) != 0) {
                return Collections.emptyList();
            }
        }
        long tNext = n[sort].getValue().asLong();
        PrimaryKeyValue endSort = e[sort].getValue();
        if (endSort.isInfMin()) {
            return Collections.emptyList();
        }
        long tEnd = endSort.isInfMax() ? windowTo : Math.min(windowTo, endSort.asLong());
        long tFirst = firstPage.firstSortKey(schema.names().get(sort), sort);
        // in doubles: sort keys may span the whole long range
        double span = (double) tEnd - (double) tNext;
        double covered = (double) tNext - (double) tFirst;
        if (covered <= 0 || span < 2) {
            return Collections.emptyList();
        }
        double parts = Math.min(Math.min(maxParts, span), Math.ceil(span / covered / pagesPerPart));
        if (parts < 2) {
            return Collections.emptyList();
        }
        List<PrimaryKey> cuts = new ArrayList<>();
        long last = tNext;
        for (int k = 1; k < parts; k++) {
            long t = (long) ((double) tNext + span * k / parts);
            if (t > last && t < tEnd) {
                cuts.add(cut(n, sort, t));
                last = t;
            }
        }
        return cuts;
    }

    /** (prefix of {@code key}, t, INF_MIN, ...): the first key of sort key t under that prefix. */
    private static PrimaryKey cut(PrimaryKeyColumn[] key, int sort, long t) {
        List<PrimaryKeyColumn> cols = new ArrayList<>(key.length);
        for (int i = 0; i < key.length; i++) {
            PrimaryKeyValue v = i < sort ? key[i].getValue() : i == sort ? PrimaryKeyValue.fromLong(t) : PrimaryKeyValue.INF_MIN;
            cols.add(new PrimaryKeyColumn(key[i].getName(), v));
        }
        return new PrimaryKey(cols);
    }
}
