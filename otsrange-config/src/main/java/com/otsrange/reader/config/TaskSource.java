package com.otsrange.reader.config;

import com.otsrange.common.TaskFiles;

/** {@code tasks.source}: where the task definitions are. */
public enum TaskSource {
    INLINE("inline"), FILE(TaskFiles.SOURCE_FILE), PATTERN(TaskFiles.SOURCE_PATTERN);

    private final String text;

    TaskSource(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
