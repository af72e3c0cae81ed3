package com.otsrange.emulator;

import java.util.Random;

/** Draws, per request, which fault (if any) to inject; seeded so a sequence of requests repeats. */
final class FaultInjector {
    enum Kind { NONE, BUSY, TIMEOUT, THROTTLE, RESET }

    record Decision(Kind kind, long delayMs) {
    }

    private static final Decision CLEAN = new Decision(Kind.NONE, 0);

    private volatile FaultSpec spec;
    private Random random;
    private long injected;

    FaultInjector(FaultSpec spec) { set(spec); }

    synchronized void set(FaultSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed);
        this.injected = 0;
    }

    FaultSpec spec() { return spec; }

    synchronized Decision decide(String action) {
        FaultSpec s = spec;
        if (s.isNone() || !s.appliesTo(action) || injected >= s.max) return CLEAN;
        double r = random.nextDouble();
        double slowDraw = random.nextDouble();
        Kind kind = Kind.NONE;
        if (r < s.busy) {
            kind = Kind.BUSY;
        } else if (r < s.busy + s.timeout) {
            kind = Kind.TIMEOUT;
        } else if (r < s.busy + s.timeout + s.throttle) {
            kind = Kind.THROTTLE;
        } else if (r < s.busy + s.timeout + s.throttle + s.reset) {
            kind = Kind.RESET;
        }
        long delay = slowDraw < s.slow ? s.slowMs : 0;
        if (kind != Kind.NONE) injected++;
        if (delay > 0) injected++;
        return kind == Kind.NONE && delay == 0 ? CLEAN : new Decision(kind, delay);
    }
}
