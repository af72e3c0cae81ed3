package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOUBLE cells skip DoubleColumn's parse check but must look exactly like {@code new DoubleColumn(text)}. */
class DoubleTextTest {
    @Test
    void doubleCellsEqualTheCheckedDoubleColumn() {
        double[] values = {0.0, -0.0, 1.5, -2.25, 1e-7, 123456789.125, 1e300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double d : values) {
            Column fast = UnitEmitter.cell(ColumnValue.fromDouble(d));
            DoubleColumn checked = new DoubleColumn(Double.toString(d));
            assertTrue(fast instanceof DoubleColumn, "DoubleColumn for " + d);
            assertEquals(Column.Type.DOUBLE, fast.getType());
            assertEquals(checked.getRawData(), fast.getRawData());
            assertEquals(checked.getByteSize(), fast.getByteSize());
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble((String) fast.getRawData())),
                "round trip of " + d);
        }
    }
}
