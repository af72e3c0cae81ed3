package com.otsrange.cli;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.RecordLayout;
import com.otsrange.writer.CsvYearWriterValidation;
import com.otsrange.writer.config.WriterParams;

import java.nio.file.Path;
import java.util.Map;

/**
 * csvyearwriter's parameter through the writer's own offline validation (the code its Job runs
 * when it starts), so validate and a run cannot disagree. What it finds in otsrangereader's
 * parameter (it reads it through the reader's own parse) is reported at the reader's paths.
 */
final class WriterParameterCheck implements ParameterCheck {

    @Override
    public String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                        Problems problems, Problems peerProblems) {
        boolean paired = RecordLayout.READER_NAME.equals(peerName);
        for (JsonProblem problem : CsvYearWriterValidation.found(parameter, peerName, peerParameter, workingDir)) {
            if (CsvYearWriterValidation.aboutReaderParameter(problem)) {
                peerProblems.add(CsvYearWriterValidation.atReaderPath(problem));
            } else {
                problems.add(problem);
            }
        }
        return "path " + WriterParams.PATH.given(parameter) + ", fileName " + WriterParams.FILE_NAME.canonical(
                WriterParams.FILE_NAME.read(parameter, "parameter", new Problems()))
                + (paired ? "" : ", generic mode (records from " + peerName + ")");
    }
}
