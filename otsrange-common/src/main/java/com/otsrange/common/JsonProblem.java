package com.otsrange.common;

import com.alibaba.datax.common.spi.ErrorCode;

/**
 * A problem at a place in a JSON document: {@code path} as users write it, then what is wrong and
 * the fix, and the DataX error code a run fails with (null: the plugin's code for an invalid
 * parameter, chosen by whoever throws).
 */
public final class JsonProblem {
    private final String path;
    private final String message;
    private final ErrorCode code;

    public JsonProblem(String path, String message) {
        this(path, message, null);
    }

    public JsonProblem(String path, String message, ErrorCode code) {
        this.path = path;
        this.message = message;
        this.code = code;
    }

    /** The same problem with {@code prefix} put before its path (e.g. {@code "parameter."}). */
    public JsonProblem under(String prefix) {
        return new JsonProblem(prefix + path, message, code);
    }

    /**
     * The same problem under another root, with another code: {@code parameter.table} of the
     * reader's parameter becomes {@code reader parameter.table} where the writer reports it.
     */
    public JsonProblem moved(String oldRoot, String newRoot, ErrorCode newCode) {
        String p = path.startsWith(oldRoot) ? newRoot + path.substring(oldRoot.length()) : path;
        return new JsonProblem(p, message, newCode);
    }

    public ErrorCode code() {
        return code;
    }

    public String path() {
        return path;
    }

    public String message() {
        return message;
    }

    /** {@code a.b[0]} for plain keys, {@code a["x.y"]} for others; {@code key} alone at the root (empty path). */
    public static String join(String path, String key) {
        boolean plain = !key.isEmpty();
        for (int i = 0; i < key.length() && plain; i++) {
            char c = key.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_';
        }
        if (!plain) {
            return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    /** {@code path: message}, the form every problem list of the project prints. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
