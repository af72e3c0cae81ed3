package com.otsrange.reader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Groups units into at most {@code maxTasks} DataX tasks balanced by weight (largest first onto
 * the lightest task). A unit is never divided; the units of a heavy key land on different tasks.
 * Inside a task, units are ordered by key and time.
 */
public final class TaskGrouper {
    private TaskGrouper() {
    }

    public static List<List<Unit>> group(List<Unit> units, int maxTasks) {
        int n = Math.max(1, Math.min(maxTasks, units.size()));
        List<Unit> byWeight = new ArrayList<>(units);
        Collections.sort(byWeight, Comparator.comparingDouble(Unit::weight).reversed()
                .thenComparingInt(Unit::task).thenComparingLong(Unit::from));
        List<List<Unit>> bins = new ArrayList<>(n);
        final double[] load = new double[n];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(n, (a, b) -> {
            int c = Double.compare(load[a], load[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < n; i++) {
            bins.add(new ArrayList<Unit>());
            lightest.add(i);
        }
        for (Unit u : byWeight) {
            int b = lightest.poll();
            bins.get(b).add(u);
            load[b] += u.weight();
            lightest.add(b);
        }
        Comparator<Unit> order = Comparator.comparingInt(Unit::task).thenComparingLong(Unit::from);
        List<List<Unit>> out = new ArrayList<>(n);
        for (List<Unit> bin : bins) {
            if (!bin.isEmpty() || out.isEmpty()) {
                Collections.sort(bin, order);
                out.add(bin);
            }
        }
        return out;
    }
}
