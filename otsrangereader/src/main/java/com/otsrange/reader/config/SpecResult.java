package com.otsrange.reader.config;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.reader.OtsRangeReaderErrorCode;

import java.util.List;

/** Either a valid {@link ReaderSpec} or every problem found. */
public final class SpecResult {
    private final ReaderSpec spec;
    private final List<JsonProblem> problems;

    SpecResult(ReaderSpec spec, List<JsonProblem> problems) {
        this.spec = spec;
        this.problems = problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Each: {@code parameter.path: what is wrong and what is valid}. */
    public List<String> problems() {
        return Problems.texts(problems);
    }

    /** {@link #problems()} as values, to filter on path and code. */
    public List<JsonProblem> found() {
        return problems;
    }

    /** The spec, or a DataXException (OtsRangeReader-01) listing every problem. */
    public ReaderSpec orThrow() {
        if (!isValid()) {
            throw invalidParameter(problems);
        }
        return spec;
    }

    /** OtsRangeReader-01 listing {@code problems}, each {@code parameter.path: ...}. */
    public static DataXException invalidParameter(List<?> problems) {
        return DataXException.asDataXException(OtsRangeReaderErrorCode.INVALID_CONFIG,
                Problems.render("otsrangereader: invalid job parameter", problems));
    }
}
