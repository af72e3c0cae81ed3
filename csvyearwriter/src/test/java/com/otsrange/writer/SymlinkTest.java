package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import com.otsrange.writer.TestOtsReader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 4: no file is written where a symbolic link inside {@code path} leads outside it
 * (or into its bookkeeping folder), and the bookkeeping folder is never a link: refused with a
 * CsvYearWriter error naming the file and the link, before anything is written there. A link that
 * stays inside {@code path}, and {@code path} itself being a link, are fine.
 */
class SymlinkTest {
    @TempDir
    Path dir;

    Path out;
    /** Outside path: must stay empty. */
    Path elsewhere;

    private static final long T = Instant.parse("2023-03-01T00:00:00Z").toEpochMilli();
    private static final List<String> HEADER = Arrays.asList("v");

    @BeforeEach
    void folders() throws Exception {
        out = Files.createDirectories(dir.resolve("out"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    }

    private static Row row(String key, int i) {
        return new Row(key, T + i, HEADER, new int[0], new StringColumn("v" + i));
    }

    /** Units a and k of 2023 (a first, on one task), written with {@code fileName}. */
    private RunResult paired(Path path, String fileName) {
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, Collections.singletonList(Arrays.asList(row("a", 0), row("a", 1), row("k", 2), row("k", 3))));
        JSONObject job = Jobs.paired(id, path, 1);
        Jobs.writer(job).put("fileName", fileName);
        return Jobs.run(job);
    }

    private List<String> under(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(x -> !x.equals(p)).map(x -> p.relativize(x).toString()).sorted().collect(Collectors.toList());
        }
    }

    private void assertRefused(RunResult r, String code, String... mentions) throws Exception {
        assertFalse(r.succeeded(), "the run must fail");
        assertEquals(code, r.errorCode(), r.errorMessage());
        for (String m : mentions) {
            assertTrue(r.errorMessage().contains(m), m + " in: " + r.errorMessage());
        }
        assertEquals(Collections.emptyList(), under(elsewhere), "nothing written outside path");
    }

