package com.otsrange.reader.config;

import com.otsrange.common.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Performance and robustness knobs; defaults suit a real TableStore instance. */
public final class Tuning {
    /** The automatic limit never goes beyond this many parts per file. */
    static final int AUTO_MAX_PARTS = 8;

    private final int splitFactor;
    private final int maxRetries;
    private final long retryInitialDelayMs;
    private final long retryMaxDelayMs;
    private final long retryMaxElapsedMs;
    private final int pageSize;
    private final int requestTimeoutMs;
    private final int maxRangesPerSlice;
    private final int discoveryThreads;
    private final ReadApi readApi;
    private final int parallelReads;
    private final int readAheadMB;
    private final int maxPartsPerFile;

    public Tuning(int splitFactor, int maxRetries, long retryInitialDelayMs, long retryMaxDelayMs, long retryMaxElapsedMs,
                  int pageSize, int requestTimeoutMs, int maxRangesPerSlice, int discoveryThreads, ReadApi readApi,
                  int parallelReads, int readAheadMB, int maxPartsPerFile) {
        this.splitFactor = splitFactor;
        this.maxRetries = maxRetries;
        this.retryInitialDelayMs = retryInitialDelayMs;
        this.retryMaxDelayMs = retryMaxDelayMs;
        this.retryMaxElapsedMs = retryMaxElapsedMs;
        this.pageSize = pageSize;
        this.requestTimeoutMs = requestTimeoutMs;
        this.maxRangesPerSlice = maxRangesPerSlice;
        this.discoveryThreads = discoveryThreads;
        this.readApi = readApi;
        this.parallelReads = parallelReads;
        this.readAheadMB = readAheadMB;
        this.maxPartsPerFile = maxPartsPerFile;
    }

    public static Tuning defaults() {
        return parse(Collections.<String, Object>emptyMap(), new Problems());
    }

    /** The tuning keys of a reader parameter ({@link ReaderParams#TUNING}), defaults for those absent. */
    static Tuning parse(Map<String, Object> p, Problems problems) {
        String at = ReaderParams.AT;
        long init = ReaderParams.RETRY_INITIAL_DELAY_MS.readOrDefault(p, at, problems);
        Long max = ReaderParams.RETRY_MAX_DELAY_MS.read(p, at, problems);
        long cap = ReaderParams.RETRY_MAX_DELAY_MS.given(p) == null || max == null
                ? Math.max(init, ReaderParams.RETRY_MAX_DELAY_MS.defaultValue()) : max;
        if (cap < init) {
            problems.add(ReaderParams.RETRY_MAX_DELAY_MS.path(at), "must be at least retryInitialDelayMs (" + init + "), got " + cap);
        }
        return new Tuning(
                ReaderParams.SPLIT_FACTOR.readOrDefault(p, at, problems).intValue(),
                ReaderParams.MAX_RETRIES.readOrDefault(p, at, problems).intValue(),
                init, cap,
                ReaderParams.RETRY_MAX_ELAPSED_MS.readOrDefault(p, at, problems),
                ReaderParams.PAGE_SIZE.readOrDefault(p, at, problems).intValue(),
                ReaderParams.REQUEST_TIMEOUT_MS.readOrDefault(p, at, problems).intValue(),
                ReaderParams.MAX_RANGES_PER_SLICE.readOrDefault(p, at, problems).intValue(),
                ReaderParams.DISCOVERY_THREADS.readOrDefault(p, at, problems).intValue(),
                ReaderParams.READ_API.readOrDefault(p, at, problems),
                ReaderParams.PARALLEL_READS.readOrDefault(p, at, problems).intValue(),
                ReaderParams.READ_AHEAD_MB.readOrDefault(p, at, problems).intValue(),
                ReaderParams.MAX_PARTS_PER_FILE.readOrDefault(p, at, problems).intValue());
    }

    /** DataX tasks per advised channel. */
    public int splitFactor() {
        return splitFactor;
    }

    /** Retries per request after the first attempt (0 = never retry). */
    public int maxRetries() {
        return maxRetries;
    }

    public long retryInitialDelayMs() {
        return retryInitialDelayMs;
    }

