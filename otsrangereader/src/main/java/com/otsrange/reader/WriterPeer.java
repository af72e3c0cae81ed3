package com.otsrange.reader;

import com.otsrange.common.Incremental;
import com.otsrange.common.Period;
import com.otsrange.common.RecordLayout;

import java.util.Map;

/**
 * What the reader Job knows about the writer it feeds: whether it is csvyearwriter (so the file
 * period and the checkpoint apply), its output path and its file name pattern.
 *
 * <p>DataX hands the reader Job the writer's parameter but never the writer's name (only the
 * writer Job learns its peer's name), so inside the real engine csvyearwriter is recognised by its
 * parameters: a {@code path}, and a {@code fileName} that is either absent or routes by
 * {@code {partition_key}}. txtfilewriter also has {@code path} and {@code fileName}, but its file
 * name never holds that placeholder.
 */
public final class WriterPeer {
    private static final String KEY_PLACEHOLDER = "{partition_key}";

    private final boolean csvYearWriter;
    private final String path;
    private final String fileName;
    private final String writeMode;
    private final boolean allowGaps;
    private final String describedAs;

    private WriterPeer(boolean csvYearWriter, String path, String fileName, String writeMode, boolean allowGaps,
                       String describedAs) {
        this.csvYearWriter = csvYearWriter;
        this.path = path;
        this.fileName = fileName;
        this.writeMode = writeMode;
        this.allowGaps = allowGaps;
        this.describedAs = describedAs;
    }

    /**
     * @param writerName the writer's plugin name when known (our CLI knows it, DataX does not say), else null
     * @param writerParameter the writer's job parameter (may be null)
     */
    public static WriterPeer of(String writerName, Map<String, Object> writerParameter) {
        String path = stringOrNull(writerParameter, "path");
        String fileName = stringOrNull(writerParameter, "fileName");
        boolean looksLikeOurs = path != null && (fileName == null || fileName.contains(KEY_PLACEHOLDER));
        boolean ours = writerName == null ? looksLikeOurs : RecordLayout.WRITER_NAME.equals(writerName);
        String describedAs = writerName != null ? writerName
                : ours ? "a writer with csvyearwriter's parameters" : "a writer without csvyearwriter's path/fileName parameters";
        return new WriterPeer(ours, path, fileName, stringOrNull(writerParameter, "writeMode"),
                Incremental.allowsGaps(writerParameter), describedAs);
    }

    public boolean isCsvYearWriter() {
        return csvYearWriter;
    }

    /** The writer's output folder as written in the job (relative to the working directory), or null. */
    public String path() {
        return csvYearWriter ? path : null;
    }

    /** csvyearwriter's writeMode as written (null when absent or another writer): "append" with resume is incremental mode. */
    public String writeMode() {
        return csvYearWriter ? writeMode : null;
    }

    /** Incremental mode: csvyearwriter accepts a window that starts after the committed windows. */
    public boolean allowGaps() {
        return csvYearWriter && allowGaps;
    }

    /** Files are cut by the finest time placeholder of csvyearwriter's pattern; any other writer gets years. */
    public Period filePeriod() {
        if (!csvYearWriter) {
            return Period.YEAR;
        }
        return Period.finestIn(fileName == null ? RecordLayout.DEFAULT_FILE_NAME : fileName);
    }

    /** For messages: the writer's name, or how it was recognised. */
    public String describe() {
        return describedAs;
    }

    private static String stringOrNull(Map<String, Object> parameter, String key) {
        if (parameter == null) {
            return null;
        }
        Object value = parameter.get(key);
        return value instanceof String ? (String) value : null;
    }
}
