package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link WideTasksCsvTest} through DataX's own engine (only when DATAX_HOME is set): tasks of 129
 * to 300 columns with readApi getRange, auto against a service without BulkExport, and bulkExport
 * write byte-identical files holding exactly the rows with one of their task's columns.
 */
class WideTasksDataxIT {
    @TempDir
    Path work;

    @Test
    void everyReadPathWritesTheSameBytesInDatax() throws Exception {
        Path source = DataxInstall.home();
        Assumptions.assumeTrue(source != null, "DATAX_HOME is not set: no real DataX to test against");
        Path home = DataxInstall.copyWithPlugins(source, work.resolve("datax"));
        try (WideTable table = new WideTable()) {
            Map<String, byte[]> getRange = export(home, table.withBulk, "getRange");
            assertEquals(WideTable.TASKS.size() * 2, getRange.size(), getRange.keySet().toString());
            assertEquals(WideTable.expectedRows(), WideTable.rows(getRange));
            for (Map<String, byte[]> other : Arrays.asList(export(home, table.withoutBulk, "auto"), export(home, table.withBulk, "bulkExport"))) {
                assertEquals(getRange.keySet(), other.keySet());
                for (String name : getRange.keySet()) {
                    assertArrayEquals(getRange.get(name), other.get(name), name);
                }
            }
        }
    }

    private Map<String, byte[]> export(Path home, OtsEmulator emulator, String readApi) throws Exception {
        Path out = work.resolve(readApi + "-" + emulator.port());
        DataxInstall.Result r = DataxInstall.runJob(home, work, readApi + "-" + emulator.port(), WideTable.job(emulator, readApi, out));
        assertEquals(0, r.status, r.output);
        return WideTable.files(out);
    }
}
