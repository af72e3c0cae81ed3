package com.otsrange.reader.convert;

import com.alibaba.fastjson.JSON;
import com.otsrange.common.Period;
import com.otsrange.common.Problems;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.UnitMeta;
import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.filter.TableSchema;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The meta the reader puts on a unit's records is what the writer's parser (UnitMeta) reads. */
class CellPlanMetaTest {
    @Test
    void theWriterReadsBackEveryFactOfTheUnit() {
        TableSchema schema = TableSchema.fromJson(JSON.parseArray("[[[\"id\",\"STRING\"],[\"ct\",\"INTEGER\"]],0,1]"));
        BoundFilter none = BoundFilter.bind(FilterSpec.NONE, schema, new TimeLiteral(SortKeyUnit.MS, ZoneOffset.UTC), new Problems());
        List<String> header = Arrays.asList("ct", "temp", "id", "ct");
        Map<String, String> meta = new CellPlan(header, schema, none).meta("2024-02/k%2C1", header, 1, Period.MONTH);

        UnitMeta read = UnitMeta.parse(meta);
        assertEquals("2024-02/k%2C1", read.unitId());
        assertEquals(header, read.header());
        assertArrayEquals(new boolean[] {true, false, false, true}, read.timeCellFlags(), "cells 0 and 3 hold the sort key");
        assertEquals(Period.MONTH, read.period());
        assertEquals(true, read.doublesShortest());
        assertEquals("0,3", meta.get("otsrange.timeCells"));
    }
}
