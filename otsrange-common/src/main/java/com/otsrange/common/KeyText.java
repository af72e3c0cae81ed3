package com.otsrange.common;

import java.util.Base64;

/** The text form of a partition key value, as used in unit ids and file names. */
public final class KeyText {
    private KeyText() {
    }

    public static String ofLong(long v) {
        return Long.toString(v);
    }

    public static String ofString(String s) {
        return s;
    }

    /** Standard Base64 with padding (its '+', '/', '=' are then %-encoded in file names). */
    public static String ofBinary(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
