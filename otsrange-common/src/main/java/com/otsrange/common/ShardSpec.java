package com.otsrange.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which share of the partition keys this process exports: {@code "i/n"} (0 <= i < n) or all.
 * A key belongs to shard {@code floorMod(first 8 bytes big-endian of sha256(typeTag || keyBytes), n)},
 * which is stable across runs, hosts and JVMs.
 */
public final class ShardSpec {
    public static final byte TYPE_INTEGER = 'I';
    public static final byte TYPE_STRING = 'S';
    public static final byte TYPE_BINARY = 'B';

    public static final ShardSpec ALL = new ShardSpec(0, 1);

    private final int index;
    private final int count;

    private ShardSpec(int index, int count) {
        this.index = index;
        this.count = count;
    }

    /**
     * Parses {@code "i/n"}; null (no shard given) or {@code "all"} mean every key. {@code "0/1"} is the
     * same as all (same output, same state dir). A blank text is refused: it is what an empty
     * {@code -Dshard=} produces, and taking it as "all" would make every host of a sharded export
     * silently export every key.
     */
    public static ShardSpec parse(String s) {
        if (s == null) {
            return ALL;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("invalid shard '" + s + "': blank (an empty -Dshard= ?); omit shard to export "
                    + "every key, or give i/n with 0 <= i < n such as \"0/4\"");
        }
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        int slash = t.indexOf('/');
        if (slash <= 0 || slash != t.lastIndexOf('/') || slash == t.length() - 1) {
            throw new IllegalArgumentException("invalid shard '" + s + "': expected \"i/n\" with 0 <= i < n, e.g. \"0/4\"");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(t.substring(0, slash).trim());
            n = Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid shard '" + s + "': i and n must be integers with 0 <= i < n, e.g. \"0/4\"");
        }
        if (n < 1) {
            throw new IllegalArgumentException("invalid shard '" + s
                    + "': n (the number of shards) must be at least 1; expected \"i/n\" with 0 <= i < n, e.g. \"0/4\"");
        }
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("invalid shard '" + s + "': i must satisfy 0 <= i < n, here 0.." + (n - 1)
                    + ", e.g. \"0/" + n + "\"");
        }
        return n == 1 ? ALL : new ShardSpec(i, n);
    }

    public static ShardSpec of(int index, int count) {
        return parse(index + "/" + count);
    }

    public int index() {
        return index;
    }

    public int count() {
        return count;
    }

    public boolean isAll() {
        return count == 1;
    }

    /** {@code all} or {@code shard-<i>-of-<n>}; used in the state dir name. */
    public String tag() {
        return isAll() ? "all" : "shard-" + index + "-of-" + count;
    }

    public boolean owns(byte typeTag, byte[] keyBytes) {
        if (isAll()) {
            return true;
        }
        return Math.floorMod(hash(typeTag, keyBytes), (long) count) == index;
    }

    public boolean ownsLong(long key) {
        return owns(TYPE_INTEGER, ByteBuffer.allocate(8).putLong(key).array());
    }

    public boolean ownsString(String key) {
        return owns(TYPE_STRING, key.getBytes(StandardCharsets.UTF_8));
    }

    public boolean ownsBinary(byte[] key) {
        return owns(TYPE_BINARY, key);
    }

    static long hash(byte typeTag, byte[] keyBytes) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(typeTag);
        md.update(keyBytes);
        return ByteBuffer.wrap(md.digest()).getLong();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardSpec && ((ShardSpec) o).index == index && ((ShardSpec) o).count == count;
    }

    @Override
    public int hashCode() {
        return index * 31 + count;
    }

    /** The spec as the user writes it: {@code all} or {@code i/n}. */
    @Override
    public String toString() {
        return isAll() ? "all" : index + "/" + count;
    }
}
