package com.otsrange.cli;

/** Bad command-line arguments: the message says what is wrong; Main adds the usage text. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
