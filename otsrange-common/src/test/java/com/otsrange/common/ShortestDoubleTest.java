package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link ShortestDouble} against the BigDecimal oracle (the implementation it replaces) over
 * millions of deterministic pseudo-random bit patterns and every edge we know of, plus the integer
 * facts its arithmetic relies on.
 */
class ShortestDoubleTest {
    private static final BigInteger TWO = BigInteger.valueOf(2);

    private static void same(double d) {
        String expected = BigDecimalShortestDouble.format(d);
        String actual = ShortestDouble.format(d);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d)));
        }
    }

    private static void sameAround(double d, int steps) {
        double up = d;
        double down = d;
        same(d);
        for (int i = 0; i < steps; i++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            same(up);
            same(down);
            same(-up);
            same(-down);
        }
    }

    @Test
    void millionsOfRandomBitPatterns() {
        SplittableRandom r = new SplittableRandom(0x5eed_0f_d0b1e5L);
        int n = Integer.getInteger("otsrange.double.samples", 3_000_000);
        for (int i = 0; i < n; i++) {
            same(Double.longBitsToDouble(r.nextLong()));
        }
    }

    @Test
    void randomValuesOfEveryMagnitudeAndShortDecimals() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 300_000; i++) {
            // uniform exponent instead of uniform bits: small and large magnitudes equally often
            long bits = ((long) r.nextInt(2047) << 52) | (r.nextLong() & ((1L << 52) - 1));
            same(Double.longBitsToDouble(bits));
            // sensor-like readings with few digits
            same(r.nextInt(-1_000_000, 1_000_000) / 100.0);
            same(r.nextInt(1, 100_000) * Math.pow(10, r.nextInt(-330, 310)));
        }
    }

    @Test
    void specialValuesAndBounds() {
        assertEquals("NaN", ShortestDouble.format(Double.NaN));
        assertEquals("NaN", ShortestDouble.format(Double.longBitsToDouble(0xfff8_0000_0000_0001L)));
        assertEquals("Infinity", ShortestDouble.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", ShortestDouble.format(Double.NEGATIVE_INFINITY));
        assertEquals("0.0", ShortestDouble.format(0.0));
        assertEquals("-0.0", ShortestDouble.format(-0.0));
        assertEquals("4.9E-324", ShortestDouble.format(Double.MIN_VALUE));
        assertEquals("9.9E-324", ShortestDouble.format(2 * Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", ShortestDouble.format(Double.MAX_VALUE));
        assertEquals("2.2250738585072014E-308", ShortestDouble.format(Double.MIN_NORMAL));
        assertEquals("2.0E23", ShortestDouble.format(2e23));
        assertEquals("1.0E23", ShortestDouble.format(1e23));
        assertEquals("8.41E21", ShortestDouble.format(8.41e21));
        assertEquals("0.001", ShortestDouble.format(0.001));
        assertEquals("1.0E-4", ShortestDouble.format(1e-4));
        assertEquals("9999999.0", ShortestDouble.format(9999999.0));
        assertEquals("1.0E7", ShortestDouble.format(1e7));
        assertEquals("-23.5", ShortestDouble.format(-23.5));
        assertEquals("100.0", ShortestDouble.format(100.0));
        sameAround(Double.MIN_VALUE, 20_000);
        sameAround(Double.MIN_NORMAL, 20_000);
        sameAround(Double.MAX_VALUE, 20_000);
        sameAround(1e-3, 20_000);
        sameAround(1e7, 20_000);
        sameAround(1.0, 2_000);
    }

    @Test
    void subnormals() {
        for (long bits = 1; bits < 200_000; bits++) {
            same(Double.longBitsToDouble(bits));
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            same(Double.longBitsToDouble(r.nextLong(1, 1L << 52)));
        }
    }

    @Test
    void powersOfTwoAndTenWithNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            sameAround(Math.scalb(1.0, e), 3);
        }
        for (int e = -325; e <= 309; e++) {
            sameAround(Double.parseDouble("1e" + e), 3);
            sameAround(Double.parseDouble("5e" + e), 2);
            sameAround(Double.parseDouble("9.5e" + e), 2);
        }
        for (long i = 0; i < 100_000; i++) {
            same(i);
            same(i / 1000.0);
        }
        for (int e = 40; e <= 63; e++) { // integers near 2^53 and beyond
            sameAround((double) (1L << e), 50);
        }
    }

    @Test
    void appendToAppendsAfterExistingText() {
        StringBuilder sb = new StringBuilder("x=");
        ShortestDouble.appendTo(sb, 0.1).append(',');
        ShortestDouble.appendTo(sb, -1.0E-5).append(',');
        ShortestDouble.appendTo(sb, 123456.75);
        assertEquals("x=0.1,-1.0E-5,123456.75", sb.toString());
    }

    /** On a JDK 19+ Double.toString follows the same specification: a second, independent oracle. */
    @Test
    void sameAsDoubleToStringOnJdk19Plus() {
        String spec = System.getProperty("java.specification.version");
        assumeTrue(!spec.startsWith("1.") && Integer.parseInt(spec) >= 19, "needs JDK 19+, running " + spec);
        SplittableRandom r = new SplittableRandom(19);
        int n = Integer.getInteger("otsrange.double.jdkSamples", 2_000_000);
        for (int i = 0; i < n; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            String expected = Double.toString(d);
            String actual = ShortestDouble.format(d);
            if (!expected.equals(actual)) {
                assertEquals(expected, actual, "bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d)));
            }
        }
    }

    // ---- the integer facts the arithmetic relies on ----

    @Test
    void floorLogsAreExactOverTheRangeUsed() {
        for (int q = -1200; q <= 1200; q++) {
            int k = ShortestDouble.flog10pow2(q);
            BigDecimal p = pow2(q);
            assertTrue(pow10(k).compareTo(p) <= 0 && p.compareTo(pow10(k + 1)) < 0, "flog10pow2 " + q);
            int k3 = ShortestDouble.flog10threeQuartersPow2(q);
            BigDecimal p3 = p.multiply(new BigDecimal("0.75"));
            assertTrue(pow10(k3).compareTo(p3) <= 0 && p3.compareTo(pow10(k3 + 1)) < 0, "flog10threeQuartersPow2 " + q);
        }
        for (int e = -400; e <= 400; e++) {
            int f = ShortestDouble.flog2pow10(e);
            BigDecimal p = pow10(e);
            assertTrue(pow2(f).compareTo(p) <= 0 && p.compareTo(pow2(f + 1)) < 0, "flog2pow10 " + e);
        }
    }

    @Test
    void tableEntriesAre126BitOverApproximations() {
        for (int e = ShortestDouble.E_MIN; e <= ShortestDouble.E_MAX; e++) {
            long[] g = ShortestDouble.g(e);
            assertTrue(g[0] >= (1L << 62) && g[0] > 0, "g1 in [2^62, 2^63) for " + e);
            assertTrue(g[1] >= 0, "g0 < 2^63 for " + e);
            BigInteger big = BigInteger.valueOf(g[0]).shiftLeft(63).add(BigInteger.valueOf(g[1]));
            int r = ShortestDouble.flog2pow10(e) - 125;
            // g - 1 <= 10^e * 2^-r < g
            BigDecimal exact = pow10(e).multiply(pow2(-r));
            assertTrue(new BigDecimal(big.subtract(BigInteger.ONE)).compareTo(exact) <= 0, "g-1 <= exact for " + e);
            assertTrue(exact.compareTo(new BigDecimal(big)) < 0, "exact < g for " + e);
        }
    }

    @Test
    void scaledOperandsFitIn63Bits() {
        // h = q + flog2pow10(-k) + 2 keeps (4c + 2) << h below 2^63 for every exponent
        for (int q = -1074; q <= 971; q++) {
            for (boolean irregular : new boolean[] {false, true}) {
                int k = irregular && q > -1074 ? ShortestDouble.flog10threeQuartersPow2(q) : ShortestDouble.flog10pow2(q);
                int h = q + ShortestDouble.flog2pow10(-k) + 2;
                assertTrue(h >= 0 && ((((1L << 53) - 1) << 2) + 2) < (1L << (63 - h)), "q " + q + " h " + h);
                assertTrue(-k >= ShortestDouble.E_MIN && -k <= ShortestDouble.E_MAX, "table covers q " + q);
            }
        }
    }

    @Test
    void multiplyHighMatchesBigInteger() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long x = r.nextLong() >>> 1;
            long y = r.nextLong() >>> (1 + r.nextInt(40));
            long expected = BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)).shiftRight(64).longValue();
            assertEquals(expected, ShortestDouble.multiplyHigh(x, y));
        }
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).pow(2).shiftRight(64).longValue(),
                ShortestDouble.multiplyHigh(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    private static BigDecimal pow2(int e) {
        return e >= 0 ? new BigDecimal(TWO.pow(e)) : BigDecimal.ONE.divide(new BigDecimal(TWO.pow(-e)));
    }

    private static BigDecimal pow10(int e) {
        return BigDecimal.ONE.scaleByPowerOfTen(e);
    }
}
