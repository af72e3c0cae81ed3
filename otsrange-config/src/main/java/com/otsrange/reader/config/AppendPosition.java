package com.otsrange.reader.config;

import java.util.Locale;

/** {@code appendColumnsPosition}: the append columns before or after each task's columns. */
public enum AppendPosition {
    START, END;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
