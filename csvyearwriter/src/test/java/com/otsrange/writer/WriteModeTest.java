package com.otsrange.writer;

import com.otsrange.writer.spec.WriterSpec;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.Problems;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.runner.RunResult;
import com.otsrange.writer.TestOtsReader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** writeMode is read, listed and recorded by its JSON text ("nonConflict"), never by the enum name. */
class WriteModeTest {
    @TempDir
    Path dir;

    private WriterSpec spec(String writeMode, Problems problems) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("path", dir.resolve("out").toString());
        w.put("writeMode", writeMode);
        return WriterSpec.check(w, "otsrangereader", Jobs.readerParameter("sensor"), dir, problems);
    }

    @Test
    void eachModeIsReadFromItsJsonTextInAnyCase() {
        Map<String, WriteMode> cases = new LinkedHashMap<>();
        cases.put("truncate", WriteMode.TRUNCATE);
        cases.put(" Append ", WriteMode.APPEND);
        cases.put("nonConflict", WriteMode.NONCONFLICT);
        cases.put("NONCONFLICT", WriteMode.NONCONFLICT);
        for (Map.Entry<String, WriteMode> c : cases.entrySet()) {
            Problems problems = new Problems();
            WriterSpec spec = spec(c.getKey(), problems);
            assertEquals(Collections.emptyList(), problems.texts(), c.getKey());
            assertEquals(c.getValue(), spec.writeMode(), c.getKey());
        }
        assertEquals("nonConflict", WriteMode.NONCONFLICT.text());
    }

    @Test
    void anUnknownModeListsTheJsonTexts() {
        Problems problems = new Problems();
        spec("overwrite", problems);
        assertEquals(Collections.singletonList("parameter.writeMode: invalid value \"overwrite\"; valid: \"truncate\", \"append\", \"nonConflict\""),
                problems.texts());
    }

    @Test
    void theManifestRecordsTheModeAsWritten() throws Exception {
        List<List<Row>> tasks = Collections.singletonList(Arrays.asList(
                new Row("k", 1_700_000_000_000L, Arrays.asList("x"), new int[0], new com.alibaba.datax.common.element.StringColumn("v"))));
        String scenario = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(scenario, tasks);
        Path out = dir.resolve("out");
        JSONObject job = Jobs.paired(scenario, out, 1);
        Jobs.writer(job).put("writeMode", "nonConflict");
        RunResult r = Jobs.run(job);
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        JSONObject manifest = JSON.parseObject(Jobs.text(out.resolve(".otsrange/sensor.all/manifest.json")));
        assertEquals("nonConflict", manifest.getString("writeMode"));
    }
}
