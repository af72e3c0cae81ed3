package com.otsrange.emulator;

import java.util.Arrays;

/** A growable little-endian byte buffer for building PlainBuffer responses. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) { buf = new byte[Math.max(16, capacity)]; }

    int size() { return size; }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }

    void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void writeInt(int v) {
        ensure(4);
        for (int s = 0; s < 32; s += 8) buf[size++] = (byte) (v >>> s);
    }

    void writeLong(long v) {
        ensure(8);
        for (int s = 0; s < 64; s += 8) buf[size++] = (byte) (v >>> s);
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void write(byte[] b) { write(b, 0, b.length); }

    void writeShort(int v) {
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
    }

    /** Overwrites 4 bytes already written at {@code at}. */
    void putInt(int at, int v) {
        for (int s = 0; s < 32; s += 8) buf[at++] = (byte) (v >>> s);
    }

    /** CRC-8 of everything written so far. */
    byte crc8() { return Crc8.update((byte) 0, buf, 0, size); }

    void truncate(int newSize) { size = newSize; }

    byte[] toByteArray() { return Arrays.copyOf(buf, size); }

    /** The content without a copy; the sink must not be written to afterwards. */
    com.aliyun.ots.thirdparty.com.google.protobuf.ByteString wrap() {
        return com.aliyun.ots.thirdparty.com.google.protobuf.UnsafeByteOperations.unsafeWrap(buf, 0, size);
    }
}
