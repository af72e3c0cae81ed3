package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the SDK sees when the emulator runs out of memory inside a request: a 503 OTSServerBusy it
 * understands (and retries), naming the cause, instead of "Connection closed".
 */
class HandlerFailureTest {

    @Test
    void outOfMemoryInsideARequestIsARetryableBusyAnswer() throws Exception {
        Store store = new Store();
        EmulatorStats stats = new EmulatorStats();
        OtsService service = new OtsService(store, new Auth(EmulatorFixture.INSTANCE, EmulatorFixture.ID, EmulatorFixture.SECRET),
            stats, new FaultInjector(FaultSpec.none()), java.util.Set.of(),
            new AtomicInteger(BulkExports.MAX_SCANNED_ROWS));
        AtomicInteger failNext = new AtomicInteger();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (MiniHttpServer server = new MiniHttpServer(0, req -> {
            if (req.path().equals("/BatchWriteRow") && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return service.handle(req);
        }, service::failed, warnings::add)) {
            server.start();
            String endpoint = "http://127.0.0.1:" + server.port();
            ClientConfiguration noRetry = new ClientConfiguration();
            noRetry.setRetryStrategy(new NoRetryStrategy());
            SyncClient raw = new SyncClient(endpoint, EmulatorFixture.ID, EmulatorFixture.SECRET, EmulatorFixture.INSTANCE, noRetry);
            SyncClient retrying = new SyncClient(endpoint, EmulatorFixture.ID, EmulatorFixture.SECRET, EmulatorFixture.INSTANCE);
            try {
                TableMeta meta = new TableMeta("t");
                meta.addPrimaryKeyColumn(new PrimaryKeySchema("k", PrimaryKeyType.STRING));
                raw.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));

                failNext.set(1);
                TableStoreException e = assertThrows(TableStoreException.class, () -> raw.batchWriteRow(batch("a")));
                assertEquals("OTSServerBusy", e.getErrorCode());
                assertEquals(503, e.getHttpStatus());
                assertTrue(e.getMessage().contains("OutOfMemoryError") && e.getMessage().contains("more heap"), e.getMessage());
                assertTrue(raw.batchWriteRow(batch("b")).isAllSucceed(), "the next request is served");

                failNext.set(2);
                assertTrue(retrying.batchWriteRow(batch("c")).isAllSucceed(), "the SDK retries the busy answers");
                assertEquals(0, failNext.get());
                assertEquals(3, stats.errors("OTSServerBusy"));
                assertTrue(warnings.get(0).contains("OutOfMemoryError"), warnings.toString());
            } finally {
                raw.shutdown();
                retrying.shutdown();
            }
        }
    }

    private static BatchWriteRowRequest batch(String prefix) {
        BatchWriteRowRequest b = new BatchWriteRowRequest();
        for (int i = 0; i < 10; i++) {
            RowPutChange c = new RowPutChange("t", PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("k", PrimaryKeyValue.fromString(prefix + i)).build());
            c.addColumn("v", ColumnValue.fromLong(i));
            b.addRowChange(c);
        }
        return b;
    }
}
