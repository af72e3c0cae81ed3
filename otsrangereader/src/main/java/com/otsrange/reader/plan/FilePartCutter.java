package com.otsrange.reader.plan;

import com.otsrange.common.FileParts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Decides which file units are read in parts by several DataX tasks at once (docs/DESIGN.md,
 * "Parallel reads inside one file"). A unit is cut when it alone is worth at least about two
 * channels' share of the job's rows (estimated from a small sample of each unit): into as many
 * parts as shares it is worth, at most the job's channels and {@code maxPartsPerFile}, cut where a
 * probe finds its rows. Parts cost a second write of the file's bytes (part files, then the
 * joined file) and delay its commit to the end of the job, so a unit that one task finishes within
 * its share of the job is never cut. A unit a resumed run finds half done keeps the cut recorded
 * in the writer's checkpoint, whatever the estimate says now, and only its missing parts are read.
 */
final class FilePartCutter {
    private final int channels;
    private final int maxParts;
    private final Map<String, List<FileParts.Part>> toRedo;

    /**
     * @param channels the job's channels: more parts than channels run one after the other
     * @param maxParts {@code maxPartsPerFile}; 1 cuts nothing (recorded cuts are still honoured)
     * @param toRedo   resume: units the checkpoint has parts of -> the parts still to read (empty:
     *                 all recorded, the writer joins them)
     */
    FilePartCutter(int channels, int maxParts, Map<String, List<FileParts.Part>> toRedo) {
        this.channels = channels;
        this.maxParts = maxParts;
        this.toRedo = toRedo;
    }

    /** Units whose parts a resumed run has recorded: left out whole, their missing parts planned instead. */
    boolean recorded(String unitId) {
        return toRedo.containsKey(unitId);
    }

    /** Where a candidate unit's rows are: [first, last + 1) of its sort key inside its window (absent when it has none). */
    interface Prober {
        Map<Unit, long[]> extents(List<Unit> candidates);
    }

    /** How many rows each unit exports, estimated (one small GetRange page per unit, {@link RowSampler}). */
    interface RowCounter {
        double[] rows(List<Unit> units);
    }

    /**
     * @param units    whole units in plan order, none of them {@link #recorded}
     * @param cuttable per unit, whether its layout allows parts (see {@link Planner})
     * @param resumed  whole units that are {@link #recorded}
     * @param counter  asked once, only when some unit could be cut, for the rows of every unit: a
     *                 file is heavy by its rows, not by its time span (a key with a hundred times
     *                 the rows of its neighbours over the same year is the one to cut). Every unit
     *                 is then weighed by its rows, so the grouper spreads the parts over tasks
     * @param prober   asked (two requests per unit) only for the units the row estimate would cut,
     *                 which are cut over where their rows are (a year file whose rows end in June
     *                 gets its parts in January to June, not two of them empty); one found without
     *                 rows is read whole
     * @return the units, heavy ones replaced by their parts (in part order), then the missing parts of the resumed ones
     */
    List<Unit> cut(List<Unit> units, List<Boolean> cuttable, List<Unit> resumed, RowCounter counter, Prober prober) {
        List<Unit> all = new ArrayList<>(units);
        all.addAll(resumed);
        if (!cutsAny(cuttable)) {
            return withResumedParts(units, all, units.size());
        }
        double[] rows = counter.rows(all);
        List<Unit> weighed = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            // a unit without rows still costs a request
            weighed.add(all.get(i).reweighted(Math.max(MIN_WEIGHT, rows[i])));
        }
        double share = total(weighed) / channels;
        List<Unit> candidates = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = weighed.get(i);
            if (cuttable.get(i) && parts(u.weight(), share, u.to() - u.from()) >= 2) {
                candidates.add(u);
            }
        }
        Map<Unit, long[]> extents = candidates.isEmpty() ? Collections.<Unit, long[]>emptyMap() : prober.extents(candidates);
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = weighed.get(i);
            long[] e = extents.get(u);
            int n = e == null ? 1 : parts(u.weight(), share, e[1] - e[0]);
            if (n < 2) {
                out.add(u);
                continue;
            }
            for (int k = 0; k < n; k++) {
                out.add(u.part(new FileParts.Part(k, n, e[0], e[1], u.from(), u.to())));
            }
        }
        return withResumedParts(out, weighed, units.size());
    }

    /** Whether any unit may be cut at all: only then are rows worth counting. */
    private boolean cutsAny(List<Boolean> cuttable) {
        return channels >= 2 && maxParts >= 2 && cuttable.contains(Boolean.TRUE);
    }

    /** {@code head}, then the parts still to read of the resumed units ({@code all} from index {@code from} on). */
    private List<Unit> withResumedParts(List<Unit> head, List<Unit> all, int from) {
        List<Unit> out = new ArrayList<>(head);
        for (Unit u : all.subList(from, all.size())) {
            for (FileParts.Part p : toRedo.get(u.id())) {
                out.add(u.part(p));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Weight of a unit the estimate finds empty: about one row's worth, for the request it still costs. */
    static final double MIN_WEIGHT = 1;

    private static double total(List<Unit> units) {
        double total = 0;
        for (Unit u : units) {
            total += u.weight();
        }
        return total;
    }

    /** Shares of the job the unit is worth, rounded, within the limits; a window narrower than n values is not cut. */
    int parts(double weight, double share, long width) {
        if (channels < 2 || maxParts < 2 || share <= 0) {
            return 1;
        }
        long n = Math.round(weight / share);
        n = Math.min(n, Math.min(channels, maxParts));
        n = Math.min(n, width);
        return (int) Math.max(1, n);
    }
}
