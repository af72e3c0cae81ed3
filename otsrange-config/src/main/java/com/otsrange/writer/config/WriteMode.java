package com.otsrange.writer.config;

/** {@code writeMode}, read and recorded by its JSON text ("nonConflict"), never by the constant name. */
public enum WriteMode {
    TRUNCATE("truncate"), APPEND("append"), NONCONFLICT("nonConflict");

    private final String text;

    WriteMode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
