package com.otsrange.common;

import java.math.BigInteger;

/**
 * The shortest decimal that parses back to the same double, in the notation of JDK 19+
 * {@code Double.toString}, computed with the Schubfach method (R. Giulietti, "The Schubfach way to
 * render doubles", 2020) in fixed-width integer arithmetic: no BigDecimal, no parsing back, no
 * allocation in {@link #appendTo}.
 *
 * <p>Selection: among the shortest decimals inside the double's rounding interval the one closest
 * to it (ties: even last digit); when one digit suffices, two-digit decimals compete too. Plain
 * notation for 1e-3 <= |d| < 1e7 ({@code 123.45}, {@code 100.0}), otherwise {@code 1.2345E-5};
 * {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code 0.0}, {@code -0.0}. Java 8's own
 * {@code Double.toString} sometimes gives a longer string, which is why this exists.
 *
 * <p>How it works. A finite positive double is v = c * 2^q. Its rounding interval (what parses back
 * to v) is [v - 2^(q-1), v + 2^(q-1)] (lower half-width 2^(q-2) when c is the smallest normal
 * significand and q > Q_MIN), closed when c is even (ties-to-even parsing), open when odd. With
 * k = floor(log10(interval width)), the interval holds one or two multiples of 10^k and at most one
 * multiple of 10^(k+1): so the answer is that one multiple of 10^(k+1) if it exists, else the one
 * (or the closer of the two) multiples of 10^k. Scaling v and both bounds by 10^-k needs 10^-k to
 * about 126 bits: {@code G} holds g = floor(10^e * 2^-r) + 1 with 2^125 <= g < 2^126, and
 * {@link #scaled} returns floor(g * x / 2^127) with its lowest bit forced to 1 when inexact, which
 * the paper shows is enough to compare against the (integer) candidates exactly.
 */
public final class ShortestDouble {
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    /** Subnormal significands below this give fewer than 2 digits at scale 10^k: scale 10x further. */
    private static final int C_TINY = 3;
    private static final long MASK_63 = (1L << 63) - 1;
    static final int E_MIN = -292;
    static final int E_MAX = 324;
    private static final long[] G = gTable();
    private static final long[] POW10 = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private ShortestDouble() {
    }

    /** The text of {@code v} (see the class comment). */
    public static String format(double v) {
        return appendTo(new StringBuilder(24), v).toString();
    }

    /** Appends the text of {@code v}; allocates nothing beyond growing {@code sb}. */
    public static StringBuilder appendTo(StringBuilder sb, double v) {
        long bits = Double.doubleToRawLongBits(v);
        int be = (int) (bits >>> 52) & 0x7FF;
        long t = bits & (C_MIN - 1);
        if (be == 0x7FF) {
            return sb.append(t != 0 ? "NaN" : bits < 0 ? "-Infinity" : "Infinity");
        }
        if (bits < 0) {
            sb.append('-');
        }
        if (be == 0) {
            if (t == 0) {
                return sb.append("0.0");
            }
            if (t < C_TINY) {
                return toDecimal(sb, Q_MIN, 10 * t, -1);
            }
            return toDecimal(sb, Q_MIN, t, 0);
        }
        return toDecimal(sb, be - 1075, t | C_MIN, 0);
    }

