package com.otsrange.runner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamPluginsTest {

    private static String job(int channel, String columns, long count, boolean print) {
        return "{\"job\":{\"setting\":{\"speed\":{\"channel\":" + channel + "}},\"content\":[{"
                + "\"reader\":{\"name\":\"streamreader\",\"parameter\":{\"column\":[" + columns + "],"
                + "\"sliceRecordCount\":" + count + "}},"
                + "\"writer\":{\"name\":\"streamwriter\",\"parameter\":{\"print\":" + print + "}}}]}}";
    }

    @Test
    void everyTaskProducesSliceRecordCountRecords() {
        RunResult result = new LocalRunner(RunOptions.quiet()).runJson(
                job(3, "{\"type\":\"string\",\"value\":\"abc\"},{\"type\":\"long\",\"value\":\"42\"}", 1000, false));
        assertTrue(result.succeeded(), result::toString);
        assertEquals(3, result.taskCount());
        assertEquals(3000, result.readRecords());
        assertEquals(3000, result.writeRecords());
        // byte size as DataX: "abc" = 3, a LongColumn from a string = its length (2)
        assertEquals(3000 * 5, result.bytes());
    }

    @Test
    void printWritesTabSeparatedLinesWithIncrAndRandomValues() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        RunResult result;
        try {
            result = new LocalRunner(RunOptions.quiet()).runJson(job(1,
                    "{\"type\":\"long\",\"incr\":\"10,5\"},{\"type\":\"string\",\"random\":\"3,3\"},"
                            + "{\"type\":\"bool\",\"value\":\"true\"},"
                            + "{\"type\":\"date\",\"value\":\"2024-01-02 03:04:05\"}", 3, true));
        } finally {
            System.setOut(original);
        }
        assertTrue(result.succeeded(), result::toString);
        List<String> lines = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\\R"));
        assertEquals(3, lines.size(), lines::toString);
        for (int i = 0; i < 3; i++) {
            String[] cells = lines.get(i).split("\t");
            assertEquals(String.valueOf(10 + 5 * i), cells[0]);
            assertTrue(cells[1].matches("[A-Za-z0-9]{3}"), cells[1]);
            assertEquals("true", cells[2]);
            assertTrue(cells[3].startsWith("2024-01-0"), cells[3]);
        }
    }

    @Test
    void badColumnsFailWithStreamReaderCodes() {
        RunResult noColumns = new LocalRunner(RunOptions.quiet()).runJson(job(1, "", 1, false));
        assertEquals("StreamReader-00", noColumns.errorCode());
        RunResult badType = new LocalRunner(RunOptions.quiet()).runJson(
                job(1, "{\"type\":\"decimal\",\"value\":\"1\"}", 1, false));
        assertEquals("StreamReader-02", badType.errorCode());
        RunResult badCount = new LocalRunner(RunOptions.quiet()).runJson(
                job(1, "{\"type\":\"long\",\"value\":\"1\"}", 0, false));
        assertEquals("StreamReader-01", badCount.errorCode());
    }
}
