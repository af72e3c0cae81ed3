package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job file of DataX's engine command line, read again for what DataX's parse hides from a plugin. */
class DataxJobTextTest {
    @TempDir
    Path dir;

    static final String ENGINE = "com.alibaba.datax.core.Engine -mode standalone -jobid -1 -job ";

    @Test
    void theJobFileIsTheLastArgumentOfTheEngineOnly() {
        assertEquals(dir.resolve("my job.json"), DataxJobText.jobFile(ENGINE + dir.resolve("my job.json")));
        assertNull(DataxJobText.jobFile("com.otsrange.cli.Main run job.json"));
        assertNull(DataxJobText.jobFile(ENGINE + "http://host/job.json"));
        assertNull(DataxJobText.jobFile("com.alibaba.datax.core.Engine -mode standalone"));
        assertNull(DataxJobText.jobFile(null));
    }

    @Test
    void variablesAreReplacedAsDataxReplacesThem() {
        Properties p = new Properties();
        p.setProperty("a", "1");
        p.setProperty("blank", " ");
        assertEquals("1 1 ${blank} $missing x1y", DataxJobText.substitute("${a} $a ${blank} $missing x${a}y", p));
    }

    @Test
    void whatTheParseHidesIsListedUnderThePluginOnly() throws Exception {
        String job = "{\"job\": {\"content\": [{\n"
                + "  \"reader\": {\"name\": \"r\", \"parameter\": {\"x\": ${v}, \"y\": null, \"x\": 2}},\n"
                + "  \"writer\": {\"name\": \"w\", \"parameter\": {\"z\": 1e-999}}}]}}";
        Path file = dir.resolve("job.json");
        Files.write(file, job.getBytes(Charset.defaultCharset()));
        Properties p = new Properties();
        p.setProperty("v", "1e400");
        List<JsonProblem> reader = DataxJobText.hiddenFrom(DataxJobText.READER, ENGINE + file, p);
        assertEquals(Arrays.asList("parameter.x", "parameter.y", "parameter.x"),
                reader.stream().map(JsonProblem::path).collect(Collectors.toList()));
        assertTrue(reader.get(0).message().contains("1e400") && reader.get(0).message().contains(file.toString()), reader.get(0).message());
        List<JsonProblem> writer = DataxJobText.hiddenFrom(DataxJobText.WRITER, ENGINE + file, p);
        assertEquals(Collections.singletonList("parameter.z"), writer.stream().map(JsonProblem::path).collect(Collectors.toList()));
        assertEquals(Collections.emptyList(), DataxJobText.hiddenFrom(DataxJobText.READER, ENGINE + dir.resolve("gone.json"), p));
        assertEquals(Collections.emptyList(), DataxJobText.hiddenFrom(DataxJobText.READER, "other.Main " + file, p));
    }
}
