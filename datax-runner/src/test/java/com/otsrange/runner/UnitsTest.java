package com.otsrange.runner;

import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitsTest {

    @Test
    void recordSizesFollowDefaultRecord() {
        LocalRecord record = new LocalRecord();
        assertEquals(0, record.getByteSize());
        assertEquals(80, record.getMemorySize());
        record.addColumn(new StringColumn("abcd"));
        record.addColumn(new LongColumn(7L));
        assertEquals(12, record.getByteSize());
        assertEquals(80 + 24 + 4 + 24 + 8, record.getMemorySize());
        record.setColumn(3, new StringColumn("xy"));
        assertEquals(4, record.getColumnNumber());
        assertNull(record.getColumn(2));
        assertNull(record.getColumn(9));
        record.setColumn(0, new StringColumn("a"));
        assertEquals(1 + 8 + 2, record.getByteSize());
        Map<String, String> meta = Map.of("k", "v");
        record.setMeta(meta);
        assertSame(meta, record.getMeta());
        assertTrue(record.toString().startsWith("{\"size\":4,"), record.toString());
    }

    @Test
    void variablesParseLikeDataxPyParams() {
        Map<String, String> vars = Variables.parse("-Dtable=t1 -Dyear='2024 q1' -Dempty= \"-Dq=a\\\"b\"");
        assertEquals("t1", vars.get("table"));
        assertEquals("2024 q1", vars.get("year"));
        assertEquals("", vars.get("empty"));
        assertEquals("a\"b", vars.get("q"));
        assertEquals(4, vars.size());
        assertThrows(IllegalArgumentException.class, () -> Variables.parse("-Dx='open"));
    }

    /** datax.py would hand these words to java (main class, JVM option, empty property): never silently ignored. */
    @Test
    void wordsThatAreNotDnameEqualsValueAreRefusedByName() {
        String[][] cases = {
            {"garbage", "\"garbage\" is not of the form -Dname=value"},
            {"-Dok=1 -Dshard", "\"-Dshard\" has no value; expected -Dshard=value"},
            {"-Xmx1g", "\"-Xmx1g\" is not of the form -Dname=value"},
            {"-D", "\"-D\" has no variable name"},
            {"-D=5", "\"-D=5\" has no variable name"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Variables.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("-D"), e.getMessage());
        }
    }

    @Test
    void substitutionMatchesDataxPattern() {
        Map<String, String> vars = Map.of("a", "1", "blank", " ");
        assertEquals("1-1-$b-${blank}-1x", Variables.substitute("${a}-$a-$b-${blank}-${a}x", vars));
    }

    @Test
    void taskAssignmentSpreadsChannelsOverGroups() {
        TaskAssignment a = TaskAssignment.of(13, 12, 5, new Random(1));
        assertEquals(3, a.groups().size());
        assertEquals(12, a.groupChannels()[0] + a.groupChannels()[1] + a.groupChannels()[2]);
        assertEquals(4, a.groupChannels()[0]);
        assertEquals(13, a.groups().stream().mapToInt(java.util.List::size).sum());
    }

    @Test
    void mainReturnsExitCodesAndPrintsTheError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"job\":{\"setting\":{\"speed\":{\"channel\":1}},\"content\":[{\"reader\":{\"name\":"
                + "\"streamreader\",\"parameter\":{\"column\":[{\"type\":\"long\",\"value\":\"${v}\"}],"
                + "\"sliceRecordCount\":2}},\"writer\":{\"name\":\"streamwriter\",\"parameter\":{\"print\":false}}}]}}");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, RunnerMain.run(new String[] {"run", ok.toString(), "-p", "-Dv=5"}));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Total records read"));
            err.reset();
            assertEquals(1, RunnerMain.run(new String[] {"run", ok.toString()}));
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("Common-01:") || text.contains("StreamReader-"), text);
            assertEquals(2, RunnerMain.run(new String[] {"run"}));
        } finally {
            System.setErr(original);
        }
    }
}
