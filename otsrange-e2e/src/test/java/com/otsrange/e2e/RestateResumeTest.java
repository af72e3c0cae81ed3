package com.otsrange.e2e;

import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A run that failed after committing some units of its window, then a row written inside that
 * window for a committed unit, then the rerun that completes the window: the rerun must bring the
 * committed unit's window up to date too, with the Stream and with a lookback. The failure is made
 * deterministic: one channel (units in key order), and a row of the last key that the job's
 * encoding (US-ASCII) cannot write (CsvYearWriter-11), deleted again before the rerun.
 */
class RestateResumeTest {
    static E2e e2e;
    static int tables;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e("getRange");
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    /** Year files: the committed unit's file period also holds the lookback span; day files: it does not. */
    @ParameterizedTest
    @CsvSource({"0, YEAR", "3, YEAR", "0, DAY", "3, DAY"})
    void aRerunCompletingAWindowRestatesItsCommittedUnitsToo(int lookbackDays, RestateShape.Files files) throws Exception {
        RestateShape shape = new RestateShape(ZoneId.of("UTC"), files, false, 1, true, lookbackDays);
        RestateTable table = new RestateTable(e2e, "rsresume" + (++tables), lookbackDays == 0 ? 24 : 0);
        for (String key : RestateShape.KEYS.subList(0, 3)) {
            for (int day = 0; day < 3; day++) {
                table.put(key, shape.dayStart(day) + 3_600_000L, E2e.attrs("v", (long) day, "s", "ok", "x", 1L));
            }
        }
        Path out = dir.resolve("out");
        Object changes = RestateShape.changes(lookbackDays);
        assertEquals(null, run(shape, table, out, 0, 1, changes).errorCode());
        assertEquals(null, run(shape, table, out, 1, 2, changes).errorCode(), "a second run, so a Stream position is recorded");

        String last = RestateShape.KEYS.get(2);
        table.put(last, shape.dayStart(2) + 7, E2e.attrs("s", "not ASCII: ü", "x", 1L));
        Map<String, byte[]> before = E2e.snapshot(out);
        RunResult failed = run(shape, table, out, 2, 3, changes);
        assertEquals("CsvYearWriter-11", failed.errorCode(), failed.errorMessage());
        String first = RestateOracle.fileName(table.name, shape, RestateShape.KEYS.get(0), shape.dayStart(2));
        assertFalse(java.util.Arrays.equals(before.get(first), E2e.snapshot(out).get(first)),
                "the first key's unit was committed in the window before the failure");

        table.put(RestateShape.KEYS.get(0), shape.dayStart(2) + 5, E2e.attrs("v", 42L, "x", 1L)); // late, into the open window
        table.delete(last, shape.dayStart(2) + 7);
        RunResult rerun = run(shape, table, out, 2, 3, changes);
        assertEquals(null, rerun.errorCode(), rerun.errorMessage());
        Map<String, String> want = RestateOracle.expected(table, shape, t -> t >= shape.dayStart(0) && t < shape.dayStart(3));
        assertEquals("", RestateOracle.diff(want, RestateOracle.texts(E2e.snapshot(out), false)),
                "changes " + changes + ": the rerun leaves the window as the table holds it");
        assertFalse(want.isEmpty());
    }

    static RunResult run(RestateShape shape, RestateTable table, Path out, int from, int to, Object changes) {
        JSONObject job = shape.job(e2e, table.name, out, null, from, to, changes);
        job.getJSONObject("job").getJSONObject("setting").getJSONObject("speed").put("channel", 1);
        E2e.writerOf(job).put("encoding", "US-ASCII");
        return E2e.run(job);
    }
}
