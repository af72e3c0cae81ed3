package com.otsrange.reader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Groups units into at most {@code maxTasks} DataX tasks, balanced by weight. A key's units stay
 * together (one task writes all its files, and the task config holds one time span for them)
 * unless the key alone outweighs half a task's share: then its units are cut into contiguous time
 * runs spread over several tasks. The grouper never divides a unit; a part of a heavy unit
 * ({@link FilePartCutter}) is a run of its own, so the parts of one unit spread over tasks like
 * any runs. Runs go largest first onto the lightest task; inside a task they are ordered by key
 * and time.
 */
public final class TaskGrouper {
    /**
     * Tasks beyond one per channel (what splitFactor adds, for balance) are only made while each
     * task keeps at least this many units' worth of work: every task costs a DataX task set-up
     * (threads, plugin init, config decoding) and a unit of a small job costs about one request.
     */
    static final int MIN_UNITS_PER_EXTRA_TASK = 8;

    private TaskGrouper() {
    }

    /**
     * @param units    in key order, then time order (as the planner produces them)
     * @param maxTasks channels x splitFactor
     * @param channels the job's channels (DataX's advice)
     */
    public static List<List<Unit>> group(List<Unit> units, int maxTasks, int channels) {
        int n = taskCount(units, maxTasks, channels);
        double total = 0;
        for (Unit u : units) {
            total += u.weight();
        }
        double cap = n == 1 ? Double.MAX_VALUE : total / n / 2;
        List<List<Unit>> runs = new ArrayList<>();
        List<Unit> run = null;
        double runWeight = 0;
        Unit prev = null;
        for (Unit u : units) {
            boolean sameKeyContiguous = prev != null && prev.task() == u.task() && prev.to() == u.from()
                    && prev.part() == null && u.part() == null;
            if (run == null || !sameKeyContiguous || (runWeight + u.weight() > cap && runWeight > 0)) {
                run = new ArrayList<>();
                runs.add(run);
                runWeight = 0;
            }
            run.add(u);
            runWeight += u.weight();
            prev = u;
        }
        final double[] runWeights = new double[runs.size()];
        List<Integer> order = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            for (Unit u : runs.get(i)) {
                runWeights[i] += u.weight();
            }
            order.add(i);
        }
        Collections.sort(order, (a, b) -> {
            int c = Double.compare(runWeights[b], runWeights[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        final double[] load = new double[n];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(n, (a, b) -> {
            int c = Double.compare(load[a], load[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<List<List<Unit>>> bins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bins.add(new ArrayList<List<Unit>>());
            lightest.add(i);
        }
        for (int r : order) {
            int b = lightest.poll();
            bins.get(b).add(runs.get(r));
            load[b] += runWeights[r];
            lightest.add(b);
        }
        Comparator<List<Unit>> byKeyTime = Comparator.comparingInt((List<Unit> l) -> l.get(0).task())
                .thenComparingLong(l -> l.get(0).from());
        List<List<Unit>> out = new ArrayList<>(n);
        for (List<List<Unit>> bin : bins) {
            if (bin.isEmpty()) {
                continue;
            }
            Collections.sort(bin, byKeyTime);
            List<Unit> flat = new ArrayList<>();
            for (List<Unit> r : bin) {
                flat.addAll(r);
            }
            out.add(flat);
        }
        if (out.isEmpty()) {
            out.add(new ArrayList<Unit>());
        }
        return out;
    }

    /**
     * Never more tasks than units nor than maxTasks; one per channel when there are that many
     * units; more (up to maxTasks) only as the work grows: a unit counts 1, or 1 + its key's split
     * points when ComputeSplitsBySize reports the key as big, so big jobs keep their balance.
     */
    static int taskCount(List<Unit> units, int maxTasks, int channels) {
        double work = 0;
        for (Unit u : units) {
            work += u.work();
        }
        long byWork = (long) Math.ceil(work / MIN_UNITS_PER_EXTRA_TASK);
        long wanted = Math.max(Math.min(channels, units.size()), byWork);
        return (int) Math.max(1, Math.min(wanted, Math.min(maxTasks, units.size())));
    }
}
