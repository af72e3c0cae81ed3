package com.otsrange.cli;

import com.otsrange.common.Problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What `validate` found: errors fail the job; notes explain what was not checked and why. */
final class Findings {

    private final Problems errors = new Problems();
    private final List<String> notes = new ArrayList<>();

    void error(String path, String message) {
        errors.add(path, message);
    }

    void note(String message) {
        notes.add(message);
    }

    List<String> errors() {
        return errors.texts();
    }

    List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
