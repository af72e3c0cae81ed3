package com.otsrange.emulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * A position in a shard as the opaque string clients hold: stream id, shard id and record
 * position with a checksum, URL-safe Base64. It names a position, not a moment, so it stays valid
 * for as long as the records it points at are kept: otsstreamreader stores iterators in its
 * status table and resumes from them in the next run.
 */
record ShardIterator(String streamId, String shardId, long position) {
    private static final int VERSION = 1;

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(streamId);
            out.writeUTF(shardId);
            out.writeLong(position);
            out.writeInt((int) crc(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The iterator a string stands for; anything this emulator did not issue is OTSParameterInvalid. */
    static ShardIterator decode(String text) {
        try {
            byte[] b = Base64.getUrlDecoder().decode(text);
            if (b.length < 5) throw OtsError.badIterator();
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
            if (in.readUnsignedByte() != VERSION) throw OtsError.badIterator();
            ShardIterator it = new ShardIterator(in.readUTF(), in.readUTF(), in.readLong());
            int sum = in.readInt();
            if (in.available() != 0 || sum != (int) crc(Arrays.copyOf(b, b.length - 4)) || it.position < 0) {
                throw OtsError.badIterator();
            }
            return it;
        } catch (IllegalArgumentException | IOException e) {
            throw OtsError.badIterator();
        }
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }
}
