package com.otsrange.cli;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.ReservedThroughput;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.otsrange.emulator.OtsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.otsrange.emulator.UnsentRequestRetry;

class PeekCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheFirstDemoRowsAndNeverTheKey() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("peektest").accessKeyId("peek-id")
                .accessKeySecret("peek-secret-4242").demo(true).build().start()) {
            CliHarness run = CliHarness.run(dir, "peek", "--endpoint", emulator.endpoint(), "--instance", "peektest",
                    "--access-id", "peek-id", "--access-key", "peek-secret-4242", "--limit", "3");
            assertEquals(0, run.status, run.toString());
            String[] lines = run.out.trim().split("\n");
            assertEquals(3, lines.length, run.out);
            assertTrue(lines[0].startsWith("id=2309193932839 ct="), lines[0]);
            assertFalse((run.out + run.err).contains("peek-secret-4242"));

            CliHarness wrongKey = CliHarness.run(dir, "peek", "--endpoint", emulator.endpoint(), "--instance", "peektest",
                    "--access-id", "peek-id", "--access-key", "not-the-key");
            assertTrue(wrongKey.status != 0, wrongKey.toString());
            assertTrue(wrongKey.err.contains("OTSAuthFailed"), wrongKey.err);
        }
    }

    /** --stream: the latest records of the table's Stream, oldest first, each with its columns' operations. */
    @Test
    void streamShowsTheLatestRecordsOfATable() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("peektest").accessKeyId("peek-id")
                .accessKeySecret("peek-secret-4242").streamShards(2).build().start()) {
            SyncClient client = UnsentRequestRetry.client(emulator.endpoint(), "peek-id", "peek-secret-4242", "peektest");
            try {
                for (String table : new String[] {"ev", "plain"}) {
                    TableMeta meta = new TableMeta(table);
                    meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
                    TableOptions options = new TableOptions(-1, 3);
                    options.setMaxTimeDeviation(86400L * 365 * 100);
                    CreateTableRequest req = new CreateTableRequest(meta, options, new ReservedThroughput(0, 0));
                    if (table.equals("ev")) req.setStreamSpecification(new StreamSpecification(true, 24));
                    client.createTable(req);
                }
                RowPutChange put = new RowPutChange("ev", key("a"));
                put.addColumn("v", ColumnValue.fromLong(1), 1_700_000_000_000L);
                client.putRow(new PutRowRequest(put));
                RowUpdateChange update = new RowUpdateChange("ev", key("b"));
                update.put("u", ColumnValue.fromString("x"), 1_700_000_000_001L);
                update.deleteColumn("w", 1_700_000_000_000L);
                update.deleteColumns("z");
                client.updateRow(new UpdateRowRequest(update));
                client.deleteRow(new DeleteRowRequest(new RowDeleteChange("ev", key("c"))));
            } finally {
                client.shutdown();
            }
            String[] connect = {"peek", "--endpoint", emulator.endpoint(), "--instance", "peektest", "--access-id", "peek-id",
                "--access-key", "peek-secret-4242", "--stream"};
            CliHarness two = CliHarness.run(dir, concat(connect, "--table", "ev", "--limit", "2"));
            assertEquals(0, two.status, two.toString());
            String[] lines = two.out.trim().split("\n");
            assertEquals(2, lines.length, two.out);
            String head = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z [0-9a-f]{8}-[0-9a-f]{8} 0:\\d+:0 ";
            assertTrue(lines[0].matches(head + "UPDATE id=b \\| u=x@1700000000001 w:DELETE_ONE_VERSION@1700000000000 z:DELETE_ALL_VERSION"), lines[0]);
            assertTrue(lines[1].matches(head + "DELETE id=c"), lines[1]);
            assertEquals(3, CliHarness.run(dir, concat(connect, "--table", "ev")).out.trim().split("\n").length);

            CliHarness none = CliHarness.run(dir, concat(connect, "--table", "plain"));
            assertEquals(1, none.status, none.toString());
            assertTrue(none.err.contains("table 'plain' has no stream"), none.err);
        }
    }

    static PrimaryKey key(String id) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(id)).build();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
