package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.otsrange.common.UnitMeta;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DOUBLE cells carry the shortest round-trip text (what csvyearwriter prints verbatim), skip
 * DoubleColumn's parse check, and must look exactly like {@code new DoubleColumn(text)}.
 */
class DoubleTextTest {
    @Test
    void doubleCellsEqualTheCheckedDoubleColumn() {
        double[] values = {0.0, -0.0, 1.5, -2.25, 1e-7, 123456789.125, 1e300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.82879384806159E17, 1.0E23, 0.002, 1.0E7};
        // the shortest text that reads back as each value, in Java's notation, written out by hand
        String[] texts = {"0.0", "-0.0", "1.5", "-2.25", "1.0E-7", "1.23456789125E8", "1.0E300", "4.9E-324", "1.7976931348623157E308",
            "NaN", "Infinity", "-Infinity", "2.82879384806159E17", "1.0E23", "0.002", "1.0E7"};
        for (int i = 0; i < values.length; i++) {
            double d = values[i];
            Column fast = Cells.of(ColumnValue.fromDouble(d));
            DoubleColumn checked = new DoubleColumn(texts[i]);
            assertTrue(fast instanceof DoubleColumn, "DoubleColumn for " + d);
            assertEquals(Column.Type.DOUBLE, fast.getType());
            assertEquals(checked.getRawData(), fast.getRawData());
            assertEquals(checked.getByteSize(), fast.getByteSize());
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble((String) fast.getRawData())),
                "round trip of " + d);
        }
        // where Java 8-17's Double.toString is longer than needed
        assertEquals("2.82879384806159E17", Cells.of(ColumnValue.fromDouble(2.82879384806159E17)).getRawData());
        assertEquals("1.0E23", Cells.of(ColumnValue.fromDouble(1.0E23)).getRawData());
        assertEquals("NaN", Cells.of(ColumnValue.fromDouble(Double.NaN)).getRawData());
        assertEquals("-Infinity", Cells.of(ColumnValue.fromDouble(Double.NEGATIVE_INFINITY)).getRawData());
    }

    @Test
    void everyUnitsMetaSaysDoublesAreShortest() {
        com.otsrange.reader.filter.TableSchema schema = com.otsrange.reader.filter.TableSchema.fromJson(
                com.alibaba.fastjson.JSON.parseArray("[[[\"id\",\"STRING\"],[\"ct\",\"INTEGER\"]],0,1]"));
        java.util.Map<String, String> meta = new CellPlan(java.util.Arrays.asList("ct", "x"), schema,
                com.otsrange.reader.filter.BoundFilter.bind(com.otsrange.reader.config.FilterSpec.NONE, schema,
                        new com.otsrange.reader.config.TimeLiteral(com.otsrange.common.SortKeyUnit.MS, java.time.ZoneOffset.UTC),
                        new com.otsrange.common.Problems())).meta("2024/k", java.util.Arrays.asList("ct", "x"), 1,
                com.otsrange.common.Period.YEAR);
        assertEquals(UnitMeta.DOUBLES_SHORTEST, meta.get(UnitMeta.KEY_DOUBLES));
    }
}
