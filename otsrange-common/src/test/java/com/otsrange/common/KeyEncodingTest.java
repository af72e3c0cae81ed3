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
        assertEquals("a.b", KeyEncoding.encode("a.b"));
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

    /** Our extension of CONTRACT.md section 5: no key is a hidden name, a path trick or empty. */
    @Test
    void aLeadingDotAndTheEmptyKeyAreEscaped() {
        assertEquals("%2E.", KeyEncoding.encode(".."));
        assertEquals("%2E", KeyEncoding.encode("."));
        assertEquals("%2Eotsrange", KeyEncoding.encode(".otsrange"));
        assertEquals("%2Ea%2Fb", KeyEncoding.encode(".a/b"));
        assertEquals("a.", KeyEncoding.encode("a."));
        assertEquals("%EMPTY", KeyEncoding.encode(""));
        assertEquals("%25EMPTY", KeyEncoding.encode("%EMPTY"));
        assertEquals("2023/%2Eotsrange", UnitId.of(Period.YEAR, "2023", ".otsrange"));
        assertEquals("2023/%EMPTY", UnitId.of(Period.YEAR, "2023", ""));
        FileNamePattern p = FileNamePattern.parse("{partition_key}/{year}.csv");
        assertEquals("%2E./2023.csv", p.render("..", "t", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%2E/2023.csv", p.render(".", "t", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%EMPTY/2023.csv", p.render("", "t", 1673778600000L, ZoneOffset.UTC));
        // the hostile case of issue 14: the key's rows must not land in the bookkeeping folder
        assertEquals("%2Eotsrange/2023.csv", p.render(".otsrange", "t", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%2Eotsrange/rp.all/tmp/2023.csv", FileNamePattern.parse("{partition_key}/{table}.all/tmp/{year}.csv")
                .render(".otsrange", "rp", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%2Eotsrange/k_2023.csv", FileNamePattern.parse("{table}/{partition_key}_{year}.csv")
                .render("k", ".otsrange", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%EMPTY.otsrange/2023.csv", FileNamePattern.parse("{partition_key}.otsrange/{year}.csv")
                .render("", "t", 1673778600000L, ZoneOffset.UTC));
        assertEquals("%EMPTY_t_2023.csv", FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME).render("", "t", 1673778600000L, ZoneOffset.UTC));
    }

    @Test
    void patternsThatCouldReachTheBookkeepingFolderAreRejected() {
        for (String bad : new String[] {".otsrange/{partition_key}_{year}.csv", ".otsrange/x/{partition_key}_{year}.csv",
            ".OtsRange/{partition_key}_{year}.csv", ".{partition_key}/{year}.csv", ".ots{table}/{partition_key}_{year}.csv",
            ".otsrang{partition_key}/{year}.csv", ".{table}{partition_key}/{year}.csv"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileNamePattern.parse(bad), bad);
            assertTrue(e.getMessage().contains("fileName") && e.getMessage().contains(".otsrange"), e.getMessage());
        }
        for (String fine : new String[] {"{partition_key}.otsrange/{year}.csv", "x/.otsrange/{partition_key}_{year}.csv",
            ".hidden/{partition_key}_{year}.csv", ".otsrange{year}/{partition_key}.csv", "{partition_key}/.otsrange/{year}.csv",
            ".otsrange_{partition_key}_{year}.csv"}) {
            FileNamePattern.parse(fine);
        }
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
        assertTrue(p.regexFor("sensor").matcher("%EMPTY_sensor_2023.csv").matches());
        assertTrue(p.regexFor("sensor").matcher("%2E._sensor_2023.csv").matches());
    }
}
