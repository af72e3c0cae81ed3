package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.CheckpointLog;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at every step of a restating run (issue 21): the state a kill leaves after each line the run
 * appended to {@code checkpoint.log} (its intents, renames, removals, commits, the streamPosition and
 * the windowDone line), with every file whose intent is written but whose commit is not either still
 * the old one (killed before the rename or removal) or already the new one (killed after it). From
 * each, the same run again ends with the files byte for byte as the uninterrupted run left them,
 * which the test first checks against the rows it wrote. Temp files a kill leaves in {@code tmp/} do
 * not matter: every run's prepare empties it.
 */
class RestatementCrashTest {
    static E2e e2e;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e("getRange");
        RestatementTest.e2e = e2e;
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    /** A run with a new window: restatements with prefix 0 and prefix > 0, each with the window's rows, and a plain append. */
    @Test
    void killedAnywhereInARunWithANewWindow() throws Exception {
        IncrementalData data = RestatementTest.table("crwin", true);
        Path out = dir.resolve("out");
        IncrementalData.Shape shape = RestatementTest.YEARS;
        RestatementTest.runWindows(data, out, shape, 2, 3, 4, 5);
        RestatementTest.put(data, "dev-1", RestatementTest.at(2, 1), 1, "late into the first window");
        RestatementTest.update(data, RestatementTest.rowsOf(data, "k.2", 4, 5).get(0), "v", 77);
        for (E2e.SrcRow r : RestatementTest.rowsOf(data, "a/b", 3, 5)) {
            RestatementTest.delete(data, r);
        }
        int states = killEverywhere(data, out, shape, 5, 6, 2, 6);
        System.out.println("restating run with a new window: " + states + " kill states resumed");
    }

    /** A run that only restates (its window is committed): gzip members rewritten, a file cut back, a file removed. */
    @Test
    void killedAnywhereInARunThatOnlyRestates() throws Exception {
        IncrementalData data = RestatementTest.table("cronly", true);
        Path out = dir.resolve("out");
        IncrementalData.Shape shape = RestatementTest.MONTHS_GZIP;
        RestatementTest.runWindows(data, out, shape, 2, 3, 4, 5);
        RestatementTest.put(data, "dev-1", RestatementTest.at(2, 1), 1, "late into the first window");
        for (E2e.SrcRow r : RestatementTest.rowsOf(data, "a/b", 4, 5)) {
            RestatementTest.delete(data, r);
        }
        for (E2e.SrcRow r : RestatementTest.rowsOf(data, "k3", 2, 5)) {
            RestatementTest.delete(data, r);
        }
        int states = killEverywhere(data, out, shape, 2, 5, 2, 5);
        System.out.println("run that only restates: " + states + " kill states resumed");
    }

    /**
     * Runs window [from, to) once uninterrupted (checked against the model over the days [first, last)),
     * then from every kill state; returns how many states were resumed.
     */
    static int killEverywhere(IncrementalData data, Path out, IncrementalData.Shape shape, int from, int to, int first, int last)
            throws Exception {
        Path before = out.resolveSibling("before");
        copyTree(out, before);
        Path state = out.resolve(".otsrange/" + data.table + ".all");
        List<String> oldLines = Files.readAllLines(CheckpointLog.fileIn(state), StandardCharsets.UTF_8);
        Map<String, byte[]> oldFiles = E2e.snapshot(out);

        RestatementTest.run(data, out, shape, from, to, "stream");
        RestatementTest.assertFiles(data, out, shape, first, last);
        Map<String, byte[]> done = E2e.snapshot(out);
        List<String> all = Files.readAllLines(CheckpointLog.fileIn(state), StandardCharsets.UTF_8);
        List<String> added = all.subList(oldLines.size(), all.size());
        assertTrue(added.stream().anyMatch(l -> l.contains("\"restate\"")), added.toString());

        int states = 0;
        for (int k = 0; k < added.size(); k++) {
            List<String> lines = new ArrayList<>(oldLines);
            lines.addAll(added.subList(0, k));
            for (boolean renamed : new boolean[] {false, true}) {
                Map<String, byte[]> files = killedAt(added.subList(0, k), oldFiles, done, renamed);
                if (!renamed && files.equals(killedAt(added.subList(0, k), oldFiles, done, true))) {
                    continue; // no file in flight: one state
                }
                Path crashed = out.resolveSibling("crash-" + k + (renamed ? "-renamed" : ""));
                copyTree(before, crashed);
                restore(crashed, files);
                Files.write(CheckpointLog.fileIn(crashed.resolve(".otsrange/" + data.table + ".all")),
                        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                RunResult r = E2e.run(RestatementTest.job(data, crashed, shape, from, to, "stream"));
                assertTrue(r.succeeded(), "killed after line " + k + " (" + (k == 0 ? "-" : added.get(k - 1)) + "): "
                        + r.errorMessage());
                Map<String, byte[]> got = E2e.snapshot(crashed);
                assertTrue(E2e.sameSnapshot(done, got), "killed after line " + k + (renamed ? " (renamed)" : "") + ": "
                        + E2e.diff(done, got));
                states++;
            }
        }
        return states;
    }

    /**
     * The files a kill leaves after the log lines {@code written}: a file whose commit is written is
     * the new one, one whose intent alone is written is the new one when {@code renamed}, else the old.
     */
    static Map<String, byte[]> killedAt(List<String> written, Map<String, byte[]> oldFiles, Map<String, byte[]> done,
                                        boolean renamed) {
        Map<String, String> last = new HashMap<>();
        for (String l : written) {
            JSONObject o = JSON.parseObject(l);
            if (o.getString("file") != null) {
                last.put(o.getString("file"), o.getString("type"));
            }
        }
        Map<String, byte[]> files = new HashMap<>(oldFiles);
        for (Map.Entry<String, String> f : last.entrySet()) {
            boolean isNew = "commit".equals(f.getValue()) || renamed;
            if (isNew && done.containsKey(f.getKey())) {
                files.put(f.getKey(), done.get(f.getKey()));
            } else if (isNew) {
                files.remove(f.getKey());
            }
        }
        return files;
    }

    /** Makes the output files under {@code out} exactly {@code files}. */
    static void restore(Path out, Map<String, byte[]> files) throws IOException {
        for (String f : E2e.snapshot(out).keySet()) {
            Files.delete(out.resolve(f));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.createDirectories(out.resolve(f.getKey()).getParent());
            Files.write(out.resolve(f.getKey()), f.getValue());
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
