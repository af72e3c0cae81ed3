import com.otsrange.common.ShortestDouble;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Micro-benchmark: ns per double of {@code ShortestDouble.appendTo} (how both plugins print doubles)
 * and of the JDK's {@code StringBuilder.append(double)} ({@code Double.toString}, which on JDK 8-18
 * is not always the shortest text), on random bit patterns and on 2-decimal sensor readings; three
 * rounds, the first is warm-up. Run by {@code bench/run.sh --only micro}.
 *
 * Usage: ShortestDoubleBench [CALLS_PER_ROUND] (default 3,000,000)
 */
public final class ShortestDoubleBench {
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
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
            System.out.printf(Locale.ROOT, "round %d: random bits  jdk %6.1f ns  shortest %6.1f ns%n", round,
                    nanosPerDouble(full, calls, false), nanosPerDouble(full, calls, true));
            System.out.printf(Locale.ROOT, "round %d: 2-decimals   jdk %6.1f ns  shortest %6.1f ns%n", round,
                    nanosPerDouble(sensor, calls, false), nanosPerDouble(sensor, calls, true));
        }
    }

    private static double nanosPerDouble(double[] v, int n, boolean shortest) {
        StringBuilder sb = new StringBuilder(32);
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            double d = v[i & (v.length - 1)];
            sink += (shortest ? ShortestDouble.appendTo(sb, d) : sb.append(d)).length();
        }
        long t = System.nanoTime() - t0;
        if (sink == 42) {
            System.out.println();
        }
        return (double) t / n;
    }
}
