package com.otsrange.reader.plan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.Split;
import com.otsrange.common.Period;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitId;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.range.RangeDeriver;
import com.otsrange.reader.range.TimeCutter;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.PkRange;
import com.otsrange.reader.scan.RangeScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns typed tasks into file units and groups them into DataX tasks. Reads only metadata:
 * ComputeSplitsBySize for weights and, for keys without sort-key bounds, the first and last row.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
    /**
     * Units whose rows are sampled when heavy ones may be read in parts (one request each, on the
     * lookup threads); a larger plan samples this many spread evenly over it.
     */
    static final int MAX_SAMPLED_UNITS = 1000;

    private final ReaderSpec spec;
    private final TableSchema schema;
    private final OtsGateway gateway;
    private final RangeDeriver deriver;
    private final TimeCutter cutter;

    public Planner(ReaderSpec spec, TableSchema schema, OtsGateway gateway) {
        this.spec = spec;
        this.schema = schema;
        this.gateway = gateway;
        this.deriver = new RangeDeriver(schema, spec.tuning().maxRangesPerSlice());
        this.cutter = new TimeCutter(spec.timeUnit(), spec.timeZone());
    }

    /**
     * @param period    file period (from the writer's fileName)
     * @param committed unit ids to leave out (resume)
     * @param channels    the job's channels (DataX's advice): at least this many tasks when there are enough units
     * @param splitFactor tasks per channel at most, so a slow task does not hold up the job's end
     */
    public Plan plan(List<BoundTask> tasks, Period period, Set<String> committed, int channels, int splitFactor) {
        return plan(tasks, period, committed, channels, splitFactor, null);
    }

    /**
     * @param incremental incremental mode: every unit is cut to the decided window (none when
     *                    the decision exports nothing), and {@code committed} holds the units
     *                    already committed in that window; null otherwise
     */
    public Plan plan(List<BoundTask> tasks, Period period, Set<String> committed, int channels, int splitFactor,
                     WindowPlan incremental) {
        return plan(tasks, period, committed, channels, splitFactor, incremental, FileCuts.NONE);
    }

    /**
     * @param cuts whether heavy units may be read in parts, and the parts a resumed run still has to read
     */
    public Plan plan(List<BoundTask> tasks, Period period, Set<String> committed, int channels, int splitFactor,
                     WindowPlan incremental, FileCuts cuts) {
        ShardSpec shard = spec.shard();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (owns(shard, tasks.get(i).key())) {
                mine.add(i);
            }
        }
        if (incremental != null) {
            requireAppendOrder(tasks, mine);
        }
        SortWindow[] windows = windows(tasks, mine);
        if (incremental != null) {
            for (int i : mine) {
                TimeWindow run = incremental.decision().window();
                windows[i] = run == null || windows[i] == null ? null : windows[i].within(run);
            }
        }
        Map<String, Integer> splitCounts = splitCounts();
        FilePartCutter partCutter = new FilePartCutter(Math.max(1, channels), cuts.allowed() ? spec.tuning().partsPerFileLimit() : 1,
                cuts.toRedo());
        List<Unit> units = new ArrayList<>();
        List<Boolean> cuttable = new ArrayList<>();
        List<Unit> resumedInParts = new ArrayList<>();
        int skipped = 0;
        Restatement restatement = incremental == null ? null : incremental.restatement();
        for (int i : mine) {
            SortWindow w = windows[i];
            BoundTask t = tasks.get(i);
            Integer sc = splitCounts.get(t.keyText());
            double factor = 1 + (sc == null ? 0 : sc);
            // restated units are read from their restateFrom, also when this run's window adds nothing
            Map<String, RestateMark> restated = restatement == null ? new HashMap<String, RestateMark>() : restatement.ofTask(i);
            if (w == null || !w.bounded() || w.from() >= w.to()) {
                addRestated(units, cuttable, restated, factor);
                continue;
            }
            // a part is cut by the sort key: exact only when nothing before it in the primary key varies
            boolean partsFit = incremental == null && deriver.fixedBeforeSortKey(t.bound(), t.key());
            List<TimeCutter.Piece> pieces;
            try {
                pieces = cutter.cut(w.from(), w.to(), period, Period.MAX_PER_KEY);
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw DataXException.asDataXException(OtsRangeReaderErrorCode.UNBOUNDED_TIME, "the sort-key window of task "
                        + t.keyText() + " is too wide to cut into " + period.text() + " files (" + e.getMessage()
                        + "); narrow parameter.filters." + schema.sortKey() + " (gte/lt) or check parameter.timeUnit");
            }
            for (TimeCutter.Piece p : pieces) {
                String id = UnitId.of(period, p.label, t.keyText());
                RestateMark r = restated.remove(id);
                if (r != null) {
                    // one read: the restated committed windows, then what this run's window adds to the unit
                    units.add(restatedUnit(r, Math.max(r.coveredTo(), p.to), factor));
                    cuttable.add(false);
                    continue;
                }
                if (committed.contains(id)) {
                    skipped++;
                    continue;
                }
                double span = Math.max(1.0, (double) cutter.toMillis(p.to) - cutter.toMillis(p.from));
                Unit whole = new Unit(i, id, p.from, p.to, span * factor, factor);
                if (partCutter.recorded(id)) {
                    resumedInParts.add(whole);
                    if (cuts.toRedo().get(id).isEmpty()) {
                        skipped++; // every part recorded: the writer's post joins them
                    }
                    continue;
                }
                units.add(whole);
                cuttable.add(partsFit);
            }
            addRestated(units, cuttable, restated, factor);
        }
        units = partCutter.cut(units, cuttable, resumedInParts, all -> sampledRows(tasks, all),
                candidates -> unitExtents(tasks, candidates));
        int atLeast = Math.max(1, channels);
        List<List<Unit>> groups = TaskGrouper.group(units, atLeast * Math.max(1, splitFactor), atLeast);
        String method = splitCounts.isEmpty()
                ? "time span of each unit (ComputeSplitsBySize gave no split points)"
                : "time span x (1 + ComputeSplitsBySize split points inside the key)";
        return new Plan(schema, tasks, groups, period, spec.chunkBy(), tasks.size(), mine.size(), skipped, method, incremental);
    }

    /** Restated units whose period this run's window does not touch: read over their committed coverage. */
    private void addRestated(List<Unit> units, List<Boolean> cuttable, Map<String, RestateMark> restated, double factor) {
        for (RestateMark r : restated.values()) {
            units.add(restatedUnit(r, r.coveredTo(), factor));
            cuttable.add(false); // parts are joined at the job's end; a restatement rewrites one file in one task
        }
    }

    private Unit restatedUnit(RestateMark r, long to, double factor) {
        double span = Math.max(1.0, (double) cutter.toMillis(to) - cutter.toMillis(r.from()));
        return Unit.restated(r, to, span * factor, factor);
    }

    /** Incremental mode appends later windows to a file: only in PK order when each key's rows are in time order. */
    private void requireAppendOrder(List<BoundTask> tasks, List<Integer> mine) {
        for (int i : mine) {
            BoundTask t = tasks.get(i);
            if (!deriver.fixedBeforeSortKey(t.bound(), t.key())) {
                List<String> before = new ArrayList<>(schema.names().subList(0, schema.sortIndex()));
                before.remove(schema.partitionKey());
                throw DataXException.asDataXException(OtsRangeReaderErrorCode.TABLE_MISMATCH, "incremental mode (writer writeMode"
                        + " append with resume) appends each window after the rows already in a file, which keeps the file in"
                        + " primary-key order only when the sort key " + schema.sortKey() + " orders the rows of a key; the"
                        + " primary key is " + schema.names() + " and " + before + " before it is not fixed to one value by an eq"
                        + " filter (task key " + t.keyText() + "). Add an eq filter on " + before + " in parameter.filters, or"
                        + " export without incremental mode");
            }
        }
    }

    /** Whether this process' shard exports the partition key. */
    public static boolean owns(ShardSpec shard, PrimaryKeyValue key) {
        switch (key.getType()) {
            case INTEGER:
                return shard.ownsLong(key.asLong());
            case STRING:
                return shard.ownsString(key.asString());
            default:
                return shard.ownsBinary(key.asBinary());
        }
    }

    private SortWindow[] windows(List<BoundTask> tasks, List<Integer> mine) {
        SortWindow[] out = new SortWindow[tasks.size()];
        List<Integer> discover = new ArrayList<>();
        for (int i : mine) {
            out[i] = SortWindow.of(tasks.get(i).bound(), schema.sortIndex());
            if (!out[i].bounded()) {
                if (!deriver.sortKeyBoundsRanges(tasks.get(i).bound(), tasks.get(i).key())) {
                    throw DataXException.asDataXException(OtsRangeReaderErrorCode.UNBOUNDED_TIME, "the sort key "
                            + schema.sortKey() + " has no gte/lt bounds and the primary key " + schema.names()
                            + " has columns before it without eq/in conditions, so its time extent cannot be found cheaply; "
                            + "add bounds, e.g. parameter.filters." + schema.sortKey() + " = {\"gte\": \"2020-01-01\", \"lt\": \"2026-01-01\"}");
                }
                discover.add(i);
            }
        }
        if (discover.isEmpty()) {
            return out;
        }
        LOG.info("discovering the time extent of {} key(s) without sort-key bounds (first/last row per key)", discover.size());
        List<Callable<SortWindow>> jobs = new ArrayList<>();
        for (int i : discover) {
            final BoundTask t = tasks.get(i);
            final SortWindow known = out[i];
            jobs.add(() -> extent(t, known, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        List<SortWindow> found = inParallel(jobs, "otsrange-extent");
        for (int k = 0; k < discover.size(); k++) {
            out[discover.get(k)] = found.get(k);
        }
        return out;
    }

    /**
     * Rows per unit, from one GetRange page per unit (at most {@link #MAX_SAMPLED_UNITS} units, spread
     * evenly over the plan; the others get the sampled rows per unit of time-span weight).
     */
    private double[] sampledRows(List<BoundTask> tasks, List<Unit> units) {
        final RowSampler sampler = new RowSampler(gateway, spec.table(), schema, spec.tuning().maxRangesPerSlice(),
                RowSampler.PAGE_ROWS, RowSampler.RANGES_PER_UNIT);
        int picks = Math.min(units.size(), MAX_SAMPLED_UNITS);
        List<Callable<RowSampler.Estimate>> jobs = new ArrayList<>(picks);
        for (int i = 0; i < picks; i++) {
            final Unit u = units.get((int) ((long) i * units.size() / picks));
            jobs.add(() -> sampler.estimate(tasks.get(u.task()), u.from(), u.to(), null));
        }
        List<RowSampler.Estimate> found = inParallel(jobs, "otsrange-sample");
        double[] rows = new double[units.size()];
        boolean[] sampled = new boolean[units.size()];
        double sampledRows = 0;
        double sampledWeight = 0;
        int requests = 0;
        for (int i = 0; i < picks; i++) {
            int at = (int) ((long) i * units.size() / picks);
            rows[at] = found.get(i).rows;
            sampled[at] = true;
            sampledRows += rows[at];
            sampledWeight += units.get(at).weight();
            requests += found.get(i).requests;
        }
        double perWeight = sampledWeight > 0 ? sampledRows / sampledWeight : 0;
        for (int i = 0; i < units.size(); i++) {
            if (!sampled[i]) {
                rows[i] = perWeight * units.get(i).weight();
            }
        }
        LOG.info("estimated the rows of {} of {} file unit(s) from one GetRange page of at most {} rows each ({} requests): about {}"
                + " rows in all", picks, units.size(), RowSampler.PAGE_ROWS, requests, Math.round(sampledRows + perWeight
                * (total(units) - sampledWeight)));
        return rows;
    }

    private static double total(List<Unit> units) {
        double total = 0;
        for (Unit u : units) {
            total += u.weight();
        }
        return total;
    }

    /** Where the rows of units the estimate would read in parts are: [first, last + 1) inside each unit's window. */
    private Map<Unit, long[]> unitExtents(List<BoundTask> tasks, List<Unit> candidates) {
        List<Callable<SortWindow>> jobs = new ArrayList<>();
        for (final Unit u : candidates) {
            final BoundTask t = tasks.get(u.task());
            jobs.add(() -> extent(t, SortWindow.of(t.bound(), schema.sortIndex()).with(u.from(), u.to()), u.from(), u.to()));
        }
        List<SortWindow> found = inParallel(jobs, "otsrange-probe");
        Map<Unit, long[]> out = new IdentityHashMap<>();
        for (int k = 0; k < candidates.size(); k++) {
            SortWindow w = found.get(k);
            if (w != null && w.from() < w.to()) {
                out.put(candidates.get(k), new long[] {w.from(), w.to()});
            }
        }
        LOG.info("probed {} heavy file unit(s) for where their rows are: {} hold rows", candidates.size(), out.size());
        return out;
    }

    /** Runs metadata lookups on up to discoveryThreads threads; results in order. */
    private <T> List<T> inParallel(List<Callable<T>> jobs, String threadName) {
        int threads = Math.max(1, Math.min(spec.tuning().discoveryThreads(), jobs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> out = new ArrayList<>(jobs.size());
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c
                    : DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL, "planning lookup failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, "interrupted while planning");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * [first, last + 1) of the key's rows between the sort-key values {@code from} and {@code to},
     * clipped by the bound it already has; null = no rows.
     */
    private SortWindow extent(BoundTask t, SortWindow known, long from, long to) {
        RangeScanner scanner = new RangeScanner(gateway, spec.table());
        Long min = null;
        Long max = null;
        for (PkRange r : deriver.ranges(t.bound(), t.key(), from, to)) {
            Row first = scanner.edgeRow(r, false);
            if (first == null) {
                continue;
            }
            Row last = scanner.edgeRow(r, true);
            long a = sortValue(first);
            long b = last == null ? a : sortValue(last);
            min = min == null ? a : Math.min(min, a);
            max = max == null ? b : Math.max(max, b);
        }
        if (min == null) {
            return null;
        }
        long first = known.from() == null ? min : Math.max(known.from(), min);
        long end = known.to() == null ? (max == Long.MAX_VALUE ? max : max + 1) : Math.min(known.to(), max == Long.MAX_VALUE ? max : max + 1);
        return known.with(first, end);
    }

    private long sortValue(Row row) {
        PrimaryKeyColumn[] cols = row.getPrimaryKey().getPrimaryKeyColumns();
        return cols[schema.sortIndex()].getValue().asLong();
    }

    /** Split points per partition key text (only meaningful when the partition key leads the PK). */
    private Map<String, Integer> splitCounts() {
        if (schema.partitionIndex() != 0) {
            return Collections.emptyMap();
        }
        List<Split> splits = gateway.splits(spec.table());
        Map<String, Integer> counts = new HashMap<>();
        for (Split s : splits) {
            if (s.getLowerBound() == null || s.getLowerBound().getPrimaryKeyColumns().length == 0) {
                continue;
            }
            PrimaryKeyValue v = s.getLowerBound().getPrimaryKeyColumns()[0].getValue();
            if (v.isInfMin() || v.isInfMax() || v.getType() != schema.partitionType()) {
                continue;
            }
            String k = PkValues.keyText(v);
            Integer c = counts.get(k);
            counts.put(k, c == null ? 1 : c + 1);
        }
        return counts;
    }
}
