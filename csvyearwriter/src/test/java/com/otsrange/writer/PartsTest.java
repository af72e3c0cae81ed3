package com.otsrange.writer;

import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.PartLine;
import com.otsrange.common.CheckpointLines;
import com.otsrange.common.FileParts;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.StateDir;
import com.otsrange.runner.RunResult;
import com.otsrange.writer.TestOtsReader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unit read in parts by several tasks (docs/DESIGN.md, "Parallel reads inside one file"): each
 * part goes to a part file and is recorded; the Job's post joins them into exactly the file one
 * task reading the unit whole writes. Expected bytes come from that single-task run.
 */
class PartsTest {
    @TempDir
    Path dir;

    static final List<String> HEADER = Arrays.asList("v", "n");
    static final long FROM = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    static final long TO = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** Enough rows that the body spans several 128 KB write buffers (and gzip input chunks). */
    private static final int ROWS = 4000;

    private static String scenario(List<List<Row>> tasks) {
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, tasks);
        return id;
    }

    private static Row row(String key, long t, int i) {
        return new Row(key, t, HEADER, new int[0], new StringColumn("value " + i + ", \"quoted\" ünï " + key), new LongColumn(i));
    }

    /** {@code n} rows of key's 2023 unit, spread over the year in time order. */
    private static List<Row> unit(String key, int n) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row(key, FROM + (TO - FROM) / n * i + 7, i));
        }
        return out;
    }

    static FileParts.Part part(int k, int n) {
        return new FileParts.Part(k, n, FROM, TO);
    }

    /** The rows of {@code rows} in part {@code p}, sent as that part (only its marker when it has none). */
    static List<Row> inPart(List<Row> rows, FileParts.Part p) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (p.holds(r.time)) {
                out.add(r.inPart(p));
            }
        }
        return out.isEmpty() ? Collections.singletonList(rows.get(0).emptyPart(p)) : out;
    }

    @SafeVarargs
    static List<Row> concat(List<Row>... lists) {
        List<Row> out = new ArrayList<>();
        for (List<Row> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    private static Path state(Path out) {
        return StateDir.of(out, "sensor", ShardSpec.ALL);
    }

    private static RunResult run(String sc, Path out, int channels, Consumer<JSONObject> setup) {
        JSONObject job = Jobs.paired(sc, out, channels);
        setup.accept(job);
        return Jobs.run(job);
    }

    private static void assertSameFiles(Path want, Path got) throws Exception {
        Map<String, byte[]> w = Jobs.contents(want);
        Map<String, byte[]> g = Jobs.contents(got);
        assertEquals(w.keySet(), g.keySet());
        for (String name : w.keySet()) {
            assertArrayEquals(w.get(name), g.get(name), name);
        }
    }

    /** Whole unit m, then k in 3 parts over 2 tasks, against both units read whole by one task. */
    private void assertPartsJoinLikeOneTask(String label, Consumer<JSONObject> setup, List<Row> before) throws Exception {
        List<Row> k = unit("k", ROWS);
        List<Row> m = unit("m", 50);
        Path single = dir.resolve(label + "-single");
        Path parts = dir.resolve(label + "-parts");
        if (before != null) {
            String old = scenario(Collections.singletonList(before));
            assertTrue(run(old, single, 1, setup).succeeded());
            assertTrue(run(old, parts, 1, setup).succeeded());
        }
        RunResult one = run(scenario(Collections.singletonList(concat(k, m))), single, 1, setup);
        assertTrue(one.succeeded(), String.valueOf(one.failure()));

        String sc = scenario(Arrays.asList(concat(m, inPart(k, part(0, 3)), inPart(k, part(2, 3))), inPart(k, part(1, 3))));
        RunResult r = run(sc, parts, 2, setup);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(0, r.errorRecords());
        assertSameFiles(single, parts);
        for (String name : Jobs.outputFiles(single).keySet()) {
            assertEquals(Jobs.parse(Jobs.outputFiles(single).get(name)), Jobs.parse(Jobs.outputFiles(parts).get(name)), name);
        }
        // parts are gone once joined; the manifest lists the joined file with all its rows
        assertFalse(Files.exists(state(parts).resolve(FileParts.DIR)), "part files deleted after the join");
        JSONObject manifest = JSON.parseObject(Jobs.text(state(parts).resolve("manifest.json")));
        JSONObject wanted = JSON.parseObject(Jobs.text(state(single).resolve("manifest.json")));
        assertEquals(wanted.getJSONObject("totals").getLongValue("rows"), manifest.getJSONObject("totals").getLongValue("rows"));
        assertEquals(wanted.getJSONObject("totals").getIntValue("files"), manifest.getJSONObject("totals").getIntValue("files"));
        assertEquals(3, CheckpointLines.of(state(parts), PartLine.class).size(), "one part line per part");
    }

    @Test
    void partsJoinedInPostGiveTheBytesOfOneTaskWithHeader() throws Exception {
        assertPartsJoinLikeOneTask("plain", job -> { }, null);
    }

    @Test
    void partsJoinedInPostGiveTheBytesOfOneTaskWithoutHeader() throws Exception {
        assertPartsJoinLikeOneTask("noheader", job -> Jobs.writer(job).put("header", false), null);
    }

    @Test
    void partsJoinedInPostGiveTheBytesOfOneTaskGzipped() throws Exception {
        assertPartsJoinLikeOneTask("gzip", job -> Jobs.writer(job).put("compress", "gzip"), null);
    }

    @Test
    void partsAppendedOntoAnExistingFileGiveTheBytesOfOneTask() throws Exception {
        List<Row> old = Arrays.asList(row("k", FROM, -1), row("k", FROM + 1, -2));
        assertPartsJoinLikeOneTask("append", job -> Jobs.writer(job).put("writeMode", "append"), old);
        assertPartsJoinLikeOneTask("append-gzip", job -> {
            Jobs.writer(job).put("writeMode", "append");
            Jobs.writer(job).put("compress", "gzip");
        }, old);
    }

    @Test
    void aPartWithoutRowsIsRecordedEmptyAndTheFileIsStillWhole() throws Exception {
        // every row in part 0 or 2 of 3: part 1 is sent as its marker alone
        List<Row> k = new ArrayList<>();
        for (Row r : unit("k", 300)) {
            if (!part(1, 3).holds(r.time)) {
                k.add(r);
            }
        }
        Path single = readWhole(k);
        Path parts = dir.resolve("parts");
        List<Row> p1 = inPart(k, part(1, 3));
        assertTrue(p1.get(0).partWithoutRows);
        RunResult r = run(scenario(Arrays.asList(concat(inPart(k, part(0, 3)), inPart(k, part(2, 3))), p1)), parts, 2, job -> { });
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertSameFiles(single, parts);
        PartLine empty = null;
        for (PartLine e : CheckpointLines.of(state(parts), PartLine.class)) {
            if (e.part().k == 1) {
                empty = e;
            }
            assertEquals("k_sensor_2023.csv", e.target(), "every part names the file it is joined into");
        }
        assertTrue(empty != null, "the empty part has its line");
        assertEquals(0, empty.rows());
        assertEquals(0, empty.bytes());

        // a unit whose parts are all empty gets no file, like a unit without rows read whole
        Path none = dir.resolve("none");
        Row any = row("z", FROM + 5, 0);
        r = run(scenario(Arrays.asList(Collections.singletonList(any.emptyPart(part(0, 2))),
                Collections.singletonList(any.emptyPart(part(1, 2))))), none, 2, job -> { });
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertTrue(Jobs.outputFiles(none).isEmpty(), Jobs.outputFiles(none).toString());
    }

    @Test
    void aMarkerCountOtherThanTheRowsReceivedFailsAndRecordsNothing() throws Exception {
        List<Row> k = unit("k", 40);
        Path out = dir.resolve("count");
        RunResult r = run(scenario(Collections.singletonList(inPart(k, part(0, 2)))), out, 1,
                job -> Jobs.reader(job).put("markerCountDelta", 1));
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("marker says the reader sent 21 row(s), but this writer task received 20"),
                r.errorMessage());
        assertTrue(CheckpointLines.of(state(out), PartLine.class).isEmpty(), "no part line");
        assertFalse(Files.exists(state(out).resolve(FileParts.DIR)), "no part file");
    }

    @Test
    void inputEndingInsideAPartFailsAndRecordsNothingOfIt() throws Exception {
        List<Row> k = unit("k", 40);
        Path out = dir.resolve("open");
        RunResult r = run(scenario(Collections.singletonList(concat(inPart(k, part(0, 2)), inPart(k, part(1, 2))))), out, 1,
                job -> Jobs.reader(job).put("omitLastMarker", true));
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("part 1 of 2 of unit 2023/k has no end-of-part marker"), r.errorMessage());
        List<PartLine> lines = CheckpointLines.of(state(out), PartLine.class);
        assertEquals(1, lines.size(), "part 0 (ended by its marker) is recorded, part 1 is not");
        assertEquals(0, lines.get(0).part().k);
        assertTrue(Jobs.outputFiles(out).isEmpty());
        assertTrue(Files.exists(state(out)), "the recorded part keeps the state dir for a resumed run");
    }

    @Test
    void aPartStartingBeforeTheOpenPartsMarkerFailsAndRecordsNothing() throws Exception {
        List<Row> k = unit("k", 40);
        Path out = dir.resolve("nomarker");
        RunResult r = run(scenario(Collections.singletonList(concat(inPart(k, part(0, 2)), inPart(k, part(1, 2))))), out, 1,
                job -> Jobs.reader(job).put("omitMarkers", true));
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("part 0 of 2 of unit 2023/k has no end-of-part marker (record meta"
                + " otsrange.partEnd): a record of part 1 of 2 of unit 2023/k arrived while it was open"), r.errorMessage());
        assertTrue(CheckpointLines.of(state(out), PartLine.class).isEmpty());
        assertFalse(Files.exists(state(out).resolve(FileParts.DIR)));
    }

    @Test
    void aRowOutsideItsPartIsDirtyAndCountsForTheMarker() throws Exception {
        List<Row> k = unit("k", 40);
        Path single = readWhole(k);
        // the last row of the unit (part 1's window) also sent at the end of part 0
        List<Row> part0 = concat(inPart(k, part(0, 2)), Collections.singletonList(k.get(k.size() - 1).inPart(part(0, 2))));
        Path out = dir.resolve("out");
        RunResult r = run(scenario(Arrays.asList(part0, inPart(k, part(1, 2)))), out, 2, job -> { });
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(1, r.errorRecords());
        assertSameFiles(single, out);
        for (PartLine e : CheckpointLines.of(state(out), PartLine.class)) {
            assertEquals(20, e.rows(), "rows written for " + e.part());
        }
    }

    @Test
    void aPartInIncrementalModeIsRefused() throws Exception {
        List<Row> k = unit("k", 40);
        Path out = dir.resolve("incremental");
        RunResult r = run(scenario(Collections.singletonList(inPart(k, part(0, 2)))), out, 1, job -> {
            Jobs.reader(job).put("resume", true);
            Jobs.reader(job).put("schema", JSON.parseObject("{\"partitionKey\":\"id\",\"sortKey\":\"ct\"}"));
            Jobs.reader(job).put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2023-01-01\",\"lt\":\"2024-01-01\"}}"));
            Jobs.writer(job).put("writeMode", "append");
        });
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("incremental mode"), r.errorMessage());
        assertTrue(Jobs.outputFiles(out).isEmpty());
        assertTrue(CheckpointLines.of(state(out), PartLine.class).isEmpty());
    }

    /** Task 1 crashes once task 0 recorded part 0 of k: the run fails with one part recorded. */
    private static Consumer<JSONObject> crashAfterPart0() {
        return job -> {
            Jobs.reader(job).put("resume", true);
            Jobs.reader(job).put("failAfterPartOf", "2023/k");
            Jobs.reader(job).put("failTask", 1);
        };
    }

    /** The rows read whole by one task: the expected output. */
    private Path readWhole(List<Row> rows) {
        Path single = dir.resolve("single");
        assertTrue(run(scenario(Collections.singletonList(rows)), single, 1, job -> { }).succeeded());
        return single;
    }

    /** Runs {@code sc} (parts 0 and 1 of 2 of k) to fail once part 0 is recorded; returns part 0's file. */
    private static Path failWithPart0Recorded(String sc, Path out) {
        return failWithPart0Recorded(sc, out, job -> { });
    }

    private static Path failWithPart0Recorded(String sc, Path out, Consumer<JSONObject> more) {
        assertFalse(run(sc, out, 2, crashAfterPart0().andThen(more)).succeeded());
        Path part0 = state(out).resolve(FileParts.fileFor("2023/k", part(0, 2)));
        assertTrue(Files.isRegularFile(part0), "part 0 recorded and kept");
        return part0;
    }

    private static Consumer<JSONObject> resume() {
        return job -> Jobs.reader(job).put("resume", true);
    }

    @Test
    void aFailedRunKeepsItsRecordedPartsAndAResumedRunReadsOnlyTheMissingOnes() throws Exception {
        List<Row> k = unit("k", 500);
        Path single = readWhole(k);

        Path out = dir.resolve("out");
        String sc = scenario(Arrays.asList(inPart(k, part(0, 2)), inPart(k, part(1, 2))));
        // nothing committed, but a part is: the state dir stays for the resumed run
        failWithPart0Recorded(sc, out);
        assertTrue(Jobs.outputFiles(out).isEmpty());
        assertEquals(1, CheckpointLines.of(state(out), PartLine.class).size());

        RunResult resumed = run(sc, out, 2, resume());
        assertTrue(resumed.succeeded(), String.valueOf(resumed.failure()));
        long part1Rows = inPart(k, part(1, 2)).size();
        assertEquals(part1Rows + 1, resumed.writeRecords(), "only part 1 (its rows and marker) read again");
        assertSameFiles(single, out);
    }

    @Test
    void aFreshCheckpointDropsRecordedPartsAResumedOneKeepsThem() throws Exception {
        List<Row> k = unit("k", 60);
        Path out = dir.resolve("out");
        String sc = scenario(Arrays.asList(inPart(k, part(0, 2)), inPart(k, part(1, 2))));
        Path part0 = failWithPart0Recorded(sc, out);

        // resumed (and failing the same way again at once): the recorded part stays
        assertFalse(run(sc, out, 2, crashAfterPart0()).succeeded());
        assertTrue(Files.isRegularFile(part0), "a resumed run keeps recorded parts");

        // a fresh checkpoint (no resume): parts of the old one are deleted with it
        Path stray = state(out).resolve(FileParts.DIR).resolve("2023").resolve("stray.0of2");
        Files.write(stray, new byte[] {1});
        JSONObject job = Jobs.paired(scenario(Collections.singletonList(Collections.<Row>emptyList())), out, 1);
        RunResult fresh = Jobs.run(job);
        assertTrue(fresh.succeeded(), String.valueOf(fresh.failure()));
        assertFalse(Files.exists(state(out).resolve(FileParts.DIR)), "parts/ deleted by a fresh checkpoint");
        assertTrue(CheckpointLines.of(state(out), PartLine.class).isEmpty());
    }

    /** Regular files under the state dir's parts/, relative to it. */
    private static List<String> partFiles(Path out) throws Exception {
        Path parts = state(out).resolve(FileParts.DIR);
        if (!Files.exists(parts)) {
            return new ArrayList<>();
        }
        try (java.util.stream.Stream<Path> s = Files.walk(parts)) {
            return s.filter(Files::isRegularFile).map(p -> state(out).relativize(p).toString()).sorted()
                    .collect(java.util.stream.Collectors.toList());
        }
    }

    /**
     * Issue 20 item 5: a kill -9 between a joined file's commit line and the deletion of its part
     * files leaves them; the next run (resumed) removes every part file its checkpoint no longer
     * needs: those of committed units and those no part line records. Recorded parts of a unit not
     * yet committed stay.
     */
    @Test
    void partFilesTheCheckpointNoLongerNeedsAreRemovedByTheNextResumedRun() throws Exception {
        List<Row> k = unit("k", 300);
        Path single = readWhole(k);
        Path out = dir.resolve("out");
        String sc = scenario(Arrays.asList(inPart(k, part(0, 2)), inPart(k, part(1, 2))));
        RunResult first = run(sc, out, 2, resume());
        assertTrue(first.succeeded(), String.valueOf(first.failure()));
        assertEquals(Collections.emptyList(), partFiles(out));
        // the state a kill leaves after the commit line, before the part files are deleted: every
        // recorded part file back at its recorded size; plus part files no line records
        List<String> planted = new ArrayList<>();
        for (PartLine e : CheckpointLines.of(state(out), PartLine.class)) {
            Files.createDirectories(state(out).resolve(e.file()).getParent());
            Files.write(state(out).resolve(e.file()), new byte[(int) e.bytes()]);
            planted.add(e.file());
        }
        assertEquals(2, planted.size());
        Files.write(state(out).resolve("parts/2023/stray.0of2"), new byte[] {1});
        Files.createDirectories(state(out).resolve("parts/2024"));
        Files.write(state(out).resolve("parts/2024/k.1of3"), new byte[] {2});
        assertEquals(4, partFiles(out).size());

        RunResult again = run(sc, out, 2, resume());
        assertTrue(again.succeeded(), String.valueOf(again.failure()));
        assertEquals(0, again.writeRecords(), "the committed unit is not read again");
        assertEquals(Collections.emptyList(), partFiles(out), "part files of a committed unit and unrecorded ones removed");
        assertSameFiles(single, out);

        // a unit not committed yet keeps its recorded part; a stray next to it goes
        Path other = dir.resolve("pending");
        Path part0 = failWithPart0Recorded(sc, other);
        Files.write(state(other).resolve("parts/2023/stray.0of2"), new byte[] {1});
        assertFalse(run(sc, other, 2, crashAfterPart0()).succeeded());
        assertEquals(Collections.singletonList(state(other).relativize(part0).toString()), partFiles(other));
        RunResult done = run(sc, other, 2, resume());
        assertTrue(done.succeeded(), String.valueOf(done.failure()));
        assertEquals(Collections.emptyList(), partFiles(other));
        assertSameFiles(single, other);
    }

    @Test
    void aMissingPartAtPostFailsKeepsThePartsAndAResumedRunCompletesTheFile() throws Exception {
        List<Row> k = unit("k", 300);
        Path single = readWhole(k);

        // a reader that never sends part 1 of 3 (a bug): the job cannot complete the file
        Path out = dir.resolve("out");
        RunResult r = run(scenario(Arrays.asList(inPart(k, part(0, 3)), inPart(k, part(2, 3)))), out, 2, resume());
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-07", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("unit 2023/k lacks 1 of its 3 parts [1]"), r.errorMessage());
        assertTrue(r.errorMessage().contains("run the job again with \"resume\": true"), r.errorMessage());
        assertTrue(Jobs.outputFiles(out).isEmpty(), "nothing under a final name: " + Jobs.outputFiles(out));
        assertTrue(Files.isRegularFile(state(out).resolve(FileParts.fileFor("2023/k", part(0, 3)))));
        assertTrue(Files.isRegularFile(state(out).resolve(FileParts.fileFor("2023/k", part(2, 3)))));

        String all = scenario(Arrays.asList(inPart(k, part(0, 3)), inPart(k, part(1, 3)), inPart(k, part(2, 3))));
        RunResult resumed = run(all, out, 3, resume());
        assertTrue(resumed.succeeded(), String.valueOf(resumed.failure()));
        assertEquals(inPart(k, part(1, 3)).size() + 1, resumed.writeRecords(), "only part 1 read");
        assertSameFiles(single, out);
    }

    /** With verifyCommitted sha256 part files are hashed when written and checked when joined. */
    @Test
    void aCorruptedPartFileIsDeletedAtPostAndReadAgainByTheNextResumedRun() throws Exception {
        List<Row> k = unit("k", 500);
        Path single = readWhole(k);

        Path out = dir.resolve("out");
        String sc = scenario(Arrays.asList(inPart(k, part(0, 2)), inPart(k, part(1, 2))));
        Consumer<JSONObject> sha256 = job -> Jobs.writer(job).put("verifyCommitted", "sha256");
        Path part0 = failWithPart0Recorded(sc, out, sha256);
        byte[] b = Files.readAllBytes(part0);
        b[b.length / 2] ^= 1; // same size: only the sha256 tells
        Files.write(part0, b);

        RunResult r = run(sc, out, 2, resume().andThen(sha256));
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-05", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains(part0.toString()), r.errorMessage());
        assertTrue(r.errorMessage().contains("\"resume\": true"), r.errorMessage());
        assertFalse(Files.exists(part0), "the damaged part file is deleted");
        assertTrue(Files.isRegularFile(state(out).resolve(FileParts.fileFor("2023/k", part(1, 2)))), "the intact part is kept");
        assertTrue(Jobs.outputFiles(out).isEmpty(), "nothing under a final name");

        RunResult again = run(sc, out, 2, resume().andThen(sha256));
        assertTrue(again.succeeded(), String.valueOf(again.failure()));
        assertEquals(inPart(k, part(0, 2)).size() + 1, again.writeRecords(), "only part 0 read again");
        assertSameFiles(single, out);
    }

    /** By default (verifyCommitted size) parts are not hashed; a part file of another size is read again. */
    @Test
    void byDefaultAPartFileOfAnotherSizeIsReadAgainAndPartsAreNotHashed() throws Exception {
        List<Row> k = unit("k", 500);
        Path single = readWhole(k);

        Path out = dir.resolve("out");
        String sc = scenario(Arrays.asList(inPart(k, part(0, 2)), inPart(k, part(1, 2))));
        Path part0 = failWithPart0Recorded(sc, out);
        int partLines = 0;
        for (String line : Files.readAllLines(state(out).resolve("checkpoint.log"), java.nio.charset.StandardCharsets.UTF_8)) {
            JSONObject o = com.alibaba.fastjson.JSON.parseObject(line);
            if ("part".equals(o.getString("type"))) {
                partLines++;
                assertEquals(null, o.getString("sha256"), "no sha256 of a part by default: " + line);
            }
        }
        assertEquals(1, partLines);
        byte[] b = Files.readAllBytes(part0);
        Files.write(part0, Arrays.copyOf(b, b.length - 3)); // truncated

        RunResult again = run(sc, out, 2, resume());
        assertTrue(again.succeeded(), String.valueOf(again.failure()));
        assertEquals(inPart(k, part(0, 2)).size() + inPart(k, part(1, 2)).size() + 2, again.writeRecords(),
                "part 0 read again (its file has another size than recorded), part 1 read for the first time");
        assertSameFiles(single, out);
    }
}
