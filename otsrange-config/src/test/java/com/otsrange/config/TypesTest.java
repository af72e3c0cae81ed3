package com.otsrange.config;

import com.otsrange.common.Problems;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leniency policy, written out: typed scalars trimmed, numbers and booleans as strings, text verbatim. */
class TypesTest {
    private static <T> T parse(ValueType<T> type, Object raw, Problems problems) {
        return type.parse(raw, "parameter.x", problems);
    }

    @Test
    void booleansAndTheirStringsInAnyCase() {
        Problems none = new Problems();
        assertEquals(Boolean.TRUE, parse(Types.FLAG, true, none));
        assertEquals(Boolean.FALSE, parse(Types.FLAG, false, none));
        assertEquals(Boolean.TRUE, parse(Types.FLAG, " TRUE ", none));
        assertEquals(Boolean.FALSE, parse(Types.FLAG, "False", none));
        assertTrue(none.isEmpty(), none.texts().toString());
        for (Object notABoolean : new Object[] {"yes", "1", 1, "", "t rue", Collections.emptyMap()}) {
            Problems p = new Problems();
            assertNull(parse(Types.FLAG, notABoolean, p), String.valueOf(notABoolean));
            assertEquals(1, p.count(), String.valueOf(notABoolean));
            assertTrue(p.texts().get(0).startsWith("parameter.x: expected true or false"), p.texts().toString());
        }
    }

    @Test
    void numbersAsStringsWithinTheirRange() {
        ValueType<Long> n = Types.integer(1, 64);
        Problems none = new Problems();
        assertEquals(Long.valueOf(4), parse(n, 4, none));
        assertEquals(Long.valueOf(4), parse(n, "4", none));
        assertEquals(Long.valueOf(4), parse(n, " 4 ", none));
        assertEquals(Long.valueOf(4), parse(n, new java.math.BigDecimal("4.0"), none));
        assertTrue(none.isEmpty(), none.texts().toString());
        for (Object bad : new Object[] {0, 65, "4.5", true, "four", "", Collections.emptyList()}) {
            Problems p = new Problems();
            assertNull(parse(n, bad, p), String.valueOf(bad));
            assertTrue(p.texts().get(0).contains("an integer from 1 to 64"), p.texts().toString());
        }
    }

    @Test
    void keywordsTrimmedInAnyCaseWithADidYouMean() {
        Types.Keyword<String> k = Types.keyword(new String[] {"none", "gzip"}, s -> s);
        Problems none = new Problems();
        assertEquals("gzip", parse(k, " GZip ", none));
        assertTrue(none.isEmpty());
        Problems p = new Problems();
        assertNull(parse(k, "gzp", p));
        assertEquals("parameter.x: invalid value \"gzp\" (did you mean \"gzip\"?); valid: \"none\", \"gzip\"", p.texts().get(0));
        assertEquals("gzip", k.canonical("gzip"));
    }

    @Test
    void zonesTrimmedAndCanonical() {
        Problems none = new Problems();
        assertEquals(ZoneId.of("UTC"), parse(Types.ZONE, "UTC ", none));
        assertEquals("GMT+08:00", Types.ZONE.canonical(parse(Types.ZONE, "GMT+8", none)));
        assertTrue(none.isEmpty());
        Problems p = new Problems();
        assertNull(parse(Types.ZONE, "Mars/Olympus", p));
        assertTrue(p.texts().get(0).contains("unknown time zone"), p.texts().toString());
    }

    @Test
    void textIsVerbatimNamesAreTrimmed() {
        Problems none = new Problems();
        assertEquals(" \\N ", parse(Types.TEXT, " \\N ", none));
        assertEquals("sensor_data", parse(Types.NAME, " sensor_data ", none));
        assertTrue(none.isEmpty());
        Problems p = new Problems();
        assertNull(parse(Types.NAME, "   ", p));
        assertNull(parse(Types.TEXT, 5, p));
        assertEquals(2, p.count(), p.texts().toString());
    }

    @Test
    void aSecretIsNeverShown() {
        Problems p = new Problems();
        assertNull(parse(Types.SECRET, 987654321, p));
        assertTrue(p.texts().get(0).contains("a number") && !p.texts().get(0).contains("987654321"), p.texts().toString());
    }
}
