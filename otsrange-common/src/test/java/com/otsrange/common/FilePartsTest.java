package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilePartsTest {
    @TempDir
    Path out;

    @Test
    void partsTileTheSpanWithoutGapOrOverlap() {
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            long from = rnd.nextLong() / 2;
            long width = 1 + (long) (rnd.nextDouble() * (i % 3 == 0 ? Long.MAX_VALUE / 2 : 1_000_000));
            int n = 2 + rnd.nextInt(FileParts.MAX_PARTS - 1);
            long prevTo = from;
            for (int k = 0; k < n; k++) {
                FileParts.Part p = new FileParts.Part(k, n, from, from + width);
                assertEquals(prevTo, p.from(), "part " + k + " starts where the previous ended");
                assertTrue(p.to() >= p.from());
                // independent check against exact arithmetic in doubles' absence: the k-th cut is the floor of k/n of the width
                assertEquals(new java.math.BigInteger(Long.toString(width)).multiply(java.math.BigInteger.valueOf(k))
                        .divide(java.math.BigInteger.valueOf(n)).longValueExact(), p.from() - from);
                prevTo = p.to();
            }
            assertEquals(from + width, prevTo, "the last part ends at the span's end");
        }
    }

    @Test
    void textFormRoundTripsAndRejectsNonsense() {
        FileParts.Part p = new FileParts.Part(2, 4, -100, 1_700_000_000_000L);
        assertEquals("2/4/-100/1700000000000/-100/1700000000000", p.toText());
        assertEquals(p, FileParts.Part.parse(p.toText()));
        for (String bad : Arrays.asList(null, "", "1/1/0/10/0/10", "4/4/0/10/0/10", "-1/4/0/10/0/10", "1/4/10/10/10/10", "1/4/0",
                "a/4/0/10/0/10", "1/65/0/100/0/100", "1/4/0/10", "1/4/0/10/5/10", "1/4/0/10/0/9", "1/4/0/10/0/10/3")) {
            assertNull(FileParts.Part.parse(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new FileParts.Part(0, 1, 0, 10));
    }

    @Test
    void theOuterPartsReachToTheUnitsWindow() {
        // rows between 100 and 199 in a unit window [0, 1000): cuts at 125, 150, 175; part 0 from 0, part 3 to 1000
        FileParts.Part p0 = new FileParts.Part(0, 4, 100, 200, 0, 1000);
        assertEquals(0, p0.from());
        assertEquals(125, p0.to());
        assertEquals(150, p0.sibling(1).to());
        assertEquals(175, p0.sibling(3).from());
        assertEquals(1000, p0.sibling(3).to());
        assertTrue(p0.holds(0) && p0.holds(124) && !p0.holds(125));
        assertEquals(p0.sibling(3), FileParts.Part.parse(p0.sibling(3).toText()));
        assertFalse(p0.sameCut(new FileParts.Part(0, 4, 100, 200)));
    }

    @Test
    void pendingKeepsTheLatestCutAndChecksPartFileSizes() throws Exception {
        Path state = StateDir.of(out, "t", ShardSpec.parse("all"));
        FileParts.Part cut = new FileParts.Part(0, 3, 0, 300);
        List<String> header = Arrays.asList("id", "ct", "v");
        try (CheckpointLog log = CheckpointLog.create(state, Collections.singletonMap("reader.table", "x"))) {
            for (int k : new int[] {0, 2}) {
                String rel = FileParts.fileFor("2024/a", cut.sibling(k));
                Path f = state.resolve(rel);
                Files.createDirectories(f.getParent());
                Files.write(f, ("row" + k + "\n").getBytes(StandardCharsets.UTF_8));
                log.part("2024/a", cut.sibling(k), rel, "a_2024.csv", 1, 5, Sha256.ofFile(f), header);
            }
            // unit b: all parts recorded, then committed: not pending any more
            log.part("2024/b", cut, FileParts.fileFor("2024/b", cut), "b_2024.csv", 0, 0, "x", header);
            log.commit("2024/b", "b_2024.csv", 0, 0, "x");
        }
        assertEquals("parts/2024/a.2of3", FileParts.fileFor("2024/a", cut.sibling(2)));
        Map<String, PendingParts> pending = CheckpointSnapshot.load(state).pendingParts();
        assertEquals(Collections.singleton("2024/a"), pending.keySet());
        PendingParts a = pending.get("2024/a");
        assertEquals(cut.sibling(2), a.recorded().get(2).part());
        assertEquals(header, a.recorded().get(0).header());
        assertEquals("a_2024.csv", a.recorded().get(0).target());
        assertEquals(Collections.singletonList(cut.sibling(1)), a.missing(state));

        // a part file with another size than recorded is read again
        Files.write(state.resolve(FileParts.fileFor("2024/a", cut.sibling(2))), "changed!\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Arrays.asList(cut.sibling(1), cut.sibling(2)), CheckpointSnapshot.load(state).pendingParts().get("2024/a").missing(state));
        // part lines never count as commits, nor do they show up among intent/commit/windowDone lines
        assertFalse(CheckpointSnapshot.load(state).committedUnits().contains("2024/a"));
        assertEquals(1, CheckpointLines.of(state, FileLine.class).size() + CheckpointLines.of(state, WindowDoneLine.class).size());
    }

    @Test
    void unitMetaCarriesThePartAndTheEndMarker() {
        FileParts.Part p = new FileParts.Part(1, 2, 0, 1000);
        UnitMeta m = new UnitMeta("2024/a", Arrays.asList("id", "ct"), new int[0], Period.YEAR, true, p);
        Map<String, String> map = m.toMap();
        assertEquals(m, UnitMeta.parse(map));
        assertEquals(p, UnitMeta.parse(map).part());
        assertEquals(-1, UnitMeta.partEndRows(map));
        Map<String, String> end = UnitMeta.partEnd(map, 42);
        assertEquals(42, UnitMeta.partEndRows(end));
        assertEquals(p, UnitMeta.parse(end).part());
        assertNull(UnitMeta.parse(new UnitMeta("2024/a", Arrays.asList("id"), new int[0], Period.YEAR, true).toMap()).part());
        Map<String, String> broken = new java.util.HashMap<>(map);
        broken.put(UnitMeta.KEY_PART, "1/1/0/10");
        assertThrows(IllegalArgumentException.class, () -> UnitMeta.parse(broken));
        broken.put(UnitMeta.KEY_PART_END, "-3");
        assertThrows(IllegalArgumentException.class, () -> UnitMeta.partEndRows(broken));
    }
}
