package com.otsrange.cli;

/** Turns an exception into one line for the user; the cause chain matters, a stack trace does not. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable current = error;
        int depth = 0;
        while (current != null && depth < 5) {
            String message = current.getMessage();
            String part = message == null || message.isEmpty() ? current.getClass().getSimpleName() : message;
            if (text.indexOf(part) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(part);
            }
            current = current.getCause() == current ? null : current.getCause();
            depth++;
        }
        return text.toString();
    }
}
