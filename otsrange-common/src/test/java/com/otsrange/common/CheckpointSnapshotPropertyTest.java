package com.otsrange.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random checkpoints (intents and commits with and without windows, deletions, parts, windowDone,
 * stream positions, a torn last line; final files that prove their intent or not): a snapshot brought
 * up to date in memory with the lines a phase appends is the snapshot a fresh read gives; the writer's
 * hand-over reads back to the same facts without proving anything; and the committed units and the
 * ledger's incomplete window are what the intent rule's text says, computed here by index arithmetic.
 */
class CheckpointSnapshotPropertyTest {
    private static final String[] UNITS = {"u0", "u1", "u2"};
    private static final String[] CONTENTS = {"v1\n", "v22\n"};
    private static final TimeWindow[] WINDOWS = {TimeWindow.of(0, 10), TimeWindow.of(10, 20), TimeWindow.of(20, 30)};

    @Property(tries = 300)
    void inMemoryUpdatesReadsAndTheRuleAgree(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        Path out = Files.createTempDirectory("snapprop");
        try {
            Path state = StateDir.of(out, "t", ShardSpec.ALL);
            // final files: absent, or one of two contents; an intent names one content
            Map<String, String> files = new TreeMap<>();
            for (String u : UNITS) {
                int c = r.nextInt(3);
                if (c < 2) {
                    files.put(u, CONTENTS[c]);
                    Files.createDirectories(out);
                    Files.write(out.resolve(u + ".csv"), CONTENTS[c].getBytes(StandardCharsets.UTF_8));
                }
            }
            List<CheckpointLine> base = lines(r, r.nextInt(14));
            List<CheckpointLine> appended = lines(r, r.nextInt(7));
            try (CheckpointLog log = CheckpointLog.create(state, Collections.singletonMap("k", "v"))) {
                for (CheckpointLine l : base) {
                    log.append(l);
                }
            }
            if (r.nextBoolean()) {
                Files.write(CheckpointLog.fileIn(state), "{\"type\":\"commit\",\"unit\":\"u0\",\"fi".getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.APPEND);
            }
            CheckpointSnapshot before = CheckpointSnapshot.load(state);
            assertRule(before, base, files);

            Path tmp = state.resolve(StateDir.TMP);
            Files.createDirectories(tmp);
            before.writeHandover(tmp);
            assertEquals(withoutProofs(before.describe()), withoutProofs(CheckpointSnapshot.handedOver(tmp).describe()),
                    "the hand-over says what the log says");

            CheckpointSnapshot updated;
            try (CheckpointLog log = CheckpointLog.open(state)) {
                for (CheckpointLine l : appended) {
                    log.append(l);
                }
                updated = before.with(log.appended());
            }
            CheckpointSnapshot reread = CheckpointSnapshot.load(state);
            assertEquals(reread.describe(), updated.describe(), "with(appended) is what a fresh read gives");
            List<CheckpointLine> all = new ArrayList<>(base);
            all.addAll(appended);
            assertRule(reread, all, files);
        } finally {
            deleteTree(out);
        }
    }

