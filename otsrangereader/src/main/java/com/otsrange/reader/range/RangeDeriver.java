package com.otsrange.reader.range;

import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.config.Op;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.scan.PkRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The tightest GetRange intervals for one slice, from the primary-key order: eq/in on leading
 * columns give prefix combinations (several ranges), the first column with a range condition
 * bounds them, the rest stays open. Whatever the ranges do not express (ne, notIn, conditions on
 * later columns) is rechecked on the client, so ranges may only be wider than the answer.
 */
public final class RangeDeriver {
    private final TableSchema schema;
    private final int maxRanges;

    public RangeDeriver(TableSchema schema, int maxRanges) {
        this.schema = schema;
        this.maxRanges = maxRanges;
    }

    /** Constraint on one column: a sorted point set, an interval, or nothing possible. */
    static final class Constraint {
        List<PrimaryKeyValue> points; // null = interval
        PrimaryKeyValue lo = PrimaryKeyValue.INF_MIN;
        boolean loIncl = true;
        PrimaryKeyValue hi = PrimaryKeyValue.INF_MAX;
        boolean hiIncl = true;
        boolean empty;
    }

    /**
     * @param key        the partition key value (eq on the partition key column)
     * @param windowFrom inclusive lower bound on the sort key (raw)
     * @param windowTo   exclusive upper bound on the sort key (raw)
     */
    public List<PkRange> ranges(BoundFilter filter, PrimaryKeyValue key, long windowFrom, long windowTo) {
        int n = schema.size();
        List<List<PrimaryKeyValue>> prefixes = new ArrayList<>();
        prefixes.add(Collections.<PrimaryKeyValue>emptyList());
        for (int i = 0; i < n; i++) {
            Constraint c = constraint(filter, i, key, windowFrom, windowTo);
            if (c.empty) {
                return Collections.emptyList();
            }
            if (c.points != null && (long) prefixes.size() * c.points.size() <= maxRanges) {
                List<List<PrimaryKeyValue>> next = new ArrayList<>(prefixes.size() * c.points.size());
                for (List<PrimaryKeyValue> p : prefixes) {
                    for (PrimaryKeyValue v : c.points) {
                        List<PrimaryKeyValue> q = new ArrayList<>(p);
                        q.add(v);
                        next.add(q);
                    }
                }
                prefixes = next;
                continue;
            }
            if (c.points != null) { // too many combinations: scan the span of the points instead
                c.lo = c.points.get(0);
                c.hi = c.points.get(c.points.size() - 1);
                c.loIncl = true;
                c.hiIncl = true;
            }
            List<PkRange> out = new ArrayList<>(prefixes.size());
            for (List<PrimaryKeyValue> p : prefixes) {
                PkRange r = new PkRange(lower(p, c.lo, c.loIncl), upper(p, c.hi, c.hiIncl));
                if (!r.isEmpty()) {
                    out.add(r);
                }
            }
            return merge(out);
        }
        List<PkRange> out = new ArrayList<>(prefixes.size());
        for (List<PrimaryKeyValue> p : prefixes) { // every column pinned: one row per prefix
            List<PrimaryKeyValue> end = new ArrayList<>(p);
            end.set(n - 1, PkValues.successor(p.get(n - 1)));
            out.add(new PkRange(pk(p), pk(end)));
        }
        return merge(out);
    }

