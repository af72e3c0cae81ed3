package com.otsrange.common;

import com.alibaba.fastjson.JSONObject;

/**
 * A {@code windowDone} line: incremental mode, every unit of {@code window} is committed (written by
 * the writer Job's post); {@code requested} is the window the job asked for (wider when it was reduced).
 */
public final class WindowDoneLine extends CheckpointLine {
    static final String TYPE = "windowDone";

    private final TimeWindow window;
    private final TimeWindow requested;

    public WindowDoneLine(TimeWindow window, TimeWindow requested) {
        if (window == null || requested == null) {
            throw new IllegalArgumentException("a windowDone line needs its window and the requested one");
        }
        this.window = window;
        this.requested = requested;
    }

    /** The window as run (reduced where it was). */
    public TimeWindow window() {
        return window;
    }

    public TimeWindow requested() {
        return requested;
    }

    @Override
    JSONObject json() {
        JSONObject o = typed(TYPE);
        o.put("window", window.toJson());
        o.put("requested", requested.toJson());
        return o;
    }

    /** Null without a valid window; a line without {@code requested} asked for the window it ran. */
    static WindowDoneLine parse(JSONObject o) {
        TimeWindow w = TimeWindow.fromJson(o.get("window"));
        if (w == null) {
            return null;
        }
        TimeWindow requested = TimeWindow.fromJson(o.get("requested"));
        return new WindowDoneLine(w, requested == null ? w : requested);
    }
}
