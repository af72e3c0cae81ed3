import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns bench/run.sh's raw.csv (one line per process run) into the printed table and the JSON
 * result file: per case, the median and spread of the timed runs (run 0, the warm-up, is left
 * out), then the comparisons with the targets.
 *
 * Usage: Report RAW.csv RESULT.json [name=value ...]   (name=value pairs go to the JSON "meta")
 */
public final class Report {
    static final class Run {
        String kase, engine, variant, extra;
        int run;
        long rows, csvBytes, rssKb;
        double wall, user, sys;
        boolean failed;
    }

    static final class Group {
        final String kase, engine, variant;
        final List<Run> runs = new ArrayList<>();
        int failed;

        Group(String kase, String engine, String variant) {
            this.kase = kase;
            this.engine = engine;
            this.variant = variant;
        }

        String id() { return kase + "/" + engine + "/" + variant; }
        double median(java.util.function.ToDoubleFunction<Run> f) {
            List<Double> v = new ArrayList<>();
            for (Run r : runs) v.add(f.applyAsDouble(r));
            Collections.sort(v);
            if (v.isEmpty()) return Double.NaN;
            int n = v.size();
            return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        }
        double min(java.util.function.ToDoubleFunction<Run> f) {
            return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
        }
        double max(java.util.function.ToDoubleFunction<Run> f) {
            return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
        }
    }

