package com.otsrange.writer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Test oracle: the original csvyearwriter implementation (BigDecimal search, checked by
 * round-tripping through {@code Double.parseDouble}), slow but obviously right; {@link com.otsrange.common.ShortestDouble}
 * must give the same text for every double.
 *
 * <p>The shortest decimal that parses back to the same double, in the notation of JDK 19+
 * {@code Double.toString}: among the shortest decimals that round to the value, the one closest
 * to it (ties: even last digit); when that is a single digit, two-digit decimals compete too.
 * Plain notation for 1e-3 <= |d| < 1e7 ({@code 123.45}, {@code 100.0}), otherwise
 * {@code 1.2345E-5}. Java 8's {@code Double.toString} sometimes gives a longer string.
 * NaN, Infinity, -Infinity, 0.0 and -0.0 are written as those words/values.
 */
final class BigDecimalShortestDouble {
    private BigDecimalShortestDouble() {
    }

    static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        String s = Double.toString(d);
        BigDecimal old = new BigDecimal(s).stripTrailingZeros();
        int n = old.precision();
        // Fast path. With n <= 15 digits, s is also the n-digit decimal nearest to d (15-digit
        // decimals survive a round trip through double), so it is the answer unless a shorter
        // one round-trips; the (n-1)-digit neighbours of s are the only candidates to check.
        // (Fixed when it became the oracle: the fast path used to return a one-digit s as is,
        // skipping the two-digit rule, e.g. 1.0E-323 for 2 * Double.MIN_VALUE where JDK 19+ and
        // shortest() give 9.9E-324. Only a few tiny subnormals are affected.)
        if (n > 1 && n <= 15 && !anyRoundTrips(d, old, n - 1)) {
            return s;
        }
        return notation(shortest(d));
    }

    /** The selected decimal (trailing zeros stripped). */
    static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        // Java 8's toString always round-trips; it is usually (not always) shortest.
        BigDecimal old = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int n = old.precision();
        // s lies inside d's rounding interval, so its (n-1)-digit neighbours decide whether
        // any (n-1)-digit decimal rounds to d
        if (n > 1 && anyRoundTrips(d, old, n - 1)) {
            n = n - 1;
            while (n > 1 && anyRoundTrips(d, exact, n - 1)) {
                n--;
            }
        }
        BigDecimal best = closestRoundTripping(d, exact, n);
        if (best == null) {
            best = old; // cannot happen: some n-digit decimal round-trips
        }
        if (n == 1) {
            BigDecimal two = closestRoundTripping(d, exact, 2);
            if (two != null && two.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                best = two;
            }
        }
        return best.stripTrailingZeros();
    }

    /**
     * Does some decimal with {@code digits} significant digits round to d? {@code near} must be d
     * itself or a decimal inside d's rounding interval.
     */
    static boolean anyRoundTrips(double d, BigDecimal near, int digits) {
        return roundTrips(d, near.round(new MathContext(digits, RoundingMode.FLOOR)))
                || roundTrips(d, near.round(new MathContext(digits, RoundingMode.CEILING)));
    }

    /** The {@code digits}-digit decimal closest to d that rounds to d (ties: even), or null. */
    private static BigDecimal closestRoundTripping(double d, BigDecimal exact, int digits) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (roundTrips(d, nearest)) {
            return nearest;
        }
        // the nearest lies outside a narrow half-interval (power of two): try the other neighbour
        BigDecimal floor = exact.round(new MathContext(digits, RoundingMode.FLOOR));
        BigDecimal ceil = exact.round(new MathContext(digits, RoundingMode.CEILING));
        BigDecimal other = nearest.compareTo(floor) == 0 ? ceil : floor;
        return roundTrips(d, other) ? other : null;
    }

    private static boolean roundTrips(double d, BigDecimal candidate) {
        return Double.parseDouble(candidate.toString()) == d;
    }

    static String notation(BigDecimal v) {
        String digits = v.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - v.scale(); // v = d.ddd x 10^exp
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (v.signum() < 0) {
            sb.append('-');
        }
        if (exp >= -3 && exp < 7) {
            if (exp < 0) {
                sb.append("0.");
                for (int i = -1; i > exp; i--) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (digits.length() <= exp + 1) {
                sb.append(digits);
                for (int i = digits.length(); i <= exp; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
            }
        } else {
            sb.append(digits.charAt(0)).append('.');
            if (digits.length() > 1) {
                sb.append(digits, 1, digits.length());
            } else {
                sb.append('0');
            }
            sb.append('E').append(exp);
        }
        return sb.toString();
    }
}
