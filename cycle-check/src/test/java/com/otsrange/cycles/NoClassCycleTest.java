package com.otsrange.cycles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No class of this module depends on itself through other classes (a nested class counts as its
 * outer class). Run beside {@link NoPackageCycleTest}, by the tests of every module with production
 * code, on its {@code target/classes}. A cycle the module must keep is listed, with a comment why,
 * in its pom's property {@code cycleCheck.knownClassCycles} (fully qualified classes of one cycle
 * separated by blanks, cycles by {@code ;}); only a cycle that is no part of a listed one fails.
 */
class NoClassCycleTest {
    static final String HOW_TO_BREAK = "break each by design: move what both sides need into a small class of its own,"
            + " pass a value or a function in instead of calling back, or let one side depend on a narrow interface the"
            + " other implements (a nested class counts as its outer class; reading another class's constant is a"
            + " reference too). A cycle that must stay goes into the module pom's cycleCheck.knownClassCycles, with a"
            + " comment why (docs/DESIGN.md, \"Package and class cycles\")";

    @Test
    void noClassDependsOnItselfThroughOthers() throws IOException {
        String dir = System.getProperty("cycleCheck.classes", "target/classes");
        String problem = problem(dir, Cycles.of(Paths.get(dir)),
                new KnownCycles(System.getProperty("cycleCheck.knownClassCycles", "")));
        assertTrue(problem == null, problem);
    }

    /** Prints the known cycles and the listed ones gone; the failure message, or null when every cycle is known. */
    static String problem(String dir, Cycles cycles, KnownCycles known) {
        List<Set<String>> found = cycles.classCycles();
        List<String> unknown = new ArrayList<>();
        for (Set<String> c : found) {
            String shown = c + ": " + cycles.showClassCycle(c);
            if (known.covers(c)) {
                System.out.println("known class cycle " + shown);
            } else {
                unknown.add(shown);
            }
        }
        for (Set<String> k : known.gone(found)) {
            System.out.println("listed as known but gone (remove it from cycleCheck.knownClassCycles): " + k);
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return "class cycles in " + dir + " (each: its classes, then one path through them, each step a reference in"
                + " the class files):\n  " + String.join("\n  ", unknown) + "\n" + HOW_TO_BREAK;
    }
}
