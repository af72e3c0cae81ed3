package com.otsrange.common;

/** A problem at a place in a JSON document: {@code path} as users write it, then what is wrong and the fix. */
public final class JsonProblem {
    private final String path;
    private final String message;

    public JsonProblem(String path, String message) {
        this.path = path;
        this.message = message;
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
