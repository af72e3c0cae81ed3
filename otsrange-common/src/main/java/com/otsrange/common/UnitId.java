package com.otsrange.common;

/** Id of a file unit (partition key, file period): {@code <period label>/<encoded key>}. */
public final class UnitId {
    private UnitId() {
    }

    public static String of(Period p, String periodLabel, String keyText) {
        if (p == null || periodLabel == null || keyText == null) {
            throw new IllegalArgumentException("period, label and key are required");
        }
        return periodLabel + "/" + KeyEncoding.encode(keyText);
    }
}
