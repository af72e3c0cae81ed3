package com.otsrange.e2e;

import com.alibaba.fastjson.JSONObject;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.RestateFile;
import com.otsrange.common.StreamPosition;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * otsrangereader's {@code changes: "stream"} with today's csvyearwriter, which does not restate yet
 * (issue 21's writer half): a job runs end to end (nothing is restated while the writer records no
 * stream position), and once a position is recorded a changed committed file makes the run fail
 * cleanly with the writer's CsvYearWriter-08 before a byte of that file changes.
 */
class ChangesOnCurrentWriterTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final IncrementalData.Shape YEARS = new IncrementalData.Shape(UTC, false, false, null, 2);
    static E2e e2e;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e("getRange");
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    static IncrementalData table(String name) {
        IncrementalData data = IncrementalData.generate(name, 21, 3);
        data.load(e2e);
        UpdateTableRequest enable = new UpdateTableRequest(name);
        enable.setStreamSpecification(new StreamSpecification(true, 24));
        e2e.client.updateTable(enable);
        return data;
    }

    static RunResult run(IncrementalData data, Path out, int from, int to, String changes) {
        JSONObject job = data.job(e2e, out, YEARS, from, to);
        E2e.readerOf(job).put("changes", changes);
        return E2e.run(job);
    }

    /** Every file holds exactly the table's rows of the days [from, to), as one export would (computed from the rows). */
    static void assertFiles(IncrementalData data, Path out, int from, int to) throws Exception {
        Map<String, List<E2e.SrcRow>> expected = data.expected(YEARS,
                t -> t >= IncrementalData.dayStart(from, UTC) && t < IncrementalData.dayStart(to, UTC));
        Map<String, byte[]> got = E2e.snapshot(out);
        assertEquals(expected.keySet(), got.keySet());
        for (Map.Entry<String, List<E2e.SrcRow>> e : expected.entrySet()) {
            IncrementalData.assertRows(e.getKey(), e.getValue(), E2e.parse(got.get(e.getKey())));
        }
    }

    @Test
    void aStreamJobRunsEndToEnd() throws Exception {
        IncrementalData data = table("chgrun");
        Path out = dir.resolve("out");
        for (int[] w : new int[][] {{2, 3}, {3, 5}}) {
            RunResult r = run(data, out, w[0], w[1], "stream");
            assertTrue(r.succeeded(), r.errorMessage());
        }
        assertFiles(data, out, 2, 5);
        assertEquals(null, CheckpointLog.lastStreamPosition(out.resolve(".otsrange/chgrun.all")),
                "today's writer records no position: every run is a first run");
    }

    @Test
    void aRestatedUnitFailsTheRunBeforeItsFileChanges() throws Exception {
        IncrementalData data = table("chgdirty");
        Path out = dir.resolve("out");
        assertTrue(run(data, out, 2, 5, "stream").succeeded());
        Path state = out.resolve(".otsrange/chgdirty.all");
        recordPosition(state, "chgdirty");
        long late = IncrementalData.dayStart(2, UTC) + 3_600_000L + 7;
        RowPutChange row = new RowPutChange("chgdirty", PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString("dev-1")).addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(late)).build());
        row.addColumn("v", ColumnValue.fromLong(42));
        e2e.client.putRow(new PutRowRequest(row));
        Map<String, byte[]> before = E2e.snapshot(out);

        RunResult refused = run(data, out, 5, 6, "stream");
        assertEquals("CsvYearWriter-08", refused.errorCode(), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("unit 2023/dev-1 arrived restated from " + IncrementalData.dayStart(2, UTC))
                && refused.errorMessage().contains("restatement not supported by this csvyearwriter"), refused.errorMessage());
        String dirty = "dev-1_chgdirty_2023.csv";
        assertArrayEquals(before.get(dirty), E2e.snapshot(out).get(dirty), "the restated unit's file is untouched");
        Map<String, List<E2e.SrcRow>> after = data.expected(YEARS,
                t -> t >= IncrementalData.dayStart(2, UTC) && t < IncrementalData.dayStart(6, UTC));
        for (Map.Entry<String, byte[]> f : E2e.snapshot(out).entrySet()) {
            if (!java.util.Arrays.equals(before.get(f.getKey()), f.getValue())) {
                // another unit of the window may have been appended before the failure: then whole, never torn
                IncrementalData.assertRows(f.getKey(), after.get(f.getKey()), E2e.parse(f.getValue()));
            }
        }
        RestateFile handed = RestateFile.read(state.resolve("tmp"));
        assertNotNull(handed, "the reader handed the restatement over");
        assertEquals(IncrementalData.dayStart(2, UTC), handed.unit("2023/dev-1").restateFrom());
        assertEquals(IncrementalData.dayStart(6, UTC), handed.unit("2023/dev-1").readTo());
        assertEquals(1, handed.units().size());

        // the lead's way out until the writer half lands: ignore changes, and the window completes as before
        RunResult ignored = run(data, out, 5, 6, "ignore");
        assertTrue(ignored.succeeded(), ignored.errorMessage());
        Map<String, List<E2e.SrcRow>> expected = new TreeMap<>(after);
        expected.get(dirty).removeIf(r -> (Long) r.pk.get(1) == late);
        for (Map.Entry<String, byte[]> f : E2e.snapshot(out).entrySet()) {
            IncrementalData.assertRows(f.getKey(), expected.get(f.getKey()), E2e.parse(f.getValue()));
        }
        assertFalse(Files.exists(state.resolve("tmp")), "tmp/ is gone after a successful run");
    }

    /** What the writer half will record after a run: where the Stream stands now. */
    static void recordPosition(Path state, String table) throws Exception {
        String stream = e2e.client.describeTable(new DescribeTableRequest(table)).getStreamDetails().getStreamId();
        Map<String, StreamPosition.Shard> shards = new TreeMap<>();
        for (StreamShard s : e2e.client.describeStream(new DescribeStreamRequest(stream)).getShards()) {
            GetShardIteratorRequest at = new GetShardIteratorRequest(stream, s.getShardId());
            at.setTimestamp(System.currentTimeMillis() * 1000);
            shards.put(s.getShardId(), StreamPosition.Shard.at(e2e.client.getShardIterator(at).getShardIterator()));
        }
        try (CheckpointLog log = CheckpointLog.open(state)) {
            log.streamPosition(new StreamPosition(stream, System.currentTimeMillis(), shards));
        }
    }
}
