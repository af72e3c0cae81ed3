package com.otsrange.cli;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.BatchWriteRowRequest;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.DeleteRowRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableResponse;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.ReservedThroughput;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.RowChange;
import com.alicloud.openservices.tablestore.model.RowDeleteChange;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.RowUpdateChange;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.alicloud.openservices.tablestore.model.StreamShard;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.alicloud.openservices.tablestore.model.UpdateRowRequest;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * DataX's own otsstreamreader (stock, from DATAX_HOME; skipped without it) reads the emulator's
 * Stream in the real engine: a scripted sequence of puts, updates with every column operation,
 * deletes and a BatchWriteRow over three shards, one of them split in the middle, exported with
 * txtfilewriter. The expected 6-tuples (and the sequence info) are computed from the script.
 * The reader creates its status table in the emulator and keeps its checkpoints there; a run
 * whose records expired fails with the service's OTSTrimmedDataAccess.
 */
class OtsStreamReaderIT {
    static final String TABLE = "stream_src";
    static final String STATUS = "datax_stream_status";
    static final String NULL = "\\N";
    /** otsstreamreader refuses ranges closer than these margins to now - expiration and to now; the tests set both to 0. */
    static final List<String> NO_MARGINS = List.of("-DBEFORE_OFFSET_TIME_MILLIS=0", "-DAFTER_OFFSET_TIME_MILLIS=0");
    /** DataX's engine sets the JVM's zone from core.json's common.column.timeZone; otsstreamreader reads {@code date} in it. */
    static final ZoneId DATAX_ZONE = ZoneId.of("GMT+8");
    static final long V = 1_700_000_000_000L;
    static final Pattern SEQUENCE = Pattern.compile("(\\d{10})_(\\d{20})_(\\d{10})_([0-9a-f]{8}-[0-9a-f]{8}):(\\d{10})");

    @TempDir
    Path work;

    Path home;

    @BeforeEach
    void install() throws IOException {
        home = DataxInstall.installedOrSkip(work);
    }

    /** The README's shard rule as this test models it: CRC-32 of the partition key, equal hash ranges, a split halves one. */
    static final class Shards {
        final TreeMap<Long, Long> open = new TreeMap<>();

        Shards(int n) {
            for (long i = 0; i < n; i++) open.put((i << 32) / n, ((i + 1) << 32) / n - 1);
        }

        String of(String partitionKey) {
            CRC32 crc = new CRC32();
            crc.update(partitionKey.getBytes(StandardCharsets.UTF_8));
            Map.Entry<Long, Long> range = open.floorEntry(crc.getValue());
            return String.format("%08x-%08x", range.getKey(), range.getValue());
        }

        void split(String id) {
            long low = Long.parseLong(id.substring(0, 8), 16);
            long high = open.get(low);
            long mid = low + (high - low + 1) / 2;
            open.put(low, mid - 1);
            open.put(mid, high);
        }

        /** One key per open shard: key0, key1, ... as they fall. */
        List<String> oneKeyEach(String prefix) {
            Map<String, String> found = new TreeMap<>();
            for (int i = 0; found.size() < open.size(); i++) found.putIfAbsent(of(prefix + i), prefix + i);
            return new ArrayList<>(found.values());
        }
    }

    /** One column change: a version with value (U), one version deleted (DO), all versions deleted (DA). */
    record Cell(String op, String name, Long version, ColumnValue value) {
    }

    static Cell u(String name, long version, ColumnValue value) { return new Cell("U", name, version, value); }

    static Cell deleteOne(String name, long version) { return new Cell("DO", name, version, null); }

    static Cell deleteAll(String name) { return new Cell("DA", name, null, null); }

    /** A row change of the script: PUT, UPDATE or DELETE of (pk, n). */
    record Change(String type, String pk, long n, List<Cell> cells) {
        PrimaryKey key() {
            return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("pk", PrimaryKeyValue.fromString(pk))
                .addPrimaryKeyColumn("n", PrimaryKeyValue.fromLong(n)).build();
        }

