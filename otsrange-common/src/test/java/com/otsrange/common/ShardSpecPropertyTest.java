package com.otsrange.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

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

    @Property(tries = 300)
    void assignmentIsStable(@ForAll String key, @ForAll @IntRange(min = 2, max = 9) int n) {
        int owner = -1;
        for (int i = 0; i < n; i++) {
            if (ShardSpec.parse(i + "/" + n).owns(ShardSpec.TYPE_STRING, key.getBytes(StandardCharsets.UTF_8))) {
                owner = i;
            }
        }
        assertEquals(owner, (int) Math.floorMod(ShardSpec.hash((byte) 'S', key.getBytes(StandardCharsets.UTF_8)), (long) n));
    }

    @Test
    void knownAssignmentsNeverChange() {
        // pinned values: a change here would re-shard every existing deployment
        int[] owners = new int[4];
        for (int i = 0; i < 4; i++) {
            owners[i] = ownerOf("dev-" + i, 4);
        }
        assertEquals("[1, 3, 2, 3]", java.util.Arrays.toString(owners));
        long h = ShardSpec.hash((byte) 'S', "dev-1".getBytes(StandardCharsets.UTF_8));
        String hex = Sha256.ofBytes(concat((byte) 'S', "dev-1".getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        assertEquals(Long.parseUnsignedLong(hex, 16), h);
        assertEquals(0L, ShardSpec.hash((byte) 'I', new byte[8]) - Long.parseUnsignedLong(
                Sha256.ofBytes(concat((byte) 'I', new byte[8])).substring(0, 16), 16));
    }

    private static int ownerOf(String key, int n) {
        for (int i = 0; i < n; i++) {
            if (ShardSpec.of(i, n).ownsString(key)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte tag, byte[] b) {
        byte[] out = new byte[b.length + 1];
        out[0] = tag;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
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
