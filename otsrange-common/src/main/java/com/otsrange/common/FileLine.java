package com.otsrange.common;

import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@code intent} line (written before a final file's rename) or a {@code commit} line (after it):
 * the unit, its final file relative to the output path, rows ({@code -1} when the line does not say),
 * bytes, sha256; in incremental mode the run's window, and for a restating commit its
 * {@link RestateLine} fields.
 */
public final class FileLine extends CheckpointLine {
    /** What the line says about the rename. */
    public enum Kind {
        INTENT("intent"), COMMIT("commit");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    private final Kind kind;
    private final String unit;
    private final String file;
    private final long rows;
    private final long bytes;
    private final String sha256;
    private final TimeWindow window;
    private final RestateLine restate;

    /**
     * @param window  the incremental run's window, or null (outside incremental mode, or a run that only restates)
     * @param restate a restating commit's fields, or null
     */
    public FileLine(Kind kind, String unit, String file, long rows, long bytes, String sha256, TimeWindow window,
                    RestateLine restate) {
        if (kind == null || unit == null) {
            throw new IllegalArgumentException("a file line needs its kind and unit");
        }
        this.kind = kind;
        this.unit = unit;
        this.file = file;
        this.rows = rows;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.window = window;
        this.restate = restate;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isCommit() {
        return kind == Kind.COMMIT;
    }

    public String unit() {
        return unit;
    }

    /** The final file relative to the output path (null only in a line no writer wrote). */
    public String file() {
        return file;
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

    /** Incremental mode: the run's window; else null. */
    public TimeWindow window() {
        return window;
    }

    /** A restating commit's fields (issue 21), or null. */
    public RestateLine restate() {
        return restate;
    }

    /** A commit that removed the unit's file ({@link RestateLine#delete}). */
    public boolean deletes() {
        return restate != null && restate.delete();
    }

    /** The same line as a commit (an intent whose final file proves the rename happened). */
    public FileLine asCommit() {
        return kind == Kind.COMMIT ? this : new FileLine(Kind.COMMIT, unit, file, rows, bytes, sha256, window, restate);
    }

    /**
     * The intent rule's proof: the final file under {@code outputPath} shows the rename (or, for a
     * deletion, the removal) happened. Reads and hashes the file.
     */
    boolean provenBy(Path outputPath) throws IOException {
        if (file == null) {
            return false;
        }
        Path f = outputPath.resolve(file);
        if (deletes()) {
            return !Files.exists(f);
        }
        if (!Files.isRegularFile(f) || Files.size(f) != bytes) {
            return false;
        }
        return sha256 != null && sha256.equals(Sha256.ofFile(f));
    }

    @Override
    JSONObject json() {
        JSONObject o = fileFields(kind.type, unit, file, rows, bytes, sha256);
        if (window != null) {
            o.put("window", window.toJson());
        }
        if (restate != null) {
            restate.addTo(o);
        }
        return o;
    }

    /** The fields every line about a file has, in this order (part lines too). */
    static JSONObject fileFields(String type, String unit, String file, long rows, long bytes, String sha256) {
        JSONObject o = typed(type);
        o.put("unit", unit);
        o.put("file", file);
        o.put("rows", rows);
        o.put("bytes", bytes);
        o.put("sha256", sha256);
        return o;
    }

    /** Null for a line that names no unit (no writer writes one; readers have always skipped it). */
    static FileLine parse(Kind kind, JSONObject o) {
        String unit = o.getString("unit");
        if (unit == null) {
            return null;
        }
        Long rows = o.getLong("rows");
        Long bytes = o.getLong("bytes");
        return new FileLine(kind, unit, o.getString("file"), rows == null ? -1 : rows, bytes == null ? -1 : bytes,
                o.getString("sha256"), TimeWindow.fromJson(o.get("window")), RestateLine.from(o));
    }
}