        RowChange toSdk() {
            if (type.equals("DELETE")) return new RowDeleteChange(TABLE, key());
            if (type.equals("PUT")) {
                RowPutChange c = new RowPutChange(TABLE, key());
                cells.forEach(cell -> c.addColumn(cell.name(), cell.value(), cell.version()));
                return c;
            }
            RowUpdateChange c = new RowUpdateChange(TABLE, key());
            for (Cell cell : cells) {
                if (cell.op().equals("U")) {
                    c.put(cell.name(), cell.value(), cell.version());
                } else if (cell.op().equals("DO")) {
                    c.deleteColumn(cell.name(), cell.version());
                } else {
                    c.deleteColumns(cell.name());
                }
            }
            return c;
        }
    }

    static Change put(String pk, long n, Cell... cells) { return new Change("PUT", pk, n, List.of(cells)); }

    static Change update(String pk, long n, Cell... cells) { return new Change("UPDATE", pk, n, List.of(cells)); }

    static Change delete(String pk, long n) { return new Change("DELETE", pk, n, List.of()); }

    /** A tuple otsstreamreader should export, and where its sequence info must point. */
    record Tuple(String line, String shard, int row, int column, long fromMicros, long toMicros) {
        String key() { return line + "|" + shard + "|" + row + "|" + column; }
    }

    /** Writes through the SDK and computes the tuples each write must become, as otsstreamreader's multi-version mode sends them. */
    static final class Script {
        final SyncClient client;
        final Shards shards;
        final long offsetMicros;
        final List<Tuple> tuples = new ArrayList<>();

        Script(SyncClient client, Shards shards, Duration streamClockOffset) {
            this.client = client;
            this.shards = shards;
            this.offsetMicros = streamClockOffset.toMillis() * 1000;
        }

        /** One request: a single row change, or a BatchWriteRow of several. */
        void write(Change... changes) {
            long from = System.currentTimeMillis() * 1000 + offsetMicros;
            if (changes.length == 1) {
                RowChange c = changes[0].toSdk();
                if (c instanceof RowPutChange) {
                    client.putRow(new PutRowRequest((RowPutChange) c));
                } else if (c instanceof RowUpdateChange) {
                    client.updateRow(new UpdateRowRequest((RowUpdateChange) c));
                } else {
                    client.deleteRow(new DeleteRowRequest((RowDeleteChange) c));
                }
            } else {
                BatchWriteRowRequest batch = new BatchWriteRowRequest();
                for (Change c : changes) batch.addRowChange(c.toSdk());
                assertTrue(client.batchWriteRow(batch).isAllSucceed());
            }
            long to = (System.currentTimeMillis() + 1) * 1000 + offsetMicros;
            Map<String, Integer> rows = new HashMap<>();
            for (Change c : changes) {
                String shard = shards.of(c.pk());
                int row = rows.merge(shard, 1, Integer::sum) - 1;
                int column = 0;
                String pk = c.pk() + "," + c.n() + ",";
                if (!c.type().equals("UPDATE")) tuples.add(new Tuple(pk + String.join(",", NULL, NULL, NULL, "DR"), shard, row, column++, from, to));
                for (Cell cell : c.cells()) {
                    String version = cell.version() == null ? NULL : String.valueOf(cell.version());
                    String value = cell.value() == null ? NULL : render(cell.value());
                    tuples.add(new Tuple(pk + String.join(",", cell.name(), version, value, cell.op()), shard, row, column++, from, to));
                }
            }
        }

        /** How DataX's column types print through txtfilewriter (byteEncoding base64). */
        static String render(ColumnValue v) {
            switch (v.getType()) {
                case DOUBLE: return new BigDecimal(String.valueOf(v.asDouble())).toPlainString();
                case BINARY: return Base64.getEncoder().encodeToString(v.asBinary());
                case BOOLEAN: return String.valueOf(v.asBoolean());
                case INTEGER: return String.valueOf(v.asLong());
                default: return v.asString();
            }
        }
    }

