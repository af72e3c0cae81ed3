package com.otsrange.reader.range;

import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.scan.PkRange;

import java.util.List;

/**
 * Whether a run of consecutive units of one key can be read as ONE GetRange range and cut into
 * units on the client by the sort key, and that range. It can when every unit is one range, all
 * of them under the same pinned prefix (the partition key and every column before the sort key
 * fixed to one value each), and unit k's range ends exactly where unit k+1's begins, at
 * {@code (prefix, to_k, INF_MIN, ...)}. Then the joined range is ordered by the sort key first, a
 * row with time in [from_k, to_k) lies in unit k's range and nowhere else, so cutting the joined
 * range's rows by time gives each unit exactly its own rows in the same order: the output cannot
 * differ from reading unit by unit. Any other layout (several prefix combinations, an open
 * column before the sort key, the sort key first, an empty unit range) returns null and is read
 * unit by unit.
 */
public final class RunRange {
    private RunRange() {
    }

    /**
     * @param unitEnds each unit's window end (exclusive), the run's units in time order, windows touching
     * @param perUnit  each unit's merged ranges (as {@code UnitReader.ranges} derives them)
     * @return the single range covering the run, or null when the run must be read unit by unit
     */
    public static PkRange of(TableSchema schema, long[] unitEnds, List<List<PkRange>> perUnit) {
        int n = unitEnds.length;
        int sort = schema.sortIndex();
        // the partition key must be pinned before the sort key, or the range holds other keys' rows too
        if (n < 2 || schema.partitionIndex() > sort) {
            return null;
        }
        for (List<PkRange> ranges : perUnit) {
            if (ranges.size() != 1) {
                return null;
            }
        }
        PrimaryKeyColumn[] first = perUnit.get(0).get(0).start().getPrimaryKeyColumns();
        PrimaryKeyColumn[] last = perUnit.get(n - 1).get(0).end().getPrimaryKeyColumns();
        if (!pinnedPrefix(first, first, sort) || !pinnedPrefix(first, last, sort)) {
            return null;
        }
        for (int k = 0; k + 1 < n; k++) {
            PkRange a = perUnit.get(k).get(0);
            PkRange b = perUnit.get(k + 1).get(0);
            if (PkRange.compare(a.end(), b.start()) != 0 || !boundaryAt(first, a.end().getPrimaryKeyColumns(), sort, unitEnds[k])) {
                return null;
            }
        }
        return new PkRange(perUnit.get(0).get(0).start(), perUnit.get(n - 1).get(0).end());
    }

    /** Columns before the sort key are real values (no INF) equal to the reference key's. */
    private static boolean pinnedPrefix(PrimaryKeyColumn[] reference, PrimaryKeyColumn[] key, int sort) {
        if (key.length != reference.length || key.length <= sort) {
            return false;
        }
        for (int i = 0; i < sort; i++) {
            PrimaryKeyValue v = key[i].getValue();
            if (v.isInfMin() || v.isInfMax() || PkValues.compare(v, reference[i].getValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The key is {@code (prefix, to, INF_MIN, ...)}: the first key of time {@code to}. */
    private static boolean boundaryAt(PrimaryKeyColumn[] reference, PrimaryKeyColumn[] key, int sort, long to) {
        if (!pinnedPrefix(reference, key, sort)) {
            return false;
        }
        PrimaryKeyValue t = key[sort].getValue();
        if (t.isInfMin() || t.isInfMax() || t.asLong() != to) {
            return false;
        }
        for (int i = sort + 1; i < key.length; i++) {
            if (!key[i].getValue().isInfMin()) {
                return false;
            }
        }
        return true;
    }
}
