package com.otsrange.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters: requests per action, errors per code, faults per kind, rows served. Thread-safe. */
public final class EmulatorStats {
    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder rowsServed = new LongAdder();
    private final LongAdder rowsWritten = new LongAdder();

    void request(String action) { requests.computeIfAbsent(action, k -> new LongAdder()).increment(); }
    void fault(String kind) { faults.computeIfAbsent(kind, k -> new LongAdder()).increment(); }
    void error(String code) { errors.computeIfAbsent(code, k -> new LongAdder()).increment(); }
    void served(int rows) { rowsServed.add(rows); }
    void written(int rows) { rowsWritten.add(rows); }

    /** Requests received for one action (including faulted and failed ones). */
    public long requests(String action) {
        LongAdder a = requests.get(action);
        return a == null ? 0 : a.sum();
    }

    public long totalRequests() { return requests.values().stream().mapToLong(LongAdder::sum).sum(); }

    /** Faults injected of one kind: busy, timeout, throttle, reset, slow. */
    public long faults(String kind) {
        LongAdder a = faults.get(kind);
        return a == null ? 0 : a.sum();
    }

    public long totalFaults() { return faults.values().stream().mapToLong(LongAdder::sum).sum(); }

    /** Error responses sent per error code (injected faults included). */
    public long errors(String code) {
        LongAdder a = errors.get(code);
        return a == null ? 0 : a.sum();
    }

    /** Rows returned by GetRange and GetRow. */
    public long rowsServed() { return rowsServed.sum(); }

    /** Rows changed by PutRow, UpdateRow, DeleteRow and BatchWriteRow. */
    public long rowsWritten() { return rowsWritten.sum(); }

    public Map<String, Long> requestsByAction() { return snapshot(requests); }
    public Map<String, Long> faultsByKind() { return snapshot(faults); }
    public Map<String, Long> errorsByCode() { return snapshot(errors); }

    private static Map<String, Long> snapshot(ConcurrentHashMap<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** One line, e.g. {@code requests {GetRange=12} faults {busy=2} errors {} rowsServed=5000 rowsWritten=0}. */
    @Override
    public String toString() {
        return "requests " + requestsByAction() + " faults " + faultsByKind() + " errors " + errorsByCode()
            + " rowsServed=" + rowsServed() + " rowsWritten=" + rowsWritten();
    }
}