    public long retryMaxDelayMs() {
        return retryMaxDelayMs;
    }

    /** Total time one request may spend retrying, 0 = no limit besides maxRetries. */
    public long retryMaxElapsedMs() {
        return retryMaxElapsedMs;
    }

    /** GetRange limit per page, 0 = as many as the server returns (up to 5000 rows / 4 MB). */
    public int pageSize() {
        return pageSize;
    }

    public int requestTimeoutMs() {
        return requestTimeoutMs;
    }

    /** Above this many prefix combinations (eq/in on leading PK columns) a slice scans one wider range. */
    public int maxRangesPerSlice() {
        return maxRangesPerSlice;
    }

    public int discoveryThreads() {
        return discoveryThreads;
    }

    public ReadApi readApi() {
        return readApi;
    }

    /** Requests one task keeps in flight at most (sub-ranges of one long range read at once). */
    public int parallelReads() {
        return parallelReads;
    }

    /**
     * Bytes of answers one task may hold ahead of the rows it converts: readAheadMB, or by default
     * 1/64 of the heap, 4-64 MB (16 MB in DataX's default 1 GB heap): enough for a few row-matrix
     * answers per request in flight; GetRange answers, decoded into objects, count 8x their size,
     * and holding many of them costs the garbage collector more than the latency they hide.
     */
    public long readAheadBytes() {
        if (readAheadMB > 0) {
            return readAheadMB * 1024L * 1024L;
        }
        long auto = Runtime.getRuntime().maxMemory() / 64;
        return Math.max(4L << 20, Math.min(64L << 20, auto));
    }

    /** As written: parts one heavy file may be cut into, 0 = automatic ({@link #partsPerFileLimit()}). */
    public int maxPartsPerFile() {
        return maxPartsPerFile;
    }

    /**
     * Parts one heavy file may be cut into, each read by its own DataX task (1 = every file is read
     * by one task); how many a file gets: {@code plan.FilePartCutter}. Automatic: half this JVM's
     * processors, at most {@value #AUTO_MAX_PARTS}: a file read whole already keeps about two
     * threads busy (one converting rows, one writing CSV), so parts only pay where cores are left
     * idle; on 2 cores they cost CPU without gain (docs/performance.md). In standalone DataX the
     * Job runs in the JVM of its tasks.
     */
    public int partsPerFileLimit() {
        if (maxPartsPerFile > 0) {
            return maxPartsPerFile;
        }
        return Math.max(1, Math.min(AUTO_MAX_PARTS, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** For the task config (the Task rebuilds the same Tuning). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ReaderParams.SPLIT_FACTOR.name(), splitFactor);
        m.put(ReaderParams.MAX_RETRIES.name(), maxRetries);
        m.put(ReaderParams.RETRY_INITIAL_DELAY_MS.name(), retryInitialDelayMs);
        m.put(ReaderParams.RETRY_MAX_DELAY_MS.name(), retryMaxDelayMs);
        m.put(ReaderParams.RETRY_MAX_ELAPSED_MS.name(), retryMaxElapsedMs);
        m.put(ReaderParams.PAGE_SIZE.name(), pageSize);
        m.put(ReaderParams.REQUEST_TIMEOUT_MS.name(), requestTimeoutMs);
        m.put(ReaderParams.MAX_RANGES_PER_SLICE.name(), maxRangesPerSlice);
        m.put(ReaderParams.DISCOVERY_THREADS.name(), discoveryThreads);
        m.put(ReaderParams.READ_API.name(), readApi.json());
        m.put(ReaderParams.PARALLEL_READS.name(), parallelReads);
        m.put(ReaderParams.READ_AHEAD_MB.name(), readAheadMB);
        m.put(ReaderParams.MAX_PARTS_PER_FILE.name(), maxPartsPerFile);
        return m;
    }

    /** Equal when every knob is, as written ({@link #toMap()}: what a task's copy is rebuilt from). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tuning && toMap().equals(((Tuning) o).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    public static Tuning fromMap(Map<String, Object> m) {
        Problems p = new Problems();
        Tuning t = parse(m, p);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(p.list().toString());
        }
        return t;
    }
}
