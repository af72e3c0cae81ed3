package com.otsrange.common;

import java.nio.charset.StandardCharsets;

/**
 * Turns a key's text into a file-name-safe string: every UTF-8 byte outside {@code [A-Za-z0-9._-]}
 * becomes {@code %XX} (uppercase hex). Injective, and the result never contains '/' or '%' other
 * than as an escape, so no key can escape the output folder or collide with another key.
 */
public final class KeyEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyEncoding() {
    }

    public static String encode(String keyText) {
        if (isSafe(keyText)) {
            return keyText;
        }
        byte[] bytes = keyText.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isSafeChar(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    public static boolean isSafeChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static boolean isSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSafeChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
