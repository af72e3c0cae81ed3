package com.otsrange.writer;

import com.otsrange.writer.error.WriterErrorCode;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Offline check of a csvyearwriter job parameter: the very rules the writer Job applies when it
 * starts (it calls the same code), so {@code bin/otsrange validate} and a run can never disagree.
 * Writes nothing; the only filesystem access is reading whether {@code path} (or its nearest
 * existing parent) is a writable folder.
 */
public final class CsvYearWriterValidation {
    private CsvYearWriterValidation() {
    }

    /** {@link #problems(Map, String, Map, Path)} with paths resolved against the working directory. */
    public static List<String> problems(Map<String, Object> writerParameter, String readerName,
                                        Map<String, Object> readerParameter) {
        return problems(writerParameter, readerName, readerParameter, Paths.get(""));
    }

    /**
     * Every problem of the writer parameter, each {@code json.path: the bad value and what would be
     * valid}: paths are {@code parameter.<key>} for the writer's own keys and
     * {@code reader parameter.<key>} for the facts the writer takes from otsrangereader (table,
     * timeUnit, timeZone, shard). Empty when the Job would accept the parameter.
     *
     * @param readerName the job's reader: anything but {@code otsrangereader} means generic mode
     * @param readerParameter the reader's parameter (may be null)
     * @param workingDir what a relative {@code path} resolves against
     */
    public static List<String> problems(Map<String, Object> writerParameter, String readerName,
                                        Map<String, Object> readerParameter, Path workingDir) {
        return Problems.texts(found(writerParameter, readerName, readerParameter, workingDir));
    }

    /**
     * {@link #problems(Map, String, Map, Path)} as values: those about the reader's parameter have
     * the code {@link WriterErrorCode#PEER_CONFIG_INVALID} (and paths {@code reader parameter.<key>}).
     */
    public static List<JsonProblem> found(Map<String, Object> writerParameter, String readerName,
                                          Map<String, Object> readerParameter, Path workingDir) {
        Problems problems = new Problems();
        WriterSpec.check(writerParameter, readerName, readerParameter, workingDir, problems);
        return problems.list();
    }

    /** Whether a problem is about the paired reader's parameter (which the reader's own check reports too). */
    public static boolean aboutReaderParameter(JsonProblem problem) {
        return problem.code() == WriterErrorCode.PEER_CONFIG_INVALID;
    }

    /** A problem {@link #aboutReaderParameter} at the reader's own path ({@code parameter.<key>}), as the reader reports it. */
    public static JsonProblem atReaderPath(JsonProblem problem) {
        return problem.moved(WriterSpec.READER_PARAMETER, "parameter", null);
    }
}
