package com.otsrange.cli;

import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tasks of 129 to 300 columns into CSV files with the local runner (as `bin/otsrange run`):
 * GetRange, auto against a service without BulkExport, and BulkExport write the same bytes, with
 * exactly the rows that have one of their task's columns ({@link WideTable}; through DataX's own
 * engine in {@link WideTasksDataxIT}).
 */
class WideTasksCsvTest {
    static WideTable table;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        table = new WideTable();
    }

    @AfterAll
    static void stop() {
        table.close();
    }

    Map<String, byte[]> export(com.otsrange.emulator.OtsEmulator emulator, String readApi) throws Exception {
        Path out = dir.resolve(readApi + "-" + emulator.port());
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(WideTable.job(emulator, readApi, out));
        assertTrue(r.succeeded(), readApi + ": " + r.errorCode() + " " + r.errorMessage());
        return WideTable.files(out);
    }

    @Test
    void everyReadPathWritesTheSameBytes() throws Exception {
        Map<String, byte[]> getRange = export(table.withBulk, "getRange");
        assertEquals(WideTable.TASKS.size() * 2, getRange.size(), getRange.keySet().toString());
        assertEquals(WideTable.expectedRows(), WideTable.rows(getRange));
        String header = new String(getRange.get("k300_wide_2024.csv"), StandardCharsets.UTF_8).split("\n")[0];
        assertEquals(WideTable.COLUMNS, header.split(",").length, header);
        for (Map<String, byte[]> other : java.util.Arrays.asList(export(table.withoutBulk, "auto"), export(table.withBulk, "bulkExport"))) {
            assertEquals(getRange.keySet(), other.keySet());
            for (String name : getRange.keySet()) {
                assertArrayEquals(getRange.get(name), other.get(name), name);
            }
        }
    }
}
