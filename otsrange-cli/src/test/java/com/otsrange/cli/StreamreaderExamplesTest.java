package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs we show for DataX's stock streamreader (docs/writer.md, job/streamreader-csvyearwriter.json)
 * use only what the stock plugin has (DataX streamreader source: per column `type`, `value`,
 * `random`, `dateFormat`; `random` bounds of non-date columns go through Integer.parseInt). Our
 * local runner's `incr` is an extension DataX would ignore. RealDataxIT runs them in DataX itself.
 */
class StreamreaderExamplesTest {
    private static final List<String> STOCK_COLUMN_KEYS = Arrays.asList("type", "value", "random", "dateFormat");
    private static final List<String> STOCK_PARAMETER_KEYS = Arrays.asList("column", "sliceRecordCount");

    @TempDir
    Path dir;

    /** The ```json blocks of docs/writer.md that use streamreader. */
    static List<String> docExamples() throws IOException {
        String doc = new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("docs/writer.md")), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            if (m.group(1).contains("\"streamreader\"")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void examplesUseOnlyStockStreamreaderOptions() throws Exception {
        List<String> jobs = new ArrayList<>(docExamples());
        assertFalse(jobs.isEmpty(), "docs/writer.md shows a streamreader example");
        jobs.add(new String(Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/streamreader-csvyearwriter.json")),
                StandardCharsets.UTF_8));
        for (String job : jobs) {
            JSONObject reader = JSON.parseObject(job).getJSONObject("job").getJSONArray("content").getJSONObject(0)
                    .getJSONObject("reader");
            assertEquals("streamreader", reader.getString("name"));
            JSONObject parameter = reader.getJSONObject("parameter");
            assertTrue(STOCK_PARAMETER_KEYS.containsAll(parameter.keySet()), parameter.keySet().toString());
            JSONArray columns = parameter.getJSONArray("column");
            for (int i = 0; i < columns.size(); i++) {
                JSONObject c = columns.getJSONObject(i);
                assertTrue(STOCK_COLUMN_KEYS.containsAll(c.keySet()), "column " + i + " uses " + c.keySet() + "\n" + job);
                String random = c.getString("random");
                if (random != null && !"date".equalsIgnoreCase(c.getString("type"))) {
                    for (String bound : random.split(",")) {
                        Integer.parseInt(bound.trim()); // what stock streamreader does: no epoch milliseconds here
                    }
                }
            }
        }
    }

    @Test
    void docExamplesPassValidate() throws Exception {
        int n = 0;
        for (String job : docExamples()) {
            Path file = dir.resolve("example" + (n++) + ".json");
            Files.write(file, job.replace("\"/tmp/out\"", "\"out\"").getBytes(StandardCharsets.UTF_8));
            CliHarness run = ValidateCommandTest.validate(dir, file.getFileName().toString());
            assertEquals(0, run.status, run.toString());
        }
        assertTrue(n > 0);
    }
}
