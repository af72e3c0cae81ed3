package com.otsrange.reader.plan;

import com.otsrange.reader.config.ReaderSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Human-readable plan for {@code bin/otsrange plan}: slices, DataX tasks, balance and the estimate used. */
public final class PlanReport {
    private PlanReport() {
    }

    /** @param maxSlices how many slices to list before summarising the rest */
    public static String render(ReaderSpec spec, Plan plan, int maxSlices) {
        StringBuilder sb = new StringBuilder();
        TimeCutter cutter = new TimeCutter(spec.timeUnit(), spec.timeZone());
        sb.append("table ").append(spec.table()).append(", primary key ").append(plan.schema().names())
                .append(" (partition key ").append(plan.schema().partitionKey()).append(", sort key ").append(plan.schema().sortKey())
                .append(", timeUnit ").append(spec.timeUnit().text()).append(", timeZone ").append(spec.timeZone().getId()).append(")\n");
        sb.append("keys: ").append(plan.keysInShard()).append(" of ").append(plan.keysTotal()).append(" (shard ")
                .append(spec.shard().tag()).append(")\n");
        Set<String> inParts = new HashSet<>();
        int parts = 0;
        for (List<Unit> g : plan.groups()) {
            for (Unit u : g) {
                if (u.part() != null) {
                    inParts.add(u.id());
                    parts++;
                }
            }
        }
        sb.append("files by ").append(plan.period().text()).append(", slices by ").append(plan.sliceBy().text())
                .append(": ").append(plan.unitCount() - parts + inParts.size()).append(" file units to export, ")
                .append(plan.unitsSkipped()).append(" skipped as already committed (or all parts recorded)\n");
        if (!inParts.isEmpty()) {
            sb.append("heavy files read in parts by several tasks: ").append(inParts.size()).append(" file(s), ").append(parts)
                    .append(" part(s) to read (maxPartsPerFile ").append(spec.tuning().maxPartsPerFile())
                    .append("); each is joined into its final file when the job ends\n");
        }
        double total = 0;
        for (List<Unit> g : plan.groups()) {
            total += plan.weight(g);
        }
        sb.append("DataX tasks: ").append(plan.groups().size()).append("; estimate: ").append(plan.estimateMethod()).append('\n');
        int slicesShown = 0;
        long slicesTotal = 0;
        for (int t = 0; t < plan.groups().size(); t++) {
            List<Unit> g = plan.groups().get(t);
            Set<Integer> keys = new HashSet<>();
            for (Unit u : g) {
                keys.add(u.task());
            }
            double share = total == 0 ? 0 : 100.0 * plan.weight(g) / total;
            sb.append(String.format(Locale.ROOT, "  task %d: %d units, %d keys, %.1f%% of the estimated load%n", t, g.size(), keys.size(), share));
            for (Unit u : g) {
                List<TimeCutter.Piece> slices = cutter.cut(u.from(), u.to(), plan.sliceBy(), Integer.MAX_VALUE);
                slicesTotal += slices.size();
                for (TimeCutter.Piece s : slices) {
                    if (slicesShown < maxSlices) {
                        sb.append("    slice ").append(plan.tasks().get(u.task()).keyText()).append(" ").append(s.label)
                                .append(" [").append(spec.timeUnit().toInstant(s.from)).append(", ")
                                .append(spec.timeUnit().toInstant(s.to)).append(") -> unit ").append(u.id())
                                .append(u.part() == null ? "" : ", part " + u.part().k + " of " + u.part().n).append('\n');
                    }
                    slicesShown++;
                }
            }
        }
        if (slicesShown > maxSlices) {
            sb.append("  ... ").append(slicesShown - maxSlices).append(" more slices\n");
        }
        sb.append("slices: ").append(slicesTotal).append('\n');
        return sb.toString();
    }
}
