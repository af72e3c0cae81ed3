package com.otsrange.cli;

import com.otsrange.common.Problems;

import java.nio.file.Path;
import java.util.Map;

/**
 * Offline check of one plugin's job parameter. Problems are reported relative to a plugin
 * (`parameter.filters.ct.gte`); the caller prefixes the job path.
 */
interface ParameterCheck {

    /**
     * @param problems the plugin's own parameter's problems
     * @param peerProblems problems the plugin finds in its peer's parameter (the writer reads the
     *                     reader's), at the peer's paths: validate lists each problem once
     * @return a one-line summary of what was checked when valid (e.g. "3 task keys"), else null
     */
    String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                 Problems problems, Problems peerProblems);
}
