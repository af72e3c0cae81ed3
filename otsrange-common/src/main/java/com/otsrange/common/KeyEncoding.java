package com.otsrange.common;

import java.nio.charset.StandardCharsets;

/**
 * Turns a key's text into a file-name-safe string: every UTF-8 byte outside {@code [A-Za-z0-9._-]}
 * becomes {@code %XX} (uppercase hex), and so does a leading '.'; the empty text becomes
 * {@link #EMPTY}. Injective, and the result is never empty, never starts with '.' and never
 * contains '/' or '%' other than as an escape, so no key can escape the output folder, collide
 * with another key, name a hidden file or folder, or reach the bookkeeping folder {@code .otsrange}.
 *
 * <p>The leading-dot and empty rules go beyond CONTRACT.md section 5 (which escapes only bytes
 * outside the safe set); README.md and docs/writer.md document them.
 */
public final class KeyEncoding {
    /** The encoding of the empty text; no other text encodes to it ('%' is always escaped, M is no hex digit). */
    public static final String EMPTY = "%EMPTY";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyEncoding() {
    }

    public static String encode(String keyText) {
        if (keyText.isEmpty()) {
            return EMPTY;
        }
        if (isSafe(keyText)) {
            return keyText;
        }
        byte[] bytes = keyText.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (isSafeChar(c) && !(i == 0 && c == '.')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * The key text {@link #encode} was given (for any text that is valid UTF-16, as every
     * TableStore string is): for places that know a unit id but not its key column, e.g. the
     * marker that ends a part without rows.
     *
     * @throws IllegalArgumentException for text encode never produces
     */
    public static String decode(String encoded) {
        if (encoded.equals(EMPTY)) {
            return "";
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("not an encoded key: " + encoded);
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (isSafeChar(c)) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("not an encoded key: " + encoded);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    public static boolean isSafeChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static boolean isSafe(String s) {
        if (s.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSafeChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
