package com.otsrange.reader.changes;

import com.otsrange.common.TimeWindow;
import com.otsrange.common.WindowLedger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The committed time of an incremental job as restatement sees it: the done windows as they were
 * run (disjoint; each unit's file has a byte offset at each of their ends, so a restatement
 * starts at one of their starts), and, in a run that completes an interrupted window, that window
 * for the units already committed in it.
 */
final class CommittedWindows {
    private final List<TimeWindow> done;
    private final TimeWindow completing;
    private final Set<String> committedInCompleting;

    CommittedWindows(List<TimeWindow> done, TimeWindow completing, Set<String> committedInCompleting) {
        List<TimeWindow> sorted = new ArrayList<>(done);
        Collections.sort(sorted, (a, b) -> Long.compare(a.from(), b.from()));
        this.done = Collections.unmodifiableList(sorted);
        this.completing = completing;
        this.committedInCompleting = committedInCompleting;
    }

    /** The ledger's done windows and, when this run completes an interrupted window, that one. */
    static CommittedWindows of(WindowLedger ledger, WindowLedger.Decision decision) {
        boolean completes = decision.kind() == WindowLedger.Decision.Kind.RESUME;
        return new CommittedWindows(ledger.done(), completes ? decision.window() : null,
                completes ? decision.committedUnits() : Collections.<String>emptySet());
    }

    /** Done windows by start. */
    List<TimeWindow> done() {
        return done;
    }

    /** The interrupted window this run completes, or null. */
    TimeWindow completing() {
        return completing;
    }

    /** The done windows joined, for messages. */
    List<TimeWindow> union() {
        return TimeWindow.union(done);
    }

    boolean isEmpty() {
        return done.isEmpty() && completing == null;
    }

    /**
     * Whether the raw time {@code t} lies in a done window or the window being completed: false
     * means {@link #holding} is null for every unit (tested first on the stream's hot path).
     */
    boolean mayHold(long t) {
        return doneHolding(t) != null || completing != null && completing.contains(t);
    }

    /** The committed window of the unit that holds the raw time {@code t}, or null when t lies in none. */
    TimeWindow holding(long t, String unitId) {
        TimeWindow w = doneHolding(t);
        if (w != null) {
            return w;
        }
        return completing != null && completing.contains(t) && committedInCompleting.contains(unitId) ? completing : null;
    }

    private TimeWindow doneHolding(long t) {
        int lo = 0;
        int hi = done.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TimeWindow w = done.get(mid);
            if (t < w.from()) {
                hi = mid - 1;
            } else if (t >= w.to()) {
                lo = mid + 1;
            } else {
                return w;
            }
        }
        return null;
    }

    /**
     * The committed windows of the unit that overlap [from, to), in order of their start (the window
     * being completed last; with {@code unitId} null, for any unit: the window being completed too).
     */
    List<TimeWindow> overlapping(String unitId, long from, long to) {
        List<TimeWindow> out = new ArrayList<>();
        for (TimeWindow w : done) {
            if (w.from() < to && from < w.to()) {
                out.add(w);
            }
        }
        if (completing != null && completing.from() < to && from < completing.to()
                && (unitId == null || committedInCompleting.contains(unitId))) {
            out.add(completing);
        }
        return out;
    }

    /** Where the unit's committed coverage inside its period [periodFrom, periodTo) ends, or null when it has none there. */
    Long coveredTo(String unitId, long periodFrom, long periodTo) {
        Long end = null;
        for (TimeWindow w : overlapping(unitId, periodFrom, periodTo)) {
            long e = Math.min(w.to(), periodTo);
            end = end == null ? e : Math.max(end, e);
        }
        return end;
    }
}
