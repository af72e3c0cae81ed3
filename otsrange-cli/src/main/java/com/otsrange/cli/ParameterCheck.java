package com.otsrange.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Offline check of one plugin's job parameter. Problems are reported relative to the plugin
 * (`parameter.filters.ct.gte: ...`); the caller prefixes the job path.
 */
interface ParameterCheck {

    /** @return a one-line summary of what was checked when valid (e.g. "3 task keys"), else null */
    String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                 PluginFindings findings);

    /** Problems of one plugin, each `parameter.path: message`. */
    final class PluginFindings {
        private final java.util.List<String> problems = new java.util.ArrayList<>();

        void add(String problem) {
            problems.add(problem);
        }

        void add(String path, String message) {
            problems.add(path + ": " + message);
        }

        java.util.List<String> problems() {
            return java.util.Collections.unmodifiableList(problems);
        }
    }
}
