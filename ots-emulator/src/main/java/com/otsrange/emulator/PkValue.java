package com.otsrange.emulator;

/**
 * One decoded primary key cell value: an integer, string/binary bytes, or the INF_MIN/INF_MAX
 * markers allowed only in range bounds.
 */
record PkValue(PkType type, long longValue, byte[] bytes, int inf) {
    static final int NOT_INF = 0;
    static final int INF_MIN = -1;
    static final int INF_MAX = 1;

    static PkValue ofLong(long v) { return new PkValue(PkType.INTEGER, v, null, NOT_INF); }
    static PkValue ofString(byte[] utf8) { return new PkValue(PkType.STRING, 0, utf8, NOT_INF); }
    static PkValue ofBinary(byte[] b) { return new PkValue(PkType.BINARY, 0, b, NOT_INF); }
    static PkValue infMin() { return new PkValue(null, 0, null, INF_MIN); }
    static PkValue infMax() { return new PkValue(null, 0, null, INF_MAX); }

    boolean isInf() { return inf != NOT_INF; }
}
