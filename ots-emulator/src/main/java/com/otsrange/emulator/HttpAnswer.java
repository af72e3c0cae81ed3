package com.otsrange.emulator;

import java.util.Map;

/** What the server sends back; {@link #RESET} means: drop the connection without a response. */
record HttpAnswer(int status, Map<String, String> headers, byte[] body) {
    static final HttpAnswer RESET = new HttpAnswer(-1, Map.of(), new byte[0]);

    boolean isReset() { return status < 0; }
}
