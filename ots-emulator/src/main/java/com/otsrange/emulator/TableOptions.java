package com.otsrange.emulator;

/** Table options as DescribeTable reports them; ttl -1 = forever. */
record TableOptions(int timeToLive, int maxVersions, long deviationSeconds) {
    static final TableOptions DEFAULT = new TableOptions(-1, 1, 86400);
}
