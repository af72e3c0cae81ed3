package com.otsrange.writer.commit;

import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.common.Sha256;
import com.otsrange.writer.config.Compress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The rows of a stretch [from, to) of an output file, for the restatement report (issue 21): the
 * bytes decompressed (a gzip stretch is whole members) and decoded in the job's charset, split into
 * rows where the writer's line separator stands outside quotes (RFC 4180: the writer quotes every
 * value holding a CR or LF), each row hashed; and a digest of the decoded text, so two stretches
 * can be compared as text.
 */
final class RegionRows {
    private final long[] hashes;
    private final byte[] digest;

    private RegionRows(long[] hashes, byte[] digest) {
        this.hashes = hashes;
        this.digest = digest;
    }

    /** @param skipHeader the stretch starts the file and its first row is the header (not counted) */
    static RegionRows of(Path file, long from, long to, WriterSpec spec, boolean skipHeader) throws IOException {
        if (to <= from) {
            return new RegionRows(new long[0], Sha256.newDigest().digest());
        }
        try (InputStream raw = Files.newInputStream(file)) {
            skipFully(raw, from);
            InputStream region = new Limited(raw, to - from);
            InputStream text = spec.compress() == Compress.GZIP ? new GZIPInputStream(region, 64 * 1024) : region;
            Reader r = new BufferedReader(new InputStreamReader(text, spec.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
            return split(r, spec.lineSeparator(), skipHeader);
        }
    }

    private static RegionRows split(Reader r, String separator, boolean skipHeader) throws IOException {
        MessageDigest all = Sha256.newDigest();
        long[] out = new long[64];
        int n = 0;
        StringBuilder row = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        int c;
        while ((c = r.read()) >= 0) {
            if (first && c == '\uFEFF') {
                first = false;
                continue; // a byte order mark is no part of a row
            }
            first = false;
            row.append((char) c);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && endsWith(row, separator)) {
                if (skipHeader) {
                    skipHeader = false;
                } else {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = hash(row);
                }
                all.update(row.toString().getBytes(StandardCharsets.UTF_8));
                row.setLength(0);
            }
        }
        if (row.length() > 0) {
            // text after the last line end (a file whose last row lacks one): a row too
            if (n == out.length) {
                out = Arrays.copyOf(out, n + 1);
            }
            out[n++] = hash(row);
            all.update(row.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new RegionRows(Arrays.copyOf(out, n), all.digest());
    }

    private static boolean endsWith(StringBuilder b, String s) {
        int off = b.length() - s.length();
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b.charAt(off + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** 64 bits of the row's SHA-256: collisions between rows of one file are negligible. */
    private static long hash(CharSequence row) {
        byte[] d = Sha256.newDigest().digest(row.toString().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (d[i] & 0xFF);
        }
        return h;
    }

    long[] hashes() {
        return hashes;
    }

    int size() {
        return hashes.length;
    }

    /** Whether both stretches decode to the same text. */
    boolean sameText(RegionRows other) {
        return Arrays.equals(digest, other.digest);
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the file is shorter than " + n + " bytes");
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** At most {@code left} bytes of the stream. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, left));
            left -= r < 0 ? 0 : r;
            return r;
        }
    }
}
