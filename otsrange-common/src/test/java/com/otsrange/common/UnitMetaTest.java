package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitMetaTest {
    /** The wire form written out by hand, as docs/DESIGN.md states it. */
    @Test
    void encodesTheDocumentedKeys() {
        Map<String, String> expected = new HashMap<>();
        expected.put("otsrange.layout", "1");
        expected.put("otsrange.unit", "2023-04/dev%2F1");
        expected.put("otsrange.header", "[\"ct\",\"temp,1\",\"ct\"]");
        expected.put("otsrange.timeCells", "0,2");
        expected.put("otsrange.period", "month");
        expected.put("otsrange.doubles", "shortest");
        UnitMeta meta = new UnitMeta("2023-04/dev%2F1", Arrays.asList("ct", "temp,1", "ct"), new int[] {0, 2}, Period.MONTH, true);
        assertEquals(expected, meta.toMap());

        expected.remove("otsrange.doubles");
        expected.put("otsrange.timeCells", "");
        expected.put("otsrange.period", "year");
        assertEquals(expected, new UnitMeta("2023-04/dev%2F1", Arrays.asList("ct", "temp,1", "ct"), new int[0], Period.YEAR, false)
                .toMap());
    }

    @Test
    void parseReadsBackWhatWasEncoded() {
        for (Period p : Period.values()) {
            for (boolean shortest : new boolean[] {true, false}) {
                UnitMeta meta = new UnitMeta("2024/k", Arrays.asList("a", "b", "\"q\""), new int[] {1}, p, shortest);
                UnitMeta back = UnitMeta.parse(meta.toMap());
                assertEquals(meta, back);
                assertEquals(p, back.period());
                assertEquals(shortest, back.doublesShortest());
                assertArrayEquals(new boolean[] {false, true, false}, back.timeCellFlags());
            }
        }
    }

    @Test
    void absentHeaderAndTimeCellsMeanNone() {
        Map<String, String> m = minimal();
        UnitMeta meta = UnitMeta.parse(m);
        assertEquals(Collections.emptyList(), meta.header());
        assertEquals(0, meta.timeCellFlags().length);
        assertFalse(meta.doublesShortest());
        // an index beyond the header still marks its cell
        m.put("otsrange.timeCells", " 3 ");
        assertArrayEquals(new boolean[] {false, false, false, true}, UnitMeta.parse(m).timeCellFlags());
    }

    @Test
    void malformedMetaSaysWhatIsWrong() {
        assertEquals("record carries no otsrange layout meta (otsrange.layout=1)", reason(null));
        Map<String, String> m = minimal();
        m.put("otsrange.layout", "2");
        assertEquals("record carries no otsrange layout meta (otsrange.layout=1)", reason(m));
        m = minimal();
        m.remove("otsrange.unit");
        assertEquals("record carries no otsrange layout meta (otsrange.layout=1)", reason(m));
        m = minimal();
        m.put("otsrange.header", "{\"a\":1}");
        assertEquals("record meta otsrange.header is not a JSON array of names: {\"a\":1}", reason(m));
        m = minimal();
        m.put("otsrange.timeCells", "0,x");
        assertEquals("record meta otsrange.timeCells is not a list of cell indexes: 0,x", reason(m));
        m.put("otsrange.timeCells", "-1");
        assertEquals("record meta otsrange.timeCells is not a list of cell indexes: -1", reason(m));
        m = minimal();
        m.put("otsrange.period", "week");
        assertEquals("record meta otsrange.period is not year, month or day: week", reason(m));
        m.remove("otsrange.period");
        assertTrue(reason(m).startsWith("record meta otsrange.period is not"), reason(m));
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("otsrange.layout", "1");
        m.put("otsrange.unit", "2024/k");
        m.put("otsrange.period", "year");
        return m;
    }

    private static String reason(Map<String, String> meta) {
        return assertThrows(IllegalArgumentException.class, () -> UnitMeta.parse(meta)).getMessage();
    }

    /** Restated units carry the raw restateFrom and, for a lookback, the compare flag: written out by hand as DESIGN.md states. */
    @Test
    void restatedUnitsCarryTheirRestateKeys() {
        UnitMeta plain = new UnitMeta("2024/k", Arrays.asList("a"), new int[0], Period.YEAR, true);
        Map<String, String> dirty = new HashMap<>(plain.toMap());
        dirty.put("otsrange.restateFrom", "1706400000000");
        assertEquals(dirty, plain.restated(1706400000000L, false).toMap());
        Map<String, String> compare = new HashMap<>(dirty);
        compare.put("otsrange.restateCompare", "1");
        assertEquals(compare, plain.restated(1706400000000L, true).toMap());

        UnitMeta back = UnitMeta.parse(compare);
        assertEquals(Long.valueOf(1706400000000L), back.restateFrom());
        assertTrue(back.restateCompare());
        assertEquals(plain.restated(1706400000000L, true), back);
        assertFalse(UnitMeta.parse(dirty).restateCompare());
        assertEquals(null, UnitMeta.parse(plain.toMap()).restateFrom());

        Map<String, String> bad = new HashMap<>(dirty);
        bad.put("otsrange.restateFrom", "soon");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitMeta.parse(bad)).getMessage().contains("otsrange.restateFrom"));
        Map<String, String> orphan = new HashMap<>(plain.toMap());
        orphan.put("otsrange.restateCompare", "1");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitMeta.parse(orphan)).getMessage().contains("without"));
    }
}
