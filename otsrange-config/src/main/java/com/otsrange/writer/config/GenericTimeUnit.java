package com.otsrange.writer.config;

import java.util.Locale;

/**
 * How the generic mode reads its time column ({@code parameter.timeUnit}). A type of its own, not
 * nested in {@link GenericColumns}: the parameter's declaration ({@link WriterParams#TIME_UNIT}) needs
 * it, and GenericColumns reads its keys through those declarations.
 */
public enum GenericTimeUnit {
    MS, S, US, DATE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
