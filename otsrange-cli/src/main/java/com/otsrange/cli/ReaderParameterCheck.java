package com.otsrange.cli;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.SpecResult;

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
        SpecResult result = ReaderSpecParser.parse(parameter, workingDir, environment);
        for (JsonProblem problem : result.found()) {
            problems.add(problem);
        }
        if (!result.isValid()) {
            return null;
        }
        ReaderSpec spec = result.spec();
        // what the reader Job's init refuses once it knows the writer's file period and write mode
        WriterPeer writer = WriterPeer.ifValid(peerName, peerParameter, workingDir);
        List<JsonProblem> withWriter = ReaderPlanning.problemsWithWriter(spec, writer);
        for (JsonProblem problem : withWriter) {
            problems.add(problem);
        }
        if (!withWriter.isEmpty()) {
            return null;
        }
        boolean incremental = writer != null && writer.incremental(spec.resume());
        int files = spec.taskFiles().size();
        return "table " + spec.table() + ", " + spec.tasks().size() + " task key(s)"
                + (files > 0 ? " from " + files + " task file(s)" : "")
                + (spec.shard().isAll() ? "" : ", shard " + spec.shard())
                + (spec.resume() ? ", resume on" : "") + (incremental ? ", incremental (the sort key's bounds are each run's window)" : "")
                + (spec.changes().ignores() ? "" : ", changes " + spec.changes());
    }
}
