package com.otsrange.reader.config;

import com.otsrange.common.FileParts;
import com.otsrange.common.Problems;
import java.util.Map;

/** Performance and robustness knobs; defaults suit a real TableStore instance. */
public final class Tuning {
    public static final int DEFAULT_SPLIT_FACTOR = 4;
    public static final int DEFAULT_MAX_RETRIES = 18;
    public static final long DEFAULT_RETRY_INITIAL_DELAY_MS = 100;
    public static final long DEFAULT_RETRY_MAX_DELAY_MS = 10_000;
    public static final long DEFAULT_RETRY_MAX_ELAPSED_MS = 300_000;
    public static final int DEFAULT_PAGE_SIZE = 0;
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_MAX_RANGES_PER_SLICE = 1000;
    public static final int DEFAULT_DISCOVERY_THREADS = 8;
    public static final ReadApi DEFAULT_READ_API = ReadApi.AUTO;
    public static final int DEFAULT_PARALLEL_READS = 4;
    public static final int DEFAULT_READ_AHEAD_MB = 0;
    /** 0 = automatic: {@link #partsPerFileLimit()}. */
    public static final int DEFAULT_MAX_PARTS_PER_FILE = 0;
    /** The automatic limit never goes beyond this many parts per file. */
    static final int AUTO_MAX_PARTS = 8;

    static final String[] KEYS = {"splitFactor", "maxRetries", "retryInitialDelayMs", "retryMaxDelayMs",
        "retryMaxElapsedMs", "pageSize", "requestTimeoutMs", "maxRangesPerSlice", "discoveryThreads", "readApi",
        "parallelReads", "readAheadMB", "maxPartsPerFile"};

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
        return new Tuning(DEFAULT_SPLIT_FACTOR, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_INITIAL_DELAY_MS, DEFAULT_RETRY_MAX_DELAY_MS,
                DEFAULT_RETRY_MAX_ELAPSED_MS, DEFAULT_PAGE_SIZE, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_MAX_RANGES_PER_SLICE,
                DEFAULT_DISCOVERY_THREADS, DEFAULT_READ_API, DEFAULT_PARALLEL_READS, DEFAULT_READ_AHEAD_MB,
                DEFAULT_MAX_PARTS_PER_FILE);
    }

    static Tuning parse(Map<String, Object> p, Problems problems) {
        String at = "parameter";
        Long splitFactor = Fields.optionalLong(p, "splitFactor", at, 1, 64, problems);
        Long maxRetries = Fields.optionalLong(p, "maxRetries", at, 0, 1000, problems);
        Long initial = Fields.optionalLong(p, "retryInitialDelayMs", at, 1, 600_000, problems);
        Long max = Fields.optionalLong(p, "retryMaxDelayMs", at, 1, 600_000, problems);
        Long elapsed = Fields.optionalLong(p, "retryMaxElapsedMs", at, 0, 86_400_000, problems);
        Long pageSize = Fields.optionalLong(p, "pageSize", at, 0, 5000, problems);
        Long timeout = Fields.optionalLong(p, "requestTimeoutMs", at, 1000, 600_000, problems);
        Long ranges = Fields.optionalLong(p, "maxRangesPerSlice", at, 1, 100_000, problems);
        Long threads = Fields.optionalLong(p, "discoveryThreads", at, 1, 64, problems);
        ReadApi readApi = DEFAULT_READ_API;
        String api = Fields.optionalString(p, "readApi", at, problems);
        if (api != null) {
            readApi = ReadApi.of(api);
            if (readApi == null) {
                problems.add("parameter.readApi", "invalid value " + Problems.show(api)
                        + "; valid: \"auto\" (default: BulkExport, GetRange where BulkExport cannot serve), \"getRange\", \"bulkExport\"");
                readApi = DEFAULT_READ_API;
            }
        }
        Long parallel = Fields.optionalLong(p, "parallelReads", at, 1, 32, problems);
        Long readAhead = Fields.optionalLong(p, "readAheadMB", at, 0, 4096, problems);
        Long parts = Fields.optionalLong(p, "maxPartsPerFile", at, 0, FileParts.MAX_PARTS, problems);
        long init = initial == null ? DEFAULT_RETRY_INITIAL_DELAY_MS : initial;
        long cap = max == null ? Math.max(init, DEFAULT_RETRY_MAX_DELAY_MS) : max;
        if (cap < init) {
            problems.add("parameter.retryMaxDelayMs", "must be at least retryInitialDelayMs (" + init + "), got " + cap);
        }
        return new Tuning(
                splitFactor == null ? DEFAULT_SPLIT_FACTOR : splitFactor.intValue(),
                maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries.intValue(),
                init, cap,
                elapsed == null ? DEFAULT_RETRY_MAX_ELAPSED_MS : elapsed,
                pageSize == null ? DEFAULT_PAGE_SIZE : pageSize.intValue(),
                timeout == null ? DEFAULT_REQUEST_TIMEOUT_MS : timeout.intValue(),
                ranges == null ? DEFAULT_MAX_RANGES_PER_SLICE : ranges.intValue(),
                threads == null ? DEFAULT_DISCOVERY_THREADS : threads.intValue(),
                readApi,
                parallel == null ? DEFAULT_PARALLEL_READS : parallel.intValue(),
                readAhead == null ? DEFAULT_READ_AHEAD_MB : readAhead.intValue(),
                parts == null ? DEFAULT_MAX_PARTS_PER_FILE : parts.intValue());
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
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("splitFactor", splitFactor);
        m.put("maxRetries", maxRetries);
        m.put("retryInitialDelayMs", retryInitialDelayMs);
        m.put("retryMaxDelayMs", retryMaxDelayMs);
        m.put("retryMaxElapsedMs", retryMaxElapsedMs);
        m.put("pageSize", pageSize);
        m.put("requestTimeoutMs", requestTimeoutMs);
        m.put("maxRangesPerSlice", maxRangesPerSlice);
        m.put("discoveryThreads", discoveryThreads);
        m.put("readApi", readApi.json());
        m.put("parallelReads", parallelReads);
        m.put("readAheadMB", readAheadMB);
        m.put("maxPartsPerFile", maxPartsPerFile);
        return m;
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
