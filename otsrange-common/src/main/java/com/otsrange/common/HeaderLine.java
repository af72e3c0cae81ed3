package com.otsrange.common;

import com.alibaba.fastjson.JSONObject;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The first line of a checkpoint: its format version and the job fingerprint it belongs to. */
public final class HeaderLine extends CheckpointLine {
    static final String TYPE = "header";

    private final int version;
    private final Map<String, String> fingerprint;

    public HeaderLine(int version, Map<String, String> fingerprint) {
        this.version = version;
        this.fingerprint = Collections.unmodifiableMap(new TreeMap<>(fingerprint));
    }

    public int version() {
        return version;
    }

    /** Component -> value, in component order. */
    public Map<String, String> fingerprint() {
        return fingerprint;
    }

    @Override
    JSONObject json() {
        JSONObject o = typed(TYPE);
        o.put("version", version);
        o.put("fingerprint", new TreeMap<>(fingerprint));
        return o;
    }

    static HeaderLine parse(JSONObject o) {
        Integer version = o.getInteger("version");
        JSONObject fp = o.getJSONObject("fingerprint");
        Map<String, String> out = new TreeMap<>();
        if (fp != null) {
            for (Map.Entry<String, Object> e : fp.entrySet()) {
                out.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return new HeaderLine(version == null ? 0 : version, out);
    }
}
