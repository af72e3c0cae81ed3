package com.otsrange.reader.plan;

import com.otsrange.common.FileParts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which file units are read in parts by several DataX tasks at once (docs/DESIGN.md,
 * "Parallel reads inside one file"). A unit is cut when it alone is worth at least about two
 * channels' share of the job, weighed again after a probe of where its rows are: into as many
 * parts as shares it is then worth, at most the job's channels and {@code maxPartsPerFile}. Parts cost a second write of the file's bytes (part files, then the
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

    /** Where a candidate unit's rows are: [first, last + 1) of its sort key inside its window, or null when it has none. */
    interface Prober {
        Map<Unit, long[]> extents(List<Unit> candidates);
    }

    /**
     * @param units    whole units in plan order, none of them {@link #recorded}
     * @param cuttable per unit, whether its layout allows parts (see {@link Planner})
     * @param resumed  whole units that are {@link #recorded}
     * @param prober   asked (two requests per unit) only for the units the time-span estimate would
     *                 cut: an empty one is not cut and weighs next to nothing, and the others are cut
     *                 over where their rows are (a year file whose rows end in June gets its parts
     *                 in January to June, not two of them empty)
     * @return the units, heavy ones replaced by their parts (in part order), then the missing parts of the resumed ones
     */
    List<Unit> cut(List<Unit> units, List<Boolean> cuttable, List<Unit> resumed, Prober prober) {
        double share = total(units) / Math.max(1, channels);
        List<Unit> candidates = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (cuttable.get(i) && parts(u.weight(), share, u.to() - u.from()) >= 2) {
                candidates.add(u);
            }
        }
        Map<Unit, long[]> extents = candidates.isEmpty() ? Collections.<Unit, long[]>emptyMap() : prober.extents(candidates);
        Set<Unit> probed = Collections.newSetFromMap(new IdentityHashMap<Unit, Boolean>());
        probed.addAll(candidates);
        List<Unit> weighed = new ArrayList<>(units.size());
        for (Unit u : units) {
            if (!probed.contains(u)) {
                weighed.add(u);
                continue;
            }
            long[] e = extents.get(u);
            // an empty unit still costs a request or two: never weigh it zero
            double rowsShare = e == null ? 0 : (double) (e[1] - e[0]) / (double) (u.to() - u.from());
            weighed.add(u.reweighted(u.weight() * Math.max(EMPTY_SHARE, rowsShare)));
        }
        share = total(weighed) / Math.max(1, channels);
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = weighed.get(i);
            long[] e = probed.contains(units.get(i)) ? extents.get(units.get(i)) : null;
            int n = e == null ? 1 : parts(u.weight(), share, e[1] - e[0]);
            if (n < 2) {
                out.add(u);
                continue;
            }
            for (int k = 0; k < n; k++) {
                out.add(u.part(new FileParts.Part(k, n, e[0], e[1], u.from(), u.to())));
            }
        }
        for (Unit u : resumed) {
            for (FileParts.Part p : toRedo.get(u.id())) {
                out.add(u.part(p));
            }
        }
        return Collections.unmodifiableList(out);
    }

    static final double EMPTY_SHARE = 1e-6;

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
