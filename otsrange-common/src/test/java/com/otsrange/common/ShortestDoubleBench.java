package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test: prints ns per double for the BigDecimal oracle and {@link ShortestDouble}. Runs only
 * with {@code -Dotsrange.bench=true}: {@code mvn -o -pl otsrange-common test -Dtest=ShortestDoubleBench -Dotsrange.bench=true}.
 */
class ShortestDoubleBench {

    @Test
    void printNanosPerDouble() {
        assumeTrue(Boolean.getBoolean("otsrange.bench"), "benchmark: run with -Dotsrange.bench=true");
        SplittableRandom r = new SplittableRandom(1);
        double[] full = new double[1 << 16];
        double[] sensor = new double[1 << 16];
        for (int i = 0; i < full.length; i++) {
            double d;
            do {
                d = Double.longBitsToDouble(r.nextLong());
            } while (Double.isNaN(d) || Double.isInfinite(d));
            full[i] = d;
            sensor[i] = Math.round(r.nextDouble() * 1_000_000) / 100.0 - 5000;
        }
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d: random bits  oracle %8.1f ns  new %6.1f ns%n", round,
                    oracle(full, 200_000), fast(full, 3_000_000));
            System.out.printf("round %d: 2-decimals   oracle %8.1f ns  new %6.1f ns%n", round,
                    oracle(sensor, 200_000), fast(sensor, 3_000_000));
        }
    }

    private static double oracle(double[] v, int n) {
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += BigDecimalShortestDouble.format(v[i & (v.length - 1)]).length();
        }
        long t = System.nanoTime() - t0;
        if (sink == 42) {
            System.out.println();
        }
        return (double) t / n;
    }

    private static double fast(double[] v, int n) {
        StringBuilder sb = new StringBuilder(32);
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            sink += ShortestDouble.appendTo(sb, v[i & (v.length - 1)]).length();
        }
        long t = System.nanoTime() - t0;
        if (sink == 42) {
            System.out.println();
        }
        return (double) t / n;
    }
}