    /**
     * Whether the sort key is the column that bounds the ranges (every column before it pinned by
     * eq/in within maxRanges), so the first/last row of each range carries its smallest/largest time.
     */
    public boolean sortKeyBoundsRanges(BoundFilter filter, PrimaryKeyValue key) {
        long combos = 1;
        for (int i = 0; i < schema.sortIndex(); i++) {
            Constraint c = constraint(filter, i, key, Long.MIN_VALUE, Long.MAX_VALUE);
            if (c.empty) {
                return true;
            }
            if (c.points == null) {
                return false;
            }
            combos *= c.points.size();
            if (combos > maxRanges) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every column before the sort key is fixed to one value (the partition key, or eq),
     * so the rows of one key are in sort-key order and a later time window appended to a file
     * keeps it in primary-key order (incremental mode). Nothing matching counts as fixed.
     */
    public boolean fixedBeforeSortKey(BoundFilter filter, PrimaryKeyValue key) {
        for (int i = 0; i < schema.sortIndex(); i++) {
            Constraint c = constraint(filter, i, key, Long.MIN_VALUE, Long.MAX_VALUE);
            if (c.empty) {
                return true;
            }
            if (c.points == null || c.points.size() != 1) {
                return false;
            }
        }
        return true;
    }

    Constraint constraint(BoundFilter filter, int i, PrimaryKeyValue key, long windowFrom, long windowTo) {
        Constraint c = new Constraint();
        if (i == schema.partitionIndex()) {
            c.points = Collections.singletonList(key);
        }
        if (i == schema.sortIndex()) {
            c.lo = PrimaryKeyValue.fromLong(windowFrom);
            c.hi = PrimaryKeyValue.fromLong(windowTo);
            c.hiIncl = false;
        }
        for (BoundFilter.PkCondition pc : filter.onPk(i)) {
            List<PrimaryKeyValue> v = pc.values();
            switch (pc.op()) {
                case EQ:
                    c.points = intersect(c.points, v);
                    break;
                case IN:
                    c.points = intersect(c.points, v);
                    break;
                case GT:
                case GTE:
                    tightenLow(c, v.get(0), pc.op() == Op.GTE);
                    break;
                case LT:
                case LTE:
                    tightenHigh(c, v.get(0), pc.op() == Op.LTE);
                    break;
                case BETWEEN:
                    tightenLow(c, v.get(0), true);
                    tightenHigh(c, v.get(1), true);
                    break;
                default:
                    break; // ne / notIn: client only
            }
        }
        int cmp = PkValues.compare(c.lo, c.hi);
        boolean intervalEmpty = cmp > 0 || (cmp == 0 && !(c.loIncl && c.hiIncl));
        if (c.points != null) {
            List<PrimaryKeyValue> kept = new ArrayList<>();
            for (PrimaryKeyValue p : c.points) {
                if (!intervalEmpty && inside(c, p)) {
                    kept.add(p);
                }
            }
            c.points = kept;
            c.empty = kept.isEmpty();
        } else {
            c.empty = intervalEmpty;
        }
        return c;
    }

    private static boolean inside(Constraint c, PrimaryKeyValue p) {
        int a = PkValues.compare(p, c.lo);
        int b = PkValues.compare(p, c.hi);
        return (a > 0 || (a == 0 && c.loIncl)) && (b < 0 || (b == 0 && c.hiIncl));
    }

    private static void tightenLow(Constraint c, PrimaryKeyValue v, boolean incl) {
        int cmp = PkValues.compare(v, c.lo);
        if (cmp > 0 || (cmp == 0 && !incl)) {
            c.lo = v;
            c.loIncl = incl;
        }
    }

    private static void tightenHigh(Constraint c, PrimaryKeyValue v, boolean incl) {
        int cmp = PkValues.compare(v, c.hi);
        if (cmp < 0 || (cmp == 0 && !incl)) {
            c.hi = v;
            c.hiIncl = incl;
        }
    }

    private static List<PrimaryKeyValue> intersect(List<PrimaryKeyValue> current, List<PrimaryKeyValue> values) {
        TreeSet<PrimaryKeyValue> set = new TreeSet<>(PkValues.ORDER);
        set.addAll(values);
        if (current != null) {
            TreeSet<PrimaryKeyValue> cur = new TreeSet<>(PkValues.ORDER);
            cur.addAll(current);
            set.retainAll(cur);
        }
        return new ArrayList<>(set);
    }

    private PrimaryKey lower(List<PrimaryKeyValue> prefix, PrimaryKeyValue v, boolean incl) {
        return boundary(prefix, v, !incl);
    }

    private PrimaryKey upper(List<PrimaryKeyValue> prefix, PrimaryKeyValue v, boolean incl) {
        return boundary(prefix, v, incl);
    }

    /**
     * The key just before every row whose column here is {@code v} (afterV false) or just after all
     * of them (afterV true). GetRange starts inclusive and ends exclusive, so an inclusive lower
     * bound and an exclusive upper bound both sit before v, the other two after it.
     */
    private PrimaryKey boundary(List<PrimaryKeyValue> prefix, PrimaryKeyValue v, boolean afterV) {
        List<PrimaryKeyValue> cols = new ArrayList<>(prefix);
        int rest = schema.size() - prefix.size() - 1;
        if (v.isInfMin() || v.isInfMax()) {
            cols.add(v);
            fill(cols, v, rest);
        } else if (!afterV) {
            cols.add(v);
            fill(cols, PrimaryKeyValue.INF_MIN, rest);
        } else if (rest > 0) {
            cols.add(v);
            fill(cols, PrimaryKeyValue.INF_MAX, rest);
        } else {
            cols.add(PkValues.successor(v));
        }
        return pk(cols);
    }

    private static void fill(List<PrimaryKeyValue> cols, PrimaryKeyValue v, int count) {
        for (int i = 0; i < count; i++) {
            cols.add(v);
        }
    }

    private PrimaryKey pk(List<PrimaryKeyValue> values) {
        PrimaryKeyColumn[] cols = new PrimaryKeyColumn[values.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new PrimaryKeyColumn(schema.name(i), values.get(i));
        }
        return new PrimaryKey(cols);
    }

    /** Sorted by start, overlapping or touching ranges joined: disjoint, in primary-key order. */
    public static List<PkRange> merge(List<PkRange> ranges) {
        if (ranges.size() <= 1) {
            return ranges;
        }
        List<PkRange> sorted = new ArrayList<>(ranges);
        Collections.sort(sorted, (a, b) -> PkRange.compare(a.start(), b.start()));
        List<PkRange> out = new ArrayList<>();
        PkRange cur = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            PkRange r = sorted.get(i);
            if (PkRange.compare(r.start(), cur.end()) <= 0) {
                if (PkRange.compare(r.end(), cur.end()) > 0) {
                    cur = new PkRange(cur.start(), r.end());
                }
            } else {
                out.add(cur);
                cur = r;
            }
        }
        out.add(cur);
        return out;
    }
}
