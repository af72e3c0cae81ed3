package com.otsrange.writer;

import com.otsrange.common.Sha256;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
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
    static final int BUFFER = 64 * 1024;

    private final Path temp;
    private final FileOutputStream file;
    private final CountingDigest counted;
    private final OutputStream body;
    private final GZIPOutputStream gzip;
    private final Writer writer;
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

    private TempCsvFile(Path temp, WriterSpec spec, Path appendTo) throws IOException {
        this.temp = temp;
        Files.createDirectories(temp.getParent());
        this.file = new FileOutputStream(temp.toFile());
        boolean ok = false;
        try {
            this.counted = new CountingDigest(file);
            boolean existing = appendTo != null && Files.isRegularFile(appendTo) && Files.size(appendTo) > 0;
            if (existing) {
                copy(appendTo, counted);
                if (spec.compress() == WriterSpec.Compress.NONE && !endsWithLineBreak(appendTo)) {
                    counted.write(spec.lineSeparator().getBytes(spec.encoding()));
                }
            }
            this.needsHeader = !existing && spec.header();
            OutputStream buffered = new BufferedOutputStream(counted, BUFFER);
            if (spec.compress() == WriterSpec.Compress.GZIP) {
                this.gzip = new GZIPOutputStream(buffered, BUFFER);
                this.body = gzip;
            } else {
                this.gzip = null;
                this.body = buffered;
            }
            this.writer = new BufferedWriter(new OutputStreamWriter(body, spec.encoding().newEncoder()), BUFFER);
            ok = true;
        } finally {
            if (!ok) {
                file.close();
            }
        }
    }

    static TempCsvFile create(Path temp, WriterSpec spec, Path finalFile) throws IOException {
        return new TempCsvFile(temp, spec, spec.writeMode() == WriterSpec.WriteMode.APPEND ? finalFile : null);
    }

    boolean needsHeader() {
        return needsHeader;
    }

    Writer writer() {
        return writer;
    }

    void rowWritten() {
        rows++;
    }

    void addRows(long n) {
        rows += n;
    }

    /** Appends already-encoded body bytes (a generic-mode part) after whatever the writer holds. */
    void appendEncoded(Path part) throws IOException {
        writer.flush();
        copy(part, body);
    }

    Done finish() throws IOException {
        writer.flush();
        if (gzip != null) {
            gzip.finish();
        }
        body.flush();
        file.getFD().sync();
        closed = true;
        writer.close();
        return new Done(temp, rows, counted.count, Sha256.hex(counted.digest.digest()));
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
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(from)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                to.write(buf, 0, n);
            }
        }
    }

    private static boolean endsWithLineBreak(Path f) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long len = raf.length();
            if (len == 0) {
                return true;
            }
            raf.seek(len - 1);
            int b = raf.read();
            return b == '\n' || b == '\r';
        }
    }

    private static final class CountingDigest extends FilterOutputStream {
        final MessageDigest digest = Sha256.newDigest();
        long count;

        CountingDigest(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }
    }
}
