package com.otsrange.common;

import com.alibaba.fastjson.JSONObject;

/**
 * A {@code streamPosition} line (incremental mode with {@code changes: "stream"}): where the run
 * stopped reading the table's Stream, written by the writer Job's post after every restatement of the
 * run is committed and before its {@code windowDone}. The last one is where the next run reads on from.
 * Line: {@code {"type":"streamPosition","streamId":..,"at":S,"shards":{id:{"iterator":..}|{"finished":true}}}}.
 */
public final class StreamPositionLine extends CheckpointLine {
    static final String TYPE = "streamPosition";

    private final StreamPosition position;

    public StreamPositionLine(StreamPosition position) {
        if (position == null) {
            throw new IllegalArgumentException("a streamPosition line needs its position");
        }
        this.position = position;
    }

    public StreamPosition position() {
        return position;
    }

    @Override
    JSONObject json() {
        JSONObject o = typed(TYPE);
        o.putAll(position.toJson());
        return o;
    }

    static StreamPositionLine parse(JSONObject o) {
        StreamPosition p = StreamPosition.fromJson(o);
        return p == null ? null : new StreamPositionLine(p);
    }
}
