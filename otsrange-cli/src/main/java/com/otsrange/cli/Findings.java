package com.otsrange.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What `validate` found: errors fail the job; notes explain what was not checked and why. */
final class Findings {

    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void error(String path, String message) {
        errors.add(path + ": " + message);
    }

    void note(String message) {
        notes.add(message);
    }

    List<String> errors() {
        return Collections.unmodifiableList(errors);
    }

    List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
