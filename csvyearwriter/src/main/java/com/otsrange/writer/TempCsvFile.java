package com.otsrange.writer;

import com.otsrange.common.Sha256;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.GZIPOutputStream;

/**
 * One output file being built under the state dir's tmp/: counts and hashes the bytes on their
 * way to disk (so commit needs no second read), optionally gzips, and in append mode starts with
 * a copy of the existing final file (for gzip a new member follows the old ones).
 */
final class TempCsvFile {
    /** Rows are encoded into a buffer this large before each write to the file (or gzip). */
    static final int BUFFER = 128 * 1024;

    private final Path temp;
    private final FileOutputStream file;
    private final CountingDigest counted;
    private final OutputStream body;
    private final GZIPOutputStream gzip;
    private final CsvOutput csv;
    private final boolean needsHeader;
    private long rows;
    private boolean closed;

    /** Result of a finished file. */
    static final class Done {
        final Path temp;
        final long rows;
        final long bytes;
        final String sha256;

        Done(Path temp, long rows, long bytes, String sha256) {
            this.temp = temp;
            this.rows = rows;
            this.bytes = bytes;
            this.sha256 = sha256;
        }
    }

    /** @param hashed whether to compute the SHA-256 of the bytes ({@link Done#sha256} is null otherwise) */
    private TempCsvFile(Path temp, WriterSpec spec, Path appendTo, boolean whole, boolean hashed) throws IOException {
        this.temp = temp;
        Files.createDirectories(temp.getParent());
        this.file = new FileOutputStream(temp.toFile());
        boolean ok = false;
        try {
            this.counted = new CountingDigest(file, hashed ? Sha256.newDigest() : null, 0);
            boolean existing = appendTo != null && Files.isRegularFile(appendTo) && Files.size(appendTo) > 0;
            boolean lineBreakMissing = false;
            if (existing) {
                copy(appendTo, counted);
                lineBreakMissing = spec.compress() == Compress.NONE && !endsWithLineBreak(appendTo, spec);
            }
            this.needsHeader = whole && !existing && spec.header();
            if (whole && spec.compress() == Compress.GZIP) {
                // deflate output arrives in chunks of up to 64 KB: no buffer needed below it
                this.gzip = new GZIPOutputStream(counted, 64 * 1024);
                this.body = gzip;
            } else {
                this.gzip = null;
                this.body = counted;
            }
            if (whole && !existing) {
                // a new file: its byte order mark, if the charset writes one (the text below never does)
                body.write(CsvOutput.start(spec.encoding(), spec.lineSeparator()));
            }
            this.csv = new CsvOutput(body, spec.encoding(), spec.lineSeparator(), BUFFER);
            if (lineBreakMissing) {
                csv.write(spec.lineSeparator());
            }
            ok = true;
        } finally {
            if (!ok) {
                file.close();
            }
        }
    }

    static TempCsvFile create(Path temp, WriterSpec spec, Path finalFile) throws IOException {
        return new TempCsvFile(temp, spec, spec.writeMode() == WriteMode.APPEND ? finalFile : null, true, true);
    }

    /**
     * The body of one part of a file read in parts: encoded rows only (no header, no gzip, no copy
     * of an existing file), so the parts concatenated are the body a single writer would have
     * encoded; the join adds what the final file needs around them. Hashed only with
     * {@code verifyCommitted: sha256} (the join then checks it): SHA-256 was a fifth of the CPU of
     * a job reading files in parts, and the joined file is hashed anyway.
     */
    static TempCsvFile forPart(Path temp, WriterSpec spec) throws IOException {
        return new TempCsvFile(temp, spec, null, false, spec.verifyCommitted() == VerifyCommitted.SHA256);
    }

    boolean needsHeader() {
        return needsHeader;
    }

    CsvOutput out() {
        return csv;
    }

    void rowWritten() {
        rows++;
    }

    void addRows(long n) {
        rows += n;
    }

    /** Appends already-encoded body bytes of a part from byte {@code skip} on (its own header line). */
    void copyFrom(Path part, long skip) throws IOException {
        csv.flush();
        try (InputStream in = Files.newInputStream(part)) {
            long left = skip;
            while (left > 0) {
                long n = in.skip(left);
                if (n <= 0) {
                    throw new IOException("part " + part + " is shorter than its header");
                }
                left -= n;
            }
            copy(in, body);
        }
    }

    /**
     * Appends a part body when it is exactly what its checkpoint line recorded: {@code bytes}
     * bytes and, unless {@code sha256} is null (not recorded), whose SHA-256 is {@code sha256},
     * checked on the same read that copies them. Returns false otherwise; this file then holds a
     * damaged copy and must be aborted.
     */
    boolean copyChecked(Path part, long bytes, String sha256) throws IOException {
        csv.flush();
        MessageDigest digest = sha256 == null ? null : Sha256.newDigest();
        long n = 0;
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buf = new byte[BUFFER];
            int r;
            while ((r = in.read(buf)) > 0) {
                body.write(buf, 0, r);
                if (digest != null) {
                    digest.update(buf, 0, r);
                }
                n += r;
            }
        }
        return n == bytes && (digest == null || sha256.equals(Sha256.hex(digest.digest())));
    }

    Done finish() throws IOException {
        csv.flush();
        if (gzip != null) {
            gzip.finish();
        }
        body.flush();
        file.getFD().sync();
        closed = true;
        if (gzip != null) {
            gzip.close(); // releases the deflater; closes the file below it
        } else {
            file.close();
        }
        return new Done(temp, rows, counted.count, counted.digest == null ? null : Sha256.hex(counted.digest.digest()));
    }

    /** Closes without committing and removes the temp file. */
    void abort() {
        if (!closed) {
            closed = true;
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing to save
            }
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the next run's prepare empties tmp/
        }
    }

    private static void copy(Path from, OutputStream to) throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            copy(in, to);
        }
    }

    private static void copy(InputStream in, OutputStream to) throws IOException {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) > 0) {
            to.write(buf, 0, n);
        }
    }

    /** Whether the file's last bytes are an LF or a CR in the job's encoding (e.g. 0A 00 in UTF-16LE). */
    private static boolean endsWithLineBreak(Path f, WriterSpec spec) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            for (String lineEnd : new String[] {"\n", "\r"}) {
                byte[] end = CsvOutput.encoded(spec.encoding(), spec.lineSeparator(), lineEnd);
                long len = raf.length();
                if (len < end.length) {
                    continue;
                }
                byte[] last = new byte[end.length];
                raf.seek(len - end.length);
                raf.readFully(last);
                if (java.util.Arrays.equals(last, end)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Counts and (with a digest) hashes bytes on their way to {@code out}; state may outlive the stream (parts reopened for append). */
    static final class CountingDigest extends FilterOutputStream {
        final MessageDigest digest;
        long count;

        CountingDigest(OutputStream out) {
            this(out, Sha256.newDigest(), 0);
        }

        CountingDigest(OutputStream out, MessageDigest digest, long count) {
            super(out);
            this.digest = digest;
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (digest != null) {
                digest.update((byte) b);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (digest != null) {
                digest.update(b, off, len);
            }
            count += len;
        }
    }
}
