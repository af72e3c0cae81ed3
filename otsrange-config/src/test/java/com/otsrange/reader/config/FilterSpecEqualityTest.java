package com.otsrange.reader.config;

import com.otsrange.common.Period;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FilterSpecEqualityTest {
    private static Condition c(String column, Op op, Object value, String path) {
        return new Condition(column, op, Collections.singletonList(value), path);
    }

    @Test
    void filtersWithTheSameConditionsAreEqualWhereverTheyWereWritten() {
        FilterSpec a = new FilterSpec(Arrays.asList(c("dim", Op.EQ, 0, "parameter.filters.dim"), c("ct", Op.GTE, 5, "x")), "ct", Period.YEAR);
        FilterSpec b = new FilterSpec(Arrays.asList(c("dim", Op.EQ, 0, "task file t.json"), c("ct", Op.GTE, 5, "y")), "ct", Period.YEAR);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        Map<FilterSpec, Integer> index = new HashMap<>();
        index.put(a, 0);
        assertEquals(Integer.valueOf(0), index.get(b));

        assertNotEquals(a, new FilterSpec(Arrays.asList(c("dim", Op.EQ, 1, "p"), c("ct", Op.GTE, 5, "p")), "ct", Period.YEAR));
        assertNotEquals(a, new FilterSpec(Arrays.asList(c("dim", Op.NE, 0, "p"), c("ct", Op.GTE, 5, "p")), "ct", Period.YEAR));
        assertNotEquals(a, new FilterSpec(Arrays.asList(c("ct", Op.GTE, 5, "p"), c("dim", Op.EQ, 0, "p")), "ct", Period.YEAR));
        assertNotEquals(a, new FilterSpec(a.conditions(), "ct", Period.MONTH));
        assertNotEquals(a, new FilterSpec(a.conditions(), null, null));
    }
}
