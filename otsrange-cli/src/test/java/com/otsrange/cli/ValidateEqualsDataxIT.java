package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * validate's verdict is real DataX's (only when DATAX_HOME is set): the job settings the engine
 * reads itself, and refusals the plugins make inside it, each plugin in its own class loader
 * with its own copy of otsrange-config (the writer reads the reader's parameter there too).
 */
class ValidateEqualsDataxIT {
    @TempDir
    Path work;

    Path home;

    @BeforeEach
    void installIntoACopyOfDatax() throws Exception {
        home = DataxInstall.installedOrSkip(work);
    }

    String streamJob(String channel) throws Exception {
        return new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/streamreader-csvyearwriter.json")), StandardCharsets.UTF_8)
                .replace("\"output_stream\"", "\"" + work.resolve("stream").toString().replace("\\", "/") + "\"")
                .replaceFirst("\"channel\": *\\d+", "\"channel\": " + channel);
    }

    boolean validates(String job) throws Exception {
        Path file = work.resolve("validate.json");
        Files.write(file, job.getBytes(StandardCharsets.UTF_8));
        return ValidateCommandTest.validate(work, file.toString()).status == 0;
    }

    /** "${channel}" substituted into a quoted job gives "2": DataX runs it, so validate accepts it; " 2" neither does. */
    @Test
    void aChannelAsAStringIsReadAsDataxReadsIt() throws Exception {
        String two = streamJob("\"2\"");
        assertTrue(validates(two));
        DataxInstall.Result ok = DataxInstall.runEngine(home, work, DataxInstall.fast(two));
        assertEquals(0, ok.status, ok.output);
        for (String bad : new String[] {"\" 2\"", "\"2.0\""}) {
            String job = streamJob(bad);
            assertTrue(!validates(job), bad);
            DataxInstall.Result refused = DataxInstall.runEngine(home, work, DataxInstall.fast(job));
            assertNotEquals(0, refused.status, bad + "\n" + refused.output);
        }
    }

    /** A refusal of the reader's parse made offline: validate and DataX (in the reader's Job) alike. */
    @Test
    void anOfflineRefusalOfTheReaderIsDataxsToo() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("demo").accessKeyId("id").accessKeySecret("key")
                .demo(true).build().start()) {
            String job = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                    .replace("${endpoint}", emulator.endpoint()).replace("${instanceName}", "demo").replace("${accessId}", "id")
                    .replace("${accessKey}", "key").replace("${outputDir}", work.resolve("out").toString())
                    .replace("\"dim\": 0,", "\"dim\": {\"eq\": 0, \"chunkBy\": \"month\"},").replace(", \"chunkBy\": \"year\"", "");
            assertTrue(!validates(job));
            DataxInstall.Result refused = DataxInstall.runEngine(home, work, DataxInstall.fast(job));
            assertNotEquals(0, refused.status, refused.output);
            assertTrue(refused.output.contains("OtsRangeReader-01") && refused.output.contains("parameter.filters.dim.chunkBy"),
                    refused.output);
        }
    }

    /** The hour the spring DST change skips, in an hourly schedule through DataX: nothing to do, exit 0, no gap after it. */
    @Test
    void theSkippedHourIsNothingToDoInDatax() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("demo").accessKeyId("id").accessKeySecret("key")
                .demo(true).build().start()) {
            String template = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/incremental.json")), StandardCharsets.UTF_8)
                    .replace("${endpoint}", emulator.endpoint()).replace("${instanceName}", "demo").replace("${accessId}", "id")
                    .replace("${accessKey}", "key").replace("${outputDir}", work.resolve("hourly").toString())
                    .replace("Asia/Shanghai", "Europe/Berlin");
            String[] hours = {"2024-03-31T01:00:00", "2024-03-31T02:00:00", "2024-03-31T03:00:00", "2024-03-31T04:00:00"};
            for (int i = 0; i + 1 < hours.length; i++) {
                String job = template.replace("${startDate}", hours[i]).replace("${endDate}", hours[i + 1]);
                assertTrue(validates(job), hours[i]);
                DataxInstall.Result run = DataxInstall.runEngine(home, work, DataxInstall.fast(job));
                assertEquals(0, run.status, hours[i] + "\n" + run.output);
                if (i == 1) {
                    assertTrue(run.output.contains("nothing to do"), run.output);
                }
            }
        }
    }
}
