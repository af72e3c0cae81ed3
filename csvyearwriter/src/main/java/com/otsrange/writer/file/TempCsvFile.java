package com.otsrange.writer.file;

import com.otsrange.writer.encoding.CsvOutput;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.config.VerifyCommitted;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.writer.config.Compress;
import com.otsrange.common.Sha256;
import com.otsrange.common.TimeWindow;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One output file being built under the state dir's tmp/: counts and hashes the bytes on their
 * way to disk (so commit needs no second read), optionally gzips, and in append mode starts with
 * a copy of the existing final file (for gzip a new member follows the old ones).
 */
public final class TempCsvFile {
    /** Rows are encoded into a buffer this large before each write to the file (or gzip). */
    public static final int BUFFER = 128 * 1024;

    private final Path temp;
    private final WriterSpec spec;
    private final FileOutputStream file;
    private final CountingDigest counted;
    private final boolean gzipped;
    private OutputStream body;
    private GZIPOutputStream gzip;
    private CsvOutput csv;
    private final boolean needsHeader;
    private long rows;
    private boolean closed;
    /** Restating (issue 21): the windows whose ends cut the rows into gzip members and offsets; else null. */
    private final List<TimeWindow> cuts;
    /** Restating: the index in {@link #cuts} of the window of the rows written last, -1 before the first row. */
    private int window = -1;
    private long rowsBeforeWindow;
    private boolean memberOpen;
    private final List<long[]> offsets = new ArrayList<>();
    private final List<long[]> windowRows = new ArrayList<>();
    private final List<TimeWindow> windowsWritten = new ArrayList<>();

    /** Result of a finished file. */
    public static final class Done {
        public final Path temp;
        public final long rows;
        public final long bytes;
        public final String sha256;
        /** Restating: [window end, bytes after it] per window written, in order; else empty. */
        public final List<long[]> offsets;
        /** Restating: [window end, rows of it], the same windows. */
        public final List<long[]> windowRows;
        /** Restating: the windows written (those that got rows). */
        public final List<TimeWindow> windows;

        public Done(Path temp, long rows, long bytes, String sha256) {
            this(temp, rows, bytes, sha256, Collections.<long[]>emptyList(), Collections.<long[]>emptyList(),
                    Collections.<TimeWindow>emptyList());
        }

        public Done(Path temp, long rows, long bytes, String sha256, List<long[]> offsets, List<long[]> windowRows,
             List<TimeWindow> windows) {
            this.temp = temp;
            this.rows = rows;
            this.bytes = bytes;
            this.sha256 = sha256;
            this.offsets = Collections.unmodifiableList(new ArrayList<>(offsets));
            this.windowRows = Collections.unmodifiableList(new ArrayList<>(windowRows));
            this.windows = Collections.unmodifiableList(new ArrayList<>(windows));
        }
    }

