package com.otsrange.emulator;

import java.util.Map;

/** One parsed HTTP request: method, path, lower-cased headers and the raw body. */
record HttpExchangeData(String method, String path, Map<String, String> headers, byte[] body) {
}
