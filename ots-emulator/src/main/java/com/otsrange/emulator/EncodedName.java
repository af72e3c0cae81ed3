package com.otsrange.emulator;

/**
 * A column name as every response cell starts: {@code TAG_CELL, TAG_CELL_NAME, int32 length, name,
 * TAG_CELL_VALUE}, and the CRC-8 of the name, both computed once per column instead of per cell.
 */
final class EncodedName {
    final byte[] head;
    final byte crc;

    EncodedName(byte[] name) {
        byte[] h = new byte[1 + 1 + 4 + name.length + 1];
        h[0] = PlainBufferFormat.TAG_CELL;
        h[1] = PlainBufferFormat.TAG_CELL_NAME;
        for (int s = 0; s < 4; s++) h[2 + s] = (byte) (name.length >>> (8 * s));
        System.arraycopy(name, 0, h, 6, name.length);
        h[h.length - 1] = PlainBufferFormat.TAG_CELL_VALUE;
        this.head = h;
        this.crc = Crc8.update((byte) 0, name, 0, name.length);
    }
}
