package com.otsrange.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The tests' own model of the shard rule the README documents (not the emulator's code): a
 * partition key's hash is the CRC-32 of its value (a string's UTF-8 bytes, an integer's 8 bytes
 * big-endian); n shards split [0, 2^32) into equal ranges; a split halves a range; a shard's id is
 * its range as {@code %08x-%08x}.
 */
final class ShardLayout {
    private final List<long[]> open = new ArrayList<>();

    ShardLayout(int shards) {
        long space = 1L << 32;
        for (int i = 0; i < shards; i++) open.add(new long[] {i * space / shards, (i + 1) * space / shards - 1});
    }

    static long hash(String partitionKey) {
        CRC32 crc = new CRC32();
        crc.update(partitionKey.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    static long hash(long partitionKey) {
        CRC32 crc = new CRC32();
        crc.update(java.nio.ByteBuffer.allocate(8).putLong(partitionKey).array());
        return crc.getValue();
    }

    String shardOf(long hash) {
        for (long[] r : open) {
            if (hash >= r[0] && hash <= r[1]) return id(r);
        }
        throw new AssertionError("no range holds " + hash);
    }

    /** Initial and split-off shards still open, in the model's order. */
    List<String> openIds() {
        List<String> ids = new ArrayList<>();
        for (long[] r : open) ids.add(id(r));
        return ids;
    }

    /** Halves the open range with this id; returns the lower and the upper half's ids. */
    List<String> split(String shardId) {
        for (int i = 0; i < open.size(); i++) {
            long[] r = open.get(i);
            if (id(r).equals(shardId)) {
                long mid = r[0] + (r[1] - r[0] + 1) / 2;
                long[] lower = {r[0], mid - 1};
                long[] upper = {mid, r[1]};
                open.set(i, lower);
                open.add(i + 1, upper);
                return List.of(id(lower), id(upper));
            }
        }
        throw new AssertionError("no open shard " + shardId);
    }

    private static String id(long[] r) { return String.format("%08x-%08x", r[0], r[1]); }
}
