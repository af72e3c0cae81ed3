package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** Concurrency, persistence across restarts, the command line, the demo table and Peek. */
class LifecycleTest {

    static OtsEmulator.Builder builder() {
        return OtsEmulator.builder().instanceName(EmulatorFixture.INSTANCE).accessKeyId(EmulatorFixture.ID)
            .accessKeySecret(EmulatorFixture.SECRET);
    }

    static PrimaryKey pk(long k) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.fromLong(k)).build();
    }

    static List<Row> all(SyncClient c, String table) {
        RangeRowQueryCriteria q = new RangeRowQueryCriteria(table);
        q.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MIN).build());
        q.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MAX).build());
        q.setMaxVersions(1);
        List<Row> out = new ArrayList<>();
        while (true) {
            GetRangeResponse r = c.getRange(new GetRangeRequest(q));
            out.addAll(r.getRows());
            if (r.getNextStartPrimaryKey() == null) return out;
            q.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
    }

    @Test
    void readersNeverSeeAHalfAppliedBatch() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture()) {
            f.createTable("cc", 1, "k", PrimaryKeyType.INTEGER);
            int writers = 3;
            ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
            AtomicReference<String> problem = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(writers);
            for (int w = 0; w < writers; w++) {
                int id = w;
                pool.submit(() -> {
                    try {
                        for (int gen = 0; gen < 30; gen++) {
                            BatchWriteRowRequest bw = new BatchWriteRowRequest();
                            for (int i = 0; i < 150; i++) {
                                bw.addRowChange(new RowPutChange("cc", pk(i)).addColumn("gen", ColumnValue.fromString(id + ":" + gen)));
                            }
                            if (!f.client.batchWriteRow(bw).isAllSucceed()) problem.set("batch failed");
                        }
                    } catch (RuntimeException e) {
                        problem.set(e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (done.getCount() > 0) {
                        List<Row> rows = all(f.client, "cc");
                        if (rows.isEmpty()) continue;
                        reads++;
                        String first = rows.get(0).getLatestColumn("gen").getValue().asString();
                        for (Row row : rows) {
                            if (!first.equals(row.getLatestColumn("gen").getValue().asString()) || rows.size() != 150) {
                                problem.set("mixed batch: " + rows.size() + " rows, " + first + " vs " + row);
                            }
                        }
                    }
                    return reads;
                }));
            }
            assertTrue(done.await(60, TimeUnit.SECONDS));
            int reads = 0;
            for (Future<Integer> r : readers) reads += r.get();
            pool.shutdown();
            assertNull(problem.get());
            assertTrue(reads > 0);
            assertEquals(writers * 30 + 1, f.emu.stats().requests("BatchWriteRow") + 1);
        }
    }

    @Test
    void dataDirKeepsTablesAcrossRestarts(@TempDir Path dir) throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder().dataDir(dir).build())) {
            f.createTable("keep", 2, "k", PrimaryKeyType.INTEGER);
            f.createTable("drop", 1, "k", PrimaryKeyType.INTEGER);
            BatchWriteRowRequest bw = new BatchWriteRowRequest();
            for (int i = 0; i < 50; i++) bw.addRowChange(new RowPutChange("keep", pk(i)).addColumn("v", ColumnValue.fromLong(i)));
            f.client.batchWriteRow(bw);
            f.client.deleteRow(new DeleteRowRequest(new RowDeleteChange("keep", pk(7))));
            f.client.deleteTable(new DeleteTableRequest("drop"));
        }
        try (EmulatorFixture f = new EmulatorFixture(builder().dataDir(dir).build())) {
            assertEquals(List.of("keep"), f.client.listTable().getTableNames());
            assertEquals(2, f.client.describeTable(new DescribeTableRequest("keep")).getTableOptions().getMaxVersions());
            List<Row> rows = all(f.client, "keep");
            assertEquals(49, rows.size());
            assertEquals(8, rows.get(7).getLatestColumn("v").getValue().asLong());
            f.client.putRow(new PutRowRequest(new RowPutChange("keep", pk(100)).addColumn("newcol", ColumnValue.fromString("n"))));
        }
        // a torn tail (a crash mid-append) is ignored
        Files.write(dir.resolve("tables.log"), new byte[] {'R', 0, 4, 'k'}, StandardOpenOption.APPEND);
        try (EmulatorFixture f = new EmulatorFixture(builder().dataDir(dir).build())) {
            List<Row> rows = all(f.client, "keep");
            assertEquals(50, rows.size());
            assertEquals("n", rows.get(49).getLatestColumn("newcol").getValue().asString());
        }
    }

    @Test
    void commandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, EmulatorMain.run(new String[] {"--instance", "i"}, o, e, false));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port is required"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
        err.reset();
        assertEquals(2, EmulatorMain.run(new String[] {"--port", "0", "--instance", "i", "--access-id", "a", "--access-key", "SECRETKEY",
            "--faults", "busy=7"}, o, e, false));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("busy"));
        assertEquals(2, EmulatorMain.run(new String[] {"--port", "x"}, o, e, false));
        assertEquals(2, EmulatorMain.run(new String[] {"--bogus"}, o, e, false));
        assertEquals(0, EmulatorMain.run(new String[] {"--port", "0", "--instance", "i", "--access-id", "a", "--access-key", "SECRETKEY",
            "--faults", "busy=0.1,seed=7"}, o, e, false));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("(?s).*listening on http://127\\.0\\.0\\.1:\\d+.*"), printed);
        assertFalse(printed.contains("SECRETKEY") || err.toString(StandardCharsets.UTF_8).contains("SECRETKEY"));
    }

    @Test
    void demoTableAndPeek() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder().demo(true).build());
             EmulatorFixture g = new EmulatorFixture(builder().demo(true).build())) {
            DescribeTableResponse d = f.client.describeTable(new DescribeTableRequest(DemoData.TABLE));
            assertEquals(List.of("id", "ct", "dim"), d.getTableMeta().getPrimaryKeyList().stream().map(PrimaryKeySchema::getName).toList());
            RangeRowQueryCriteria q = new RangeRowQueryCriteria(DemoData.TABLE);
            q.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MIN)
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.INF_MIN).addPrimaryKeyColumn("dim", PrimaryKeyValue.INF_MIN).build());
            q.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MAX)
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.INF_MAX).addPrimaryKeyColumn("dim", PrimaryKeyValue.INF_MAX).build());
            q.setMaxVersions(1);
            long count = 0;
            java.util.Set<String> ids = new java.util.TreeSet<>();
            java.util.Set<Long> dims = new java.util.TreeSet<>();
            long minCt = Long.MAX_VALUE;
            long maxCt = Long.MIN_VALUE;
            boolean someMissing = false;
            List<Row> firstPage = null;
            while (true) {
                GetRangeResponse r = f.client.getRange(new GetRangeRequest(q));
                if (firstPage == null) firstPage = r.getRows();
                for (Row row : r.getRows()) {
                    count++;
                    ids.add(row.getPrimaryKey().getPrimaryKeyColumn("id").getValue().asString());
                    dims.add(row.getPrimaryKey().getPrimaryKeyColumn("dim").getValue().asLong());
                    long ct = row.getPrimaryKey().getPrimaryKeyColumn("ct").getValue().asLong();
                    minCt = Math.min(minCt, ct);
                    maxCt = Math.max(maxCt, ct);
                    if (row.getColumns().length < 3) someMissing = true;
                    assertTrue(row.getColumns().length >= 2, "a row never loses more than one cell: " + row);
                }
                if (r.getNextStartPrimaryKey() == null) break;
                q.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
            }
            // 3 devices x 1096 days (2024 is a leap year) x one reading every 2 hours x dim 0 and 1
            assertEquals(3L * 1096 * 12 * 2, count);
            assertEquals(DemoData.rowCount(), count);
            assertEquals(List.of("2309193932839", "2309193932840", "2309193932841"), new ArrayList<>(ids));
            assertEquals(java.util.Set.of(0L, 1L), dims);
            assertTrue(minCt >= 1704067200000L && maxCt < 1798761600000L, minCt + " " + maxCt); // 2024-01-01 .. 2027-01-01
            assertTrue(someMissing);
            // deterministic: a second emulator serves the same rows
            q.setInclusiveStartPrimaryKey(firstPage.get(0).getPrimaryKey());
            assertEquals(firstPage.subList(0, 100).toString(), g.client.getRange(new GetRangeRequest(q)).getRows().subList(0, 100).toString());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Peek.run(new String[] {"--endpoint", f.emu.endpoint(), "--instance", EmulatorFixture.INSTANCE, "--access-id",
                EmulatorFixture.ID, "--access-key", EmulatorFixture.SECRET, "--table", DemoData.TABLE, "--limit", "3"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, code);
            String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
            assertEquals(3, lines.length);
            assertTrue(lines[0].startsWith("id=2309193932839 ct=1704067"), lines[0]);
            assertTrue(lines[0].contains("p34_1=") || lines[0].contains("p50_1="), lines[0]);
        }
    }
}
