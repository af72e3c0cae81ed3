package com.otsrange.reader;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.Period;
import com.otsrange.common.Problems;
import com.otsrange.common.RecordLayout;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.writer.config.Incremental;
import com.otsrange.writer.config.WriterOptions;
import com.otsrange.writer.config.WriterParams;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the reader Job knows about the writer it feeds: whether it is csvyearwriter (so the file
 * period and the checkpoint apply) and, read with csvyearwriter's own parse of its parameter
 * ({@link WriterOptions}), its output folder, file period, write mode and gap policy.
 *
 * <p>DataX hands the reader Job the writer's parameter but never the writer's name (only the
 * writer Job learns its peer's name), so inside the real engine csvyearwriter is recognised by its
 * parameters: a {@code path}, and a {@code fileName} that is either absent or routes by
 * {@code {partition_key}}. txtfilewriter also has {@code path} and {@code fileName}, but its file
 * name never holds that placeholder.
 */
public final class WriterPeer {
    private static final String KEY_PLACEHOLDER = "{partition_key}";

    /** null: not csvyearwriter. */
    private final WriterOptions options;
    private final String describedAs;

    private WriterPeer(WriterOptions options, String describedAs) {
        this.options = options;
        this.describedAs = describedAs;
    }

    /**
     * @param writerName the writer's plugin name when known (our CLI knows it, DataX does not say), else null
     * @param writerParameter the writer's job parameter (may be null)
     * @param workingDir what a relative {@code path} resolves against
     */
    public static WriterPeer of(String writerName, Map<String, Object> writerParameter, Path workingDir) {
        Object path = WriterParams.PATH.given(writerParameter);
        Object fileName = WriterParams.FILE_NAME.given(writerParameter);
        boolean looksLikeOurs = path != null && (fileName == null || String.valueOf(fileName).contains(KEY_PLACEHOLDER));
        boolean ours = writerName == null ? looksLikeOurs : RecordLayout.WRITER_NAME.equals(writerName);
        String describedAs = writerName != null ? writerName
                : ours ? "a writer with csvyearwriter's parameters" : "a writer without csvyearwriter's path/fileName parameters";
        if (!ours) {
            return new WriterPeer(null, describedAs);
        }
        Problems problems = new Problems();
        WriterOptions options = WriterOptions.parse(writerParameter, workingDir, problems);
        if (options == null) {
            // csvyearwriter's own Job refuses these first; this reader cannot plan its files without them
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INVALID_CONFIG,
                    Problems.render("otsrangereader: the writer's parameter (" + describedAs + ") is invalid", problems.list()));
        }
        return new WriterPeer(options, describedAs);
    }

    /**
     * {@link #of}, or null when csvyearwriter's parameter is invalid: for what the reader checks
     * before the writer Job has judged its own parameter (csvyearwriter refuses it itself).
     */
    public static WriterPeer ifValid(String writerName, Map<String, Object> writerParameter, Path workingDir) {
        try {
            return of(writerName, writerParameter, workingDir);
        } catch (DataXException e) {
            return null;
        }
    }

    /**
     * The file period of the job's writer, without refusing anything: csvyearwriter's refuses its
     * own invalid parameter (any other writer: year).
     */
    public static Period filePeriod(String writerName, Map<String, Object> writerParameter, Path workingDir) {
        WriterPeer peer = ifValid(writerName, writerParameter, workingDir);
        return peer == null ? Period.YEAR : peer.filePeriod();
    }

    public boolean isCsvYearWriter() {
        return options != null;
    }

    /** csvyearwriter's output folder (absolute), or null for another writer. */
    public Path path() {
        return options == null ? null : options.path();
    }

    /** Incremental mode: csvyearwriter appends and the reader resumes. */
    public boolean incremental(boolean readerResume) {
        return options != null && Incremental.isOn(options.writeMode(), readerResume);
    }

    /** Incremental mode: csvyearwriter accepts a window that starts after the committed windows. */
    public boolean allowGaps() {
        return options != null && options.allowGaps();
    }

    /** Files are cut by the finest time placeholder of csvyearwriter's pattern; any other writer gets years. */
    public Period filePeriod() {
        return options == null ? Period.YEAR : options.period();
    }

    /** For messages: the writer's name, or how it was recognised. */
    public String describe() {
        return describedAs;
    }
}
