package com.otsrange.cli;

import com.otsrange.emulator.OtsEmulator;
import com.otsrange.testkit.DataxInstall;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin tarball installed into a copy of a real DataX (only when DATAX_HOME is set; skipped
 * otherwise) and jobs run through DataX's own engine, as `datax.py` starts it.
 */
class RealDataxIT {

    /** The file {@link #oneHeavyFile} jobs write. */
    private static final String HEAVY_FILE = DemoCommandTest.DEVICES[0] + "_sensor_data_2024.csv";

    @TempDir
    Path work;

    Path home;

    @BeforeEach
    void installIntoACopyOfDatax() throws IOException {
        home = DataxInstall.installedOrSkip(work);
    }

    @Test
    void otsrangereaderToCsvyearwriterThroughTheRealEngine() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("realdatax").accessKeyId("id")
                .accessKeySecret("SECRET-real-datax").demo(true).build().start()) {
            String job = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                    .replace("${endpoint}", emulator.endpoint())
                    .replace("${instanceName}", "realdatax")
                    .replace("${accessId}", "id")
                    .replace("${accessKey}", "SECRET-real-datax")
                    .replace("${outputDir}", work.resolve("out").toString());
            DataxInstall.Result result = runEngine(fast(job));
            assertEquals(0, result.status, result.output);
            assertTrue(result.output.contains("39456"), "3 devices x 1096 days x 12 dim-0 readings\n" + result.output);
            assertFalse(result.output.contains("SECRET-real-datax"), "DataX masks accessKey when it prints the job");
            for (String device : DemoCommandTest.DEVICES) {
                for (int year = 2024; year <= 2026; year++) {
                    assertTrue(Files.isRegularFile(work.resolve("out/" + device + "_sensor_data_" + year + ".csv")),
                            device + " " + year + "\n" + result.output);
                }
            }
            List<String> lines = Files.readAllLines(work.resolve("out/2309193932839_sensor_data_2024.csv"), StandardCharsets.UTF_8);
            assertEquals("ct,p34_1,p50_1,p51_1", lines.get(0));
            assertTrue(lines.get(1).startsWith("2024-01-01T00:0") && lines.get(1).contains("Z,"),
                    "UTC instants even though DataX sets the JVM zone to GMT+8: " + lines.get(1));
            assertEquals(DemoCommandTest.rowsPerDeviceYear(2024) + 1, lines.size());
        }
    }

    /**
     * The README's first DataX run, as a newcomer types it: datax.py with -p, job/export.json
     * unchanged, from a folder laid out like the repository root, against the demo emulator.
     */
    @Test
    void theReadmesExportJobRunsAsItIsThroughDataxPy() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "no python on PATH to run datax.py");
        Path root = work.resolve("checkout");
        Files.createDirectories(root.resolve("job/tasks"));
        for (String file : new String[] {"job/export.json", "job/tasks/device_mappings.json"}) {
            Files.copy(LauncherIT.ROOT.resolve(file), root.resolve(file));
        }
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("demo").accessKeyId("id")
                .accessKeySecret("key").demo(true).build().start()) {
            List<String> command = Arrays.asList(python, home.resolve("bin/datax.py").toString(), "-p",
                    "-Dendpoint=" + emulator.endpoint() + " -DinstanceName=demo -DaccessId=id -DaccessKey=key",
                    "job/export.json");
            DataxInstall.Result result = run(command, root);
            assertEquals(0, result.status, result.output);

            // export.json: dim = 0, 2025-02-02T05:24:42.740Z <= ct < 2026-07-11T01:46:24.870Z. The
            // demo has a reading every 2 hours (plus under 2 minutes of jitter), so the first one
            // in range is 06:00 on 2025-02-02 and the last 00:00 on 2026-07-11.
            long rows2025 = readings("2025-02-02T06:00:00Z", "2025-12-31T22:00:00Z");
            long rows2026 = readings("2026-01-01T00:00:00Z", "2026-07-11T00:00:00Z");
            assertTrue(result.output.contains(String.valueOf(3 * (rows2025 + rows2026))), 3 * (rows2025 + rows2026) + "\n" + result.output);
            Path out = root.resolve("output_data");
            List<String> files = new ArrayList<>();
            try (Stream<Path> list = Files.list(out)) {
                list.filter(Files::isRegularFile).forEach(f -> files.add(f.getFileName().toString()));
            }
            java.util.Collections.sort(files);
            List<String> expected = new ArrayList<>();
            for (String device : DemoCommandTest.DEVICES) {
                expected.add(device + "_sensor_data_2025.csv");
                expected.add(device + "_sensor_data_2026.csv");
            }
            assertEquals(expected, files);
            List<String> y2025 = Files.readAllLines(out.resolve("2309193932839_sensor_data_2025.csv"), StandardCharsets.UTF_8);
            assertEquals("p34_1,p50_1,p51_1,ct", y2025.get(0), "appendColumns at the end, as the exporter wrote them");
            assertTrue(y2025.get(1).matches("[^,]*,[^,]*,[^,]*,2025-02-02T06:0[0-9]:[0-9.]+Z"), y2025.get(1));
            assertEquals(rows2025 + 1, y2025.size());
            List<String> y2026 = Files.readAllLines(out.resolve("2309193932841_sensor_data_2026.csv"), StandardCharsets.UTF_8);
            assertEquals("p20_1,p20_2,p21_1,ct", y2026.get(0));
            assertTrue(y2026.get(y2026.size() - 1).matches(".*,2026-07-11T00:0[0-9]:[0-9.]+Z"), y2026.get(y2026.size() - 1));
            assertEquals(rows2026 + 1, y2026.size());
        }
    }

    /** Readings every 2 hours from {@code first} to {@code last}, both included. */
    private static long readings(String first, String last) {
        return java.time.Duration.between(java.time.Instant.parse(first), java.time.Instant.parse(last)).toHours() / 2 + 1;
    }

    private static String python() throws InterruptedException {
        for (String name : new String[] {"python", "python3"}) {
            try {
                Process p = new ProcessBuilder(name, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return name;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    @Test
    void streamreaderToCsvyearwriterThroughTheRealEngine() throws Exception {
        String job = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/streamreader-csvyearwriter.json")),
                StandardCharsets.UTF_8).replace("\"output_stream\"", "\"" + work.resolve("stream").toString().replace("\\", "/") + "\"");
        DataxInstall.Result result = runEngine(fast(job));
        assertEquals(0, result.status, result.output);
        List<String> lines = Files.readAllLines(work.resolve("stream/dev-001_stream_demo_2023.csv"), StandardCharsets.UTF_8);
        assertEquals(Arrays.asList("ct,temp,status", "2023-11-14T22:13:20Z,21.5,ok"), lines.subList(0, 2));
        assertEquals(6, lines.size());
    }

    /** The generic-mode example of docs/writer.md, as printed there, runs in DataX itself. */
    @Test
    void docsStreamreaderExampleThroughTheRealEngine() throws Exception {
        List<String> examples = StreamreaderExamplesTest.docExamples();
        assertEquals(1, examples.size(), "one streamreader example in docs/writer.md");
        Path out = work.resolve("docs-example");
        DataxInstall.Result result = runEngine(fast(examples.get(0).replace("\"/tmp/out\"", "\"" + out.toString().replace("\\", "/") + "\"")));
        assertEquals(0, result.status, result.output);
        long rows = 0;
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(f)) {
                    files.add(f.getFileName().toString());
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    assertEquals("device,ts,value", lines.get(0));
                    assertTrue(lines.get(1).matches("\\d,20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z,[0-9.E]+"), lines.get(1));
                    rows += lines.size() - 1;
                }
            }
        }
        assertEquals(2000, rows, files.toString());
        assertTrue(files.contains("0_demo_2023.csv") && files.contains("9_demo_2024.csv"), files.toString());
    }

    /**
     * job/demo.json narrowed to one device's 2024 file, read in up to 4 parts on {@code channels}
     * channels, with the writer parameters {@code writer} added.
     */
    private static String oneHeavyFile(OtsEmulator emulator, Path out, int channels, boolean resume, String writer)
            throws IOException {
        com.alibaba.fastjson.JSONObject job = com.alibaba.fastjson.JSON.parseObject(new String(Files.readAllBytes(
                LauncherIT.ROOT.resolve("job/demo.json")), StandardCharsets.UTF_8)
                .replace("${endpoint}", emulator.endpoint()).replace("${instanceName}", "realdatax").replace("${accessId}", "id")
                .replace("${accessKey}", "key").replace("${outputDir}", out.toString().replace("\\", "/")));
        com.alibaba.fastjson.JSONObject content = job.getJSONObject("job").getJSONArray("content").getJSONObject(0);
        com.alibaba.fastjson.JSONObject reader = content.getJSONObject("reader").getJSONObject("parameter");
        reader.getJSONObject("tasks").getJSONObject("definitions").keySet().retainAll(Arrays.asList(DemoCommandTest.DEVICES[0]));
        reader.getJSONObject("filters").getJSONObject("ct").put("lt", "2025-01-01");
        reader.put("maxPartsPerFile", 4);
        reader.put("resume", resume);
        content.getJSONObject("writer").getJSONObject("parameter").putAll(com.alibaba.fastjson.JSON.parseObject(writer));
        job.getJSONObject("job").getJSONObject("setting").getJSONObject("speed").put("channel", channels);
        return fast(job.toJSONString());
    }

    private static OtsEmulator demoEmulator() throws IOException {
        return OtsEmulator.builder().port(0).instanceName("realdatax").accessKeyId("id").accessKeySecret("key").demo(true).build()
                .start();
    }

    /** {@link #oneHeavyFile} run through the engine, which must succeed. */
    private DataxInstall.Result exportHeavy(OtsEmulator emulator, Path out, int channels, boolean resume, String writer)
            throws Exception {
        DataxInstall.Result r = runEngine(oneHeavyFile(emulator, out, channels, resume, writer));
        assertEquals(0, r.status, r.output);
        return r;
    }

    /** Regular files under the state dir's parts/ folder. */
    private static List<Path> partFiles(Path out) throws IOException {
        Path parts = out.resolve(".otsrange/sensor_data.all/parts");
        if (!Files.exists(parts)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.walk(parts)) {
            return s.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toList());
        }
    }

    private static List<com.alibaba.fastjson.JSONObject> partLines(Path out) throws IOException {
        List<com.alibaba.fastjson.JSONObject> parts = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(".otsrange/sensor_data.all/checkpoint.log"), StandardCharsets.UTF_8)) {
            com.alibaba.fastjson.JSONObject o = com.alibaba.fastjson.JSON.parseObject(line);
            if ("part".equals(o.getString("type"))) {
                parts.add(o);
            }
        }
        return parts;
    }

    /**
     * Issue 20 item 1 in DataX: a UTF-16 file read in parts, and appended to in parts, is its UTF-8
     * text encoded at once: one byte order mark at the start, none where a part or an append begins.
     */
    @Test
    void utf16FilesReadInPartsAndAppendedHoldOneByteOrderMarkThroughTheRealEngine() throws Exception {
        java.nio.charset.Charset utf16 = java.nio.charset.Charset.forName("UTF-16");
        try (OtsEmulator emulator = demoEmulator()) {
            Path ref = work.resolve("ref");
            exportHeavy(emulator, ref, 1, false, "{}");
            String text = new String(Files.readAllBytes(ref.resolve(HEAVY_FILE)), StandardCharsets.UTF_8);
            assertEquals(DemoCommandTest.rowsPerDeviceYear(2024) + 1, text.split("\n").length);

            Path out = work.resolve("utf16");
            exportHeavy(emulator, out, 4, false, "{\"encoding\": \"UTF-16\"}");
            assertTrue(partLines(out).size() >= 2, "read in parts: " + partLines(out));
            assertArrayEquals(text.getBytes(utf16), Files.readAllBytes(out.resolve(HEAVY_FILE)), "one BOM, none where a part begins");

            exportHeavy(emulator, out, 4, false, "{\"encoding\": \"UTF-16\", \"writeMode\": \"append\"}");
            assertTrue(partLines(out).size() >= 2, "appended in parts");
            String twice = text + text.substring(text.indexOf('\n') + 1);
            assertArrayEquals(twice.getBytes(utf16), Files.readAllBytes(out.resolve(HEAVY_FILE)), "one BOM after an append");
        }
    }

    /**
     * Issue 20 item 5 in DataX: the part files a kill -9 leaves between a joined file's commit line
     * and their deletion are removed by the next resumed run, which reads nothing again; a damaged
     * checkpoint line then refuses the run (CsvYearWriter-05) before anything is written.
     */
    @Test
    void partFilesLeftAfterTheCommitLineAreRemovedByTheNextRunThroughTheRealEngine() throws Exception {
        try (OtsEmulator emulator = demoEmulator()) {
            Path out = work.resolve("parts");
            exportHeavy(emulator, out, 4, true, "{}");
            byte[] joined = Files.readAllBytes(out.resolve(HEAVY_FILE));
            List<com.alibaba.fastjson.JSONObject> parts = partLines(out);
            assertTrue(parts.size() >= 2, "read in parts: " + parts);
            assertEquals(new ArrayList<Path>(), partFiles(out));
            // the state of a kill after the join's commit line: every recorded part file back, plus one no line records
            for (com.alibaba.fastjson.JSONObject p : parts) {
                Path f = out.resolve(".otsrange/sensor_data.all").resolve(p.getString("file"));
                Files.createDirectories(f.getParent());
                Files.write(f, new byte[p.getIntValue("bytes")]);
            }
            Files.write(out.resolve(".otsrange/sensor_data.all/parts/2024/stray.0of2"), new byte[] {1});
            assertEquals(parts.size() + 1, partFiles(out).size());
            DataxInstall.Result resumed = exportHeavy(emulator, out, 4, true, "{}");
            assertEquals(new ArrayList<Path>(), partFiles(out), "the resumed run removed them");
            // issue 19: the writer's prepare and post read the checkpoint once each; the reader's split (another
            // class loader in DataX) plans from the snapshot the prepare handed over
            assertEquals(2, resumed.output.split("checkpoint: read ", -1).length - 1, resumed.output);
            assertEquals(1, resumed.output.split("checkpoint: the writer's snapshot of", -1).length - 1, resumed.output);
            assertArrayEquals(joined, Files.readAllBytes(out.resolve(HEAVY_FILE)));

            // a whole line in the middle that no writer wrote (a disk fault, a hand edit): refused before anything is written
            Path log = out.resolve(".otsrange/sensor_data.all/checkpoint.log");
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
            lines.set(1, "{\"type\":\"commit\",\"unit\":");
            Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] ledger = Files.readAllBytes(log);
            DataxInstall.Result damaged = runEngine(oneHeavyFile(emulator, out, 4, true, "{}"));
            assertTrue(damaged.status != 0 && damaged.output.contains("CsvYearWriter-05")
                    && damaged.output.contains("checkpoint.log line 2 is damaged (not JSON)"), damaged.output);
            assertArrayEquals(joined, Files.readAllBytes(out.resolve(HEAVY_FILE)));
            assertArrayEquals(ledger, Files.readAllBytes(log), "the checkpoint as it was");
        }
    }

    /**
     * Issue 20 item 4 in DataX: a symbolic link inside path leading elsewhere is refused (paired
     * and generic mode), naming the file and the link; nothing is written where it leads.
     */
    @Test
    void aLinkInsidePathLeadingElsewhereIsRefusedThroughTheRealEngine() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Path out = Files.createDirectories(work.resolve("linked"));
        Path link = Files.createSymbolicLink(out.resolve(DemoCommandTest.DEVICES[0]), elsewhere);
        try (OtsEmulator emulator = demoEmulator()) {
            DataxInstall.Result r = runEngine(oneHeavyFile(emulator, out, 1, false, "{\"fileName\": \"{partition_key}/{year}.csv\"}"));
            assertTrue(r.status != 0, r.output);
            assertTrue(r.output.contains("CsvYearWriter-06") && r.output.contains(DemoCommandTest.DEVICES[0] + "/2024.csv")
                    && r.output.contains(link.toString()), r.output);
        }
        String job = new String(Files.readAllBytes(LauncherIT.ROOT.resolve("job/streamreader-csvyearwriter.json")),
                StandardCharsets.UTF_8).replace("\"output_stream\"", "\"" + out.toString().replace("\\", "/") + "\"")
                .replace("{partition_key}_{table}_{year}.csv", "{partition_key}/{year}.csv");
        Files.createSymbolicLink(out.resolve("dev-001"), elsewhere);
        DataxInstall.Result r = runEngine(fast(job));
        assertTrue(r.status != 0, r.output);
        assertTrue(r.output.contains("CsvYearWriter-06") && r.output.contains("dev-001/2023.csv"), r.output);
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written through the link");
        }
    }

    /**
     * changes "stream" in DataX's own engine: refused outside incremental mode when the reader Job
     * starts (DataX hands it the writer's parameter before init), a first run exports as without
     * it and records the stream position, and a late row then reaches its committed file in a run
     * that only restates (the window again: nothing new to export).
     */
    @Test
    void changesStreamThroughTheRealEngine() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("realdatax").accessKeyId("id")
                .accessKeySecret("key").demo(true).build().start()) {
            Path out = work.resolve("out");
            String job = DemoStream.incrementalJob(emulator.endpoint(), "realdatax", "key", out, "\"stream\"");
            DataxInstall.Result oneShot = runEngine(fast(job.replace("\"writeMode\": \"append\"", "\"writeMode\": \"truncate\"")
                    .replace("${startDate}", "20231231").replace("${endDate}", "20240102")));
            assertTrue(oneShot.status != 0 && oneShot.output.contains("OtsRangeReader-01")
                    && oneShot.output.contains("parameter.changes: \"stream\" needs incremental mode"), oneShot.output);
            assertFalse(Files.exists(out), "refused before the writer prepared anything");

            com.alicloud.openservices.tablestore.SyncClient client =
                    new com.alicloud.openservices.tablestore.SyncClient(emulator.endpoint(), "id", "key", "realdatax");
            try {
                DemoStream.enable(client);
                String window = job.replace("${startDate}", "20231231").replace("${endDate}", "20240102");
                DataxInstall.Result first = runEngine(fast(window));
                assertEquals(0, first.status, first.output);
                assertTrue(first.output.contains("changes: stream: first run, stream position recorded"), first.output);
                Path file = out.resolve("2309193932841_sensor_data_2024.csv");
                List<String> before = Files.readAllLines(file, StandardCharsets.UTF_8);

                DemoStream.lateReading(client, "2309193932841", "2024-01-01T00:30:00+08:00");
                DataxInstall.Result restated = runEngine(fast(window));
                assertEquals(0, restated.status, restated.output);
                assertTrue(restated.output.contains("2309193932841_sensor_data_2024.csv: restated from")
                        && restated.output.contains("1 row(s) added, 0 removed, 0 changed"), restated.output);
                List<String> after = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> added = new ArrayList<>(after);
                for (String line : before) {
                    assertTrue(added.remove(line), "kept: " + line);
                }
                assertEquals(1, added.size(), added.toString());
                assertTrue(added.get(0).contains("1.5"), added.get(0));
            } finally {
                client.shutdown();
            }
        }
    }

    /**
     * Issue 21's writer paths in DataX's own engine, gzip month files: a late row rewrites its file
     * from the start, a deleted day cuts a file back, a key whose rows are all deleted loses its
     * file, in a run that only restates; then a lookback that finds the same rows restates nothing.
     * Each file's text then equals a fresh export of the same windows.
     */
    @Test
    void restatementsThroughTheRealEngine() throws Exception {
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName("realdatax").accessKeyId("id")
                .accessKeySecret("key").demo(true).build().start()) {
            Path out = work.resolve("out");
            String job = DemoStream.incrementalJob(emulator.endpoint(), "realdatax", "key", out, "\"stream\"")
                    .replace("{partition_key}_{table}_{year}.csv", "{partition_key}/{year}-{month}.csv")
                    .replace("\"writeMode\": \"append\"", "\"writeMode\": \"append\", \"compress\": \"gzip\"");
            com.alicloud.openservices.tablestore.SyncClient client =
                    new com.alicloud.openservices.tablestore.SyncClient(emulator.endpoint(), "id", "key", "realdatax");
            try {
                DemoStream.enable(client);
                String day1 = job.replace("${startDate}", "20240101").replace("${endDate}", "20240102");
                String day2 = job.replace("${startDate}", "20240102").replace("${endDate}", "20240103");
                assertEquals(0, runEngine(fast(day1)).status);
                byte[] afterDay1 = Files.readAllBytes(out.resolve("2309193932839/2024-01.csv.gz"));
                assertEquals(0, runEngine(fast(day2)).status);

                DemoStream.lateReading(client, "2309193932841", "2024-01-01T00:30:00+08:00");
                assertTrue(DemoStream.deleteReadings(client, "2309193932839", "2024-01-02T00:00:00+08:00",
                        "2024-01-03T00:00:00+08:00") > 0);
                assertTrue(DemoStream.deleteReadings(client, "2309193932840", "2024-01-01T00:00:00+08:00",
                        "2024-01-03T00:00:00+08:00") > 0);
                DataxInstall.Result restated = runEngine(fast(day2));
                assertEquals(0, restated.status, restated.output);
                assertTrue(restated.output.contains("2309193932841/2024-01.csv.gz: restated from 2024-01-01")
                        && restated.output.contains("2309193932839/2024-01.csv.gz: truncated from 2024-01-02")
                        && restated.output.contains("2309193932840/2024-01.csv.gz: deleted from 2024-01-01"), restated.output);
                assertFalse(Files.exists(out.resolve("2309193932840/2024-01.csv.gz")), "no rows left: no file");
                assertArrayEquals(afterDay1, Files.readAllBytes(out.resolve("2309193932839/2024-01.csv.gz")),
                        "cut back to what the first day made of it");

                Path fresh = work.resolve("fresh");
                String both = job.replace("${startDate}", "20240101").replace("${endDate}", "20240103")
                        .replace(out.toString().replace("\\", "/"), fresh.toString().replace("\\", "/"));
                assertEquals(0, runEngine(fast(both)).status);
                for (String device : new String[] {"2309193932839", "2309193932841"}) {
                    String f = device + "/2024-01.csv.gz";
                    assertArrayEquals(gunzip(fresh.resolve(f)), gunzip(out.resolve(f)), f);
                }
                assertFalse(Files.exists(fresh.resolve("2309193932840/2024-01.csv.gz")));

                String lookback = job.replace("\"changes\": \"stream\"", "\"changes\": {\"lookback\": \"P1D\"}")
                        .replace("${startDate}", "20240103").replace("${endDate}", "20240104");
                DataxInstall.Result same = runEngine(fast(lookback));
                assertEquals(0, same.status, same.output);
                com.alibaba.fastjson.JSONObject manifest = com.alibaba.fastjson.JSON.parseObject(new String(Files.readAllBytes(
                        out.resolve(".otsrange/sensor_data.all/manifest.json")), StandardCharsets.UTF_8));
                assertEquals(0, manifest.getJSONArray("restated").size(), manifest.toJSONString());
                assertEquals(0, manifest.getJSONObject("changes").getIntValue("filesRestated"));
            } finally {
                client.shutdown();
            }
        }
    }

    private static byte[] gunzip(Path f) throws IOException {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        }
    }

    private static String fast(String job) {
        return DataxInstall.fast(job);
    }

    private DataxInstall.Result runEngine(String job) throws IOException, InterruptedException {
        return DataxInstall.runEngine(home, work, job);
    }

    private DataxInstall.Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        return DataxInstall.run(command, directory, work.resolve("engine.log"));
    }
}
