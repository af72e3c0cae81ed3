package com.otsrange.common;

import com.alibaba.fastjson.JSONObject;

/**
 * One line of {@code checkpoint.log}: one JSON object whose {@code type} names its kind. Each kind is
 * its own immutable class with its codec ({@link #toJson()} writes it, a static {@code parse} in the
 * class reads it back), so {@link CheckpointLog} writes and {@link CheckpointSnapshot} reads the same
 * types; {@link CheckpointLines#parse} picks the kind. Two lines are equal when they write the same text.
 */
public abstract class CheckpointLine {
    CheckpointLine() {
    }

    /** The fields in the order they are written (the checkpoint's byte format). */
    abstract JSONObject json();

    /** The line as written, without its newline. */
    public final String toJson() {
        return json().toJSONString();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && toJson().equals(((CheckpointLine) o).toJson());
    }

    @Override
    public final int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** A new object that keeps its keys in insertion order, starting with the line's type. */
    static JSONObject typed(String type) {
        JSONObject o = new JSONObject(true);
        o.put("type", type);
        return o;
    }
}
