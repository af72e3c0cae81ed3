package com.otsrange.common;

import com.alibaba.fastjson.JSONObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code part} line: one part of a unit read in parts is complete in its part file
 * ({@link FileParts}); the unit's final file does not exist yet.
 */
public final class PartLine extends CheckpointLine {
    static final String TYPE = "part";

    private final String unit;
    private final FileParts.Part part;
    private final String file;
    private final String target;
    private final long rows;
    private final long bytes;
    private final String sha256;
    private final List<String> header;

    /**
     * @param file   the part file relative to the state dir ({@link FileParts#fileFor})
     * @param target the final file the parts are joined into, relative to the output path
     * @param header the unit's header names, for the file the parts are joined into
     */
    public PartLine(String unit, FileParts.Part part, String file, String target, long rows, long bytes, String sha256,
                    List<String> header) {
        if (unit == null || part == null || target == null || header == null) {
            throw new IllegalArgumentException("a part line needs its unit, part, target and header");
        }
        this.unit = unit;
        this.part = part;
        this.file = file;
        this.target = target;
        this.rows = rows;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
    }

    public String unit() {
        return unit;
    }

    public FileParts.Part part() {
        return part;
    }

    /** The part file relative to the state dir. */
    public String file() {
        return file;
    }

    /** The final file the parts are joined into, relative to the output path. */
    public String target() {
        return target;
    }

    public long rows() {
        return rows;
    }

    public long bytes() {
        return bytes;
    }

    public String sha256() {
        return sha256;
    }

    public List<String> header() {
        return header;
    }

    @Override
    JSONObject json() {
        JSONObject o = FileLine.fileFields(TYPE, unit, file, rows, bytes, sha256);
        o.put("part", part.toText());
        o.put("target", target);
        o.put("header", header);
        return o;
    }

    /** Null for a line naming no unit, no valid part, no rows, bytes or target, or a header that is no list of names. */
    static PartLine parse(JSONObject o) {
        String unit = o.getString("unit");
        FileParts.Part part = FileParts.Part.parse(o.getString("part"));
        Long rows = o.getLong("rows");
        Long bytes = o.getLong("bytes");
        String target = o.getString("target");
        if (unit == null || part == null || rows == null || bytes == null || target == null) {
            return null;
        }
        List<String> header = o.getJSONArray("header") == null ? Collections.<String>emptyList()
                : o.getJSONArray("header").toJavaList(String.class);
        return new PartLine(unit, part, o.getString("file"), target, rows, bytes, o.getString("sha256"), header);
    }
}
