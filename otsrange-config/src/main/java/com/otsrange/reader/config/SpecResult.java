package com.otsrange.reader.config;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.ErrorCode;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;

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

    /**
     * The spec, or an IllegalStateException listing every problem: for callers that have checked
     * {@link #isValid()}, or know the parameter is valid.
     */
    public ReaderSpec spec() {
        if (!isValid()) {
            throw new IllegalStateException(Problems.render("otsrangereader: invalid job parameter", problems));
        }
        return spec;
    }

    /** The spec, or a DataXException with {@code code} (the reader's "invalid parameter") listing every problem. */
    public ReaderSpec orThrow(ErrorCode code) {
        if (!isValid()) {
            throw invalidParameter(code, problems);
        }
        return spec;
    }

    /** {@code code} listing {@code problems}, each {@code parameter.path: ...}. */
    public static DataXException invalidParameter(ErrorCode code, List<?> problems) {
        return DataXException.asDataXException(code, Problems.render("otsrangereader: invalid job parameter", problems));
    }
}
