package com.otsrange.common;

import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names no key can fit are known before anything runs: a file name part, the state dir. */
class FileNameLimitsTest {
    static String repeat(String s, int n) {
        return String.join("", Collections.nCopies(n, s));
    }

    @Test
    void theLongestYearOfEachUnit() {
        // the extremes of a long in each unit, clamped to what java.time can hold
        assertEquals("-292275055".length(), FileNamePattern.longestYear(SortKeyUnit.MS));
        assertEquals("-999999999".length(), FileNamePattern.longestYear(SortKeyUnit.S), "a date's range, not the instant's");
        assertEquals("-290308".length(), FileNamePattern.longestYear(SortKeyUnit.US));
    }

    @Test
    void aPartNoKeyFitsIsNamed() {
        FileNamePattern dflt = FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME);
        // "_" + table + "_" + year + ".csv" + one byte of key: 2 + 4 + 10 + 1 = 17 bytes besides the table
        assertNull(dflt.segmentTooLong(repeat("t", 255 - 17), 10));
        String tooLong = dflt.segmentTooLong(repeat("t", 255 - 16), 10);
        assertTrue(tooLong != null && tooLong.contains("256 bytes") && tooLong.contains("255 bytes"), tooLong);
        // a table in another segment does not count against this one; multi-byte literals count as bytes
        assertNull(FileNamePattern.parse("{table}/{partition_key}_{year}.csv").segmentTooLong(repeat("t", 200), 10));
        String wide = FileNamePattern.parse("{partition_key}" + repeat("\u00e9", 126) + "{year}").segmentTooLong("t", 4);
        assertTrue(wide != null && wide.contains("at least 257 bytes"), wide);
    }

    @Test
    void aStateDirNameOver255BytesIsNamed() {
        assertNull(StateDir.nameTooLong(repeat("t", 251), ShardSpec.ALL));
        assertTrue(StateDir.nameTooLong(repeat("t", 252), ShardSpec.ALL).contains("256 bytes"));
        assertTrue(StateDir.nameTooLong(repeat("t", 245), ShardSpec.of(3, 16)).contains("bytes"));
    }
}
