package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Micro-benchmark of the emulator itself: loads N rows of 10 attribute columns straight into the
 * store, reports heap bytes per stored row, then reads them with one SyncClient GetRange stream and
 * reports rows/s. In the emulator's package because it loads through the store's internals. Run by
 * {@code bench/run.sh --only micro}.
 *
 * Usage: com.otsrange.emulator.GetRangeThroughput [ROWS] (default 1,000,000)
 */
public final class GetRangeThroughput {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (OtsEmulator emu = OtsEmulator.builder().instanceName("bench").accessKeyId("id").accessKeySecret("key").build().start()) {
            Store store = emu.store;
            PkSchema schema = new PkSchema(List.of("id", "ct"), List.of(PkType.STRING, PkType.INTEGER));
            Table t = new Table("bench", schema, TableSettings.DEFAULT, 0, 0, 0, store.columnLog("bench"));
            store.create(t);
            long heap0 = usedHeap();
            long ts0 = 1_700_000_000_000L;
            store.write(() -> {
                for (int i = 0; i < n; i++) {
                    long ct = ts0 + i * 1000L;
                    List<Cell> cells = new ArrayList<>(10);
                    cells.add(Cell.ofDouble("a_temp", ct, 20 + (i % 100) / 10.0));
                    cells.add(Cell.ofDouble("b_hum", ct, 50 + (i % 37)));
                    cells.add(Cell.ofDouble("c_pres", ct, 1013.25));
                    cells.add(Cell.ofDouble("d_volt", ct, 3.7));
                    cells.add(Cell.ofString("e_status", ct, "ok"));
                    cells.add(Cell.ofBoolean("f_online", ct, true));
                    cells.add(Cell.ofLong("g_seq", ct, i));
                    cells.add(Cell.ofString("h_fw", ct, "2.0.1"));
                    cells.add(Cell.ofLong("i_code", ct, i % 7));
                    cells.add(Cell.ofString("j_site", ct, "site-" + (i % 50)));
                    byte[] key = KeyCodec.encode(schema, List.of(PkValue.ofString(("dev-" + (i % 10)).getBytes(StandardCharsets.UTF_8)), PkValue.ofLong(ct)));
                    store.putRow(t, key, RowCodec.encode(cells, t.columns));
                }
                return null;
            });
            long heap1 = usedHeap();
            System.out.printf("stored %d rows: %.0f heap bytes per row (%.0f MB)%n", n, (heap1 - heap0) / (double) n, (heap1 - heap0) / 1e6);

            SyncClient client = UnsentRequestRetry.client(emu.endpoint(), "id", "key", "bench");
            try {
                for (int round = 0; round < 3; round++) {
                    RangeRowQueryCriteria c = new RangeRowQueryCriteria("bench");
                    c.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MIN)
                        .addPrimaryKeyColumn("ct", PrimaryKeyValue.INF_MIN).build());
                    c.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.INF_MAX)
                        .addPrimaryKeyColumn("ct", PrimaryKeyValue.INF_MAX).build());
                    c.setMaxVersions(1);
                    long t0 = System.nanoTime();
                    long rows = 0;
                    long pages = 0;
                    while (true) {
                        GetRangeResponse r = client.getRange(new GetRangeRequest(c));
                        rows += r.getRows().size();
                        pages++;
                        if (r.getNextStartPrimaryKey() == null) break;
                        c.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("round %d: %d rows in %d pages, %.2f s, %.0f rows/s (SDK decode included)%n", round, rows, pages, secs, rows / secs);
                }
            } finally {
                client.shutdown();
            }
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
