package com.otsrange.cycles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No package of this module depends on itself through other packages. Run by the tests of every
 * module with production code (root pom, profile {@code package-cycle-check}) on its
 * {@code target/classes}. A module may list cycles it must keep for now in its pom's property
 * {@code cycleCheck.known} (packages of one cycle separated by blanks, cycles by {@code ;}):
 * then only a cycle that is no part of a listed one fails, so no new cycle gets in. Its sibling
 * {@link NoClassCycleTest} does the same for classes.
 */
class NoPackageCycleTest {
    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        String dir = System.getProperty("cycleCheck.classes", "target/classes");
        KnownCycles known = new KnownCycles(System.getProperty("cycleCheck.known", ""));
        Cycles cycles = Cycles.of(Paths.get(dir));
        List<String> unknown = new ArrayList<>();
        for (Set<String> c : cycles.packageCycles()) {
            String shown = c + ": " + cycles.showPackageCycle(c);
            if (known.covers(c)) {
                System.out.println("known package cycle " + shown);
            } else {
                unknown.add(shown);
            }
        }
        for (Set<String> k : known.gone(cycles.packageCycles())) {
            System.out.println("listed as known but gone (remove it from cycleCheck.known): " + k);
        }
        assertTrue(unknown.isEmpty(), "package cycles in " + dir + " (each with one path through it and the class reference"
                + " behind each step; break them by moving what both sides need into a package of its own):\n  "
                + String.join("\n  ", unknown));
    }
}
