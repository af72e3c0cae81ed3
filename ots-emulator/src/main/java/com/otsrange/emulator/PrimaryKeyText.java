package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.model.PrimaryKey;

/**
 * A primary key as both peeks print it, {@code name=value} per column separated by blanks: one
 * place for the table's rows ({@link Peek}) and the stream's records ({@link StreamPeek}).
 */
final class PrimaryKeyText {
    private PrimaryKeyText() {
    }

    static String of(PrimaryKey pk) {
        StringBuilder sb = new StringBuilder();
        for (var c : pk.getPrimaryKeyColumns()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(c.getName()).append('=').append(c.getValue());
        }
        return sb.toString();
    }
}
