package com.otsrange.emulator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Order-preserving byte encoding of primary keys, so stored keys sort with
 * {@code Arrays.compareUnsigned} exactly as the server orders rows: INTEGER signed (8 bytes
 * big-endian, sign bit flipped), STRING and BINARY by unsigned bytes (0x00 escaped as 0x00 0xFF,
 * terminated by 0x00 0x01, so a shorter value sorts first and every column is prefix-free).
 */
final class KeyCodec {
    private KeyCodec() {
    }

    static byte[] encode(PkSchema schema, List<PkValue> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        for (int i = 0; i < values.size(); i++) appendColumn(out, schema.type(i), values.get(i));
        return out.toByteArray();
    }

    static void appendColumn(ByteArrayOutputStream out, PkType type, PkValue v) {
        if (type == PkType.INTEGER) {
            long x = v.longValue() ^ Long.MIN_VALUE;
            for (int s = 56; s >= 0; s -= 8) out.write((int) (x >>> s));
        } else {
            for (byte b : v.bytes()) {
                out.write(b);
                if (b == 0) out.write(0xFF);
            }
            out.write(0);
            out.write(1);
        }
    }

    /** Decodes a stored key back into values. */
    static List<PkValue> decode(PkSchema schema, byte[] key) {
        List<PkValue> values = new ArrayList<>(schema.size());
        int[] pos = {0};
        for (int i = 0; i < schema.size(); i++) values.add(decodeColumn(schema.type(i), key, pos));
        return values;
    }

    static PkValue decodeColumn(PkType type, byte[] key, int[] pos) {
        int p = pos[0];
        if (type == PkType.INTEGER) {
            long x = 0;
            for (int k = 0; k < 8; k++) x = (x << 8) | (key[p + k] & 0xFF);
            pos[0] = p + 8;
            return PkValue.ofLong(x ^ Long.MIN_VALUE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        while (true) {
            byte b = key[p++];
            if (b == 0) {
                byte next = key[p++];
                if (next == 1) break;
                out.write(0);
            } else {
                out.write(b);
            }
        }
        pos[0] = p;
        byte[] bytes = out.toByteArray();
        return type == PkType.STRING ? PkValue.ofString(bytes) : PkValue.ofBinary(bytes);
    }

    /** Encoded length of the first {@code columns} columns of a stored key. */
    static int prefixLength(PkSchema schema, byte[] key, int columns) {
        int p = 0;
        for (int i = 0; i < columns; i++) {
            if (schema.type(i) == PkType.INTEGER) {
                p += 8;
            } else {
                while (true) {
                    byte b = key[p++];
                    if (b == 0) {
                        if (key[p++] == 1) break;
                    }
                }
            }
        }
        return p;
    }

    /** Smallest byte string greater than every string starting with {@code prefix}; null if none. */
    static byte[] successor(byte[] prefix) {
        int n = prefix.length;
        while (n > 0 && prefix[n - 1] == (byte) 0xFF) n--;
        if (n == 0) return null;
        byte[] s = Arrays.copyOf(prefix, n);
        s[n - 1]++;
        return s;
    }
}