    private static List<CheckpointLine> lines(Random r, int n) {
        List<CheckpointLine> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String u = UNITS[r.nextInt(UNITS.length)];
            int kind = r.nextInt(10);
            TimeWindow w = r.nextInt(3) == 0 ? null : WINDOWS[r.nextInt(WINDOWS.length)];
            if (kind < 7) {
                FileLine.Kind k = kind < 4 ? FileLine.Kind.INTENT : FileLine.Kind.COMMIT;
                if (r.nextInt(6) == 0) {
                    out.add(new FileLine(k, u, u + ".csv", 0, 0, null, w, RestateLine.deletion(0)));
                } else {
                    String c = CONTENTS[r.nextInt(CONTENTS.length)];
                    byte[] b = c.getBytes(StandardCharsets.UTF_8);
                    out.add(new FileLine(k, u, u + ".csv", 1, b.length, sha(b), w, null));
                }
            } else if (kind == 7) {
                FileParts.Part part = FileParts.Part.parse(r.nextInt(2) + "/2/0/10/0/10");
                out.add(new PartLine(u, part, "parts/" + u + "." + part.k, u + ".csv", 1, 3, "s", Arrays.asList("h")));
            } else if (kind == 8) {
                TimeWindow d = WINDOWS[r.nextInt(WINDOWS.length)];
                out.add(new WindowDoneLine(d, d));
            } else {
                out.add(new StreamPositionLine(new StreamPosition("s", r.nextInt(100),
                        Collections.singletonMap("sh", StreamPosition.Shard.finished()))));
            }
        }
        return out;
    }

    /** The intent rule's text, by indexes into the lines. */
    private static void assertRule(CheckpointSnapshot s, List<CheckpointLine> lines, Map<String, String> files) {
        int lastDone = -1;
        Set<TimeWindow> doneWindows = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof WindowDoneLine) {
                lastDone = i;
                doneWindows.add(((WindowDoneLine) lines.get(i)).window());
            }
        }
        // per unit: the last file line, the last commit, and whether that last line is an intent that counts
        Map<String, Integer> lastCommit = new TreeMap<>();
        Map<String, Integer> countedIntent = new TreeMap<>();
        for (String u : UNITS) {
            int last = -1;
            int commit = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof FileLine && ((FileLine) lines.get(i)).unit().equals(u)) {
                    last = i;
                    commit = ((FileLine) lines.get(i)).isCommit() ? i : commit;
                }
            }
            if (commit >= 0) {
                lastCommit.put(u, commit);
            }
            if (last >= 0 && !((FileLine) lines.get(last)).isCommit() && last > lastDone) {
                FileLine intent = (FileLine) lines.get(last);
                boolean windowDone = intent.window() != null && doneWindows.contains(intent.window());
                boolean proves = intent.deletes() ? !files.containsKey(u)
                        : files.containsKey(u) && sha(files.get(u).getBytes(StandardCharsets.UTF_8)).equals(intent.sha256());
                if (!windowDone && proves) {
                    // the intent entered the pending set at the unit's first intent after its last commit and the last windowDone
                    int from = Math.max(commit, lastDone);
                    int first = last;
                    for (int i = from + 1; i <= last; i++) {
                        if (lines.get(i) instanceof FileLine && ((FileLine) lines.get(i)).unit().equals(u)) {
                            first = Math.min(first, i);
                        }
                    }
                    countedIntent.put(u, first);
                }
            }
        }
        List<String> expectedOrder = new ArrayList<>();
        List<String> plain = new ArrayList<>(lastCommit.keySet());
        plain.removeAll(countedIntent.keySet());
        plain.sort((a, b) -> lastCommit.get(a) - lastCommit.get(b));
        List<String> proven = new ArrayList<>(countedIntent.keySet());
        proven.sort((a, b) -> countedIntent.get(a) - countedIntent.get(b));
        expectedOrder.addAll(plain);
        expectedOrder.addAll(proven);
        assertEquals(expectedOrder, new ArrayList<>(s.committedUnits()), "committed units in commit order");
        Map<String, FileLine> expected = new LinkedHashMap<>();
        for (String u : plain) {
            expected.put(u, (FileLine) lines.get(lastCommit.get(u)));
        }
        for (String u : proven) {
            int last = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof FileLine && ((FileLine) lines.get(i)).unit().equals(u)) {
                    last = i;
                }
            }
            expected.put(u, ((FileLine) lines.get(last)).asCommit());
        }
        assertEquals(expected, s.committed());

        // the ledger: windowed (or restating) commits in order, then the counted intents; the incomplete
        // window is the last not-done window in order of first appearance
        List<FileLine> ledgerCommits = new ArrayList<>();
        for (CheckpointLine l : lines) {
            if (l instanceof FileLine && ((FileLine) l).isCommit()) {
                ledgerCommits.add((FileLine) l);
            }
        }
        for (String u : proven) {
            ledgerCommits.add(expected.get(u));
        }
        Set<TimeWindow> open = new LinkedHashSet<>();
        Map<String, List<FileLine>> byUnit = new LinkedHashMap<>();
        for (FileLine c : ledgerCommits) {
            if (c.window() == null && c.restate() == null) {
                continue;
            }
            if (c.window() != null && !doneWindows.contains(c.window())) {
                open.add(c.window());
            }
            byUnit.computeIfAbsent(c.unit(), k -> new ArrayList<>()).add(c);
        }
        TimeWindow incomplete = null;
        for (TimeWindow w : open) {
            incomplete = w;
        }
        assertEquals(incomplete, s.ledger().incomplete());
        assertEquals(byUnit, s.ledger().commitsByUnit());
    }

    private static String withoutProofs(String describe) {
        StringBuilder b = new StringBuilder();
        for (String line : describe.split("\n")) {
            if (!line.startsWith("proven ") && !line.startsWith("ledgerProven ")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static String sha(byte[] b) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            StringBuilder s = new StringBuilder();
            for (byte x : d.digest(b)) {
                s.append(String.format("%02x", x));
            }
            return s.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (Files.isDirectory(p)) {
            try (java.util.stream.Stream<Path> s = Files.list(p)) {
                for (Path c : (Iterable<Path>) s::iterator) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
