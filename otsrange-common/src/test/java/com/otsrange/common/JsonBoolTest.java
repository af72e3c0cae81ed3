package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonBoolTest {
    @Test
    void booleansAndTheirStringsInAnyCase() {
        assertEquals(Boolean.TRUE, JsonBool.parse(true));
        assertEquals(Boolean.FALSE, JsonBool.parse(false));
        assertEquals(Boolean.TRUE, JsonBool.parse(" TRUE "));
        assertEquals(Boolean.FALSE, JsonBool.parse("False"));
        for (Object notABoolean : new Object[] {null, "yes", "1", 1, "", "t rue", Collections.emptyMap()}) {
            assertNull(JsonBool.parse(notABoolean), String.valueOf(notABoolean));
        }
    }

    /** The fingerprint reads header as the writer does: " true " is true for both, so a resume is not refused. */
    @Test
    void theFingerprintReadsHeaderLikeTheWriter() {
        String dflt = header(null);
        assertEquals(dflt, header(true));
        assertEquals(dflt, header(" true "));
        assertEquals(dflt, header("TRUE"));
        assertEquals(header(false), header("false"));
        assertNotEquals(dflt, header(false));
    }

    private static String header(Object value) {
        Map<String, Object> writer = value == null ? Collections.<String, Object>emptyMap()
                : Collections.<String, Object>singletonMap("header", value);
        return JobFingerprint.of(null, writer, Paths.get("")).components().get("writer.header");
    }
}
