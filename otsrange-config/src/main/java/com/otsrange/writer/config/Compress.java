package com.otsrange.writer.config;

import java.util.Locale;

/** {@code compress}: the output files plain or gzip. */
public enum Compress {
    NONE, GZIP;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
