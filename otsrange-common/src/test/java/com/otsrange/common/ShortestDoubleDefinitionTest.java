package com.otsrange.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ShortestDouble against its definition (shortest, closest, JDK 19+ notation), checked with BigDecimal. */
class ShortestDoubleDefinitionTest {

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)),
                Arbitraries.doubles(),
                Arbitraries.integers().between(-100000, 100000).map(i -> i / 100.0),
                Arbitraries.integers().between(-1074, 1023).map(e -> Math.scalb(1.0, e)),
                Arbitraries.integers().between(-1074, 1023).map(e -> Math.nextDown(Math.scalb(1.0, e))));
    }

    @Property(tries = 5000)
    void parsesBackToTheSameDouble(@ForAll("doubles") double d) {
        String s = ShortestDouble.format(d);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)), s);
    }

    @Property(tries = 3000)
    void noShorterDigitStringRoundTrips(@ForAll("doubles") double d) {
        if (d == 0) {
            return;
        }
        BigDecimal chosen = new BigDecimal(ShortestDouble.format(d)).stripTrailingZeros();
        int n = chosen.precision();
        BigDecimal exact = new BigDecimal(d);
        if (n > 1) {
            // the (n-1)-digit neighbours of d are the only (n-1)-digit candidates that could round to d
            for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(new MathContext(n - 1, m));
                if (n == 2 && Double.parseDouble(c.toString()) == d) {
                    // JDK rule: when one digit suffices, two-digit decimals compete on closeness
                    assertTrue(chosen.subtract(exact).abs().compareTo(c.subtract(exact).abs()) < 0, chosen + " vs " + c);
                    continue;
                }
                assertFalse(Double.parseDouble(c.toString()) == d, "shorter " + c + " also gives " + d);
            }
        }
        // and no other n-digit decimal that round-trips is closer (n == 2 may come from the 1-digit rule)
        for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal c = exact.round(new MathContext(n, m));
            if (Double.parseDouble(c.toString()) == d) {
                assertTrue(c.subtract(exact).abs().compareTo(chosen.subtract(exact).abs()) >= 0, c + " is closer than " + chosen);
            }
        }
    }

    @Property(tries = 2000)
    void notationMatchesJdk19Rules(@ForAll("doubles") double d) {
        String s = ShortestDouble.format(d);
        double a = Math.abs(d);
        if (a >= 1e-3 && a < 1e7) {
            assertTrue(s.matches("-?[0-9]+\\.[0-9]+"), s);
            assertFalse(s.contains("E"), s);
        } else if (d != 0) {
            assertTrue(s.matches("-?[1-9]\\.[0-9]+E-?[0-9]+"), s);
        }
    }

    @Property(tries = 3000)
    void sameAsTheBigDecimalImplementationItReplaced(@ForAll("doubles") double d) {
        assertEquals(BigDecimalShortestDouble.format(d), ShortestDouble.format(d));
    }

    @Test
    void knownValues() {
        assertEquals("0.0", ShortestDouble.format(0.0));
        assertEquals("-0.0", ShortestDouble.format(-0.0));
        assertEquals("NaN", ShortestDouble.format(Double.NaN));
        assertEquals("Infinity", ShortestDouble.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", ShortestDouble.format(Double.NEGATIVE_INFINITY));
        assertEquals("1.0", ShortestDouble.format(1.0));
        assertEquals("100.0", ShortestDouble.format(100.0));
        assertEquals("0.1", ShortestDouble.format(0.1));
        assertEquals("0.001", ShortestDouble.format(0.001));
        assertEquals("1.0E-4", ShortestDouble.format(0.0001));
        assertEquals("1.0E7", ShortestDouble.format(1e7));
        assertEquals("9999999.0", ShortestDouble.format(9999999.0));
        assertEquals("-23.5", ShortestDouble.format(-23.5));
        assertEquals("4.9E-324", ShortestDouble.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", ShortestDouble.format(Double.MAX_VALUE));
        // Java 8..18 print 2.0E-3 fine but these with too many digits (JDK-4511638)
        assertEquals("2.0E23", ShortestDouble.format(2e23));
        assertEquals("1.0E23", ShortestDouble.format(1e23));
        assertEquals("8.41E21", ShortestDouble.format(8.41e21));
        assertEquals("2.82879384806159E17", ShortestDouble.format(2.82879384806159E17));
    }
}
