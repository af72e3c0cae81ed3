package com.otsrange.writer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes finished CSV rows into one large byte buffer and hands full buffers to the stream below.
 * UTF-8 (the default and by far the common case) is encoded here, char by char with an ASCII fast
 * path, without the per-write overhead of a Writer chain; a lone surrogate fails like the JDK's
 * reporting encoder did. Any other charset goes through the JDK's encoder as before.
 */
final class CsvOutput {
    private final OutputStream out;
    private final byte[] buf;
    private final int limit;
    private final Writer other;
    private char[] chars;
    private int pos;

    CsvOutput(OutputStream out, Charset charset, int bufferSize) {
        this.out = out;
        if (StandardCharsets.UTF_8.equals(charset)) {
            this.buf = new byte[bufferSize];
            this.limit = bufferSize - 4;
            this.other = null;
        } else {
            this.buf = null;
            this.limit = 0;
            this.other = new OutputStreamWriter(out, charset.newEncoder());
            this.chars = new char[256];
        }
    }

    void write(CharSequence s) throws IOException {
        int len = s.length();
        if (other != null) {
            if (chars.length < len) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            if (s instanceof StringBuilder) {
                ((StringBuilder) s).getChars(0, len, chars, 0);
            } else {
                s.toString().getChars(0, len, chars, 0);
            }
            other.write(chars, 0, len);
            return;
        }
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < len; i++) {
            if (p > limit) {
                pos = p;
                drain();
                p = 0;
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                char d = i + 1 < len ? s.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(d)) {
                    pos = p;
                    throw new MalformedInputException(1);
                }
                int cp = Character.toCodePoint(c, d);
                i++;
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        pos = p;
    }

    /** Everything written so far reaches the stream below (which is flushed too). */
    void flush() throws IOException {
        if (other != null) {
            other.flush();
        } else {
            drain();
        }
        out.flush();
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
