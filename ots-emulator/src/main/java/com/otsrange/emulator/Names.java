package com.otsrange.emulator;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The server's naming rules for tables and columns. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    static boolean valid(String name) {
        return name != null && !name.isEmpty() && name.getBytes(StandardCharsets.UTF_8).length <= 255 && NAME.matcher(name).matches();
    }

    static void checkTable(String name) {
        if (!valid(name)) throw OtsError.param("Invalid table name: '" + name + "'.");
    }

    static void checkColumn(String name) {
        if (!valid(name)) throw OtsError.param("Invalid column name: '" + name + "'.");
    }
}
