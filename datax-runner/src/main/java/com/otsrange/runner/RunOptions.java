package com.otsrange.runner;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a run reports and which {@code -p} variables it substitutes. Immutable. */
public final class RunOptions {

    private final PrintStream progress;
    private final long progressIntervalMillis;
    private final Map<String, String> variables;

    private RunOptions(Builder builder) {
        this.progress = builder.progress;
        this.progressIntervalMillis = builder.progressIntervalMillis;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.variables));
    }

    /** Progress to System.err every 5 s, no variables. */
    public static RunOptions defaults() {
        return builder().build();
    }

    /** No progress output and no summary. */
    public static RunOptions quiet() {
        return builder().progress(null).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Null means silent. */
    public PrintStream progress() {
        return progress;
    }

    public long progressIntervalMillis() {
        return progressIntervalMillis;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public static final class Builder {
        private PrintStream progress = System.err;
        private long progressIntervalMillis = 5000;
        private Map<String, String> variables = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder progress(PrintStream progress) {
            this.progress = progress;
            return this;
        }

        public Builder progressIntervalMillis(long millis) {
            if (millis <= 0) {
                throw new IllegalArgumentException("progressIntervalMillis must be > 0, got " + millis);
            }
            this.progressIntervalMillis = millis;
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            this.variables = new LinkedHashMap<>(variables);
            return this;
        }

        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}
