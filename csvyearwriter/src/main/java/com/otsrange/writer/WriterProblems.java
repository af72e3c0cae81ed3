package com.otsrange.writer;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.fastjson.JSON;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Placeholders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every problem of a writer parameter, so a user sees all of them at once. Each is
 * {@code json.path: what is wrong and what would be valid}, with the error code the Job fails with.
 */
final class WriterProblems {
    private final List<WriterErrorCode> codes = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    void add(WriterErrorCode code, String jsonPath, String message) {
        codes.add(code);
        texts.add(jsonPath + ": " + message);
    }

    /** A bad (or missing, when value is null) value and what would be valid. */
    void invalid(String jsonPath, Object value, String valid) {
        invalid(WriterErrorCode.CONFIG_INVALID, jsonPath, value, valid);
    }

    void invalid(WriterErrorCode code, String jsonPath, Object value, String valid) {
        add(code, jsonPath, (value == null ? "missing" : show(value) + " is invalid") + "; " + valid);
    }

    /**
     * ${name} values no -p replaced (as {@link Placeholders#unreplaced}), then those of {@code others}'
     * problems that are not about such a value (that "${outputDir}" is a usable folder is beside the point).
     */
    void addUnreplaced(List<JsonProblem> unreplaced, WriterProblems others) {
        if (others == this) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (JsonProblem u : unreplaced) {
            add(WriterErrorCode.CONFIG_INVALID, u.path(), u.message());
            paths.add(u.path());
        }
        for (int i = 0; i < others.texts.size(); i++) {
            String text = others.texts.get(i);
            if (!Placeholders.coversProblem(paths, text)) {
                codes.add(others.codes.get(i));
                texts.add(text);
            }
        }
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    List<String> texts() {
        return Collections.unmodifiableList(new ArrayList<>(texts));
    }

    /** Fails with the first problem's code, listing every problem. */
    void throwIfAny() {
        if (texts.isEmpty()) {
            return;
        }
        if (texts.size() == 1) {
            throw new DataXException(codes.get(0), texts.get(0));
        }
        StringBuilder sb = new StringBuilder("csvyearwriter: ").append(texts.size()).append(" problems in the job parameter:");
        for (int i = 0; i < texts.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(texts.get(i));
        }
        throw new DataXException(codes.get(0), sb.toString());
    }

    /** A user value for a message: JSON text, shortened (writer parameters hold no secrets). */
    static String show(Object value) {
        String s = JSON.toJSONString(value);
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
