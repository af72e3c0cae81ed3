package com.otsrange.cli;

import com.otsrange.common.Incremental;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.common.ReaderParams;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.WriterParams;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.SpecResult;

import java.nio.file.Path;
import java.util.Map;

/** otsrangereader's parameter through the reader's own offline parser (task files included). */
final class ReaderParameterCheck implements ParameterCheck {

    private final Map<String, String> environment;

    ReaderParameterCheck(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                        Problems problems) {
        SpecResult result = ReaderSpec.parse(parameter, workingDir, environment);
        for (JsonProblem problem : result.found()) {
            problems.add(problem);
        }
        // the writer's own validation applies the same rules; it names them "reader parameter.*",
        // which validate leaves to this check so they appear once, with the reader's paths
        boolean incremental = RecordLayout.WRITER_NAME.equals(peerName) && peerParameter != null
                && Incremental.isOn(WriterParams.WRITE_MODE.given(peerParameter), ReaderParams.RESUME.given(parameter));
        if (incremental) {
            for (JsonProblem problem : Incremental.request(parameter).found()) {
                problems.add(problem.under("parameter."));
            }
        }
        if (!result.isValid()) {
            return null;
        }
        ReaderSpec spec = result.orThrow();
        // what the reader Job's init refuses too (ReaderPlanning.requireChangesFit)
        JsonProblem changes = spec.changes().outsideIncremental(incremental, "parameter." + ReaderParams.CHANGES);
        if (changes != null) {
            problems.add(changes);
            return null;
        }
        int files = spec.taskFiles().size();
        return "table " + spec.table() + ", " + spec.tasks().size() + " task key(s)"
                + (files > 0 ? " from " + files + " task file(s)" : "")
                + (spec.shard().isAll() ? "" : ", shard " + spec.shard())
                + (spec.resume() ? ", resume on" : "") + (incremental ? ", incremental (the sort key's bounds are each run's window)" : "")
                + (spec.changes().ignores() ? "" : ", changes " + spec.changes());
    }
}
