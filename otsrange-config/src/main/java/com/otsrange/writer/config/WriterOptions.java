package com.otsrange.writer.config;

import com.otsrange.common.FileNamePattern;
import com.otsrange.common.Period;
import com.otsrange.common.Problems;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * csvyearwriter's own keys (those of both modes, {@link WriterParams#COMMON}), parsed: the
 * writer's value rules. The writer Job and tasks read their parameter through here, and so does
 * otsrangereader when it learns the file period, the output folder and the write mode from its
 * peer's parameter.
 */
public final class WriterOptions {
    static final String AT = "parameter";

    private final Path path;
    private final String pathText;
    private final FileNamePattern declaredFileName;
    private final FileNamePattern fileName;
    private final boolean header;
    private final Charset encoding;
    private final String nullFormat;
    private final Compress compress;
    private final WriteMode writeMode;
    private final String dateFormat;
    private final String lineSeparator;
    private final VerifyCommitted verifyCommitted;
    private final boolean allowGaps;

    private WriterOptions(Map<String, Object> w, Path workingDir, Problems problems) {
        pathText = WriterParams.PATH.read(w, AT, problems);
        path = resolve(pathText, workingDir, problems);
        compress = WriterParams.COMPRESS.readOrDefault(w, AT, problems);
        declaredFileName = WriterParams.FILE_NAME.read(w, AT, problems);
        fileName = declaredFileName != null && compress == Compress.GZIP && !declaredFileName.endsWith(".gz")
                ? declaredFileName.withSuffix(".gz") : declaredFileName;
        if (declaredFileName != null && compress == Compress.NONE && declaredFileName.pattern().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            problems.add(WriterParams.FILE_NAME.path(AT), Problems.json(declaredFileName.pattern()) + " is invalid; it ends in .gz but"
                    + " compress is \"none\": the files would hold plain CSV under a gzip name; set \"compress\": \"gzip\" or leave"
                    + " .gz out of the pattern");
        }
        header = WriterParams.HEADER.readOrDefault(w, AT, problems);
        encoding = WriterParams.ENCODING.read(w, AT, problems);
        nullFormat = WriterParams.NULL_FORMAT.read(w, AT, problems);
        writeMode = WriterParams.WRITE_MODE.readOrDefault(w, AT, problems);
        dateFormat = WriterParams.DATE_FORMAT.read(w, AT, problems);
        lineSeparator = WriterParams.LINE_SEPARATOR.read(w, AT, problems);
        verifyCommitted = WriterParams.VERIFY_COMMITTED.readOrDefault(w, AT, problems);
        allowGaps = WriterParams.ALLOW_GAPS.readOrDefault(w, AT, problems);
    }

    /**
     * The writer's own keys, or null when {@code problems} got any (relative paths resolve
     * against {@code workingDir}). Other keys are not looked at: which are allowed depends on the
     * reader ({@link WriterConfig}).
     */
    public static WriterOptions parse(Map<String, Object> writerParameter, Path workingDir, Problems problems) {
        int before = problems.count();
        WriterOptions o = new WriterOptions(writerParameter, workingDir, problems);
        return problems.count() == before ? o : null;
    }

    private static Path resolve(String text, Path workingDir, Problems problems) {
        if (text == null) {
            return null;
        }
        try {
            return workingDir.resolve(text).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            problems.add(WriterParams.PATH.path(AT), Problems.json(text) + " is invalid; a folder path this system accepts ("
                    + e.getMessage() + ")");
            return null;
        }
    }

    /** The output folder, absolute. */
    public Path path() {
        return path;
    }

    /** The output folder as written (trimmed), relative to the working directory when it is relative. */
    public String pathText() {
        return pathText;
    }

    /** The pattern files are written under: {@code fileName} with {@code .gz} added for gzip. */
    public FileNamePattern fileName() {
        return fileName;
    }

    /** {@code fileName} as declared (what the job fingerprint hashes). */
    public FileNamePattern declaredFileName() {
        return declaredFileName;
    }

    /** The file period: the finest time placeholder of {@code fileName}. */
    public Period period() {
        return fileName.period();
    }

    public boolean header() {
        return header;
    }

    public Charset encoding() {
        return encoding;
    }

    public String nullFormat() {
        return nullFormat;
    }

    public Compress compress() {
        return compress;
    }

    public WriteMode writeMode() {
        return writeMode;
    }

    /**
     * Incremental mode ({@link Incremental}) with a reader whose {@code resume} is
     * {@code readerResume}: the one test csvyearwriter's view ({@link WriterConfig#incremental()})
     * and the reader's ({@code WriterPeer}) share.
     */
    public boolean incremental(boolean readerResume) {
        return Incremental.isOn(writeMode, readerResume);
    }

    /** null when none is set. */
    public String dateFormat() {
        return dateFormat;
    }

    public String lineSeparator() {
        return lineSeparator;
    }

    public VerifyCommitted verifyCommitted() {
        return verifyCommitted;
    }

    public boolean allowGaps() {
        return allowGaps;
    }
}
