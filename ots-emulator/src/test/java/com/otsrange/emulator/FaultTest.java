package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each fault kind as the SDK sees it (retries off), action scoping, seeding, caps, and no partial writes. */
class FaultTest {
    static EmulatorFixture f;
    static SyncClient raw;

    @BeforeAll
    static void start() throws Exception {
        f = new EmulatorFixture();
        raw = f.noRetryClient();
        f.createTable("ft", 1, "k", PrimaryKeyType.INTEGER);
        BatchWriteRowRequest bw = new BatchWriteRowRequest();
        for (int i = 0; i < 100; i++) {
            RowPutChange p = new RowPutChange("ft", key(i));
            p.addColumn("v", ColumnValue.fromLong(i));
            bw.addRowChange(p);
        }
        f.client.batchWriteRow(bw);
    }

    @AfterAll
    static void stop() { f.close(); }

    @BeforeEach
    void clear() { f.emu.setFaults(FaultSpec.none()); }

    static PrimaryKey key(long k) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.fromLong(k)).build();
    }

    static GetRangeRequest all() {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria("ft");
        c.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MIN).build());
        c.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.INF_MAX).build());
        c.setMaxVersions(1);
        return new GetRangeRequest(c);
    }

    void expectError(String spec, String code, int status, String kind) {
        f.emu.setFaults(FaultSpec.parse(spec));
        long before = f.emu.stats().faults(kind);
        TableStoreException e = assertThrows(TableStoreException.class, () -> raw.getRange(all()));
        assertEquals(code, e.getErrorCode());
        assertEquals(status, e.getHttpStatus());
        assertEquals(before + 1, f.emu.stats().faults(kind));
    }

    @Test
    void busyTimeoutThrottle() {
        expectError("busy=1", "OTSServerBusy", 503, "busy");
        expectError("timeout=1", "OTSTimeout", 503, "timeout");
        expectError("throttle=1", "OTSQuotaExhausted", 403, "throttle");
    }

    @Test
    void resetDropsTheConnection() {
        f.emu.setFaults(FaultSpec.parse("reset=1"));
        assertThrows(ClientException.class, () -> raw.getRange(all()));
        assertTrue(f.emu.stats().faults("reset") >= 1);
        f.emu.setFaults(FaultSpec.none());
        assertEquals(100, raw.getRange(all()).getRows().size(), "the client recovers on a new connection");
    }

    @Test
    void slowDelaysButSucceeds() {
        f.emu.setFaults(FaultSpec.parse("slow=1,slowMs=30"));
        long before = f.emu.stats().faults("slow");
        assertEquals(100, raw.getRange(all()).getRows().size());
        assertEquals(before + 1, f.emu.stats().faults("slow"));
    }

    @Test
    void actionsLimitWhereFaultsApply() {
        f.emu.setFaults(FaultSpec.parse("busy=1,actions=GetRange+GetRow"));
        assertNotNull(raw.describeTable(new DescribeTableRequest("ft")).getTableMeta());
        assertThrows(TableStoreException.class, () -> raw.getRange(all()));
    }

    @Test
    void sameSeedSameSequenceAndMaxCapsFaults() {
        List<String> first = outcomes("busy=0.5,seed=11", 30);
        List<String> second = outcomes("busy=0.5,seed=11", 30);
        assertEquals(first, second);
        assertTrue(first.contains("ok") && first.contains("OTSServerBusy"));
        List<String> capped = outcomes("busy=1,max=2", 5);
        assertEquals(List.of("OTSServerBusy", "OTSServerBusy", "ok", "ok", "ok"), capped);
    }

    List<String> outcomes(String spec, int n) {
        f.emu.setFaults(FaultSpec.parse(spec));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                raw.describeTable(new DescribeTableRequest("ft"));
                out.add("ok");
            } catch (TableStoreException e) {
                out.add(e.getErrorCode());
            }
        }
        return out;
    }

    @Test
    void faultedWritesApplyNothing() {
        for (String spec : new String[] {"busy=1", "timeout=1", "throttle=1", "reset=1"}) {
            f.emu.setFaults(FaultSpec.parse(spec));
            BatchWriteRowRequest bw = new BatchWriteRowRequest();
            for (int i = 1000; i < 1100; i++) bw.addRowChange(new RowPutChange("ft", key(i)).addColumn("v", ColumnValue.fromLong(i)));
            assertThrows(RuntimeException.class, () -> raw.batchWriteRow(bw), spec);
            f.emu.setFaults(FaultSpec.none());
            assertEquals(100, raw.getRange(all()).getRows().size(), spec);
        }
    }

    @Test
    void defaultRetryingClientGetsThrough() {
        f.emu.setFaults(FaultSpec.parse("busy=0.3,timeout=0.2,seed=5"));
        long before = f.emu.stats().totalFaults();
        for (int i = 0; i < 10; i++) assertEquals(100, f.client.getRange(all()).getRows().size());
        assertTrue(f.emu.stats().totalFaults() > before);
    }

    @Test
    void badSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("busy=2"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("busy=0.6,timeout=0.6"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("explode=0.1"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("busy"));
        assertEquals(2000, FaultSpec.parse("slow=0.1").slowMs);
        assertTrue(FaultSpec.parse("").isNone());
    }
}
