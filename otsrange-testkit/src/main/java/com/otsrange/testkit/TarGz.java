package com.otsrange.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Minimal ustar/pax reader for tests: entry name -> bytes (directories map to empty arrays). */
public final class TarGz {

    private TarGz() {
    }

    public static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String longName = null;
            while (true) {
                byte[] header = readFully(in, 512);
                if (isZero(header)) {
                    break;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] data = readFully(in, (int) size);
                readFully(in, (int) ((512 - size % 512) % 512));
                if (type == 'x') {
                    longName = paxPath(data);
                    continue;
                }
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                entries.put(name, type == '5' ? new byte[0] : data);
            }
        }
        return entries;
    }

    private static String paxPath(byte[] data) {
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf(" path=");
            if (eq >= 0) {
                return line.substring(eq + 6);
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        byte[] buffer = new byte[8192];
        int remaining = length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException("truncated tar");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
        return out.toByteArray();
    }
}
