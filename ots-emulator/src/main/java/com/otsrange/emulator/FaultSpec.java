package com.otsrange.emulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which failures to inject, parsed from {@code busy=0.1,timeout=0.05,throttle=0.05,reset=0.02,
 * slow=0.05,slowMs=2000,seed=7,actions=GetRange+DescribeTable,max=100}. Probabilities are per
 * request; busy/timeout/throttle/reset are exclusive (one draw), slow is drawn on its own and
 * delays the request before it is handled. Immutable.
 */
public final class FaultSpec {
    private static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, 0, 2000, 0L, Collections.emptySet(), Long.MAX_VALUE);

    final double busy;
    final double timeout;
    final double throttle;
    final double reset;
    final double slow;
    final long slowMs;
    final long seed;
    final Set<String> actions; // empty = every action
    final long max;

    private FaultSpec(double busy, double timeout, double throttle, double reset, double slow, long slowMs, long seed,
                      Set<String> actions, long max) {
        this.busy = busy;
        this.timeout = timeout;
        this.throttle = throttle;
        this.reset = reset;
        this.slow = slow;
        this.slowMs = slowMs;
        this.seed = seed;
        this.actions = actions;
        this.max = max;
    }

    public static FaultSpec none() { return NONE; }

    /** Parses a spec; an empty or null text means no faults. Throws IllegalArgumentException on errors. */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.trim().isEmpty() || spec.trim().equalsIgnoreCase("none")) return NONE;
        double busy = 0;
        double timeout = 0;
        double throttle = 0;
        double reset = 0;
        double slow = 0;
        long slowMs = 2000;
        long seed = 0;
        long max = Long.MAX_VALUE;
        Set<String> actions = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("faults: expected key=value, got '" + p + "'");
            String key = p.substring(0, eq).trim();
            String value = p.substring(eq + 1).trim();
            switch (key.toLowerCase(Locale.ROOT)) {
                case "busy":
                    busy = probability(key, value);
                    break;
                case "timeout":
                    timeout = probability(key, value);
                    break;
                case "throttle":
                    throttle = probability(key, value);
                    break;
                case "reset":
                    reset = probability(key, value);
                    break;
                case "slow":
                    slow = probability(key, value);
                    break;
                case "slowms":
                    slowMs = nonNegative(key, value);
                    break;
                case "seed":
                    seed = number(key, value);
                    break;
                case "max":
                    max = nonNegative(key, value);
                    break;
                case "actions":
                    for (String a : value.split("[+|;]")) {
                        if (!a.trim().isEmpty()) actions.add(a.trim());
                    }
                    break;
                default:
                    throw new IllegalArgumentException("faults: unknown key '" + key
                        + "' (valid: busy, timeout, throttle, reset, slow, slowMs, seed, actions, max)");
            }
        }
        if (busy + timeout + throttle + reset > 1.0 + 1e-9) {
            throw new IllegalArgumentException("faults: busy+timeout+throttle+reset must not exceed 1, got "
                + (busy + timeout + throttle + reset));
        }
        return new FaultSpec(busy, timeout, throttle, reset, slow, slowMs, seed, Collections.unmodifiableSet(actions), max);
    }

    private static double probability(String key, String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("faults: " + key + " must be a probability between 0 and 1, got '" + value + "'");
        }
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("faults: " + key + " must be a probability between 0 and 1, got '" + value + "'");
        }
        return d;
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("faults: " + key + " must be an integer, got '" + value + "'");
        }
    }

    private static long nonNegative(String key, String value) {
        long v = number(key, value);
        if (v < 0) throw new IllegalArgumentException("faults: " + key + " must be >= 0, got '" + value + "'");
        return v;
    }

    boolean isNone() { return busy + timeout + throttle + reset + slow == 0; }

    boolean appliesTo(String action) { return actions.isEmpty() || actions.contains(action); }

    @Override
    public String toString() {
        return "busy=" + busy + ",timeout=" + timeout + ",throttle=" + throttle + ",reset=" + reset + ",slow=" + slow
            + ",slowMs=" + slowMs + ",seed=" + seed + (actions.isEmpty() ? "" : ",actions=" + String.join("+", actions))
            + (max == Long.MAX_VALUE ? "" : ",max=" + max);
    }
}
