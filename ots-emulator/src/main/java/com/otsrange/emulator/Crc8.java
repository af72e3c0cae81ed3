package com.otsrange.emulator;

/** PlainBuffer's CRC-8 (polynomial 0x07, init 0); multi-byte numbers go in little-endian order. */
final class Crc8 {
    private static final byte[] TABLE = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) c = (c & 0x80) != 0 ? ((c << 1) ^ 0x07) : (c << 1);
            TABLE[i] = (byte) c;
        }
    }

    private Crc8() {
    }

    static byte update(byte crc, byte b) { return TABLE[(crc ^ b) & 0xFF]; }

    static byte update(byte crc, byte[] b, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) c = TABLE[(c ^ b[i]) & 0xFF];
        return (byte) c;
    }

    static byte updateInt(byte crc, int v) {
        for (int s = 0; s < 32; s += 8) crc = update(crc, (byte) (v >>> s));
        return crc;
    }

    static byte updateLong(byte crc, long v) {
        for (int s = 0; s < 64; s += 8) crc = update(crc, (byte) (v >>> s));
        return crc;
    }
}
