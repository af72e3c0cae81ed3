package com.otsrange.cli;

import com.otsrange.common.Problems;

import java.nio.file.Path;
import java.util.Map;

/**
 * Offline check of one plugin's job parameter. Problems are reported relative to the plugin
 * (`parameter.filters.ct.gte`); the caller prefixes the job path.
 */
interface ParameterCheck {

    /** @return a one-line summary of what was checked when valid (e.g. "3 task keys"), else null */
    String check(Map<String, Object> parameter, String peerName, Map<String, Object> peerParameter, Path workingDir,
                 Problems problems);
}
