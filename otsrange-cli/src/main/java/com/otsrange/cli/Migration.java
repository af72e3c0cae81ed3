package com.otsrange.cli;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A DataX job converted from a Python exporter config, with what could not be carried over. */
final class Migration {

    private final Map<String, Object> job;
    private final List<String> warnings;

    Migration(Map<String, Object> job, List<String> warnings) {
        this.job = Collections.unmodifiableMap(job);
        this.warnings = Collections.unmodifiableList(warnings);
    }

    Map<String, Object> job() {
        return job;
    }

    List<String> warnings() {
        return warnings;
    }
}
