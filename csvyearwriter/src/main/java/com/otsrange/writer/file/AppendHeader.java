package com.otsrange.writer.file;

import com.otsrange.writer.encoding.CsvOutput;
import com.otsrange.writer.error.WriterErrorCode;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.writer.config.Compress;
import com.alibaba.datax.common.exception.DataXException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * writeMode append with a header: rows may only be added under the very header this job writes.
 * An existing file that starts with another header (the task's columns or the append columns
 * changed since it was written) is refused before anything of it is touched, instead of putting
 * rows under the wrong column names.
 */
public final class AppendHeader {
    /** How much of an existing file is shown in the message beyond the header's length. */
    private static final int SHOWN = 1024;

    private final WriterSpec spec;
    private final CsvRowFormatter formatter;

    public AppendHeader(WriterSpec spec) {
        this.spec = spec;
        this.formatter = new CsvRowFormatter(spec);
    }

    /** Whether appending needs the check: only writeMode append writes under an existing header. */
    boolean applies() {
        return spec.writeMode() == WriteMode.APPEND && spec.header();
    }

    /**
     * Fails with CsvYearWriter-09 unless {@code relativeName} is missing, empty, or starts with exactly
     * the header line this job writes for {@code names} (same bytes: names, quoting, encoding,
     * lineSeparator; a gzip file is read decompressed).
     */
    public void check(String relativeName, List<String> names) throws IOException {
        Path file = spec.path().resolve(relativeName);
        if (!applies() || !Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        byte[] header = encode(relativeName, names);
        byte[] head = readHead(file, header.length + SHOWN);
        int sep = CsvOutput.encoded(spec.encoding(), spec.lineSeparator(), spec.lineSeparator()).length;
        boolean same = startsWith(head, header)
                // a file holding only the header line without its line break (appending adds one)
                || Arrays.equals(head, Arrays.copyOf(header, header.length - sep));
        if (same) {
            return;
        }
        String oldLine = firstLine(new String(head, spec.encoding()));
        String newLine = firstLine(new String(header, spec.encoding()));
        throw new DataXException(WriterErrorCode.APPEND_HEADER_MISMATCH, "writeMode append refused for " + relativeName
                + " (" + file + "): its header is \"" + oldLine + "\" but this job writes \"" + newLine + "\""
                + (oldLine.equals(newLine) ? " (the same names with another line separator or encoding)" : "")
                + "; appending would put rows under the wrong column names. The file was not changed. Fix: make the"
                + " job's columns (and append columns) give the old header again, move the file away (it is then"
                + " written anew with the new header), or use writeMode truncate to replace it");
    }

    private byte[] encode(String relativeName, List<String> names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the file's start, as a new file gets it: its byte order mark, if any, then the header
        bytes.write(CsvOutput.start(spec.encoding(), spec.lineSeparator()));
        CsvOutput out = new CsvOutput(bytes, spec.encoding(), spec.lineSeparator(), 4096);
        formatter.header(names, out, relativeName);
        out.flush();
        return bytes.toByteArray();
    }

    private byte[] readHead(Path file, int max) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = spec.compress() == Compress.GZIP ? new GZIPInputStream(raw) : raw) {
            byte[] b = new byte[max];
            int n = 0;
            int r;
            while (n < max && (r = in.read(b, n, max - n)) > 0) {
                n += r;
            }
            return Arrays.copyOf(b, n);
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(Arrays.copyOf(a, prefix.length), prefix);
    }

    private static String firstLine(String s) {
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                end = i;
                break;
            }
        }
        return s.substring(0, end);
    }
}
