package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncodingTest {
    @Test
    void examplesFromTheContract() {
        assertEquals("dev%2F1", KeyEncoding.encode("dev/1"));
        assertEquals("a%20b", KeyEncoding.encode("a b"));
        assertEquals("%25", KeyEncoding.encode("%"));
        assertEquals("%C3%A9", KeyEncoding.encode("é"));
        assertEquals("..", KeyEncoding.encode(".."));
        assertEquals("2023/dev%2F1", UnitId.of(Period.YEAR, "2023", "dev/1"));
        assertEquals("2023-04-30/AAEC", UnitId.of(Period.DAY, "2023-04-30", KeyText.ofBinary(new byte[] {0, 1, 2})));
        assertEquals("-5", KeyText.ofLong(-5));
    }

    @Test
    void defaultPatternRendering() {
        FileNamePattern p = FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME);
        assertEquals("dev%2F1_sensor_2023.csv", p.render("dev/1", "sensor", 1673778600000L, ZoneOffset.UTC));
        assertEquals(Period.YEAR, p.period());
        FileNamePattern d = FileNamePattern.parse("{year}/{month}/{day}/{partition_key}.csv");
        assertEquals("2023/01/15/k.csv", d.render("k", "t", 1673778600000L, ZoneOffset.UTC));
        assertEquals(Period.DAY, d.period());
    }

    @Test
    void dotOnlySegmentsAreEscaped() {
        FileNamePattern p = FileNamePattern.parse("{partition_key}/{year}.csv");
        assertEquals("%2E%2E/2023.csv", p.render("..", "t", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%2E/2023.csv", p.render(".", "t", 1673778600000L, ZoneOffset.UTC));
    }

    @Test
    void veryLongKeysAreShortenedWithAHash() {
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            k.append('/');
        }
        String name = FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME).render(k.toString(), "t", 0, ZoneOffset.UTC);
        assertTrue(name.length() <= 255, name);
        assertTrue(name.matches("(%2F)*~[0-9a-f]{16}_t_1970\\.csv"), name);
    }

    @Test
    void badPatternsAreRejected() {
        for (String bad : new String[] {"/abs/{partition_key}_{year}.csv", "../{partition_key}_{year}.csv",
                "a/../{partition_key}_{year}.csv", "./{partition_key}_{year}", "{year}.csv", "{partition_key}.csv",
                "{partition_key}_{year}_{day}.csv", "{partition_key}_{foo}_{year}", "{partition_key_{year}",
                "a\\{partition_key}{year}", "a//{partition_key}{year}", "{partition_key}{year}/", "C:{partition_key}{year}",
                "", "  "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileNamePattern.parse(bad), bad);
            assertTrue(e.getMessage().contains("fileName"), e.getMessage());
        }
    }

    @Test
    void regexMatchesOnlyThisTable() {
        FileNamePattern p = FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME);
        assertTrue(p.regexFor("sensor").matcher("dev%2F1_sensor_2023.csv").matches());
        assertTrue(!p.regexFor("sensor").matcher("dev_other_2023.csv").matches());
        assertTrue(!p.regexFor("sensor").matcher("notes.txt").matches());
    }
}
