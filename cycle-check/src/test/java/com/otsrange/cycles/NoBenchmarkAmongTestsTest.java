package com.otsrange.cycles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmarks are programs in {@code bench/src} (run by {@code bench/run.sh}), not tests: a benchmark
 * among a module's test classes shows as a skipped test in every build and measures nothing there.
 * Run by the tests of every module with production code (root pom, profile
 * {@code package-cycle-check}) on its {@code target/test-classes}.
 */
class NoBenchmarkAmongTestsTest {
    @Test
    void noTestClassIsABenchmark() throws IOException {
        Path dir = Paths.get(System.getProperty("cycleCheck.testClasses", "target/test-classes"));
        if (!Files.isDirectory(dir)) {
            return; // a module without tests has none
        }
        List<String> benches;
        try (Stream<Path> files = Files.walk(dir)) {
            benches = files.map(p -> dir.relativize(p).toString())
                    .filter(n -> n.endsWith("Bench.class") || n.endsWith("Benchmark.class"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertTrue(benches.isEmpty(), "benchmarks among the test classes of " + dir + ": " + benches
                + "; move them to bench/src as programs with a main method (bench/README.md, \"Micro-benchmarks\")");
    }
}
