package com.otsrange.reader.plan;

import com.otsrange.common.FileParts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writer allows for reading a file in parts: whether heavy units may be cut (only
 * csvyearwriter joins parts, and not in incremental mode) and, on resume, the parts of half-done
 * units still to read (from the writer's checkpoint, {@link FileParts#pending}).
 */
public final class FileCuts {
    public static final FileCuts NONE = new FileCuts(false, Collections.<String, List<FileParts.Part>>emptyMap());

    private final boolean allowed;
    private final Map<String, List<FileParts.Part>> toRedo;

    /**
     * @param allowed whether new cuts may be made
     * @param toRedo  unit id -> parts still to read (empty list: all recorded); honoured even when not allowed
     */
    public FileCuts(boolean allowed, Map<String, List<FileParts.Part>> toRedo) {
        this.allowed = allowed;
        this.toRedo = Collections.unmodifiableMap(new LinkedHashMap<>(toRedo));
    }

    public boolean allowed() {
        return allowed;
    }

    public Map<String, List<FileParts.Part>> toRedo() {
        return toRedo;
    }
}
