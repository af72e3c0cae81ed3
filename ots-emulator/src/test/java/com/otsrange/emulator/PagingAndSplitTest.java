package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.model.*;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Page limits (5000 rows, 4 MB), filter-emptied pages, and ComputeSplitPointsBySize. */
class PagingAndSplitTest {
    static EmulatorFixture f;

    @BeforeAll
    static void start() throws Exception { f = new EmulatorFixture(); }

    @AfterAll
    static void stop() { f.close(); }

    static PrimaryKey pk(String p, long n) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("p", PrimaryKeyValue.fromString(p))
            .addPrimaryKeyColumn("n", PrimaryKeyValue.fromLong(n)).build();
    }

    static RangeRowQueryCriteria whole(String table) {
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(pk2(PrimaryKeyValue.INF_MIN));
        c.setExclusiveEndPrimaryKey(pk2(PrimaryKeyValue.INF_MAX));
        c.setMaxVersions(1);
        return c;
    }

    static PrimaryKey pk2(PrimaryKeyValue v) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("p", v).addPrimaryKeyColumn("n", v).build();
    }

    static void write(String table, String p, int from, int to, int valueBytes) {
        for (int i = from; i < to; i += 200) {
            BatchWriteRowRequest bw = new BatchWriteRowRequest();
            for (int j = i; j < Math.min(to, i + 200); j++) {
                RowPutChange put = new RowPutChange(table, pk(p, j));
                put.addColumn("v", ColumnValue.fromBinary(new byte[valueBytes]));
                put.addColumn("j", ColumnValue.fromLong(j));
                bw.addRowChange(put);
            }
            assertTrue(f.client.batchWriteRow(bw).isAllSucceed());
        }
    }

    @Test
    void pagesStopAtFourMegabytes() {
        f.createTable("big", 1, "p", PrimaryKeyType.STRING, "n", PrimaryKeyType.INTEGER);
        for (int i = 0; i < 30; i += 4) write("big", "x", i, Math.min(30, i + 4), 300_000);
        RangeRowQueryCriteria c = whole("big");
        int total = 0;
        int pages = 0;
        while (true) {
            GetRangeResponse r = f.client.getRange(new GetRangeRequest(c));
            assertTrue(r.getRows().size() * 300_000 <= 4 * 1024 * 1024, "page of " + r.getRows().size() + " rows");
            total += r.getRows().size();
            pages++;
            if (r.getNextStartPrimaryKey() == null) break;
            c.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
        assertEquals(30, total);
        assertTrue(pages >= 3);
    }

    @Test
    void filterCanEmptyAPageThatStillHasANextKey() {
        f.createTable("sparse", 1, "p", PrimaryKeyType.STRING, "n", PrimaryKeyType.INTEGER);
        write("sparse", "a", 0, 12_000, 1);
        RangeRowQueryCriteria c = whole("sparse");
        SingleColumnValueFilter only = new SingleColumnValueFilter("j", SingleColumnValueFilter.CompareOperator.EQUAL, ColumnValue.fromLong(11_999));
        c.setFilter(only);
        List<Integer> sizes = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        while (true) {
            GetRangeResponse r = f.client.getRange(new GetRangeRequest(c));
            sizes.add(r.getRows().size());
            rows.addAll(r.getRows());
            if (r.getNextStartPrimaryKey() == null) break;
            c.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
        assertEquals(List.of(0, 0, 1), sizes);
        assertEquals(11_999, rows.get(0).getLatestColumn("j").getValue().asLong());
        // without a filter: 5000-row pages
        RangeRowQueryCriteria plain = whole("sparse");
        assertEquals(5000, f.client.getRange(new GetRangeRequest(plain)).getRows().size());
    }

    @Test
    void splitPointsDivideTheTableBySize() {
        f.createTable("split", 1, "p", PrimaryKeyType.STRING, "n", PrimaryKeyType.INTEGER);
        for (int k = 0; k < 40; k++) write("split", String.format("key%02d", k), 0, 20, 1000); // ~20 KB per partition key
        ComputeSplitsBySizeResponse r = f.client.computeSplitsBySize(new ComputeSplitsBySizeRequest("split", 100, 1000)); // ~100 KB
        List<Split> splits = r.getSplits();
        assertTrue(splits.size() >= 7 && splits.size() <= 9, "splits: " + splits.size());
        assertTrue(splits.get(0).getLowerBound().getPrimaryKeyColumn(0).getValue().isInfMin());
        assertTrue(splits.get(splits.size() - 1).getUpperBound().getPrimaryKeyColumn(0).getValue().isInfMax());
        int total = 0;
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            if (i > 0) assertEquals(splits.get(i - 1).getUpperBound(), s.getLowerBound());
            RangeRowQueryCriteria c = whole("split");
            c.setInclusiveStartPrimaryKey(s.getLowerBound());
            c.setExclusiveEndPrimaryKey(s.getUpperBound());
            int n = f.client.getRange(new GetRangeRequest(c)).getRows().size();
            assertEquals(0, n % 20, "a split point never cuts a partition key");
            if (i < splits.size() - 1) assertTrue(n >= 100, "split " + i + " holds " + n + " rows");
            total += n;
        }
        assertEquals(800, total);
        ComputeSplitsBySizeResponse one = f.client.computeSplitsBySize(new ComputeSplitsBySizeRequest("split", 1));
        assertEquals(1, one.getSplits().size(), "100 MB splits: the whole table is one split");
    }
}
