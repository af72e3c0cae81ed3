package com.otsrange.emulator;

/** How streams are made: the stream clock, and how many shards a newly enabled stream starts with. */
record StreamSetup(StreamClock clock, int shardsPerStream) {
    static final int MAX_SHARDS = 64;

    StreamSetup {
        if (shardsPerStream < 1 || shardsPerStream > MAX_SHARDS) {
            throw new IllegalArgumentException("shards per stream must be 1.." + MAX_SHARDS + ", got " + shardsPerStream);
        }
    }

    static StreamSetup defaults() { return new StreamSetup(new StreamClock(StreamClock.REAL_HOUR_MS, 0), 1); }

    /** Trims a stream to its retention as of now. */
    void trim(TableStream s) { s.trim(clock.nowMicros(), clock.retentionMicros(s.expirationHours())); }
}
