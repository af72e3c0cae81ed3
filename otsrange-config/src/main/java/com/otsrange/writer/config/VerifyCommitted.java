package com.otsrange.writer.config;

import java.util.Locale;

/** What a resumed run checks of each file committed earlier before it writes anything. */
public enum VerifyCommitted {
    SIZE, SHA256;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
