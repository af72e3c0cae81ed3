package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.otsrange.reader.config.ConnectionSpec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One SDK client per JVM for each connection (endpoint, credentials, instance, timeout), shared
 * by every reader task that uses it: a SyncClient owns an HTTP connection pool and I/O threads, so
 * one per task (4 per channel by default) cost start-up time and threads for nothing. Reference
 * counted: the client is shut down when the last task using it lets go.
 */
final class SharedClients {
    /** Upper bound on the client's I/O threads (they decode responses, so more than the cores would not help). */
    private static final int MAX_IO_THREADS = 8;
    /** Connections of the shared pool; each concurrent task keeps one or two busy (the prefetcher). */
    private static final int MAX_CONNECTIONS = 64;

    private static final Map<Key, Entry> CLIENTS = new HashMap<>();
    private static long created;

    private SharedClients() {
    }

    /** A use of a shared client; {@link #close()} releases it exactly once. */
    static final class Lease implements AutoCloseable {
        private final Key key;
        private final Entry entry;
        private boolean closed;

        private Lease(Key key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        SyncClient client() {
            return entry.client;
        }

        /** Whether the service serves BulkExport for a table, learnt once while the client lives (one job). */
        BulkExportProbe bulkExportProbe(String table) {
            return entry.bulkExport.computeIfAbsent(table, t -> new BulkExportProbe());
        }

        @Override
        public void close() {
            synchronized (SharedClients.class) {
                if (closed) {
                    return;
                }
                closed = true;
                release(key);
            }
        }
    }

    static synchronized Lease acquire(ConnectionSpec c, int requestTimeoutMs) {
        Key key = new Key(c, requestTimeoutMs);
        Entry e = CLIENTS.get(key);
        if (e == null) {
            e = new Entry(newClient(c, requestTimeoutMs));
            CLIENTS.put(key, e);
            created++;
        }
        e.users++;
        return new Lease(key, e);
    }

    private static void release(Key key) {
        Entry e = CLIENTS.get(key);
        if (e != null && --e.users == 0) {
            CLIENTS.remove(key);
            e.client.shutdown();
        }
    }

    /** Clients created so far in this JVM (for tests). */
    static synchronized long created() {
        return created;
    }

    /** Clients alive now (for tests). */
    static synchronized int alive() {
        return CLIENTS.size();
    }

    private static SyncClient newClient(ConnectionSpec c, int requestTimeoutMs) {
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy()); // our Retrier decides, and logs each retry
        conf.setConnectionTimeoutInMillisecond(Math.min(requestTimeoutMs, 10_000));
        conf.setSocketTimeoutInMillisecond(requestTimeoutMs);
        conf.setSyncClientWaitFutureTimeoutInMillis(requestTimeoutMs + 5_000L);
        conf.setIoThreadCount(Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_IO_THREADS)));
        conf.setMaxConnections(MAX_CONNECTIONS);
        return new SyncClient(c.endpoint(), c.accessId(), c.accessKey(), c.instanceName(), conf);
    }

    private static final class Entry {
        final SyncClient client;
        final java.util.concurrent.ConcurrentHashMap<String, BulkExportProbe> bulkExport = new java.util.concurrent.ConcurrentHashMap<>();
        int users;

        Entry(SyncClient client) {
            this.client = client;
        }
    }

    /** What makes two tasks' clients interchangeable. No toString: it holds the secret. */
    private static final class Key {
        private final String[] parts;
        private final int timeout;

        Key(ConnectionSpec c, int timeout) {
            this.parts = new String[]{c.endpoint(), c.accessId(), c.accessKey(), c.instanceName()};
            this.timeout = timeout;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).timeout == timeout && Arrays.equals(((Key) o).parts, parts);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(parts) + timeout;
        }

        @Override
        public String toString() {
            return "connection to " + parts[0] + " (instance " + parts[3] + ")";
        }
    }
}
