package com.otsrange.common;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A complete line of a checkpoint that no version of the writer wrote: not JSON, no type, or a known
 * type without the fields it needs. The writer appends whole fsynced lines and cuts a torn last line
 * off before appending, so such a line in the middle is damage (a disk fault or a hand edit); what
 * earlier runs committed can then not be trusted, and a run refuses to build on it. A line of a
 * type this version does not know is a newer writer's and is skipped, not refused.
 */
public final class CheckpointDamaged extends IOException {
    private static final long serialVersionUID = 1L;

    CheckpointDamaged(Path file, int lineNumber, String why, String text) {
        super(file + " line " + lineNumber + " is damaged (" + why + "): "
                + (text.length() > 120 ? text.substring(0, 120) + "..." : text)
                + ". The checkpoint records what earlier runs committed and can no longer be trusted; nothing was written."
                + " Fix: restore that file from a copy, or start over: run once with \"resume\": false (the writer's"
                + " writeMode then applies to every file) or delete " + file.getParent() + ".");
    }
}
