package com.otsrange.writer;

/** {@code writeMode}, read and recorded by its JSON text ("nonConflict"), never by the constant name. */
enum WriteMode implements Choice {
    TRUNCATE("truncate"), APPEND("append"), NONCONFLICT("nonConflict");

    private final String text;

    WriteMode(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
