package com.otsrange.cycles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cycles a module must keep for now, as its pom lists them ({@code cycleCheck.known} for
 * packages, {@code cycleCheck.knownClassCycles} for classes): the members of one cycle separated by
 * blanks or commas, cycles by {@code ;}. A cycle found is known when it lies within one listed
 * cycle, so a listed cycle may shrink but nothing new joins it.
 */
final class KnownCycles {
    private final List<Set<String>> listed;

    KnownCycles(String property) {
        this.listed = parse(property);
    }

    static List<Set<String>> parse(String property) {
        List<Set<String>> out = new ArrayList<>();
        for (String cycle : property.split(";")) {
            Set<String> members = new TreeSet<>(Arrays.asList(cycle.trim().split("[\\s,]+")));
            members.remove("");
            if (!members.isEmpty()) {
                out.add(members);
            }
        }
        return out;
    }

    boolean covers(Set<String> found) {
        return listed.stream().anyMatch(k -> k.containsAll(found));
    }

    /** The found cycles no listed one covers: each fails the check. */
    List<Set<String>> unknown(List<Set<String>> found) {
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> c : found) {
            if (!covers(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The listed cycles that no longer hold any found cycle: to remove from the pom. */
    List<Set<String>> gone(List<Set<String>> found) {
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> k : listed) {
            if (found.stream().noneMatch(k::containsAll)) {
                out.add(k);
            }
        }
        return out;
    }
}
