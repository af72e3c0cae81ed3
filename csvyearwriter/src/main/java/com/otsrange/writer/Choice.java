package com.otsrange.writer;

import java.util.Locale;

/** A writer parameter with a closed set of values (an enum), each with its text as the job JSON writes it. */
interface Choice {
    String name();

    /** The lower-case constant name, unless the enum says otherwise. */
    default String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