    interface Body {
        void run(OtsEmulator emu, SyncClient client) throws Exception;
    }

    /** An emulator with {@code shards} per stream and the stream clock at wall time + {@code offset}, the data table created, a client. */
    static void withTable(int shards, Duration offset, int expirationHours, Body body) throws Exception {
        try (OtsEmulator emu = OtsEmulator.builder().port(0).instanceName("streamit").accessKeyId("id").accessKeySecret("SECRET-stream")
                .streamShards(shards).streamClockOffset(offset).build().start()) {
            SyncClient client = UnsentRequestRetry.client(emu.endpoint(), "id", "SECRET-stream", "streamit");
            try {
                createTable(client, TABLE, expirationHours);
                body.run(emu, client);
            } finally {
                client.shutdown();
            }
        }
    }

    static void createTable(SyncClient client, String name, int expirationHours) {
        TableMeta meta = new TableMeta(name);
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("pk", PrimaryKeyType.STRING));
        meta.addPrimaryKeyColumn(new PrimaryKeySchema("n", PrimaryKeyType.INTEGER));
        TableOptions options = new TableOptions(-1, 5);
        options.setMaxTimeDeviation(86400L * 365 * 100);
        CreateTableRequest req = new CreateTableRequest(meta, options, new ReservedThroughput(0, 0));
        if (expirationHours > 0) req.setStreamSpecification(new StreamSpecification(true, expirationHours));
        client.createTable(req);
    }

    /**
     * The scripted sequence: every value type, each column operation, deletes of existing and
     * missing rows, a BatchWriteRow across shards, and the shard of the first key split half-way
     * (the emulator's test hook; the model splits too). Keys: one per shard, then more.
     */
    static void scriptedSequence(Script s, OtsEmulator emu) {
        List<String> k = s.shards.oneKeyEach("dev-");
        s.write(put(k.get(0), 1, u("temp", V + 1, ColumnValue.fromDouble(21.5)), u("status", V + 1, ColumnValue.fromString("ok")),
            u("temp", V + 2, ColumnValue.fromDouble(-3.25))));
        s.write(put(k.get(1), 1, u("count", V + 1, ColumnValue.fromLong(42)), u("on", V + 1, ColumnValue.fromBoolean(true)),
            u("raw", V + 1, ColumnValue.fromBinary(new byte[] {1, 2, (byte) 0xFE}))));
        s.write(update(k.get(0), 1, u("status", V + 3, ColumnValue.fromString("warn")), deleteOne("temp", V + 1), deleteAll("raw")));
        s.write(put(k.get(2), 7, u("count", V + 5, ColumnValue.fromLong(-1))));
        s.write(delete(k.get(1), 1));
        s.write(put(k.get(0), 2, u("status", V + 6, ColumnValue.fromString("new"))), update(k.get(2), 7, deleteAll("count")),
            delete(k.get(0), 3), put(k.get(1), 9, u("on", V + 7, ColumnValue.fromBoolean(false))));
        String split = s.shards.of(k.get(0));
        emu.splitStreamShard(TABLE, split);
        s.shards.split(split);
        for (String key : s.shards.oneKeyEach("after-")) {
            s.write(put(key, 1, u("temp", V + 8, ColumnValue.fromDouble(0.1))));
            s.write(update(key, 1, u("temp", V + 9, ColumnValue.fromDouble(1e-7)), deleteOne("temp", V + 8)));
        }
        s.write(update(k.get(0), 1, deleteAll("status")));
        s.write(delete(k.get(0), 1));
        s.write(update(k.get(2), 99, u("late", V + 10, ColumnValue.fromString("x y"))));
    }

    /** Records that must not be exported: before the start or at/after the end. */
    static void outside(Script s, String prefix) {
        for (String key : s.shards.oneKeyEach(prefix)) s.write(put(key, 0, u("out", V, ColumnValue.fromLong(0))));
    }

    static String job(OtsEmulator emu, String range, boolean sequenceInfo, Path out) {
        String reader = "{\"name\": \"otsstreamreader\", \"parameter\": {\"endpoint\": \"" + emu.endpoint() + "\", \"accessId\": \"id\","
            + " \"accessKey\": \"SECRET-stream\", \"instanceName\": \"streamit\", \"dataTable\": \"" + TABLE + "\", \"statusTable\": \""
            + STATUS + "\", " + range + ", \"isExportSequenceInfo\": " + sequenceInfo + ", \"maxRetries\": 3}}";
        String writer = "{\"name\": \"txtfilewriter\", \"parameter\": {\"path\": \"" + out.toString().replace("\\", "/") + "\","
            + " \"fileName\": \"tuples\", \"writeMode\": \"truncate\", \"fileFormat\": \"text\", \"fieldDelimiter\": \",\","
            + " \"nullFormat\": \"\\\\N\", \"byteEncoding\": \"base64\", \"encoding\": \"UTF-8\"}}";
        return DataxInstall.fast("{\"job\": {\"setting\": {\"speed\": {\"channel\": 2}}, \"content\": [{\"reader\": " + reader
            + ", \"writer\": " + writer + "}]}}");
    }

    DataxInstall.Result runEngine(String job, String name) throws Exception {
        Files.createDirectories(work.resolve(name + "-out"));
        Path jobFile = work.resolve(name + ".json");
        Files.write(jobFile, job.getBytes(StandardCharsets.UTF_8));
        return DataxInstall.run(DataxInstall.engineCommand(home, jobFile, "otsstream_" + name, NO_MARGINS), work, work.resolve(name + ".log"));
    }

    static List<String> lines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** The exported lines are exactly the tuples; with sequence info, each one's shard, row and column index and commit time. */
    static void assertTuples(List<Tuple> expected, List<String> exported, boolean sequenceInfo) {
        List<String> want = new ArrayList<>();
        List<String> got = new ArrayList<>();
        Map<String, List<long[]>> windows = new TreeMap<>();
        Map<String, List<Long>> times = new TreeMap<>();
        for (Tuple t : expected) {
            want.add(sequenceInfo ? t.key() : t.line());
            windows.computeIfAbsent(t.key(), x -> new ArrayList<>()).add(new long[] {t.fromMicros(), t.toMicros()});
        }
        for (String line : exported) {
            if (!sequenceInfo) {
                got.add(line);
                continue;
            }
            int cut = line.lastIndexOf(',');
            Matcher m = SEQUENCE.matcher(line.substring(cut + 1));
            assertTrue(m.matches(), "sequence info epoch_timestamp_row_shard:column: " + line);
            assertEquals("0000000000", m.group(1), line);
            String key = line.substring(0, cut) + "|" + m.group(4) + "|" + Integer.parseInt(m.group(3)) + "|" + Integer.parseInt(m.group(5));
            got.add(key);
            times.computeIfAbsent(key, x -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
        }
        want.sort(null);
        got.sort(null);
        assertEquals(want, got);
        for (Map.Entry<String, List<Long>> e : times.entrySet()) {
            List<Long> ts = e.getValue();
            List<long[]> w = windows.get(e.getKey());
            ts.sort(null);
            w.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 0; i < ts.size(); i++) {
                assertTrue(ts.get(i) >= w.get(i)[0] && ts.get(i) <= w.get(i)[1], e.getKey() + ": committed at " + ts.get(i));
            }
        }
    }

    static void pause() throws InterruptedException { Thread.sleep(25); }

    /** startTimestampMillis/endTimestampMillis: records before the start and from the end on are left out. */
    @Test
    void aTimeRangeExportsExactlyTheScriptsTuplesWithSequenceInfo() throws Exception {
        withTable(3, Duration.ZERO, 24, (emu, client) -> {
            Script s = new Script(client, new Shards(3), Duration.ZERO);
            outside(s, "early-");
            pause();
            long start = System.currentTimeMillis();
            pause();
            s.tuples.clear();
            scriptedSequence(s, emu);
            List<Tuple> expected = new ArrayList<>(s.tuples);
            pause();
            long end = System.currentTimeMillis();
            pause();
            List<String> late = s.shards.oneKeyEach("late-");
            outside(s, "late-");
            pause();

            Path out = work.resolve("range-out");
            DataxInstall.Result r = runEngine(job(emu, "\"startTimestampMillis\": " + start + ", \"endTimestampMillis\": " + end, true, out), "range");
            assertEquals(0, r.status, r.output);
            assertTuples(expected, lines(out), true);
            assertStatusTable(client, end, late);
        });
    }

    /**
     * The status table as otsstreamreader made it in the emulator: its fixed schema, the job's
     * description and one checkpoint per shard at the end time, SHARD_END for the split shard;
     * a shard stopped by a record at or after the end resumes at exactly that record.
     */
    static void assertStatusTable(SyncClient client, long end, List<String> lateKeys) {
        DescribeTableResponse d = client.describeTable(new DescribeTableRequest(STATUS));
        assertEquals(List.of("StreamId", "StatusType", "StatusValue"), d.getTableMeta().getPrimaryKeyList().stream().map(PrimaryKeySchema::getName).toList());
        assertEquals(30 * 86400, d.getTableOptions().getTimeToLive());
        String streamId = client.describeTable(new DescribeTableRequest(TABLE)).getStreamDetails().getStreamId();
        List<StreamShard> shards = client.describeStream(new DescribeStreamRequest(streamId)).getShards();
        assertEquals(5, shards.size(), "three shards, one split in two");
        Map<String, Row> rows = new HashMap<>();
        for (Row row : statusRows(client)) {
            assertEquals(streamId, row.getPrimaryKey().getPrimaryKeyColumn("StreamId").getValue().asString());
            rows.put(row.getPrimaryKey().getPrimaryKeyColumn("StatusType").getValue().asString() + "/"
                + row.getPrimaryKey().getPrimaryKeyColumn("StatusValue").getValue().asString(), row);
        }
        String at = String.format("%16d", end);
        Row job = rows.get("DataxJobDesc/" + at);
        assertTrue(job != null, rows.keySet().toString());
        assertEquals(TABLE, job.getLatestColumn("TableName").getValue().asString());
        assertEquals(streamId, job.getLatestColumn("JobStreamId").getValue().asString());
        for (StreamShard shard : shards) {
            Row cp = rows.get("CheckpointForDataxReader/" + at + "\t" + shard.getShardId());
            assertTrue(cp != null, shard.getShardId() + " in " + rows.keySet());
            String checkpoint = cp.getLatestColumn("Checkpoint").getValue().asString();
            boolean closed = shards.stream().anyMatch(other -> shard.getShardId().equals(other.getParentId()));
            if (closed) {
                assertEquals("SHARD_END", checkpoint);
                continue;
            }
            List<StreamRecord> next = client.getStreamRecord(new GetStreamRecordRequest(checkpoint)).getRecords();
            assertTrue(!next.isEmpty() && lateKeys.contains(next.get(0).getPrimaryKey().getPrimaryKeyColumn("pk").getValue().asString()),
                "the checkpoint of " + shard.getShardId() + " is its first record from the end on");
        }
    }

    static List<Row> statusRows(SyncClient client) {
        RangeRowQueryCriteria q = new RangeRowQueryCriteria(STATUS);
        PrimaryKeyBuilder from = PrimaryKeyBuilder.createPrimaryKeyBuilder();
        PrimaryKeyBuilder to = PrimaryKeyBuilder.createPrimaryKeyBuilder();
        for (String name : new String[] {"StreamId", "StatusType", "StatusValue"}) {
            from.addPrimaryKeyColumn(name, PrimaryKeyValue.INF_MIN);
            to.addPrimaryKeyColumn(name, PrimaryKeyValue.INF_MAX);
        }
        q.setInclusiveStartPrimaryKey(from.build());
        q.setExclusiveEndPrimaryKey(to.build());
        q.setMaxVersions(1);
        List<Row> rows = new ArrayList<>();
        while (true) {
            GetRangeResponse r = client.getRange(new GetRangeRequest(q));
            rows.addAll(r.getRows());
            if (r.getNextStartPrimaryKey() == null) return rows;
            q.setInclusiveStartPrimaryKey(r.getNextStartPrimaryKey());
        }
    }

    /**
     * {@code date}: a whole day in DataX's zone. The stream clock runs two days back while the
     * script writes, so its records fall on that day's noon; records of the evening before and of
     * the next morning stay out. Seeking iterators by timestamp (enableSeekIterator) is on.
     */
    @Test
    void aDateExportsExactlyTheScriptsTuplesOfThatDay() throws Exception {
        LocalDate day = LocalDate.now(DATAX_ZONE).minusDays(2);
        Instant noon = day.atTime(12, 0).atZone(DATAX_ZONE).toInstant();
        Duration toNoon = Duration.between(Instant.now(), noon);
        withTable(3, toNoon.minusHours(13), 96, (emu, client) -> {
            Script early = new Script(client, new Shards(3), emu.streamClockOffset());
            outside(early, "early-"); // 23:00 the day before
            emu.setStreamClockOffset(toNoon);
            Script s = new Script(client, early.shards, toNoon);
            scriptedSequence(s, emu);
            Duration nextMorning = toNoon.plusHours(13);
            emu.setStreamClockOffset(nextMorning);
            outside(new Script(client, s.shards, nextMorning), "late-"); // 01:00 the day after

            Path out = work.resolve("date-out");
            String date = "\"date\": \"" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "\", \"enableSeekIterator\": true";
            DataxInstall.Result r = runEngine(job(emu, date, false, out), "date");
            assertEquals(0, r.status, r.output);
            assertTuples(s.tuples, lines(out), false);
        });
    }

    /**
     * A first run leaves its checkpoints at its end time; when the records there have expired,
     * the next run, which starts from those checkpoints, fails with the service's
     * OTSTrimmedDataAccess, as against the real service. A table without a stream is refused.
     */
    @Test
    void expiredRecordsFailTheNextRunWithTheServicesError() throws Exception {
        withTable(2, Duration.ZERO, 1, (emu, client) -> {
            Script s = new Script(client, new Shards(2), Duration.ZERO);
            long start = System.currentTimeMillis();
            pause();
            outside(s, "first-");
            List<Tuple> first = new ArrayList<>(s.tuples);
            pause();
            long end = System.currentTimeMillis();
            pause();
            outside(s, "second-");
            pause();
            DataxInstall.Result one = runEngine(job(emu, "\"startTimestampMillis\": " + start + ", \"endTimestampMillis\": " + end, false,
                work.resolve("first-out")), "first");
            assertEquals(0, one.status, one.output);
            assertTuples(first, lines(work.resolve("first-out")), false);

            emu.setStreamClockOffset(Duration.ofHours(2)); // the expiration is 1 hour: every record is gone
            DataxInstall.Result two = runEngine(job(emu, "\"startTimestampMillis\": " + end + ", \"endTimestampMillis\": "
                + System.currentTimeMillis(), false, work.resolve("second-out")), "second");
            assertNotEquals(0, two.status, two.output);
            assertTrue(two.output.contains("[ErrorCode]:OTSTrimmedDataAccess, [Message]:Requested stream data is already trimmed or does not exist.")
                && two.output.contains("Read task for shard"), two.output);
            assertEquals(List.of(), lines(work.resolve("second-out")), "nothing exported");

            createTable(client, "no_stream", 0);
            String plain = job(emu, "\"startTimestampMillis\": " + start + ", \"endTimestampMillis\": " + end, false, work.resolve("nostream-out"))
                .replace("\"" + TABLE + "\"", "\"no_stream\"");
            DataxInstall.Result three = runEngine(plain, "nostream");
            assertNotEquals(0, three.status, three.output);
            assertTrue(three.output.contains("The stream of data table is not enabled."), three.output);
        });
    }
}
