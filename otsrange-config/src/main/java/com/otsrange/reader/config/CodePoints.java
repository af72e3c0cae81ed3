package com.otsrange.reader.config;

/** TableStore's order of strings: by code point, which is UTF-8 byte order (String.compareTo differs for surrogates). */
public final class CodePoints {
    private CodePoints() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx == sy) {
                    return x - y;
                }
                return sx ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }
}
