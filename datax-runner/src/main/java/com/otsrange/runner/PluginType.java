package com.otsrange.runner;

/** Which side of a job a plugin serves; also its folder under {@code plugin/}. */
public enum PluginType {
    READER, WRITER;

    String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