    /** @param hashed whether to compute the SHA-256 of the bytes ({@link Done#sha256} is null otherwise) */
    private TempCsvFile(Path temp, WriterSpec spec, Path appendTo, boolean whole, boolean hashed) throws IOException {
        this.temp = temp;
        this.spec = spec;
        this.cuts = null;
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
            this.gzipped = whole && spec.compress() == Compress.GZIP;
            // a new file: its byte order mark, if the charset writes one (the text below never does)
            openMember(whole && !existing);
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

    /** Restating: the final file's first {@code prefix} bytes, then rows cut at the windows' ends. */
    private TempCsvFile(Path temp, WriterSpec spec, Path finalFile, long prefix, List<TimeWindow> windows) throws IOException {
        this.temp = temp;
        this.spec = spec;
        this.cuts = windows;
        Files.createDirectories(temp.getParent());
        this.file = new FileOutputStream(temp.toFile());
        boolean ok = false;
        try {
            this.counted = new CountingDigest(file, Sha256.newDigest(), 0);
            this.gzipped = spec.compress() == Compress.GZIP;
            this.needsHeader = prefix == 0 && spec.header();
            if (prefix > 0) {
                copyPrefix(finalFile, prefix, counted);
            } else {
                // a file written from its start: byte order mark and header open its first member, as for a new file
                openMember(true);
            }
            ok = true;
        } finally {
            if (!ok) {
                file.close();
            }
        }
    }

    /** Starts a gzip member (or, uncompressed, a stretch of text) on the file; {@code newFile}: with the byte order mark. */
    private void openMember(boolean newFile) throws IOException {
        if (gzipped) {
            // deflate output arrives in chunks of up to 64 KB: no buffer needed below it; closing a member keeps the file open
            gzip = new GZIPOutputStream(new FilterOutputStream(counted) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, 64 * 1024);
            body = gzip;
        } else {
            gzip = null;
            body = counted;
        }
        if (newFile) {
            body.write(CsvOutput.start(spec.encoding(), spec.lineSeparator()));
        }
        csv = new CsvOutput(body, spec.encoding(), spec.lineSeparator(), BUFFER);
        memberOpen = true;
    }

    /** Ends the open member: text flushed, a gzip member finished (its deflater released). */
    private void closeMember() throws IOException {
        csv.flush();
        if (gzip != null) {
            gzip.close();
            gzip = null;
        }
        body.flush();
        memberOpen = false;
    }

    /**
     * Restating: the file that rewrites {@code finalFile} from byte {@code prefix} on (0: whole, byte
     * order mark and header included), one gzip member per window of {@code windows} that gets rows,
     * exactly as one append per window would have made it. Call {@link #beforeRow} before each row.
     */
    public static TempCsvFile restating(Path temp, WriterSpec spec, Path finalFile, long prefix, List<TimeWindow> windows)
            throws IOException {
        return new TempCsvFile(temp, spec, finalFile, prefix, windows);
    }

    /**
     * Restating: a row at raw time {@code raw} follows; a window that ends before it is ended (its
     * offset recorded, its gzip member finished). Returns why the row cannot be written, or null.
     */
    public String beforeRow(long raw) throws IOException {
        int i = windowOf(raw);
        if (i < 0) {
            return "lies in no committed window nor in this run's window";
        }
        if (i == window) {
            return null;
        }
        if (i < window) {
            return "arrived after rows of a later window";
        }
        if (window >= 0) {
            endWindow();
        }
        window = i;
        rowsBeforeWindow = rows;
        if (!memberOpen) {
            openMember(false);
        }
        return null;
    }

    private int windowOf(long raw) {
        int lo = 0;
        int hi = cuts.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TimeWindow w = cuts.get(mid);
            if (raw < w.from()) {
                hi = mid - 1;
            } else if (raw >= w.to()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void endWindow() throws IOException {
        closeMember();
        TimeWindow w = cuts.get(window);
        offsets.add(new long[] {w.to(), counted.count});
        windowRows.add(new long[] {w.to(), rows - rowsBeforeWindow});
        windowsWritten.add(w);
    }

    public static TempCsvFile create(Path temp, WriterSpec spec, Path finalFile) throws IOException {
        return new TempCsvFile(temp, spec, spec.writeMode() == WriteMode.APPEND ? finalFile : null, true, true);
    }

    /**
     * The body of one part of a file read in parts: encoded rows only (no header, no gzip, no copy
     * of an existing file), so the parts concatenated are the body a single writer would have
     * encoded; the join adds what the final file needs around them. Hashed only with
     * {@code verifyCommitted: sha256} (the join then checks it): SHA-256 was a fifth of the CPU of
     * a job reading files in parts, and the joined file is hashed anyway.
     */
    public static TempCsvFile forPart(Path temp, WriterSpec spec) throws IOException {
        return new TempCsvFile(temp, spec, null, false, spec.verifyCommitted() == VerifyCommitted.SHA256);
    }

    public boolean needsHeader() {
        return needsHeader;
    }

    public CsvOutput out() {
        return csv;
    }

    public void rowWritten() {
        rows++;
    }

    public void addRows(long n) {
        rows += n;
    }

    /** Appends already-encoded body bytes of a part from byte {@code skip} on (its own header line). */
    public void copyFrom(Path part, long skip) throws IOException {
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
    public boolean copyChecked(Path part, long bytes, String sha256) throws IOException {
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

    public Done finish() throws IOException {
        if (cuts != null && window >= 0) {
            endWindow();
        }
        if (memberOpen) {
            closeMember();
        }
        file.getFD().sync();
        closed = true;
        file.close();
        return new Done(temp, rows, counted.count, counted.digest == null ? null : Sha256.hex(counted.digest.digest()),
                offsets, windowRows, windowsWritten);
    }

    /** The result of a temp file written through {@code out} and closed: fsynced (reopened for that). */
    public static Done synced(Path temp, long rows, CountingDigest out) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return new Done(temp, rows, out.count, Sha256.hex(out.digest.digest()));
    }

    /** Closes without committing and removes the temp file. */
    public void abort() {
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

    /** Copies the first {@code n} bytes of {@code from}; fails when it is shorter. */
    public static void copyPrefix(Path from, long n, OutputStream to) throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            byte[] buf = new byte[BUFFER];
            long left = n;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    throw new IOException(from + " is shorter than the " + n + " bytes the window ledger keeps of it");
                }
                to.write(buf, 0, r);
                left -= r;
            }
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
    public static final class CountingDigest extends FilterOutputStream {
        final MessageDigest digest;
        public long count;

        public CountingDigest(OutputStream out) {
            this(out, Sha256.newDigest(), 0);
        }

        public CountingDigest(OutputStream out, MessageDigest digest, long count) {
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
