package com.otsrange.common;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reading checkpoint text: its complete lines, and each line as its {@link CheckpointLine} kind. */
public final class CheckpointLines {
    private CheckpointLines() {
    }

    /**
     * The line's kind, or null: a line that is no JSON object, of an unknown type, or invalid for its
     * type is skipped by every reader (a newer writer's kind, or damage).
     */
    public static CheckpointLine parse(String line) {
        try {
            Object parsed = JSON.parse(line);
            if (!(parsed instanceof JSONObject)) {
                return null;
            }
            JSONObject o = (JSONObject) parsed;
            String type = o.getString("type");
            if (type == null) {
                return null;
            }
            switch (type) {
                case HeaderLine.TYPE:
                    return HeaderLine.parse(o);
                case "intent":
                    return FileLine.parse(FileLine.Kind.INTENT, o);
                case "commit":
                    return FileLine.parse(FileLine.Kind.COMMIT, o);
                case PartLine.TYPE:
                    return PartLine.parse(o);
                case WindowDoneLine.TYPE:
                    return WindowDoneLine.parse(o);
                case StreamPositionLine.TYPE:
                    return StreamPositionLine.parse(o);
                default:
                    return null;
            }
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
        switch ((String) type) {
            case HeaderLine.TYPE:
            case "intent":
            case "commit":
            case PartLine.TYPE:
            case WindowDoneLine.TYPE:
            case StreamPositionLine.TYPE:
                return "a \"" + type + "\" line without the fields it needs";
            default:
                return null;
        }
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
