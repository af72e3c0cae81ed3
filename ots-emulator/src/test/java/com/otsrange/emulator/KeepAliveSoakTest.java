package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bounded soak on loopback: several threads load rows with BatchWriteRow and read them back with
 * GetRange through SDK clients whose retries are off (so no dropped connection can hide behind a
 * retry), pausing now and then for 4.8-5.4 s, around the SDK's 5 s idle-connection eviction, so
 * pooled keep-alive connections are reused right at that edge. Every request must succeed and
 * every row come back. Runs with -Dotsrange.heavy=true; -Dotsrange.soakSeconds=N (default 120).
 */
@EnabledIfSystemProperty(named = "otsrange.heavy", matches = "true")
class KeepAliveSoakTest {
    private static final int THREADS = 4;
    private static final int BATCH = 200;

    @Test
    void loadingAndReadingBackForMinutesDropsNothing() throws Exception {
        long seconds = Long.getLong("otsrange.soakSeconds", 120);
        try (EmulatorFixture f = new EmulatorFixture()) {
            f.createTable("soak", 1, "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
            ClientConfiguration conf = new ClientConfiguration();
            conf.setRetryStrategy(new NoRetryStrategy());
            List<SyncClient> clients = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clients.add(new SyncClient(f.emu.endpoint(), EmulatorFixture.ID, EmulatorFixture.SECRET, EmulatorFixture.INSTANCE, conf));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Long>> written = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    SyncClient client = clients.get(t % clients.size());
                    String key = "k" + t;
                    SplittableRandom random = new SplittableRandom(t);
                    written.add(pool.submit(() -> load(client, key, random, end)));
                }
                long total = 0;
                for (int t = 0; t < THREADS; t++) {
                    long rows = written.get(t).get();
                    assertEquals(rows, count(clients.get(0), "k" + t), "rows of k" + t);
                    total += rows;
                }
                assertEquals(total, f.emu.stats().rowsWritten());
                System.out.printf("soak: %d s, %d rows written and read back, %d requests, 0 failures%n",
                    seconds, total, f.emu.stats().totalRequests());
            } finally {
                pool.shutdownNow();
                clients.forEach(SyncClient::shutdown);
            }
        }
    }

    /** Writes batches until {@code end}, checking each one reads back; returns the rows written. */
    private static long load(SyncClient client, String key, SplittableRandom random, long end) throws InterruptedException {
        long ct = 0;
        while (System.nanoTime() < end) {
            BatchWriteRowRequest batch = new BatchWriteRowRequest();
            long first = ct;
            for (int i = 0; i < BATCH; i++, ct++) {
                RowPutChange change = new RowPutChange("soak", pk(key, ct));
                for (int c = 0; c < 10; c++) {
                    change.addColumn("c" + c, ColumnValue.fromDouble(random.nextDouble()));
                }
                batch.addRowChange(change);
            }
            if (!client.batchWriteRow(batch).isAllSucceed()) {
                throw new AssertionError("batch of " + key + " at " + first + " failed");
            }
            RangeRowQueryCriteria q = new RangeRowQueryCriteria("soak");
            q.setInclusiveStartPrimaryKey(pk(key, first));
            q.setExclusiveEndPrimaryKey(pk(key, ct));
            q.setMaxVersions(1);
            GetRangeResponse page = client.getRange(new GetRangeRequest(q));
            if (page.getRows().size() != BATCH) {
                throw new AssertionError(key + " read back " + page.getRows().size() + " rows of " + BATCH);
            }
            Thread.sleep(random.nextInt(5) == 0 ? 4800 + random.nextInt(600) : random.nextInt(50));
        }
        return ct;
    }

    private static long count(SyncClient client, String key) {
        RangeRowQueryCriteria q = new RangeRowQueryCriteria("soak");
        q.setInclusiveStartPrimaryKey(pk(key, 0));
        q.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(key))
            .addPrimaryKeyColumn("ct", PrimaryKeyValue.INF_MAX).build());
        q.setMaxVersions(1);
        long n = 0;
        while (true) {
            GetRangeResponse r = client.getRange(new GetRangeRequest(q));
            n += r.getRows().size();
            if (r.getNextStartPrimaryKey() == null) return n;
            q.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
    }

    private static PrimaryKey pk(String key, long ct) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(key))
            .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct)).build();
    }
}
