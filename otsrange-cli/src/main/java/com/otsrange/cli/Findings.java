package com.otsrange.cli;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What `validate` found: errors fail the job; notes explain what was not checked and why. */
final class Findings {

    private final Problems errors = new Problems();
    private final List<String> notes = new ArrayList<>();

    /**
     * A problem, listed once: the writer reads the reader's parameter through the reader's own
     * parse and finds the same problems; false when it was listed before.
     */
    boolean error(String path, String message) {
        for (JsonProblem p : errors.list()) {
            if (p.path().equals(path) && p.message().equals(message)) {
                return false;
            }
        }
        errors.add(path, message);
        return true;
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