    /** v = c * 2^q (c scaled by 10^-dk for tiny subnormals). */
    private static StringBuilder toDecimal(StringBuilder sb, int q, long c, int dk) {
        long out = c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int i = (-k - E_MIN) << 1;
        long g1 = G[i];
        long g0 = G[i + 1];
        long vb = scaled(g1, g0, cb << h);
        long vbl = scaled(g1, g0, cbl << h);
        long vbr = scaled(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            // one digit shorter: at most one multiple of 10 lies inside
            long sp10 = s / 10 * 10;
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return emit(sb, upin ? sp10 : tp10, k);
            }
        }
        // s < 100 lands here too: then the one- and two-digit decimals compete on closeness
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return emit(sb, uin ? s : t, k + dk);
        }
        long cmp = vb - ((s + t) << 1);
        return emit(sb, cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk);
    }

    /** floor(g * x / 2^127), lowest bit set when not exact; g = g1 * 2^63 + g0, 0 <= x < 2^63. */
    static long scaled(long g1, long g0, long x) {
        long x1 = multiplyHigh(g0, x);
        long y0 = g1 * x;
        long y1 = multiplyHigh(g1, x);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /** High 64 bits of the 128-bit product of two non-negative longs (Math.multiplyHigh is Java 9+). */
    static long multiplyHigh(long x, long y) {
        long x1 = x >>> 32;
        long x0 = x & 0xFFFFFFFFL;
        long y1 = y >>> 32;
        long y0 = y & 0xFFFFFFFFL;
        long p01 = x0 * y1;
        long middle = x1 * y0 + ((x0 * y0) >>> 32) + (p01 & 0xFFFFFFFFL);
        return x1 * y1 + (middle >>> 32) + (p01 >>> 32);
    }

    /** floor(q * log10(2)), exact for |q| <= 5000 (checked in tests over the range used). */
    static int flog10pow2(int q) {
        return (int) ((q * 661_971_961_083L) >> 41);
    }

    /** floor(log10(3/4 * 2^q)). */
    static int flog10threeQuartersPow2(int q) {
        return (int) ((q * 661_971_961_083L - 274_743_187_321L) >> 41);
    }

    /** floor(e * log2(10)). */
    static int flog2pow10(int e) {
        return (int) ((e * 913_124_641_741L) >> 38);
    }

    /** Writes f * 10^e (f > 0) in JDK 19+ notation. */
    private static StringBuilder emit(StringBuilder sb, long f, int e) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int n = 1;
        while (n < POW10.length && f >= POW10[n]) {
            n++;
        }
        int exp = e + n - 1; // f * 10^e = d.ddd * 10^exp
        int start = sb.length();
        if (exp >= -3 && exp < 7) {
            if (exp < 0) {
                int zeros = -exp - 1;
                sb.setLength(start + 2 + zeros + n);
                sb.setCharAt(start, '0');
                sb.setCharAt(start + 1, '.');
                for (int j = 0; j < zeros; j++) {
                    sb.setCharAt(start + 2 + j, '0');
                }
                digits(sb, start + 2 + zeros, f, n, n);
            } else if (n <= exp + 1) {
                sb.setLength(start + exp + 3);
                digits(sb, start, f, n, n);
                for (int j = n; j <= exp; j++) {
                    sb.setCharAt(start + j, '0');
                }
                sb.setCharAt(start + exp + 1, '.');
                sb.setCharAt(start + exp + 2, '0');
            } else {
                sb.setLength(start + n + 1);
                digits(sb, start, f, n, exp + 1);
                sb.setCharAt(start + exp + 1, '.');
            }
            return sb;
        }
        if (n == 1) {
            sb.setLength(start + 3);
            sb.setCharAt(start, (char) ('0' + f));
            sb.setCharAt(start + 1, '.');
            sb.setCharAt(start + 2, '0');
        } else {
            sb.setLength(start + n + 1);
            digits(sb, start, f, n, 1);
            sb.setCharAt(start + 1, '.');
        }
        return sb.append('E').append(exp);
    }

    /** The n digits of f from {@code base}, leaving one char free after the first {@code dotAfter}. */
    private static void digits(StringBuilder sb, int base, long f, int n, int dotAfter) {
        for (int i = n - 1; i >= 0; i--) {
            long q = f / 10;
            sb.setCharAt(base + i + (i >= dotAfter ? 1 : 0), (char) ('0' + (int) (f - q * 10)));
            f = q;
        }
    }

    /** g1, g0 for e = E_MIN..E_MAX: g = floor(10^e * 2^-r) + 1, r = floor(e log2 10) - 125. */
    private static long[] gTable() {
        long[] t = new long[(E_MAX - E_MIN + 1) * 2];
        BigInteger mask = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int e = E_MIN; e <= E_MAX; e++) {
            int shift = 125 - flog2pow10(e); // = -r
            BigInteger x;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                x = shift >= 0 ? p.shiftLeft(shift) : p.shiftRight(-shift);
            } else {
                x = BigInteger.ONE.shiftLeft(shift).divide(BigInteger.TEN.pow(-e));
            }
            BigInteger g = x.add(BigInteger.ONE);
            int i = (e - E_MIN) << 1;
            t[i] = g.shiftRight(63).longValueExact();
            t[i + 1] = g.and(mask).longValue();
        }
        return t;
    }

    /** For tests: the table entry pair for e. */
    static long[] g(int e) {
        int i = (e - E_MIN) << 1;
        return new long[] {G[i], G[i + 1]};
    }
}