    @Test
    void aFolderLinkLeadingOutsidePathIsRefusedBeforeTheFileIsWritten() throws Exception {
        Path link = Files.createSymbolicLink(out.resolve("k"), elsewhere);
        RunResult r = paired(out, "{partition_key}/{year}.csv");
        assertRefused(r, "CsvYearWriter-06", "k/2023.csv", link.toString(), elsewhere.toString(), "outside parameter.path");
        assertEquals("v\nv0\nv1\n", new String(Files.readAllBytes(out.resolve("a/2023.csv")), StandardCharsets.UTF_8),
                "unit a, before k, is committed");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aRelativeLinkLeadingOutsideAndADanglingLinkAreRefusedToo() throws Exception {
        Files.createDirectories(out.resolve("deep"));
        Files.createSymbolicLink(out.resolve("deep/k"), java.nio.file.Paths.get("../../elsewhere"));
        assertRefused(paired(out, "deep/{partition_key}/{year}.csv"), "CsvYearWriter-06", "deep/k/2023.csv", "outside parameter.path");

        Path out2 = Files.createDirectories(dir.resolve("out2"));
        Path dangling = Files.createSymbolicLink(out2.resolve("k"), elsewhere.resolve("missing"));
        assertRefused(paired(out2, "{partition_key}/{year}.csv"), "CsvYearWriter-06", "k/2023.csv", dangling.toString());
        assertFalse(Files.exists(elsewhere.resolve("missing")));
    }

    @Test
    void aLinkIntoTheBookkeepingFolderIsRefused() throws Exception {
        Files.createDirectories(out.resolve(".otsrange/x"));
        Files.createSymbolicLink(out.resolve("k"), out.resolve(".otsrange/x"));
        assertRefused(paired(out, "{partition_key}/{year}.csv"), "CsvYearWriter-06", "k/2023.csv", ".otsrange");
        assertEquals(Collections.emptyList(), under(out.resolve(".otsrange/x")));
    }

    @Test
    void aFinalNameThatIsALinkIsRefusedAndTheLinkAndItsTargetStayAsTheyWere() throws Exception {
        Path target = Files.write(elsewhere.resolve("mine.csv"), "precious\n".getBytes(StandardCharsets.UTF_8));
        Path link = Files.createSymbolicLink(out.resolve("k_sensor_2023.csv"), target);
        RunResult r = paired(out, "{partition_key}_{table}_{year}.csv");
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-06", r.errorCode(), r.errorMessage());
        assertTrue(r.errorMessage().contains("k_sensor_2023.csv") && r.errorMessage().contains("symbolic link"), r.errorMessage());
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced");
        assertEquals("precious\n", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
    }

    @Test
    void linksThatStayInsidePathAndAPathThatIsItselfALinkAreFine() throws Exception {
        Files.createDirectories(out.resolve("real-k"));
        Files.createSymbolicLink(out.resolve("k"), out.resolve("real-k"));
        RunResult r = paired(out, "{partition_key}/{year}.csv");
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals("v\nv2\nv3\n", new String(Files.readAllBytes(out.resolve("real-k/2023.csv")), StandardCharsets.UTF_8));

        // path is a link: its real location is the root, files and bookkeeping go there
        Path real = Files.createDirectories(dir.resolve("real-out"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked-out"), real);
        r = paired(linked, "{partition_key}/{year}.csv");
        assertTrue(r.succeeded(), String.valueOf(r.failure()));
        assertEquals(Arrays.asList(".otsrange", ".otsrange/sensor.all", ".otsrange/sensor.all/checkpoint.log",
                ".otsrange/sensor.all/lock", ".otsrange/sensor.all/manifest.json", "a", "a/2023.csv", "k", "k/2023.csv"), under(real));
    }

    @Test
    void aBookkeepingFolderOrFileThatIsALinkIsRefusedBeforeAnythingIsWritten() throws Exception {
        String[] links = {".otsrange", ".otsrange/sensor.all", ".otsrange/sensor.all/parts", ".otsrange/sensor.all/checkpoint.log"};
        for (String name : links) {
            Path o = Files.createDirectories(dir.resolve("state-" + name.replace('/', '_')));
            Path link = o.resolve(name);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, name.endsWith(".log") ? elsewhere.resolve("log") : elsewhere);
            RunResult r = paired(o, "{partition_key}/{year}.csv");
            assertRefused(r, "CsvYearWriter-02", link.toString(), "symbolic link");
            assertTrue(Files.isSymbolicLink(link), name);
            assertFalse(Files.exists(o.resolve("a")), "nothing written for " + name);
        }
    }

    @Test
    void genericModeRefusesALinkLeadingOutsideToo() throws Exception {
        Path link = Files.createSymbolicLink(out.resolve("dev"), elsewhere);
        String id = UUID.randomUUID().toString();
        List<List<Column>> records = new ArrayList<>();
        records.add(Arrays.<Column>asList(new StringColumn("dev"), new LongColumn(T), new StringColumn("x")));
        TestRecordsReader.SCENARIOS.put(id, Collections.singletonList(records));
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("table", "t")
                .fluentPut("partitionKeyColumn", 0).fluentPut("timeColumn", 1).fluentPut("fileName", "{partition_key}/{year}.csv")
                .fluentPut("columnNames", Arrays.asList("k", "ts", "v"));
        LocalRunner.registerPlugin(PluginType.READER, TestRecordsReader.NAME, TestRecordsReader.class.getName());
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(
                Jobs.job(TestRecordsReader.NAME, new JSONObject(true).fluentPut("scenario", id), writer, 1).toJSONString());
        assertRefused(r, "CsvYearWriter-06", "dev/2023.csv", link.toString());
    }
}
