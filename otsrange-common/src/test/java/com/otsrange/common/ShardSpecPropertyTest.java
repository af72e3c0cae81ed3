package com.otsrange.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardSpecPropertyTest {
    @Property(tries = 1000)
    void everyKeyBelongsToExactlyOneShard(@ForAll String key, @ForAll long number, @ForAll byte[] bin,
                                          @ForAll @IntRange(min = 1, max = 17) int n) {
        int s = 0;
        int l = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            ShardSpec spec = ShardSpec.of(i, n);
            s += spec.ownsString(key) ? 1 : 0;
            l += spec.ownsLong(number) ? 1 : 0;
            b += spec.ownsBinary(bin) ? 1 : 0;
        }
        assertEquals(1, s);
        assertEquals(1, l);
        assertEquals(1, b);
    }

    /** Ownership follows DESIGN.md "Sharding" for every key type, whatever the number of shards. */
    @Property(tries = 300)
    void assignmentFollowsTheDocumentedHash(@ForAll String key, @ForAll long number, @ForAll byte[] bin,
                                            @ForAll @IntRange(min = 2, max = 9) int n) throws Exception {
        byte[] bigEndian = new byte[8];
        for (int b = 0; b < 8; b++) {
            bigEndian[b] = (byte) (number >>> (56 - 8 * b));
        }
        for (int i = 0; i < n; i++) {
            ShardSpec spec = ShardSpec.parse(i + "/" + n);
            assertEquals(i == documentedShard('S', key.getBytes(StandardCharsets.UTF_8), n), spec.ownsString(key), "string key");
            assertEquals(i == documentedShard('I', bigEndian, n), spec.ownsLong(number), "integer key");
            assertEquals(i == documentedShard('B', bin, n), spec.ownsBinary(bin), "binary key");
        }
    }

    @Test
    void knownAssignmentsNeverChange() throws Exception {
        // pinned values: a change here would re-shard every existing deployment
        int[] owners = new int[4];
        int[] documented = new int[4];
        for (int i = 0; i < 4; i++) {
            owners[i] = ownerOf("dev-" + i, 4);
            documented[i] = documentedShard('S', ("dev-" + i).getBytes(StandardCharsets.UTF_8), 4);
        }
        assertEquals("[1, 3, 2, 3]", java.util.Arrays.toString(owners));
        assertEquals("[1, 3, 2, 3]", java.util.Arrays.toString(documented));
    }

    /**
     * DESIGN.md "Sharding", written independently of ShardSpec: floorMod(the first 8 bytes of
     * sha256(type tag + key bytes) as a big-endian signed long, n).
     */
    private static int documentedShard(char typeTag, byte[] key, int n) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update((byte) typeTag);
        byte[] digest = md.digest(key);
        long first8 = 0;
        for (int b = 0; b < 8; b++) {
            first8 = first8 << 8 | (digest[b] & 0xff);
        }
        return (int) Math.floorMod(first8, (long) n);
    }

    private static int ownerOf(String key, int n) {
        for (int i = 0; i < n; i++) {
            if (ShardSpec.of(i, n).ownsString(key)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void parsing() {
        assertEquals("shard-2-of-4", ShardSpec.parse("2/4").tag());
        assertEquals("all", ShardSpec.parse(null).tag());
        assertEquals("all", ShardSpec.parse("0/1").tag());
        assertEquals("2/4", ShardSpec.parse(" 2 / 4 ").toString());
        for (String bad : new String[] {"4/4", "-1/4", "1/0", "a/b", "1", "1/2/3", "/2", "2/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void absentOrExplicitAllMeansAllButBlankIsAnError() {
        assertEquals(ShardSpec.ALL, ShardSpec.parse(null));
        assertEquals(ShardSpec.ALL, ShardSpec.parse("all"));
        assertEquals(ShardSpec.ALL, ShardSpec.parse(" ALL "));
        assertEquals(ShardSpec.ALL, ShardSpec.parse("0/1"));
        // an empty -Dshard= must not turn every host of a sharded export into a full export
        for (String blank : new String[] {"", " ", "\t", " \n "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse(blank));
            assertTrue(e.getMessage().contains("blank"), e.getMessage());
            assertTrue(e.getMessage().contains("omit shard"), e.getMessage());
            assertTrue(e.getMessage().contains("0 <= i < n") && e.getMessage().contains("0/4"), e.getMessage());
        }
    }
}
