package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.otsrange.emulator.StreamScript.Col.deleteAll;
import static com.otsrange.emulator.StreamScript.Col.deleteOne;
import static com.otsrange.emulator.StreamScript.Col.put;
import static org.junit.jupiter.api.Assertions.*;

/** The Stream API through the unmodified SDK: streams of tables, records of every write, shards, splits, retention, errors. */
class StreamTest {
    static final String T = "events";

    @TempDir
    Path dir;

    static OtsEmulator.Builder builder(int shards) { return LifecycleTest.builder().streamShards(shards); }

    static TableStoreException fails(Runnable r) { return assertThrows(TableStoreException.class, r::run); }

    static void createTable(SyncClient c, String name, StreamSpecification spec) {
        TableMeta meta = new TableMeta(name);
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("n", PrimaryKeyType.INTEGER));
        TableOptions opts = new TableOptions(-1, 3);
        opts.setMaxTimeDeviation(86400L * 365 * 100);
        CreateTableRequest req = new CreateTableRequest(meta, opts, new ReservedThroughput(0, 0));
        if (spec != null) req.setStreamSpecification(spec);
        c.createTable(req);
    }

    static String streamId(SyncClient c, String table) { return c.describeTable(new DescribeTableRequest(table)).getStreamDetails().getStreamId(); }

    static List<StreamShard> shards(SyncClient c, String streamId) { return c.describeStream(new DescribeStreamRequest(streamId)).getShards(); }

    static List<String> ids(List<StreamShard> shards) {
        List<String> ids = new ArrayList<>();
        shards.forEach(s -> ids.add(s.getShardId()));
        return ids;
    }

    /** Partition keys k0, k1, ... until every open shard of the model has {@code perShard} of them. */
    static Map<String, List<String>> keysPerShard(ShardLayout layout, int perShard) {
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        for (String id : layout.openIds()) keys.put(id, new ArrayList<>());
        for (int i = 0; keys.values().stream().anyMatch(l -> l.size() < perShard); i++) {
            String k = "k" + i;
            List<String> l = keys.get(layout.shardOf(ShardLayout.hash(k)));
            if (l.size() < perShard) l.add(k);
        }
        return keys;
    }

    @Test
    void createTableWithAStreamListAndDescribeIt() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(3).build())) {
            long before = StreamScript.nowMicros();
            createTable(f.client, T, new StreamSpecification(true, 24));
            createTable(f.client, "plain", null);
            StreamDetails d = f.client.describeTable(new DescribeTableRequest(T)).getStreamDetails();
            assertTrue(d.isEnableStream());
            assertEquals(24, d.getExpirationTime());
            assertTrue(d.getStreamId().startsWith(T + "_"), d.getStreamId());
            assertFalse(f.client.describeTable(new DescribeTableRequest("plain")).getStreamDetails().isEnableStream());

            List<Stream> mine = f.client.listStream(new ListStreamRequest(T)).getStreams();
            assertEquals(1, mine.size());
            assertEquals(d.getStreamId(), mine.get(0).getStreamId());
            assertEquals(T, mine.get(0).getTableName());
            assertTrue(mine.get(0).getCreationTime() >= before && mine.get(0).getCreationTime() <= StreamScript.nowMicros() + 1000);
            assertEquals(List.of(), f.client.listStream(new ListStreamRequest("plain")).getStreams(), "no stream, nothing listed");
            assertEquals(List.of(d.getStreamId()), f.client.listStream(new ListStreamRequest()).getStreams().stream().map(Stream::getStreamId).toList());

            DescribeStreamResponse s = f.client.describeStream(new DescribeStreamRequest(d.getStreamId()));
            assertEquals(d.getStreamId(), s.getStreamId());
            assertEquals(T, s.getTableName());
            assertEquals(24, s.getExpirationTime());
            assertEquals(mine.get(0).getCreationTime(), s.getCreationTime());
            assertEquals(StreamStatus.ACTIVE, s.getStatus());
            assertNull(s.getNextShardId());
            assertEquals(new ShardLayout(3).openIds(), ids(s.getShards()));
            for (StreamShard sh : s.getShards()) {
                assertNull(sh.getParentId());
                assertNull(sh.getParentSiblingId());
            }
        }
    }

    @Test
    void updateTableEnablesChangesAndDisablesTheStreamAndItsOptions() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(2).build())) {
            createTable(f.client, T, null);
            assertFalse(f.client.describeTable(new DescribeTableRequest(T)).getStreamDetails().isEnableStream());

            UpdateTableRequest enable = new UpdateTableRequest(T);
            enable.setStreamSpecification(new StreamSpecification(true, 12));
            UpdateTableResponse r = f.client.updateTable(enable);
            assertTrue(r.getStreamDetails().isEnableStream());
            assertEquals(12, r.getStreamDetails().getExpirationTime());
            String first = streamId(f.client, T);
            assertEquals(r.getStreamDetails().getStreamId(), first);

            UpdateTableRequest longer = new UpdateTableRequest(T);
            longer.setStreamSpecification(new StreamSpecification(true, 168));
            f.client.updateTable(longer);
            assertEquals(first, streamId(f.client, T), "a new expiration keeps the stream");
            assertEquals(168, f.client.describeStream(new DescribeStreamRequest(first)).getExpirationTime());

            UpdateTableRequest disable = new UpdateTableRequest(T);
            disable.setStreamSpecification(new StreamSpecification(false));
            assertFalse(f.client.updateTable(disable).getStreamDetails().isEnableStream());
            assertEquals(List.of(), f.client.listStream(new ListStreamRequest(T)).getStreams());
            TableStoreException gone = fails(() -> f.client.describeStream(new DescribeStreamRequest(first)));
            assertEquals("OTSObjectNotExist", gone.getErrorCode());
            assertEquals(404, gone.getHttpStatus());
            assertEquals("Requested stream does not exist.", gone.getMessage());

            f.client.updateTable(enable);
            assertNotEquals(first, streamId(f.client, T), "enabling again makes a new stream");

            UpdateTableRequest options = new UpdateTableRequest(T);
            options.setTableOptionsForUpdate(new TableOptions(86400 * 3, 5));
            options.setReservedThroughputForUpdate(new ReservedThroughput(new CapacityUnit(7, 8)));
            f.client.updateTable(options);
            DescribeTableResponse d = f.client.describeTable(new DescribeTableRequest(T));
            assertEquals(86400 * 3, d.getTableOptions().getTimeToLive());
            assertEquals(5, d.getTableOptions().getMaxVersions());
            assertEquals(86400L * 365 * 100, d.getTableOptions().getMaxTimeDeviation(), "an option not given stays");
            assertEquals(7, d.getReservedThroughputDetails().getCapacityUnit().getReadCapacityUnit());
            assertTrue(d.getStreamDetails().isEnableStream(), "options alone leave the stream");

            for (int hours : new int[] {169, 1000}) {
                UpdateTableRequest bad = new UpdateTableRequest(T);
                bad.setStreamSpecification(new StreamSpecification(true, hours));
                TableStoreException e = fails(() -> f.client.updateTable(bad));
                assertEquals("OTSParameterInvalid", e.getErrorCode());
                assertTrue(e.getMessage().contains("[1, 168]"), e.getMessage());
            }
            TableStoreException noTable = fails(() -> f.client.updateTable(new UpdateTableRequest("nope")));
            assertEquals("OTSObjectNotExist", noTable.getErrorCode());
        }
    }

    /**
     * Every kind of write on three shards, a split in the middle, and each shard read back:
     * exactly the records the writes make, in write order, with their sequence info.
     */
    @Test
    void everyWriteIsARecordOfItsShardInWriteOrder() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(3).build())) {
            createTable(f.client, T, new StreamSpecification(true, 24));
            String stream = streamId(f.client, T);
            ShardLayout layout = new ShardLayout(3);
            StreamScript s = new StreamScript(f.client, T, layout);
            List<String> initial = layout.openIds();
            Map<String, List<String>> keys = keysPerShard(layout, 2);
            List<String> shard0 = keys.get(initial.get(0));
            List<String> shard1 = keys.get(initial.get(1));
            List<String> shard2 = keys.get(initial.get(2));
            long v = 1_700_000_000_000L;

            s.put(shard0.get(0), 1, put("a", ColumnValue.fromString("x"), v), put("b", ColumnValue.fromLong(7), v),
                put("a", ColumnValue.fromString("older"), v - 5));
            s.put(shard1.get(0), 1, put("c", ColumnValue.fromDouble(2.5), v), put("d", ColumnValue.fromBoolean(true), v),
                put("e", ColumnValue.fromBinary(new byte[] {0, 1, (byte) 0xFF}), v));
            s.update(shard0.get(0), 1, put("a", ColumnValue.fromString("y"), v + 1), deleteOne("a", v - 5), deleteAll("b"));
            s.update(shard2.get(0), 9, put("z", ColumnValue.fromLong(-1), v));
            s.delete(shard1.get(0), 1);
            s.delete(shard2.get(1), 404); // a row that never existed: still a DeleteRow in the log
            s.batch(List.of(s.putChange(shard0.get(1), 2, put("a", ColumnValue.fromString("b1"), v)),
                    s.updateChange(shard0.get(0), 1, deleteOne("a", v)),
                    s.putChange(shard2.get(0), 3, put("q", ColumnValue.fromLong(3), v)),
                    new RowDeleteChange(T, StreamScript.pk(shard0.get(0), 5))),
                List.of(new StreamScript.Col[] {put("a", ColumnValue.fromString("b1"), v)},
                    new StreamScript.Col[] {deleteOne("a", v)},
                    new StreamScript.Col[] {put("q", ColumnValue.fromLong(3), v)},
                    new StreamScript.Col[0]));

            // a failed condition writes nothing, so no record either
            RowPutChange refused = s.putChange(shard1.get(1), 1, put("a", ColumnValue.fromString("never"), v));
            refused.setCondition(new Condition(RowExistenceExpectation.EXPECT_EXIST));
            assertEquals("OTSConditionCheckFail", fails(() -> f.client.putRow(new PutRowRequest(refused))).getErrorCode());

            String parent = initial.get(0);
            List<String> children = f.emu.splitStreamShard(T, parent);
            assertEquals(layout.split(parent), children);
            for (String k : shard0) s.put(k, 10, put("after", ColumnValue.fromLong(1), v));
            for (int i = 100; i < 140; i++) {
                String k = "k" + i;
                if (children.contains(layout.shardOf(ShardLayout.hash(k)))) s.update(k, 1, put("c", ColumnValue.fromLong(i), v));
            }

            List<StreamShard> all = shards(f.client, stream);
            assertEquals(initial.subList(1, 3), ids(all).subList(1, 3));
            assertEquals(List.of(parent, children.get(0), children.get(1)), List.of(ids(all).get(0), ids(all).get(3), ids(all).get(4)));
            for (StreamShard c : all.subList(3, 5)) {
                assertEquals(parent, c.getParentId());
                assertNull(c.getParentSiblingId());
            }
            assertTrue(s.byShard.containsKey(children.get(0)) && s.byShard.containsKey(children.get(1)), "both children got records");
            for (StreamShard sh : all) s.assertShard(stream, sh.getShardId());
        }
    }

    @Test
    void aVersionWithoutTimestampShowsTheServerTime() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(1).build())) {
            createTable(f.client, T, new StreamSpecification(true, 1));
            long before = System.currentTimeMillis();
            RowPutChange c = new RowPutChange(T, StreamScript.pk("k", 1));
            c.addColumn("a", ColumnValue.fromLong(1));
            f.client.putRow(new PutRowRequest(c));
            long after = System.currentTimeMillis();
            String stream = streamId(f.client, T);
            StreamRecord r = StreamScript.readShard(f.client, stream, shards(f.client, stream).get(0).getShardId()).get(0);
            long version = r.getColumns().get(0).getColumn().getTimestamp();
            assertTrue(version >= before && version <= after, version + " in [" + before + ", " + after + "]");
            SingleRowQueryCriteria q = new SingleRowQueryCriteria(T, StreamScript.pk("k", 1));
            q.setMaxVersions(1);
            assertEquals(version, f.client.getRow(new GetRowRequest(q)).getRow().getLatestColumn("a").getTimestamp(), "the version stored");
        }
    }

    @Test
    void pagesFollowTheLimitAndAnOpenShardStaysOpen() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(1).build())) {
            createTable(f.client, T, new StreamSpecification(true, 1));
            for (int i = 0; i < 25; i++) {
                RowPutChange c = new RowPutChange(T, StreamScript.pk("k", i));
                c.addColumn("v", ColumnValue.fromLong(i), 1_700_000_000_000L);
                f.client.putRow(new PutRowRequest(c));
            }
            String stream = streamId(f.client, T);
            String shard = shards(f.client, stream).get(0).getShardId();
            String it = f.client.getShardIterator(new GetShardIteratorRequest(stream, shard)).getShardIterator();
            List<Long> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            List<Boolean> more = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                GetStreamRecordRequest req = new GetStreamRecordRequest(it);
                req.setLimit(10);
                GetStreamRecordResponse r = f.client.getStreamRecord(req);
                pageSizes.add(r.getRecords().size());
                more.add(r.getMayMoreRecord());
                r.getRecords().forEach(rec -> seen.add(rec.getPrimaryKey().getPrimaryKeyColumn("n").getValue().asLong()));
                it = r.getNextShardIterator();
            }
            assertEquals(List.of(10, 10, 5), pageSizes);
            assertEquals(List.of(true, true, false), more);
            assertEquals(java.util.stream.LongStream.range(0, 25).boxed().toList(), seen);

            GetStreamRecordResponse empty = f.client.getStreamRecord(new GetStreamRecordRequest(it));
            assertEquals(List.of(), empty.getRecords());
            assertNotNull(empty.getNextShardIterator(), "an open shard at its end: empty page, still a next iterator");
            RowPutChange later = new RowPutChange(T, StreamScript.pk("late", 1));
            later.addColumn("v", ColumnValue.fromLong(99), 1_700_000_000_000L);
            f.client.putRow(new PutRowRequest(later));
            List<StreamRecord> next = f.client.getStreamRecord(new GetStreamRecordRequest(empty.getNextShardIterator())).getRecords();
            assertEquals(1, next.size());
            assertEquals("late", next.get(0).getPrimaryKey().getPrimaryKeyColumn("id").getValue().asString());

            // the same iterator reads the same page again (otsstreamreader re-reads a page with a smaller limit)
            GetStreamRecordRequest two = new GetStreamRecordRequest(f.client.getShardIterator(new GetShardIteratorRequest(stream, shard)).getShardIterator());
            two.setLimit(2);
            String afterTwo = f.client.getStreamRecord(two).getNextShardIterator();
            assertEquals(2L, f.client.getStreamRecord(new GetStreamRecordRequest(afterTwo)).getRecords().get(0).getPrimaryKey()
                .getPrimaryKeyColumn("n").getValue().asLong());

            SyncClient raw = f.noRetryClient();
            String end = it;
            GetStreamRecordRequest tooMany = new GetStreamRecordRequest(end);
            tooMany.setLimit(1001);
            TableStoreException e = fails(() -> raw.getStreamRecord(tooMany));
            assertEquals("OTSParameterInvalid", e.getErrorCode());
            assertEquals("The limit must be in range [1, 1000], got 1001.", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new GetStreamRecordRequest(end).setLimit(0), "the SDK refuses 0 itself");
            for (String bad : new String[] {"garbage", end.substring(0, end.length() - 2), end + "AA"}) {
                e = fails(() -> raw.getStreamRecord(new GetStreamRecordRequest(bad)));
                assertEquals("OTSParameterInvalid", e.getErrorCode(), bad);
                assertEquals(400, e.getHttpStatus());
                assertTrue(e.getMessage().startsWith("Invalid shard iterator"), e.getMessage());
            }
        }
    }

    @Test
    void aSplitShardEndsWithoutNextIteratorAndDescribeStreamPages() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(2).build())) {
            createTable(f.client, T, new StreamSpecification(true, 1));
            String stream = streamId(f.client, T);
            ShardLayout layout = new ShardLayout(2);
            String parent = layout.openIds().get(1);
            String key = keysPerShard(layout, 1).get(parent).get(0);
            RowPutChange c = new RowPutChange(T, StreamScript.pk(key, 1));
            c.addColumn("v", ColumnValue.fromLong(1), 1_700_000_000_000L);
            f.client.putRow(new PutRowRequest(c));
            String before = f.client.getShardIterator(new GetShardIteratorRequest(stream, parent)).getShardIterator();
            List<String> children = f.emu.splitStreamShard(T, parent);
            assertEquals(layout.split(parent), children);

            GetStreamRecordResponse last = f.client.getStreamRecord(new GetStreamRecordRequest(before));
            assertEquals(1, last.getRecords().size());
            assertNull(last.getNextShardIterator(), "the end of a closed shard has no next iterator");
            assertFalse(last.getMayMoreRecord());

            List<String> all = ids(shards(f.client, stream));
            assertEquals(List.of(layout.openIds().get(0), parent, children.get(0), children.get(1)), all);
            DescribeStreamRequest paged = new DescribeStreamRequest(stream);
            paged.setShardLimit(1);
            List<String> walked = new ArrayList<>();
            while (true) {
                DescribeStreamResponse r = f.client.describeStream(paged);
                assertEquals(1, r.getShards().size());
                walked.addAll(ids(r.getShards()));
                if (r.getNextShardId() == null) break;
                paged.setInclusiveStartShardId(r.getNextShardId());
            }
            assertEquals(all, walked);

            assertThrows(IllegalStateException.class, () -> f.emu.splitStreamShard(T, parent), "a closed shard splits no more");
            assertThrows(IllegalArgumentException.class, () -> f.emu.splitStreamShard(T, "nope"));
            assertThrows(IllegalArgumentException.class, () -> f.emu.splitStreamShard("nope", parent));
        }
    }

    @Test
    void expiredRecordsAreTrimmedAndReadingThemIsTheServicesError() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(2).streamHourMs(300).build())) {
            createTable(f.client, T, new StreamSpecification(true, 1)); // 1 hour = 300 ms here
            String stream = streamId(f.client, T);
            ShardLayout layout = new ShardLayout(2);
            String closing = layout.openIds().get(0);
            String open = layout.openIds().get(1);
            Map<String, List<String>> keys = keysPerShard(layout, 1);
            for (String shard : List.of(closing, open)) {
                RowPutChange c = new RowPutChange(T, StreamScript.pk(keys.get(shard).get(0), 1));
                c.addColumn("v", ColumnValue.fromLong(1), 1_700_000_000_000L);
                f.client.putRow(new PutRowRequest(c));
            }
            String oldOpen = f.client.getShardIterator(new GetShardIteratorRequest(stream, open)).getShardIterator();
            String oldClosing = f.client.getShardIterator(new GetShardIteratorRequest(stream, closing)).getShardIterator();
            assertEquals(1, f.client.getStreamRecord(new GetStreamRecordRequest(oldOpen)).getRecords().size(), "kept for now");
            f.emu.splitStreamShard(T, closing);
            Thread.sleep(700);

            SyncClient raw = f.noRetryClient();
            for (String it : List.of(oldOpen, oldClosing)) {
                TableStoreException e = fails(() -> raw.getStreamRecord(new GetStreamRecordRequest(it)));
                assertEquals("OTSTrimmedDataAccess", e.getErrorCode());
                assertEquals("Requested stream data is already trimmed or does not exist.", e.getMessage());
                assertEquals(400, e.getHttpStatus());
            }
            assertFalse(ids(shards(f.client, stream)).contains(closing), "a closed shard whose records all expired is gone");
            TableStoreException noShard = fails(() -> raw.getShardIterator(new GetShardIteratorRequest(stream, closing)));
            assertEquals("OTSObjectNotExist", noShard.getErrorCode());
            assertEquals("Requested shard does not exist.", noShard.getMessage());

            String fresh = f.client.getShardIterator(new GetShardIteratorRequest(stream, open)).getShardIterator();
            GetStreamRecordResponse r = f.client.getStreamRecord(new GetStreamRecordRequest(fresh));
            assertEquals(List.of(), r.getRecords(), "a new iterator starts after what expired");
            RowPutChange c = new RowPutChange(T, StreamScript.pk(keys.get(open).get(0), 2));
            c.addColumn("v", ColumnValue.fromLong(2), 1_700_000_000_000L);
            f.client.putRow(new PutRowRequest(c));
            assertEquals(1, f.client.getStreamRecord(new GetStreamRecordRequest(r.getNextShardIterator())).getRecords().size());
        }
    }

    @Test
    void theClockOffsetMovesRecordsAndIteratorsSeekByTimestamp() throws Exception {
        Duration dayBack = Duration.ofDays(-1);
        try (EmulatorFixture f = new EmulatorFixture(builder(1).streamClockOffset(dayBack).build())) {
            createTable(f.client, T, new StreamSpecification(true, 72));
            String stream = streamId(f.client, T);
            String shard = shards(f.client, stream).get(0).getShardId();
            List<long[]> windows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long from = StreamScript.nowMicros() + dayBack.toMillis() * 1000;
                RowPutChange c = new RowPutChange(T, StreamScript.pk("k", i));
                c.addColumn("v", ColumnValue.fromLong(i), 1_700_000_000_000L);
                f.client.putRow(new PutRowRequest(c));
                windows.add(new long[] {from, StreamScript.nowMicros() + dayBack.toMillis() * 1000 + 1000});
                Thread.sleep(3);
            }
            List<StreamRecord> all = StreamScript.readShard(f.client, stream, shard);
            for (int i = 0; i < 3; i++) {
                long ts = all.get(i).getSequenceInfo().getTimestamp();
                assertTrue(ts >= windows.get(i)[0] && ts <= windows.get(i)[1], "a day back: " + ts);
            }
            GetShardIteratorRequest seek = new GetShardIteratorRequest(stream, shard);
            seek.setTimestamp(all.get(1).getSequenceInfo().getTimestamp());
            GetShardIteratorResponse at = f.client.getShardIterator(seek);
            assertNull(at.getNextToken());
            List<StreamRecord> from1 = f.client.getStreamRecord(new GetStreamRecordRequest(at.getShardIterator())).getRecords();
            assertEquals(List.of(1L, 2L), from1.stream().map(r -> r.getPrimaryKey().getPrimaryKeyColumn("n").getValue().asLong()).toList());

            f.emu.setStreamClockOffset(Duration.ZERO);
            assertEquals(Duration.ZERO, f.emu.streamClockOffset());
            RowPutChange c = new RowPutChange(T, StreamScript.pk("k", 3));
            c.addColumn("v", ColumnValue.fromLong(3), 1_700_000_000_000L);
            long now = StreamScript.nowMicros();
            f.client.putRow(new PutRowRequest(c));
            List<StreamRecord> again = StreamScript.readShard(f.client, stream, shard);
            assertTrue(again.get(3).getSequenceInfo().getTimestamp() >= now, "back on the wall clock");
        }
    }

    @Test
    void unknownStreamsShardsAndTablesAreTheServicesErrors() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(builder(1).build())) {
            createTable(f.client, T, new StreamSpecification(true, 1));
            String stream = streamId(f.client, T);
            SyncClient raw = f.noRetryClient();
            Map<String, Supplier<TableStoreException>> cases = new java.util.LinkedHashMap<>();
            cases.put("Requested stream does not exist.", () -> fails(() -> raw.describeStream(new DescribeStreamRequest("nope_1"))));
            cases.put("Requested shard does not exist.", () -> fails(() -> raw.getShardIterator(new GetShardIteratorRequest(stream, "nope"))));
            cases.put("Requested table does not exist.", () -> fails(() -> raw.listStream(new ListStreamRequest("nope"))));
            for (Map.Entry<String, Supplier<TableStoreException>> c : cases.entrySet()) {
                TableStoreException e = c.getValue().get();
                assertEquals("OTSObjectNotExist", e.getErrorCode(), c.getKey());
                assertEquals(404, e.getHttpStatus());
                assertEquals(c.getKey(), e.getMessage());
            }
            DescribeStreamRequest badStart = new DescribeStreamRequest(stream);
            badStart.setInclusiveStartShardId("nope");
            assertEquals("OTSObjectNotExist", fails(() -> raw.describeStream(badStart)).getErrorCode());

            String it = raw.getShardIterator(new GetShardIteratorRequest(stream, shards(raw, stream).get(0).getShardId())).getShardIterator();
            GetStreamRecordRequest otherTable = new GetStreamRecordRequest(it);
            otherTable.setTableName("other");
            assertEquals("OTSParameterInvalid", fails(() -> raw.getStreamRecord(otherTable)).getErrorCode());
            GetShardIteratorRequest token = new GetShardIteratorRequest(stream, shards(raw, stream).get(0).getShardId());
            token.setToken("abc");
            assertEquals("OTSParameterInvalid", fails(() -> raw.getShardIterator(token)).getErrorCode());

            UpdateTableRequest disable = new UpdateTableRequest(T);
            disable.setStreamSpecification(new StreamSpecification(false));
            f.client.updateTable(disable);
            TableStoreException e = fails(() -> raw.getStreamRecord(new GetStreamRecordRequest(it)));
            assertEquals("OTSTrimmedDataAccess", e.getErrorCode(), "an iterator of a stream that is gone");
            f.client.deleteTable(new DeleteTableRequest(T));
            assertEquals(List.of(), raw.listStream(new ListStreamRequest()).getStreams());
        }
    }

    @Test
    void commandLineStreamOptions() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        java.io.PrintStream e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
        String[] base = {"--port", "0", "--instance", "i", "--access-id", "a", "--access-key", "k"};
        Map<String, String[]> bad = Map.of(
            "--stream-shards must be a whole number in 1..64, got '0'", new String[] {"--stream-shards", "0"},
            "--stream-hour-ms must be a whole number in 1..", new String[] {"--stream-hour-ms", "x"},
            "--stream-clock-offset-ms must be a whole number", new String[] {"--stream-clock-offset-ms", "1e3"});
        for (Map.Entry<String, String[]> c : bad.entrySet()) {
            err.reset();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(c.getValue())).toArray(String[]::new);
            assertEquals(2, EmulatorMain.run(args, o, e, false), c.getKey());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(c.getKey()), err.toString(StandardCharsets.UTF_8));
        }
        String[] good = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of(
            "--stream-shards", "3", "--stream-hour-ms", "1000", "--stream-clock-offset-ms", "-86400000")).toArray(String[]::new);
        assertEquals(0, EmulatorMain.run(good, o, e, false));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("3 shards per stream, stream hour = 1000 ms, stream clock offset -86400000 ms"), printed);
    }

    /** With --data, streams, splits and records come back after a restart, and iterators stored by a client still read. */
    @Test
    void streamsSurviveARestart() throws Exception {
        Path data = dir.resolve("data");
        String stream;
        String iterator;
        List<String> shardIds;
        ShardLayout layout = new ShardLayout(2);
        String key = keysPerShard(layout, 1).get(layout.openIds().get(0)).get(0);
        try (EmulatorFixture f = new EmulatorFixture(builder(2).dataDir(data).build())) {
            createTable(f.client, T, new StreamSpecification(true, 5));
            stream = streamId(f.client, T);
            RowPutChange c = new RowPutChange(T, StreamScript.pk(key, 1));
            c.addColumn("v", ColumnValue.fromString("before"), 1_700_000_000_000L);
            f.client.putRow(new PutRowRequest(c));
            f.emu.splitStreamShard(T, layout.openIds().get(0));
            shardIds = ids(shards(f.client, stream));
            iterator = f.client.getShardIterator(new GetShardIteratorRequest(stream, shardIds.get(0))).getShardIterator();
        }
        try (EmulatorFixture f = new EmulatorFixture(builder(7).dataDir(data).build())) {
            assertEquals(stream, streamId(f.client, T));
            assertEquals(5, f.client.describeTable(new DescribeTableRequest(T)).getStreamDetails().getExpirationTime());
            assertEquals(shardIds, ids(shards(f.client, stream)), "the persisted shards, not --stream-shards of this start");
            GetStreamRecordResponse r = f.client.getStreamRecord(new GetStreamRecordRequest(iterator));
            assertEquals(1, r.getRecords().size());
            assertEquals("s:before", StreamScript.render(r.getRecords().get(0).getColumns().get(0).getColumn().getValue()));
            assertNull(r.getNextShardIterator(), "still closed");
            long oldTs = r.getRecords().get(0).getSequenceInfo().getTimestamp();
            RowPutChange c = new RowPutChange(T, StreamScript.pk(key, 2));
            c.addColumn("v", ColumnValue.fromString("after"), 1_700_000_000_000L);
            f.client.putRow(new PutRowRequest(c));
            layout.split(layout.openIds().get(0));
            String child = layout.shardOf(ShardLayout.hash(key));
            List<StreamRecord> childRecords = StreamScript.readShard(f.client, stream, child);
            assertEquals(1, childRecords.size());
            assertTrue(childRecords.get(0).getSequenceInfo().getTimestamp() > oldTs);
        }
        assertTrue(new String(java.nio.file.Files.readAllBytes(data.resolve("tables.log")), StandardCharsets.ISO_8859_1).contains(stream));
    }
}
