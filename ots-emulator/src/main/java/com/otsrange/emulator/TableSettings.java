package com.otsrange.emulator;

/** Table options as DescribeTable reports them; ttl -1 = forever. */
record TableSettings(int timeToLive, int maxVersions, long deviationSeconds) {
    static final TableSettings DEFAULT = new TableSettings(-1, 1, 86400);
}
