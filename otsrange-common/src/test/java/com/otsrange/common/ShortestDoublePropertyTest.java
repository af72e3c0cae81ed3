package com.otsrange.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShortestDoublePropertyTest {

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles(),
                Arbitraries.integers().between(-100000, 100000).map(i -> i / 100.0),
                Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble),
                Arbitraries.integers().between(-1074, 1023).map(e -> Math.scalb(1.0, e)),
                Arbitraries.integers().between(-1074, 1023).map(e -> Math.nextDown(Math.scalb(1.0, e))),
                Arbitraries.integers().between(-324, 308).map(e -> Double.parseDouble("1e" + e)));
    }

    @Property(tries = 10000)
    void sameTextAsTheBigDecimalOracle(@ForAll("doubles") double d) {
        assertEquals(BigDecimalShortestDouble.format(d), ShortestDouble.format(d));
    }

    @Property(tries = 5000)
    void parsesBackToTheSameDouble(@ForAll("doubles") double d) {
        String s = ShortestDouble.format(d);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)), s);
    }

    @Property(tries = 2000)
    void appendToEqualsFormat(@ForAll("doubles") double d, @ForAll String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        assertEquals(prefix + ShortestDouble.format(d), ShortestDouble.appendTo(sb, d).toString());
    }
}
