package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.model.*;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SmokeTest {
    @Test
    void milestoneFlow() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture()) {
            f.createTable("t1", 1, "pk", PrimaryKeyType.STRING, "ts", PrimaryKeyType.INTEGER);
            DescribeTableResponse d = f.client.describeTable(new DescribeTableRequest("t1"));
            assertEquals(2, d.getTableMeta().getPrimaryKeyList().size());
            assertEquals(1, f.client.listTable().getTableNames().size());
            RowPutChange put = new RowPutChange("t1", PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString("a")).addPrimaryKeyColumn("ts", PrimaryKeyValue.fromLong(1)).build());
            put.addColumn("v", ColumnValue.fromLong(42));
            f.client.putRow(new PutRowRequest(put));
            for (int b = 0; b < 60; b++) {
                BatchWriteRowRequest bw = new BatchWriteRowRequest();
                for (int i = 0; i < 200; i++) {
                    RowPutChange p = new RowPutChange("t1", PrimaryKeyBuilder.createPrimaryKeyBuilder()
                        .addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString("b")).addPrimaryKeyColumn("ts", PrimaryKeyValue.fromLong(b * 200L + i)).build());
                    p.addColumn("x", ColumnValue.fromDouble(i * 0.5));
                    p.addColumn("s", ColumnValue.fromString("s" + i));
                    bw.addRowChange(p);
                }
                BatchWriteRowResponse r = f.client.batchWriteRow(bw);
                assertTrue(r.isAllSucceed());
            }
            RangeRowQueryCriteria c = new RangeRowQueryCriteria("t1");
            c.setInclusiveStartPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.INF_MIN).addPrimaryKeyColumn("ts", PrimaryKeyValue.INF_MIN).build());
            c.setExclusiveEndPrimaryKey(PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("pk", PrimaryKeyValue.INF_MAX).addPrimaryKeyColumn("ts", PrimaryKeyValue.INF_MAX).build());
            c.setMaxVersions(1);
            List<Row> all = new ArrayList<>();
            int pages = 0;
            while (true) {
                GetRangeResponse r = f.client.getRange(new GetRangeRequest(c));
                all.addAll(r.getRows());
                pages++;
                if (r.getNextStartPrimaryKey() == null) break;
                c.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
            }
            assertEquals(12001, all.size());
            assertEquals(3, pages); // 5000 + 5000 + 2001
            assertEquals(42, all.get(0).getLatestColumn("v").getValue().asLong());
            assertEquals("s3", all.get(4).getLatestColumn("s").getValue().asString());
        }
    }
}
