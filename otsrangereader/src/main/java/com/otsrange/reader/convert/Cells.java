package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.ShortestDouble;

/** DataX columns for TableStore values (record layout in otsrange-common RecordLayout). */
final class Cells {
    private Cells() {
    }

    static Column key(PrimaryKeyValue v) {
        switch (v.getType()) {
            case INTEGER:
                return new LongColumn(v.asLong());
            case STRING:
                return new StringColumn(v.asString());
            default:
                return new BytesColumn(v.asBinary());
        }
    }

    /** A cell; null (missing) is a StringColumn without data. */
    static Column of(ColumnValue v) {
        if (v == null) {
            return new StringColumn();
        }
        switch (v.getType()) {
            case STRING:
                return new StringColumn(v.asString());
            case INTEGER:
                return new LongColumn(v.asLong());
            case DOUBLE:
                return doubleText(ShortestDouble.format(v.asDouble()));
            case BOOLEAN:
                return new BoolColumn(v.asBoolean());
            case BINARY:
                return new BytesColumn(v.asBinary());
            default:
                return new StringColumn();
        }
    }

    /**
     * A DOUBLE cell as text: DataX's Double constructor rejects NaN and infinities; shortest text
     * so csvyearwriter can print it verbatim (meta otsrange.doubles = shortest).
     */
    static Column doubleText(String shortest) {
        return new DoubleText(shortest);
    }

    /**
     * A DoubleColumn from {@link ShortestDouble#format} text, which is always valid for
     * DoubleColumn (a decimal, NaN or an infinity), so the constructor's BigDecimal parse check is skipped.
     * Raw data, type and byte size are exactly those of {@code new DoubleColumn(text)}.
     */
    static final class DoubleText extends DoubleColumn {
        DoubleText(String text) {
            super((String) null);
            setRawData(text);
            setByteSize(text.length());
        }
    }
}
