package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19's three cases: a value the reader reads one way and the writer (or the fingerprint, or
 * incremental mode) another. With one parse they mean the same to every part of the job.
 */
class OneParseCasesTest {
    static E2e e2e;
    static IncrementalData data;
    static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        data = IncrementalData.generate("oneparse", 19, 3);
        data.load(e2e);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    JSONObject resumedJob(Path out) {
        JSONObject job = data.job(e2e, out, new IncrementalData.Shape(UTC, false, false, null, 2), 0, 4);
        E2e.writerOf(job).remove("writeMode");
        return job;
    }

    static void succeeds(JSONObject job, String what) {
        RunResult r = E2e.run(job);
        assertTrue(r.succeeded(), what + ": " + r.errorMessage());
    }

    /** The table with blanks around it: reader and writer keep one state folder, so the resumed run skips every file. */
    @Test
    void aTableWithBlanksResumesUnderOneStateFolder() throws Exception {
        Path out = dir.resolve("out");
        JSONObject job = resumedJob(out);
        E2e.readerOf(job).put("table", " " + data.table + " ");
        succeeds(job, "first run");
        Map<String, byte[]> first = E2e.snapshot(out);
        succeeds(job, "resumed run");
        try (java.util.stream.Stream<Path> states = Files.list(out.resolve(".otsrange"))) {
            assertEquals(Collections.singletonList(data.table + ".all"),
                    states.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toList()));
        }
        assertTrue(E2e.sameSnapshot(first, E2e.snapshot(out)), E2e.diff(first, E2e.snapshot(out)));
        String manifest = new String(Files.readAllBytes(out.resolve(".otsrange").resolve(data.table + ".all").resolve("manifest.json")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, JSON.parseObject(manifest).getJSONObject("totals").getIntValue("unitsExportedThisRun"), manifest);
    }

    /** "UTC " means the zone "UTC": the fingerprint does not change, so the job resumes. */
    @Test
    void aZoneWithATrailingBlankIsTheSameJob() throws Exception {
        Path out = dir.resolve("out");
        JSONObject job = resumedJob(out);
        E2e.readerOf(job).put("timeZone", "UTC");
        succeeds(job, "first run");
        E2e.readerOf(job).put("timeZone", "UTC ");
        succeeds(job, "resumed with \"UTC \"");
    }

    /** " ct" names the sort key ct for the reader, the writer and the window alike. */
    @Test
    void aSortKeyWithABlankMakesTheSameWindow() throws Exception {
        Path out = dir.resolve("out");
        IncrementalData.Shape shape = new IncrementalData.Shape(UTC, false, false, null, 2);
        JSONObject job = data.job(e2e, out, shape, 0, 3);
        E2e.readerOf(job).getJSONObject("schema").put("sortKey", " ct");
        succeeds(job, "incremental window");
        List<String> files = E2e.allPaths(out);
        long start = IncrementalData.dayStart(0, UTC);
        long end = IncrementalData.dayStart(3, UTC);
        Map<String, List<E2e.SrcRow>> expected = data.expected(shape, t -> start <= t && t < end);
        for (Map.Entry<String, List<E2e.SrcRow>> e : expected.entrySet()) {
            assertTrue(files.contains(e.getKey()), e.getKey() + " in " + files);
            IncrementalData.assertRows(e.getKey(), e.getValue(), E2e.parse(Files.readAllBytes(out.resolve(e.getKey()))));
        }
    }
}
