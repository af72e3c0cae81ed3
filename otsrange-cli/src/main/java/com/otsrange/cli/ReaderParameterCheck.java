package com.otsrange.cli;

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
                        PluginFindings findings) {
        SpecResult result = ReaderSpec.parse(parameter, workingDir, environment);
        for (String problem : result.problems()) {
            findings.add(problem);
        }
        if (!result.isValid()) {
            return null;
        }
        ReaderSpec spec = result.orThrow();
        int files = spec.taskFiles().size();
        return "table " + spec.table() + ", " + spec.tasks().size() + " task key(s)"
                + (files > 0 ? " from " + files + " task file(s)" : "")
                + (spec.shard().isAll() ? "" : ", shard " + spec.shard())
                + (spec.resume() ? ", resume on" : "");
    }
}
