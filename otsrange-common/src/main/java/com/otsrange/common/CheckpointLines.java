package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reading checkpoint text: its complete lines, and each line as its {@link CheckpointLine} kind. */
public final class CheckpointLines {
    private CheckpointLines() {
    }

    /** Each line type this version writes, with the parser of its fields (null: a line of it without the fields it needs). */
    private static final Map<String, Function<JSONObject, CheckpointLine>> KINDS;

    static {
        Map<String, Function<JSONObject, CheckpointLine>> m = new HashMap<>();
        m.put(HeaderLine.TYPE, HeaderLine::parse);
        m.put("intent", o -> FileLine.parse(FileLine.Kind.INTENT, o));
        m.put("commit", o -> FileLine.parse(FileLine.Kind.COMMIT, o));
        m.put(PartLine.TYPE, PartLine::parse);
        m.put(WindowDoneLine.TYPE, WindowDoneLine::parse);
        m.put(StreamPositionLine.TYPE, StreamPositionLine::parse);
        KINDS = Collections.unmodifiableMap(m);
    }

    /**
     * The line's kind, or null: a line that is no JSON object, of an unknown type, or invalid for its
     * type ({@link #damage} tells the last apart from a newer writer's kind).
     */
    public static CheckpointLine parse(String line) {
        try {
            Object parsed = JSON.parse(line);
            if (!(parsed instanceof JSONObject)) {
                return null;
            }
            JSONObject o = (JSONObject) parsed;
            Function<JSONObject, CheckpointLine> kind = KINDS.get(o.getString("type"));
            return kind == null ? null : kind.apply(o);
        } catch (RuntimeException e) {
            return null; // fastjson's parse and typed getters throw unchecked exceptions on damaged text
        }
    }

    /**
     * What is wrong with a line {@link #parse} reads as no line, or null when nothing is: it is of a
     * type this version does not know (a newer writer's line, skipped by every reader).
     */
    static String damage(String line) {
        Object parsed;
        try {
            parsed = JSON.parse(line);
        } catch (RuntimeException e) {
            return "not JSON";
        }
        if (!(parsed instanceof JSONObject)) {
            return "not a JSON object";
        }
        Object type = ((JSONObject) parsed).get("type");
        if (!(type instanceof String)) {
            return "no \"type\"";
        }
        return KINDS.containsKey(type) ? "a \"" + type + "\" line without the fields it needs" : null;
    }

    /**
     * Every readable line of a state dir's checkpoint of one kind, in order: for tools and tests that look
     * at single lines. A job reads its checkpoint through {@link CheckpointSnapshot}, which applies the
     * intent rule.
     */
    public static <T extends CheckpointLine> List<T> of(Path stateDir, Class<T> kind) throws IOException {
        List<T> out = new ArrayList<>();
        for (String text : read(CheckpointLog.fileIn(stateDir))) {
            CheckpointLine l = parse(text);
            if (kind.isInstance(l)) {
                out.add(kind.cast(l));
            }
        }
        return out;
    }

    /**
     * The complete, non-empty lines of a checkpoint text file (empty when it does not exist): text after
     * the last newline is a torn line, ignored (and cut off by {@link CheckpointLog#open} before appending).
     */
    static List<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Collections.emptyList();
        }
        String all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        int nl;
        while ((nl = all.indexOf('\n', start)) >= 0) {
            if (nl > start) {
                out.add(all.substring(start, nl));
            }
            start = nl + 1;
        }
        return out;
    }
}