    public static void main(String[] a) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(a[0]), StandardCharsets.UTF_8);
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 2; i < a.length; i++) {
            int eq = a[i].indexOf('=');
            meta.put(a[i].substring(0, eq), a[i].substring(eq + 1));
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Run r = new Run();
            r.kase = f[0];
            r.engine = f[1];
            r.variant = f[2];
            r.run = Integer.parseInt(f[3]);
            r.rows = Long.parseLong(f[4]);
            r.csvBytes = Long.parseLong(f[5]);
            r.wall = Double.parseDouble(f[6]);
            r.user = Double.parseDouble(f[7]);
            r.sys = Double.parseDouble(f[8]);
            r.rssKb = Long.parseLong(f[9]);
            r.extra = f[10];
            r.failed = "failed".equals(r.extra);
            Group g = groups.computeIfAbsent(r.kase + "/" + r.engine + "/" + r.variant, k -> new Group(r.kase, r.engine, r.variant));
            if (r.failed) g.failed++;
            else if (r.run > 0) g.runs.add(r);
        }
        // Cases that write no CSV (ceiling, reader) are given the CSV size of the same table's export.
        double refBytes = 0;
        Group ref = groups.get("e2e/local/ch1");
        if (ref == null) ref = groups.get("e2e/datax-ours/ch1");
        if (ref != null && !ref.runs.isEmpty()) refBytes = ref.median(r -> r.csvBytes);

        StringBuilder json = new StringBuilder("{\n  \"meta\": {");
        int m = 0;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            json.append(m++ == 0 ? "\n" : ",\n").append("    ").append(q(e.getKey())).append(": ").append(q(e.getValue()));
        }
        json.append("\n  },\n  \"cases\": [");

        String fmt = "%-10s %-15s %-16s %4s %10s %11s %8s %8s %8s %7s %7s  %s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, "otsrange bench (%s, %s runs per case after a warm-up, commit %s, %s cores, load %s)%n",
            meta.get("mode"), meta.get("runs"), meta.get("commit"), meta.get("cores"), meta.get("loadavg"));
        System.out.printf(Locale.ROOT, fmt, "case", "engine", "variant", "runs", "rows", "rows/s", "spread", "MB/s",
            "wall s", "cpu s", "RSS MB", "notes");
        int c = 0;
        Map<String, Double> rate = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            if (g.runs.isEmpty()) {
                System.out.printf(Locale.ROOT, fmt, g.kase, g.engine, g.variant, "0", "-", "-", "-", "-", "-", "-", "-",
                    g.failed > 0 ? "FAILED (" + g.failed + " run(s)), see the log" : "no timed run");
                json.append(c++ == 0 ? "\n" : ",\n").append("    {\"case\": ").append(q(g.kase)).append(", \"engine\": ")
                    .append(q(g.engine)).append(", \"variant\": ").append(q(g.variant)).append(", \"failedRuns\": ")
                    .append(g.failed).append("}");
                continue;
            }
            final double bytesFallback = refBytes;
            double rows = g.median(r -> r.rows);
            double rps = g.median(r -> r.wall > 0 ? r.rows / r.wall : 0);
            double lo = g.min(r -> r.wall > 0 ? r.rows / r.wall : 0);
            double hi = g.max(r -> r.wall > 0 ? r.rows / r.wall : 0);
            boolean estimatedBytes = g.runs.get(0).csvBytes == 0 && ("ceiling".equals(g.kase) || "reader".equals(g.kase));
            double mbs = g.median(r -> (r.csvBytes > 0 ? r.csvBytes : (estimatedBytes ? bytesFallback : 0)) / 1e6 / r.wall);
            double w = g.median(r -> r.wall);
            double cpu = g.median(r -> r.user + r.sys);
            double rssMb = g.median(r -> r.rssKb / 1024.0);
            String extra = g.runs.get(g.runs.size() - 1).extra;
            // every run of the dense table must deliver exactly the loaded rows
            String expected = meta.get("dense_rows");
            boolean dense = ("ceiling".equals(g.kase) || "reader".equals(g.kase) || "e2e".equals(g.kase)) && expected != null;
            boolean mismatch = dense && g.runs.stream().anyMatch(r -> r.rows != Long.parseLong(expected));
            // every throughput-scenario run must deliver exactly the table's rows
            String tpRows = meta.get("tp_rows");
            boolean tpMismatch = g.kase.startsWith("tp-") && tpRows != null && g.runs.stream().anyMatch(r -> r.rows != Long.parseLong(tpRows));
            String notes = (mismatch ? "ROW COUNT != " + expected + "; " : "") + (tpMismatch ? "ROW COUNT != " + tpRows + "; " : "")
                + (estimatedBytes && bytesFallback > 0 ? "MB/s of the same rows as CSV; " : "")
                + (g.failed > 0 ? g.failed + " failed run(s); " : "") + extra.replace(';', ' ');
            String spread = rps > 0 ? String.format(Locale.ROOT, "±%.0f%%", 50.0 * (hi - lo) / rps) : "-";
            System.out.printf(Locale.ROOT, fmt, g.kase, g.engine, g.variant, String.valueOf(g.runs.size()),
                String.format(Locale.ROOT, "%.0f", rows), String.format(Locale.ROOT, "%.0f", rps), spread,
                rows > 0 ? String.format(Locale.ROOT, "%.2f", mbs) : "-", String.format(Locale.ROOT, "%.2f", w),
                String.format(Locale.ROOT, "%.2f", cpu), String.format(Locale.ROOT, "%.0f", rssMb), notes.trim());
            rate.put(g.id(), rps);
            rss.put(g.id(), rssMb);
            wall.put(g.id(), w);
            json.append(c++ == 0 ? "\n" : ",\n").append("    {\"case\": ").append(q(g.kase)).append(", \"engine\": ")
                .append(q(g.engine)).append(", \"variant\": ").append(q(g.variant)).append(", \"runs\": ").append(g.runs.size())
                .append(", \"failedRuns\": ").append(g.failed)
                .append(String.format(Locale.ROOT, ", \"rows\": %.0f, \"rowsPerSecMedian\": %.1f, \"rowsPerSecMin\": %.1f, "
                    + "\"rowsPerSecMax\": %.1f, \"csvMBPerSec\": %.3f, \"csvBytesEstimated\": %b, \"wallSecMedian\": %.3f, "
                    + "\"wallSecMin\": %.3f, \"wallSecMax\": %.3f, \"cpuSecMedian\": %.3f, \"peakRssMBMedian\": %.1f, "
                    + "\"peakRssMBMax\": %.1f",
                    rows, rps, lo, hi, mbs, estimatedBytes, w, g.min(r -> r.wall), g.max(r -> r.wall), cpu, rssMb,
                    g.max(r -> r.rssKb / 1024.0)))
                .append(", \"notes\": ").append(q(extra)).append("}");
        }
        json.append("\n  ],\n  \"comparisons\": [");

        System.out.println();
        System.out.println("targets:");
        List<String> cmp = new ArrayList<>();
        ratio(cmp, "reader (local runner, ch1) vs SDK ceiling", rate.get("reader/local/ch1"), rate.get("ceiling/sdk/threads1"), 0.70, "x");
        ratio(cmp, "reader in DataX vs stock otsreader (ch1)", rate.get("reader/datax-ours/ch1"), rate.get("reader/datax-stock/ch1"), 0, "x");
        ratio(cmp, "writer in DataX vs stock txtfilewriter (ch1)", rate.get("writer/datax-ours/ch1"), rate.get("writer/datax-stock/ch1"), 1.5, "x");
        ratio(cmp, "  txtfilewriter vs the generator alone (streamwriter)", rate.get("writer/datax-stock/ch1"), rate.get("writer/datax-null/ch1"), 0, "x");
        ratio(cmp, "  our writer vs the generator alone (streamwriter)", rate.get("writer/datax-ours/ch1"), rate.get("writer/datax-null/ch1"), 0, "x");
        for (String ch : new String[] {"ch1", "ch2", "ch4"}) {
            ratio(cmp, "end to end in DataX vs otsreader+txtfilewriter (" + ch + ")", rate.get("e2e/datax-ours/" + ch),
                rate.get("e2e/datax-stock/" + ch), 1.5, "x");
        }
        for (String id : rss.keySet()) {
            if (id.startsWith("heavy/local/all")) {
                String fifth = id.replace("/all", "/fifth");
                Double small = rss.get(fifth);
                if (small != null) {
                    double r = rss.get(id) / small;
                    cmp.add(String.format(Locale.ROOT, "%-58s %6.2fx  %s (peak RSS %.0f MB for all rows vs %.0f MB for ~1/5; target <= 1.25x)",
                        "heavy key memory, all rows vs 1/5 of them" + (id.endsWith("-getrange") ? " (GetRange)" : ""), r,
                        r <= 1.25 ? "OK" : "MISSED", rss.get(id), small));
                }
            }
        }
        Double plan = wall.get("scale/local/plan");
        if (plan != null) {
            cmp.add(String.format(Locale.ROOT, "%-58s %6.2fs  %s (target < 5 s for 10,000 keys x 36 months; this run: %s keys)",
                "planning the sparse table (bin/otsrange plan)", plan, plan < 5 ? "OK" : "MISSED", meta.get("sparse_keys")));
        }
        throughput(groups, cmp);
        int k = 0;
        for (String s : cmp) {
            System.out.println("  " + s);
            json.append(k++ == 0 ? "\n" : ",\n").append("    ").append(q(s));
        }
        if (cmp.isEmpty()) System.out.println("  (no pair of cases to compare in this run)");
        json.append("\n  ]\n}\n");
        Path out = Paths.get(a[1]);
        Files.write(out, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Case 7 (tp-*): per scenario and variant, our median wall time over the stock plugins' (lower
     * is better), and the DataX process's CPU seconds per million rows, with the median load.
     */
    static void throughput(Map<String, Group> groups, List<String> out) {
        String[][] scenarios = {
            {"tp-cpu", "CPU-bound: no delay, ch2, 10 keys x 2 years", "0.67"},
            {"tp-lat", "50 ms per read, ch4, 10 keys x 2 years", "0.50"},
            {"tp-heavy2y", "one heavy key, 2 years, 50 ms, ch4", "0.40"},
            {"tp-heavy1y", "one heavy key in one year (one file), 50 ms, ch4", "0.40"},
            // no goal in issue 12: shows what reading one file in parts gives where the CPU is the limit
            {"tp-heavy1y-cpu", "one heavy key in one year (one file), no delay, ch2", "-"}};
        for (String[] sc : scenarios) {
            Group stock = null;
            List<Group> others = new ArrayList<>();
            for (Group g : groups.values()) {
                if (!g.kase.equals(sc[0]) || g.runs.isEmpty()) continue;
                if (g.engine.equals("datax-stock")) stock = g;
                else others.add(g);
            }
            if (stock == null) continue;
            double goal = sc[2].equals("-") ? Double.NaN : Double.parseDouble(sc[2]);
            double stockWall = stock.median(r -> r.wall);
            out.add(String.format(Locale.ROOT, "%s (%s): stock %.2f s, %.1f client CPU s per M rows, load %.1f",
                sc[0], sc[1], stockWall, stock.median(Report::cpuPerMillion), stock.median(Report::load)));
            for (Group g : others) {
                double r = g.median(x -> x.wall) / stockWall;
                String verdict = Double.isNaN(goal) ? "(no goal)"
                        : String.format(Locale.ROOT, "(goal <= %.2f) %s", goal, r <= goal ? "MET" : "MISSED");
                out.add(String.format(Locale.ROOT, "  %-12s ratio %.2f %s; %.2f s, %.1f client CPU s per M rows, load %.1f",
                    g.engine.replace("datax-", ""), r, verdict, g.median(x -> x.wall),
                    g.median(Report::cpuPerMillion), g.median(Report::load)));
            }
        }
    }

    static double cpuPerMillion(Run r) {
        return r.rows > 0 ? (r.user + r.sys) * 1e6 / r.rows : Double.NaN;
    }

    /** The 1-minute load average when the run started (notes {@code load=}). */
    static double load(Run r) {
        for (String part : r.extra.split(";")) {
            if (part.startsWith("load=")) return Double.parseDouble(part.substring(5));
        }
        return Double.NaN;
    }

    static void ratio(List<String> out, String what, Double ours, Double theirs, double target, String unit) {
        if (ours == null || theirs == null || theirs == 0) return;
        double r = ours / theirs;
        String verdict = target <= 0 ? "(no target)" : (r >= target ? "OK" : "MISSED") + String.format(Locale.ROOT,
            " (target >= %s)", target < 1 ? String.format(Locale.ROOT, "%.0f%%", target * 100) : target + unit);
        out.add(String.format(Locale.ROOT, "%-58s %6.2fx  %s", what, r, verdict));
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }
}
