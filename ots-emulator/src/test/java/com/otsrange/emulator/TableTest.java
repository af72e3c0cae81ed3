package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** CreateTable, DescribeTable, ListTable, DeleteTable and their errors. */
class TableTest {
    static EmulatorFixture f;

    @BeforeAll
    static void start() throws Exception { f = new EmulatorFixture(); }

    @AfterAll
    static void stop() { f.close(); }

    static TableStoreException fails(Runnable r) { return assertThrows(TableStoreException.class, r::run); }

    static CreateTableRequest create(String name, int ttl, int versions, Object... pk) {
        TableMeta meta = new TableMeta(name);
        for (int i = 0; i < pk.length; i += 2) meta.addPrimaryKeyColumn(new PrimaryKeySchema((String) pk[i], (PrimaryKeyType) pk[i + 1]));
        return new CreateTableRequest(meta, new TableOptions(ttl, versions), new ReservedThroughput(1, 2));
    }

    @Test
    void lifecycle() {
        f.client.createTable(create("life", 86400 * 2, 3, "id", PrimaryKeyType.STRING, "ts", PrimaryKeyType.INTEGER, "b", PrimaryKeyType.BINARY));
        assertTrue(f.client.listTable().getTableNames().contains("life"));
        DescribeTableResponse d = f.client.describeTable(new DescribeTableRequest("life"));
        List<PrimaryKeySchema> pk = d.getTableMeta().getPrimaryKeyList();
        assertEquals(List.of("id", "ts", "b"), pk.stream().map(PrimaryKeySchema::getName).toList());
        assertEquals(List.of(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER, PrimaryKeyType.BINARY), pk.stream().map(PrimaryKeySchema::getType).toList());
        assertEquals(86400 * 2, d.getTableOptions().getTimeToLive());
        assertEquals(3, d.getTableOptions().getMaxVersions());
        assertEquals(86400, d.getTableOptions().getMaxTimeDeviation());
        assertEquals(1, d.getReservedThroughputDetails().getCapacityUnit().getReadCapacityUnit());
        assertEquals(2, d.getReservedThroughputDetails().getCapacityUnit().getWriteCapacityUnit());

        TableStoreException e = fails(() -> f.client.createTable(create("life", -1, 1, "id", PrimaryKeyType.STRING)));
        assertEquals("OTSObjectAlreadyExist", e.getErrorCode());
        assertEquals(409, e.getHttpStatus());

        f.client.deleteTable(new DeleteTableRequest("life"));
        assertFalse(f.client.listTable().getTableNames().contains("life"));
        e = fails(() -> f.client.describeTable(new DescribeTableRequest("life")));
        assertEquals("OTSObjectNotExist", e.getErrorCode());
        assertEquals(404, e.getHttpStatus());
        e = fails(() -> f.client.deleteTable(new DeleteTableRequest("life")));
        assertEquals("OTSObjectNotExist", e.getErrorCode());
    }

    @Test
    void invalidDefinitions() {
        for (String bad : new String[] {"1abc", "a-b", "a b", "\u00e9", "x".repeat(256)}) {
            TableStoreException e = fails(() -> f.client.createTable(create(bad, -1, 1, "id", PrimaryKeyType.STRING)));
            assertEquals("OTSParameterInvalid", e.getErrorCode(), bad);
            assertEquals(400, e.getHttpStatus());
        }
        // the SDK itself refuses a table without primary key columns before sending
        assertThrows(IllegalArgumentException.class, () -> f.client.createTable(create("nopk", -1, 1)));
        assertEquals("OTSParameterInvalid", fails(() -> f.client.createTable(create("fivepk", -1, 1, "a", PrimaryKeyType.STRING,
            "b", PrimaryKeyType.STRING, "c", PrimaryKeyType.STRING, "d", PrimaryKeyType.STRING, "e", PrimaryKeyType.STRING))).getErrorCode());
        assertEquals("OTSParameterInvalid", fails(() -> f.client.createTable(create("dup", -1, 1, "a", PrimaryKeyType.STRING,
            "a", PrimaryKeyType.INTEGER))).getErrorCode());
        assertEquals("OTSParameterInvalid", fails(() -> f.client.createTable(create("badpk", -1, 1, "1a", PrimaryKeyType.STRING))).getErrorCode());
        assertEquals("OTSParameterInvalid", fails(() -> f.client.createTable(create("shortttl", 100, 1, "a", PrimaryKeyType.STRING))).getErrorCode());
        f.client.createTable(create("_Ok_1", -1, 1, "a", PrimaryKeyType.STRING, "b", PrimaryKeyType.INTEGER, "c", PrimaryKeyType.INTEGER,
            "d", PrimaryKeyType.BINARY));
        assertTrue(f.client.listTable().getTableNames().contains("_Ok_1"));
    }
}
