package com.otsrange.cli;

import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.ChangesMode;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.RestateFile;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.StateDir;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitOffsets;
import com.otsrange.common.WindowLedger;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.RestateMark;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.plan.RowSampler;
import com.otsrange.reader.range.TimeCutter;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.plan.WindowPlan;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.SdkGateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * `plan JOB.json [-p ...] [--all]`: what a run would read, from metadata and a bounded sample.
 * Uses the reader's own Planner, so the units and their grouping are those a run would produce
 * for the same channel count.
 */
final class PlanCommand implements Command {

    /** How many slices are listed unless --all is given. */
    static final int LISTED_SLICES = 40;
    static final int SAMPLE_UNITS = 16;
    static final int SAMPLE_PAGE_ROWS = RowSampler.PAGE_ROWS;
    static final int SAMPLE_RANGES_PER_UNIT = RowSampler.RANGES_PER_UNIT;

    private final Map<String, String> environment;

    PlanCommand() {
        this(System.getenv());
    }

    PlanCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String summary() {
        return "connect, check table and schema, print slices, DataX tasks and estimates (no export)";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange plan JOB.json [-p \"-Dname=value ...\"] [--all]\n"
                + "  Validates the job, connects, checks the table's primary key against the schema and prints\n"
                + "  the file units (partition key x file period) with their slices, the DataX tasks they are\n"
                + "  grouped into and their balance, and estimated rows and bytes per task. Reads metadata\n"
                + "  (DescribeTable, ComputeSplitsBySize, first/last rows of keys without time bounds) and a\n"
                + "  bounded sample (at most " + SAMPLE_UNITS + " units x one page of " + SAMPLE_PAGE_ROWS
                + " rows; when a heavy file may be read in parts, the\n"
                + "  reader's planning samples every unit the same way, and probes the heavy ones), nothing else.\n"
                + "  Writes nothing.\n"
                + "  Incremental jobs (writer writeMode append + reader resume) also show the committed windows,\n"
                + "  what this run's window does (run, reduced, resume, nothing to do, or why it is refused) and\n"
                + "  per file its committed watermark and what the window adds, and with \"changes\" what the run\n"
                + "  would restate (the Stream is read from the recorded position; nothing is recorded).\n"
                + "  --all   list every slice (default: the first " + LISTED_SLICES + ")\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        boolean all = args.contains("--all");
        List<String> rest = new ArrayList<>(args);
        rest.remove("--all");
        JobArguments arguments = JobArguments.parse(rest);
        PrintStream out = console.out();

        ValidateCommand.Report report = new ValidateCommand(environment).validate(arguments, console.workingDir());
        JobDocument job = JobDocument.read(console.resolve(arguments.jobPath()), arguments.jobPath(), arguments.variables(), new Findings());
        if (!report.valid) {
            out.print(report.text);
            return FAILED;
        }
        if (!RecordLayout.READER_NAME.equals(job.pluginName("reader"))) {
            console.err().println("plan: the reader is " + job.pluginName("reader") + "; plan works on otsrangereader jobs");
            return FAILED;
        }
        Set<String> missing = JobVariables.unresolved(job.text());
        if (!missing.isEmpty()) {
            console.err().println("plan: the job still has ${...} values " + missing + "; pass them: -p \"-D"
                    + missing.iterator().next() + "=...\"");
            return USAGE;
        }

        JSONObject readerParameter = job.parameter("reader");
        ReaderSpec spec = ReaderSpecParser.parse(readerParameter, console.workingDir(), environment).spec();
        JSONObject writerParameter = job.parameter("writer");
        WriterPeer writer = WriterPeer.of(job.pluginName("writer"), writerParameter, console.workingDir());
        int channels = channels(job.job());
        int maxTasks = channels * spec.tuning().splitFactor();

        long started = System.nanoTime();
        try (OtsGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
            // the reader's own planning (DescribeTable, schema and task checks, resume, grouping), as Job.split runs it
            CheckpointOnce checkpoint = new CheckpointOnce();
            Plan plan = ReaderPlanning.plan(spec, gateway, writer, console.workingDir(), channels, checkpoint);
            out.println("plan " + arguments.jobPath());
            out.println("table " + spec.table() + " at " + spec.connection().endpoint() + " (instance "
                    + spec.connection().instanceName() + "): primary key " + describe(plan.schema()));
            SampleEstimator.Estimates estimates = new SampleEstimator(gateway, spec.table(), SAMPLE_UNITS, SAMPLE_PAGE_ROWS,
                    SAMPLE_RANGES_PER_UNIT, spec.tuning().maxRangesPerSlice()).estimate(plan);
            print(out, spec, plan, estimates, channels, maxTasks, all, writer, checkpoint);
            out.printf(Locale.ROOT, "planned in %.1f s, %d retries%n", (System.nanoTime() - started) / 1e9, gateway.retries());
        }
        return 0;
    }

    private void print(PrintStream out, ReaderSpec spec, Plan plan, SampleEstimator.Estimates estimates, int channels,
                       int maxTasks, boolean all, WriterPeer writer, CheckpointOnce checkpoint) {
        out.printf(Locale.ROOT, "keys: %d in the job, %d in %s%n", plan.keysTotal(), plan.keysInShard(),
                spec.shard().isAll() ? "this run (no shard)" : "shard " + spec.shard());
        out.printf(Locale.ROOT, "files are per %s; slices are cut per %s (timeUnit %s, timeZone %s)%n",
                plan.period().text(), plan.sliceBy().text(), spec.timeUnit().text(), spec.timeZone().getId());
        out.printf(Locale.ROOT, "units (output files with their slices): %d to export, %d skipped as committed%s%n",
                plan.unitCount(), plan.unitsSkipped(), spec.resume() ? " (resume on)" : " (resume off)");
        if (plan.partCount() > 0) {
            out.printf(Locale.ROOT, "read in parts: %d heavy file(s) in %d parts, each part read by its own task and the parts"
                    + " joined into the file when the job ends (at most %d parts per file%s)%n", plan.unitsInParts(), plan.partCount(),
                    spec.tuning().partsPerFileLimit(), spec.tuning().maxPartsPerFile() == 0 ? ": maxPartsPerFile automatic" : "");
        }
        WindowPlan window = plan.window();
        if (window != null) {
            SortKeyLiteral literal = window.literal();
            out.println("incremental: committed windows " + TimeWindow.text(window.committed(), literal)
                    + (window.watermark() == null ? "" : ", watermark " + literal.text(window.watermark())));
            out.println("incremental: " + window.decision().label() + ": " + window.decision().message());
            if (window.restatement() != null) {
                printRestatement(out, window.restatement(), literal, all, ledgerOf(spec, writer, checkpoint));
            }
        }

        List<List<Unit>> groups = plan.groups();
        int taskCount = plan.unitCount() == 0 ? 0 : groups.size();
        out.printf(Locale.ROOT, "DataX tasks: %d (channel %d x splitFactor %d = at most %d; a unit is read in parts only"
                + " when it alone is worth about two channels' share or more)%n", taskCount, channels, spec.tuning().splitFactor(), maxTasks);
        double maxWeight = 0;
        double sumWeight = 0;
        for (List<Unit> group : groups) {
            double w = plan.weight(group);
            maxWeight = Math.max(maxWeight, w);
            sumWeight += w;
        }
        if (taskCount > 0) {
            double mean = sumWeight / taskCount;
            out.printf(Locale.ROOT, "balance: heaviest task %.2f x the mean task weight%n", mean > 0 ? maxWeight / mean : 1.0);
        }
        out.println();
        out.println(" task  units  slices    est.rows     est.bytes  first unit .. last unit");
        double totalRows = 0;
        double totalBytes = 0;
        TimeCutter cutter = new TimeCutter(spec.timeUnit(), spec.timeZone());
        for (int t = 0; t < groups.size() && taskCount > 0; t++) {
            List<Unit> group = groups.get(t);
            double rows = 0;
            double bytes = 0;
            int slices = 0;
            for (Unit unit : group) {
                rows += estimates.rows(unit);
                bytes += estimates.bytes(unit);
                slices += cutter.cut(unit.from(), unit.to(), plan.sliceBy(), Integer.MAX_VALUE).size();
            }
            totalRows += rows;
            totalBytes += bytes;
            out.printf(Locale.ROOT, "%5d  %5d  %6d  %10s  %12s  %s .. %s%n", t, group.size(), slices, count(rows), bytesText(bytes),
                    group.get(0).id(), group.get(group.size() - 1).id());
        }
        out.printf(Locale.ROOT, "total: %s rows, %s (estimates)%n", count(totalRows), bytesText(totalBytes));
        out.println("estimate source: " + estimates.source());
        out.println();

        out.println("slices (unit / slice window [from, to) in " + spec.timeZone().getId() + " / task):");
        int listed = 0;
        int total = 0;
        for (int t = 0; t < groups.size() && taskCount > 0; t++) {
            for (Unit unit : groups.get(t)) {
                for (TimeCutter.Piece piece : cutter.cut(unit.from(), unit.to(), plan.sliceBy(), Integer.MAX_VALUE)) {
                    total++;
                    if (all || listed < LISTED_SLICES) {
                        out.printf(Locale.ROOT, "  %-32s %s .. %s  task %d%s%n", unit.id(), instant(spec, piece.from),
                                instant(spec, piece.to), t, unit.part() == null ? "" : "  (part " + unit.part().k + " of "
                                        + unit.part().n + ")");
                        listed++;
                    }
                }
            }
        }
        if (listed < total) {
            out.printf(Locale.ROOT, "  ... %d more slices (--all lists them)%n", total - listed);
        }
        if (window != null && taskCount > 0) {
            printWatermarks(out, spec, plan, window, all);
        }
    }

    /**
     * Incremental mode with changes: what the next run would restate, read the same way the run
     * reads it (the stream from the recorded position; nothing is recorded or written).
     */
    private static void printRestatement(PrintStream out, Restatement r, SortKeyLiteral literal, boolean all, WindowLedger ledger) {
        RestateFile.StreamRead read = r.read();
        if (r.mode().kind() == ChangesMode.Kind.STREAM && read.firstRun()) {
            out.println("changes: stream: first run: it records the stream position and restates nothing (changes made before"
                    + " it are not detected)");
        } else if (r.mode().kind() == ChangesMode.Kind.STREAM) {
            out.printf(Locale.ROOT, "changes: stream: %,d record(s) of %d shard(s) since %s, %,d relevant: %d file unit(s) to"
                    + " restate%n", read.recordsRead(), read.shardsRead(), Instant.ofEpochMilli(read.positionFrom()).atZone(literal.zone())
                    .toOffsetDateTime(), read.relevantRecords(), r.units().size());
        } else {
            out.printf(Locale.ROOT, "changes: lookback %s: %d file unit(s) to read again and compare (restated where they"
                    + " differ)%n", r.mode().lookback(), r.units().size());
        }
        int listed = 0;
        for (RestateMark m : r.units().values()) {
            if (!all && listed++ >= LISTED_SLICES) {
                out.printf(Locale.ROOT, "  ... %d more units (--all lists them)%n", r.units().size() - LISTED_SLICES);
                break;
            }
            UnitOffsets file = ledger == null ? null : ledger.offsets(m.unitId());
            String what = file == null || file.file() == null || !file.hasFile() ? "no file yet: written from its start"
                    : file.file() + ": keeps " + file.prefix(m.from()) + " of " + file.end() + " bytes";
            out.printf(Locale.ROOT, "  %-32s restated from %s (committed to %s): %s; %s%n", m.unitId(), literal.text(m.from()),
                    literal.text(m.coveredTo()), m.compare() ? "lookback" : m.records() + " changed record(s)", what);
        }
    }

    /** The window ledger the writer keeps for this job (what each restated file keeps), or null when it cannot be read. */
    private static WindowLedger ledgerOf(ReaderSpec spec, WriterPeer writer, CheckpointOnce checkpoint) {
        try {
            return checkpoint.read(StateDir.of(writer.path(), spec.table(), spec.shard())).ledger();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Incremental mode: per unit, what its file already holds and what this window appends. */
    private static void printWatermarks(PrintStream out, ReaderSpec spec, Plan plan, WindowPlan window, boolean all) {
        out.println();
        out.println("units (committed watermark of the file -> what this window adds):");
        SortKeyLiteral literal = window.literal();
        int listed = 0;
        int total = 0;
        for (List<Unit> group : plan.groups()) {
            for (Unit unit : group) {
                total++;
                if (!all && listed >= LISTED_SLICES) {
                    continue;
                }
                listed++;
                long periodStart = plan.period().floor(spec.timeUnit().toEpochMillisFloor(unit.from()), spec.timeZone());
                long periodEnd = spec.timeUnit().fromEpochMillis(plan.period().next(periodStart, spec.timeZone()));
                Long mark = window.watermark();
                String held = mark == null || spec.timeUnit().toEpochMillisFloor(mark) <= periodStart ? "nothing committed yet"
                        : "committed up to " + literal.text(Math.min(mark, periodEnd));
                out.printf(Locale.ROOT, "  %-32s %s -> %s %s%n", unit.id(), held, unit.restate() == null ? "adds" : "restates",
                        TimeWindow.of(unit.from(), unit.to()).text(literal));
            }
        }
        if (listed < total) {
            out.printf(Locale.ROOT, "  ... %d more units (--all lists them)%n", total - listed);
        }
    }

    private static String instant(ReaderSpec spec, long raw) {
        return Instant.ofEpochMilli(spec.timeUnit().toEpochMillisFloor(raw)).atZone(spec.timeZone()).toLocalDateTime().toString();
    }

    private static int channels(JSONObject job) {
        JSONObject setting = job.getJSONObject("setting");
        JSONObject speed = setting == null ? null : setting.getJSONObject("speed");
        Integer channel = speed == null ? null : speed.getInteger("channel");
        return channel == null || channel < 1 ? 1 : channel;
    }

    private static String describe(TableSchema schema) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(schema.name(i)).append(' ').append(schema.type(i));
            if (i == schema.partitionIndex()) {
                text.append(" (partition key)");
            } else if (i == schema.sortIndex()) {
                text.append(" (sort key)");
            }
        }
        return text.toString();
    }

    private static String count(double rows) {
        return String.format(Locale.ROOT, "%,d", Math.round(rows));
    }

    private static String bytesText(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%d B", Math.round(bytes));
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024;
        int u = 0;
        while (value >= 1024 && u < units.length - 1) {
            value /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[u]);
    }

    /** plan reads the writer's checkpoint once: the planning and the restatement listing share that reading. */
    private static final class CheckpointOnce implements ReaderPlanning.CheckpointSource {
        private Path stateDir;
        private CheckpointSnapshot snapshot;

        @Override
        public CheckpointSnapshot read(Path dir) throws java.io.IOException {
            if (snapshot == null || !dir.equals(stateDir)) {
                snapshot = CheckpointSnapshot.load(dir);
                stateDir = dir;
            }
            return snapshot;
        }
    }
}
