package com.otsrange.reader.changes;

import com.otsrange.common.Period;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitId;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.Planner;
import com.otsrange.reader.plan.RestateMark;
import com.otsrange.reader.range.TimeCutter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code changes: {"lookback": L}}: for every task key in this process' shard, each unit whose
 * committed coverage overlaps [R.from - L, R.from) is compared from the start of the earliest
 * committed window overlapping that span (clipped to the unit's period); the writer restates it
 * only if the rows read differ from the file's. A run that completes an interrupted window R also
 * compares the units committed in R by the interrupted run: rows may have changed in R since that
 * run read them, and R lies outside the span (with day files such a unit holds no other window).
 */
final class LookbackSelection {
    private LookbackSelection() {
    }

    /** @param from, to the lookback span [R.from - L, R.from), raw sort-key values */
    static List<RestateMark> select(List<BoundTask> tasks, ShardSpec shard, Period period, TimeCutter cutter,
                                    CommittedWindows committed, long from, long to) {
        List<RestateMark> out = new ArrayList<>();
        List<TimeWindow> windows = from < to ? committed.overlapping(null, from, to) : new ArrayList<TimeWindow>();
        TimeWindow completing = committed.completing();
        if (completing != null && !windows.contains(completing)) {
            windows.add(completing);
        }
        for (int i = 0; i < tasks.size(); i++) {
            BoundTask t = tasks.get(i);
            if (!Planner.owns(shard, t.key())) {
                continue;
            }
            Map<String, RestateMark> byUnit = new TreeMap<>();
            for (TimeWindow w : windows) {
                mark(byUnit, i, t, w, w == completing ? w : w.intersect(TimeWindow.of(from, to)), period, cutter, committed);
            }
            out.addAll(byUnit.values());
        }
        return out;
    }

    /** The units of task {@code i} in {@code part} of window {@code w}, each from where w starts in it. */
    private static void mark(Map<String, RestateMark> byUnit, int i, BoundTask t, TimeWindow w, TimeWindow part, Period period,
                             TimeCutter cutter, CommittedWindows committed) {
        for (TimeCutter.Piece piece : cutter.cut(part.from(), part.to(), period, Integer.MAX_VALUE)) {
            TimeCutter.Piece p = cutter.periodOf(piece.from, period);
            String unit = UnitId.of(period, p.label, t.keyText());
            if (byUnit.containsKey(unit) || committed.holding(piece.from, unit) == null) {
                continue; // an earlier window marked it already, or the window is not this unit's
            }
            byUnit.put(unit, new RestateMark(i, unit, Math.max(w.from(), p.from), committed.coveredTo(unit, p.from, p.to), true, 0));
        }
    }
}
