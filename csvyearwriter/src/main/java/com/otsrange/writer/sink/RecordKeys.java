package com.otsrange.writer.sink;

import com.alibaba.datax.common.element.Column;
import com.otsrange.common.KeyEncoding;
import com.otsrange.common.KeyText;


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
     * The key text a unit id ({@code <label>/<encoded key>}) was made from, for records without a
     * key column (the marker ending a part without rows).
     */
    static String keyTextOfUnit(String unitId) {
        return KeyEncoding.decode(unitId.substring(unitId.indexOf('/') + 1));
    }
}
