package com.otsrange.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The product's documented rules, written again from the documents without its code: what tests
 * compute expected file names and shard owners with.
 */
public final class Rules {
    private Rules() {
    }

    /**
     * File-name encoding of a key as CONTRACT.md section 5 states it plus our documented extension
     * (a leading '.' is %2E, the empty key is %EMPTY); keys short enough not to be cut with a hash.
     */
    public static String encodeKey(String key) {
        if (key.isEmpty()) {
            return "%EMPTY";
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean leadingDot = sb.length() == 0 && c == '.';
            if (!leadingDot && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** DESIGN.md "Sharding": the shard of a STRING key, floorMod(first 8 bytes of sha256('S' + UTF-8 bytes), n). */
    public static int shardOf(String key, int n) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((byte) 'S');
        md.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) Math.floorMod(ByteBuffer.wrap(md.digest()).getLong(), (long) n);
    }
}
