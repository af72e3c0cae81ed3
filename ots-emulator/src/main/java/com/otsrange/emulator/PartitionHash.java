package com.otsrange.emulator;

import java.util.zip.CRC32;

/**
 * Which shard a row's records go to: the CRC-32 of its partition key value (STRING as UTF-8,
 * BINARY as its bytes, INTEGER as 8 bytes big-endian), a number in [0, 2^32). The service maps
 * partition-key ranges to partitions; a hash spreads any key set over the emulator's shards
 * without knowing the keys in advance, and stays simple enough for tests to compute.
 */
final class PartitionHash {
    static final long SPACE = 1L << 32;

    private PartitionHash() {
    }

    /** The hash of a stored key's partition key (its first column). */
    static long of(PkSchema schema, byte[] key) {
        PkValue v = KeyCodec.decodeColumn(schema.type(0), key, new int[] {0});
        CRC32 crc = new CRC32();
        if (v.type() == PkType.INTEGER) {
            long x = v.longValue();
            for (int s = 56; s >= 0; s -= 8) crc.update((int) (x >>> s));
        } else {
            crc.update(v.bytes());
        }
        return crc.getValue();
    }
}
