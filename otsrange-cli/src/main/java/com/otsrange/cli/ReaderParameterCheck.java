package com.otsrange.cli;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.SpecResult;
import com.otsrange.reader.config.WindowWidth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** otsrangereader's parameter through the reader's own offline parser (task files included). */
final class ReaderParameterCheck implements ParameterCheck {

    private final Map<String, String> environment;

    ReaderParameterCheck(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                        Problems problems, Problems peerProblems) {
        SpecResult result = ReaderSpec.parse(parameter, workingDir, environment);
        for (JsonProblem problem : result.found()) {
            problems.add(problem);
        }
        if (!result.isValid()) {
            return null;
        }
        ReaderSpec spec = result.spec();
        // the reader Job's init checks these too, once it knows the writer's file period and write mode
        WriterPeer writer = WriterPeer.ifValid(peerName, peerParameter, workingDir);
        List<JsonProblem> wide = WindowWidth.problems(spec, WriterPeer.filePeriod(peerName, peerParameter, workingDir));
        for (JsonProblem problem : wide) {
            problems.add(problem);
        }
        if (!wide.isEmpty()) {
            return null;
        }
        // what incremental mode needs of this parameter is csvyearwriter's check (it reads it through this same parse)
        boolean incremental = writer != null && writer.incremental(spec.resume());
        JsonProblem changes = writer == null ? null : spec.changesProblem(incremental);
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
