package com.otsrange.cli;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.WriterParams;
import com.otsrange.writer.CsvYearWriterValidation;

import java.nio.file.Path;
import java.util.Map;

/**
 * csvyearwriter's parameter through the writer's own offline validation (the code its Job runs
 * when it starts), so validate and a run cannot disagree.
 */
final class WriterParameterCheck implements ParameterCheck {

    @Override
    public String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                        Problems problems) {
        boolean paired = RecordLayout.READER_NAME.equals(peerName);
        for (JsonProblem problem : CsvYearWriterValidation.found(parameter, peerName, peerParameter, workingDir)) {
            // the reader's own check reports its parameter with the reader's paths; once is enough
            if (paired && CsvYearWriterValidation.aboutReaderParameter(problem)) {
                continue;
            }
            problems.add(problem);
        }
        return "path " + WriterParams.PATH.given(parameter) + ", fileName " + WriterParams.FILE_NAME.in(parameter)
                + (paired ? "" : ", generic mode (records from " + peerName + ")");
    }
}
