package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: a resumed run reads {@code checkpoint.log} once in the writer Job's prepare and once in its
 * post; the reader's split plans from the snapshot prepare handed over; each pending intent's final
 * file is checked once. The log lines of {@code CheckpointSnapshot} count the readings and the checks.
 * Runs through the local runner (writer prepare before reader split, as DataX) against the emulator.
 */
class CheckpointReadOnceTest {
    static E2e e2e;
    static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        e2e = E2e.forSuite(suite.getTestClass().get());
        data = Dataset.generate("readonce", 17, 8, 10);
        data.load(e2e);
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    static JSONObject job(Path out, boolean resume) {
        JSONObject reader = e2e.reader(data.table, data.taskKeys(), Dataset.COLUMNS);
        reader.put("resume", resume);
        return E2e.job(reader, E2e.writer(out), 2);
    }

    @Test
    void aResumedRunReadsTheCheckpointOncePerPhase() throws Exception {
        Path ref = dir.resolve("ref");
        RunResult r = E2e.run(job(ref, false));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Map<String, byte[]> reference = E2e.snapshot(ref);

        Path out = dir.resolve("out");
        r = E2e.run(job(out, true));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        // what kills leave: the last file renamed but its commit line lost; the one before renamed never
        // (its intent stays, its final file is not there)
        Path log = out.resolve(".otsrange/readonce.all/checkpoint.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        int last = lastCommit(lines, lines.size());
        lines.remove(last);
        int before = lastCommit(lines, last);
        String gone = JSON.parseObject(lines.remove(before)).getString("file");
        Files.delete(out.resolve(gone));
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

        E2e.Captured c = E2e.runCaptured(job(out, true));
        assertTrue(c.result.succeeded(), String.valueOf(c.result.failure()));
        assertTrue(E2e.sameSnapshot(reference, E2e.snapshot(out)), E2e.diff(reference, E2e.snapshot(out)));

        List<String> reads = linesWith(c.output, "checkpoint: read ");
        assertEquals(2, reads.size(), "one reading in prepare, one in post: " + reads);
        assertTrue(reads.get(0).contains("1 pending intent(s) proven by their files (2 checked)"), reads.get(0));
        assertTrue(reads.get(1).contains("0 pending intent(s) proven by their files (0 checked)"),
                "prepare recorded the proven commit, the run committed the other: " + reads.get(1));
        assertEquals(1, linesWith(c.output, "checkpoint: the writer's snapshot of").size(), c.output);
        assertFalse(c.output.contains("handed over no snapshot"), c.output);
    }


    /**
     * A complete line in the middle of the checkpoint that no writer wrote (a disk fault, a hand edit):
     * the resumed run is refused before anything is written, naming the line and the fix; skipping it
     * would re-export or mis-place what it recorded.
     */
    @Test
    void aDamagedLineInTheMiddleRefusesTheResume() throws Exception {
        Path out = dir.resolve("out");
        RunResult r = E2e.run(job(out, true));
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        Path log = out.resolve(".otsrange/readonce.all/checkpoint.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        int line = lastCommit(lines, lines.size() - 1);
        lines.set(line, lines.get(line).substring(0, 30)); // cut short, but a whole line
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = E2e.snapshot(out);
        byte[] ledger = Files.readAllBytes(log);

        RunResult again = E2e.run(job(out, true));
        assertFalse(again.succeeded(), "a damaged checkpoint must not be built on");
        String m = again.errorMessage();
        assertTrue(m.contains("CsvYearWriter-05") && m.contains("checkpoint.log line " + (line + 1) + " is damaged (not JSON)")
                && m.contains("\"resume\": false"), m);
        assertTrue(E2e.sameSnapshot(files, E2e.snapshot(out)), "nothing written: " + E2e.diff(files, E2e.snapshot(out)));
        assertTrue(java.util.Arrays.equals(ledger, Files.readAllBytes(log)), "the checkpoint as it was");
    }

    private static int lastCommit(List<String> lines, int below) {
        for (int i = below - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("{\"type\":\"commit\"")) {
                return i;
            }
        }
        throw new AssertionError("no commit line");
    }

    private static List<String> linesWith(String output, String text) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains(text)) {
                out.add(l);
            }
        }
        return out;
    }
}
