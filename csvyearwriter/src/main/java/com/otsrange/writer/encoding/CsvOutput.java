package com.otsrange.writer.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes finished CSV rows into one large byte buffer and hands full buffers to the stream below.
 * UTF-8 (the default and by far the common case) is encoded here, char by char with an ASCII fast
 * path; any other charset goes through the JDK's encoder straight into the same buffer. Either way
 * a character the charset cannot encode (or a lone surrogate) stops the write with
 * {@link UnencodableText} at its position in the row: the encoder reports it (it never replaces).
 *
 * <p>Output always continues a file after a complete line: the encoder is primed with the line
 * separator, so an encoder that starts its output with a byte order mark (UTF-16, x-UTF-16LE-BOM,
 * X-UTF-32BE-BOM, X-UTF-32LE-BOM) writes none here. A file, part file or appended piece is
 * therefore the same bytes as that stretch of one whole write, and only whoever starts a new file
 * writes {@link #start} first. Encoders that keep state (ISO-2022, EBCDIC shift-out/in) are back in
 * their initial state after a line break, so pieces cut at line ends join up the same way
 * (CsvOutputCharsetsTest checks every charset the JVM has).
 */
public final class CsvOutput {
    private final OutputStream out;
    private final byte[] buf;
    private final int limit;
    /** Null for UTF-8, encoded here. */
    private final CharsetEncoder encoder;
    private final ByteBuffer encoded;
    private char[] chars;
    private CharBuffer charBuffer;
    private int pos;

    /** @param lineSeparator the line end the output continues after (the encoder is primed with it) */
    public CsvOutput(OutputStream out, Charset charset, String lineSeparator, int bufferSize) {
        this.out = out;
        this.buf = new byte[bufferSize];
        if (StandardCharsets.UTF_8.equals(charset)) {
            this.limit = bufferSize - 4;
            this.encoder = null;
            this.encoded = null;
        } else {
            this.limit = 0;
            this.encoder = primed(charset, lineSeparator);
            this.encoded = ByteBuffer.wrap(buf);
            this.chars = new char[256];
            this.charBuffer = CharBuffer.wrap(chars);
        }
    }

    /**
     * The bytes an encoder of {@code charset} writes before the first character of its output and
     * never again (a byte order mark), empty for most charsets: what a new file starts with.
     */
    public static byte[] start(Charset charset, String lineSeparator) {
        byte[] fresh = encode(charset.newEncoder(), lineSeparator);
        byte[] continued = encoded(charset, lineSeparator, lineSeparator);
        int n = fresh.length - continued.length;
        boolean prefix = n > 0 && Arrays.equals(Arrays.copyOfRange(fresh, n, fresh.length), continued);
        return prefix ? Arrays.copyOf(fresh, n) : new byte[0];
    }

    /**
     * {@code text} encoded as it is written after a line end (without {@link #start}); empty when the
     * charset cannot encode it (a charset without the line separator fails at the first row instead,
     * with {@link UnencodableText}).
     */
    public static byte[] encoded(Charset charset, String lineSeparator, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvOutput o = new CsvOutput(bytes, charset, lineSeparator, 256);
        try {
            o.write(text);
            o.flush();
        } catch (IOException e) {
            return new byte[0];
        }
        return bytes.toByteArray();
    }

    private static CharsetEncoder primed(Charset charset, String lineSeparator) {
        CharsetEncoder e = charset.newEncoder();
        encode(e, lineSeparator);
        return e;
    }

    /** Encodes without ending the input: the encoder goes on from there. */
    private static byte[] encode(CharsetEncoder e, String text) {
        ByteBuffer b = ByteBuffer.allocate(64 + text.length() * (int) Math.ceil(e.maxBytesPerChar()));
        e.encode(CharBuffer.wrap(text), b, false);
        return Arrays.copyOf(b.array(), b.position());
    }

    public void write(CharSequence s) throws IOException {
        if (encoder != null) {
            writeEncoded(s);
            return;
        }
        int len = s.length();
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
                    throw new UnencodableText(i, c, true);
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

    private void writeEncoded(CharSequence s) throws IOException {
        int len = s.length();
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
            charBuffer = CharBuffer.wrap(chars);
        }
        if (s instanceof StringBuilder) {
            ((StringBuilder) s).getChars(0, len, chars, 0);
        } else {
            s.toString().getChars(0, len, chars, 0);
        }
        CharBuffer in = charBuffer;
        in.limit(len).position(0);
        while (true) {
            CoderResult r = encoder.encode(in, encoded, false);
            if (r.isOverflow()) {
                drainEncoded();
            } else if (r.isUnderflow() && !in.hasRemaining()) {
                return;
            } else {
                // unmappable, malformed, or a high surrogate left over at the end (a row ends with its
                // line separator, so that is a lone surrogate too)
                int at = in.position();
                throw new UnencodableText(at, Character.codePointAt(chars, at, len), r.isMalformed() || r.isUnderflow());
            }
        }
    }

    /** Everything written so far reaches the stream below (which is flushed too). */
    public void flush() throws IOException {
        if (encoder != null) {
            drainEncoded();
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

    private void drainEncoded() throws IOException {
        if (encoded.position() > 0) {
            out.write(buf, 0, encoded.position());
            encoded.clear();
        }
    }
}
