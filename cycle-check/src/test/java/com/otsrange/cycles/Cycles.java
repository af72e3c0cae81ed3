package com.otsrange.cycles;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency cycles of one compiled module, between packages and between classes: each
 * strongly connected component of more than one member (Tarjan), shown with one concrete cycle
 * through it and, for packages, the class references that make each step.
 *
 * <p>{@code java -cp cycle-check/target/test-classes com.otsrange.cycles.Cycles <module>/target/classes ...}
 * prints them and exits 1 when any module has a package cycle.
 */
final class Cycles {
    /** Class -> classes it refers to (same module). */
    private final Map<String, Set<String>> classes;
    /** Package -> packages it refers to, and for each such edge one class reference that makes it. */
    private final Map<String, Set<String>> packages = new TreeMap<>();
    private final Map<String, String> why = new HashMap<>();

    Cycles(Map<String, Set<String>> classes) {
        this.classes = classes;
        for (Map.Entry<String, Set<String>> e : classes.entrySet()) {
            String from = ClassDeps.packageOf(e.getKey());
            packages.computeIfAbsent(from, k -> new TreeSet<>());
            for (String to : e.getValue()) {
                String toPkg = ClassDeps.packageOf(to);
                if (!toPkg.equals(from)) {
                    packages.get(from).add(toPkg);
                    why.putIfAbsent(from + " " + toPkg, simple(e.getKey()) + " -> " + simple(to));
                }
            }
        }
    }

    static Cycles of(Path classesDir) throws IOException {
        return new Cycles(ClassDeps.of(classesDir));
    }

    /** Each package cycle: its packages, sorted. */
    List<Set<String>> packageCycles() {
        return components(packages);
    }

    List<Set<String>> classCycles() {
        return components(classes);
    }

    /** One cycle through the component, each step with the class reference behind it. */
    String showPackageCycle(Set<String> component) {
        List<String> path = cycleThrough(packages, component);
        StringBuilder s = new StringBuilder(path.get(0));
        for (int i = 1; i < path.size(); i++) {
            s.append(" -> ").append(path.get(i)).append(" (").append(why.get(path.get(i - 1) + " " + path.get(i))).append(')');
        }
        return s.toString();
    }

    String showClassCycle(Set<String> component) {
        List<String> path = cycleThrough(classes, component);
        List<String> names = new ArrayList<>();
        for (String c : path) {
            names.add(simple(c));
        }
        return String.join(" -> ", names);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Strongly connected components of more than one node, each sorted, in the order of their first node. */
    private static List<Set<String>> components(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out);
            }
        }
        out.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Collections.<String>emptySet())) {
            if (!graph.containsKey(w)) {
                continue;
            }
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    /** The shortest cycle from the component's first node back to it, inside the component (breadth first). */
    private static List<String> cycleThrough(Map<String, Set<String>> graph, Set<String> component) {
        String start = component.iterator().next();
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : graph.get(v)) {
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String x = v; x != null; x = parent.get(x)) {
                        path.add(0, x);
                    }
                    path.add(start);
                    return path;
                }
                if (component.contains(w) && !parent.containsKey(w) && !w.equals(start)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + component);
    }

    public static void main(String[] args) throws IOException {
        boolean any = false;
        for (String dir : args) {
            Cycles c = of(Paths.get(dir));
            System.out.println(dir + ":");
            for (Set<String> p : c.packageCycles()) {
                System.out.println("  package cycle " + p + ": " + c.showPackageCycle(p));
                any = true;
            }
            for (Set<String> k : c.classCycles()) {
                System.out.println("  class cycle: " + c.showClassCycle(k));
            }
        }
        System.exit(any ? 1 : 0);
    }
}
