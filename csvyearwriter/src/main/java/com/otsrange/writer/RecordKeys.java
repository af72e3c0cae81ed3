package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.otsrange.common.KeyEncoding;
import com.otsrange.common.KeyText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Key text of a partition-key column: decimal, verbatim string, or Base64 for binary. */
final class RecordKeys {
    private RecordKeys() {
    }

    /** Null when the column is absent or holds no value. */
    static String keyText(Column c) {
        if (c == null || c.getRawData() == null) {
            return null;
        }
        switch (c.getType()) {
            case BYTES:
                return KeyText.ofBinary(c.asBytes());
            case LONG:
            case INT:
                return KeyText.ofLong(c.asLong());
            default:
                return KeyText.ofString(c.asString());
        }
    }

    /**
     * The key text a unit id ({@code <label>/<encoded key>}) was made from: the inverse of
     * {@link KeyEncoding#encode}. For records that carry no key column (an end-of-part marker).
     */
    static String keyTextOfUnit(String unitId) {
        String encoded = unitId.substring(unitId.indexOf('/') + 1);
        if (encoded.equals(KeyEncoding.EMPTY)) {
            return "";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
