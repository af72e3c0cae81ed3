package com.otsrange.writer;

import com.otsrange.writer.spec.WriterSpec;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvYearWriterValidationTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> READER = Jobs.readerParameter("sensor");

    private static JSONObject json(String text) {
        return JSON.parseObject(text);
    }

    private static boolean has(List<String> problems, String path, String... words) {
        for (String p : problems) {
            boolean all = p.startsWith(path + ": ");
            for (String w : words) {
                all &= p.contains(w);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aValidParameterHasNoProblems() {
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(
                json("{\"path\": \"out\", \"compress\": \"gzip\", \"writeMode\": \"nonConflict\"}"), "otsrangereader", READER, dir));
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0,"
                + " \"timeColumn\": \"1\", \"timeUnit\": \"date\", \"columnNames\": [\"a\", \"b\"], \"maxOpenFiles\": 8}"),
                "streamreader", null, dir));
        assertFalse(Files.exists(dir.resolve("out")), "validation creates nothing");
    }

    @Test
    void everyProblemIsListedWithPathValueAndWhatIsValid() {
        List<String> p = CsvYearWriterValidation.problems(json("{\"fileNmae\": \"x\", \"compress\": \"zip\", \"writeMode\": \"overwrite\","
                + " \"header\": \"yes\", \"encoding\": \"NOPE-1\", \"nullFormat\": \"a,b\", \"dateFormat\": \"yyyy-qqqqqq\","
                + " \"lineSeparator\": \"\\t\", \"timeZone\": \"UTC\", \"fileName\": \"../{year}.csv\"}"),
                "otsrangereader", Jobs.readerParameter("t").fluentPut("timeUnit", "minutes").fluentPut("shard", " "), dir);
        assertTrue(has(p, "parameter.path", "missing", "folder"), p.toString());
        assertTrue(has(p, "parameter.fileNmae", "not a csvyearwriter parameter", "did you mean \"fileName\""), p.toString());
        assertTrue(has(p, "parameter.timeZone", "\"UTC\"", "not used with otsrangereader", "reader parameter"), p.toString());
        assertTrue(has(p, "parameter.compress", "\"zip\"", "none", "gzip"), p.toString());
        assertTrue(has(p, "parameter.writeMode", "\"overwrite\"", "nonConflict"), p.toString());
        assertTrue(has(p, "parameter.header", "\"yes\"", "true or false"), p.toString());
        assertTrue(has(p, "parameter.encoding", "NOPE-1", "UTF-8"), p.toString());
        assertTrue(has(p, "parameter.nullFormat", "\"a,b\"", "comma"), p.toString());
        assertTrue(has(p, "parameter.dateFormat", "yyyy-qqqqqq", "DateTimeFormatter"), p.toString());
        assertTrue(has(p, "parameter.lineSeparator", "\"\\t\"", "\\r\\n"), p.toString());
        assertTrue(has(p, "parameter.fileName", "../{year}.csv"), p.toString());
        assertTrue(has(p, "reader parameter.timeUnit", "\"minutes\"", "\"ms\", \"s\", \"us\""), p.toString());
        assertTrue(has(p, "reader parameter.shard", "omit shard"), p.toString());
        assertEquals(13, p.size(), p.toString());
    }

    @Test
    void genericModeNeedsItsRecordColumns() {
        List<String> p = CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"timeColumn\": -1, \"columns\": [1, \"x\", 3],"
                + " \"columnNames\": [\"a\"], \"maxOpenFiles\": 0, \"timeUnit\": \"hours\", \"table\": \"\", \"bogus\": 1}"),
                "streamreader", null, dir);
        assertTrue(has(p, "parameter.partitionKeyColumn", "missing", "0-based record column index"), p.toString());
        assertTrue(has(p, "parameter.timeColumn", "an integer from 0", "got -1"), p.toString());
        assertTrue(has(p, "parameter.columns[1]", "\"x\""), p.toString());
        assertTrue(has(p, "parameter.maxOpenFiles", "from 1 to 4096", "got 0"), p.toString());
        assertTrue(has(p, "parameter.timeUnit", "\"hours\"", "date"), p.toString());
        assertTrue(has(p, "parameter.table", "must not be empty"), p.toString());
        assertTrue(has(p, "parameter.bogus", "valid keys", "partitionKeyColumn"), p.toString());
        assertEquals(7, p.size(), p.toString());
        assertTrue(has(CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0, \"timeColumn\": 1,"
                + " \"columns\": [1, 2, 3], \"columnNames\": [\"a\"]}"), "streamreader", null, dir),
                "parameter.columnNames", "one name per entry", "3 columns, 1 names"));
        assertTrue(has(CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0, \"timeColumn\": 1}"),
                "streamreader", null, dir), "parameter.columnNames", "missing", "header"));
    }

    @Test
    void pairedModeNeedsTheReadersTable() {
        List<String> p = CsvYearWriterValidation.problems(json("{\"path\": \"out\"}"), "otsrangereader", json("{}"), dir);
        assertTrue(has(p, "reader parameter.table", "missing"), p.toString());
        assertTrue(has(p, "reader parameter.tasks", "missing"), p.toString());
        assertEquals(2, p.size(), p.toString());
    }

    @Test
    void pathChecksAreReadOnly() throws Exception {
        Files.write(dir.resolve("afile"), new byte[] {1});
        List<String> file = CsvYearWriterValidation.problems(json("{\"path\": \"afile\"}"), "otsrangereader", READER, dir);
        assertTrue(has(file, "parameter.path", "not a directory"), file.toString());
        List<String> under = CsvYearWriterValidation.problems(json("{\"path\": \"afile/sub/out\"}"), "otsrangereader", READER, dir);
        assertTrue(has(under, "parameter.path", "cannot be created", "afile"), under.toString());
        assertEquals(Collections.emptyList(),
                CsvYearWriterValidation.problems(json("{\"path\": \"new/deep/out\"}"), "otsrangereader", READER, dir));
        assertFalse(Files.exists(dir.resolve("new")), "validation creates nothing");
    }

    /** Issue 14 item 6: no pattern may lead into the bookkeeping folder; item 7: '~' is not expanded. */
    @Test
    void bookkeepingPatternsAndTildePathsAreRefused() {
        for (String pattern : new String[] {".otsrange/{partition_key}_{year}.csv", ".{partition_key}/{year}.csv",
            ".OTSRANGE/{partition_key}/{year}.csv"}) {
            List<String> p = CsvYearWriterValidation.problems(json("{\"path\": \"out\"}").fluentPut("fileName", pattern),
                    "otsrangereader", READER, dir);
            assertEquals(1, p.size(), p.toString());
            assertTrue(has(p, "parameter.fileName", pattern, ".otsrange", "bookkeeping"), p.toString());
        }
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(
                json("{\"path\": \"out\", \"fileName\": \"{partition_key}/{table}.all/tmp/{year}.csv\"}"), "otsrangereader", READER, dir));

        String home = System.getProperty("user.home");
        List<String> tilde = CsvYearWriterValidation.problems(json("{\"path\": \"~/x\"}"), "otsrangereader", READER, dir);
        assertEquals(1, tilde.size(), tilde.toString());
        assertTrue(has(tilde, "parameter.path", "\"~/x\"", "does not expand '~'", "absolute path", home + "/x"), tilde.toString());
        assertTrue(has(CsvYearWriterValidation.problems(json("{\"path\": \"~\"}"), "otsrangereader", READER, dir),
                "parameter.path", "absolute path"));
        assertTrue(has(CsvYearWriterValidation.problems(json("{\"path\": \" ~other/x\"}"), "otsrangereader", READER, dir),
                "parameter.path", "absolute path", "/data/export"));
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(json("{\"path\": \"out/~/x\"}"), "otsrangereader", READER, dir));
        assertFalse(Files.exists(dir.resolve("~")), "validation creates nothing");
    }

    @Test
    void verifyCommittedIsSizeOrSha256() {
        for (String ok : new String[] {"size", "sha256", "SHA256"}) {
            assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(
                    json("{\"path\": \"out\"}").fluentPut("verifyCommitted", ok), "otsrangereader", READER, dir), ok);
        }
        List<String> p = CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"verifyCommitted\": \"md5\"}"),
                "otsrangereader", READER, dir);
        assertTrue(has(p, "parameter.verifyCommitted", "\"md5\"", "size", "sha256"), p.toString());
        assertEquals(1, p.size(), p.toString());
    }

    /** Issue 14 item 9: streamreader's record width is known, so column parameters that do not fit are refused. */
    @Test
    void columnParametersMustFitAStreamreadersRecords() {
        Map<String, Object> stream = json("{\"sliceRecordCount\": 1, \"column\": [{\"type\": \"string\", \"value\": \"k\"},"
                + " {\"type\": \"long\", \"value\": \"1700000000000\"}, {\"type\": \"string\", \"value\": \"v\"}]}");
        List<String> names = CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0, \"timeColumn\": 1,"
                + " \"columnNames\": [\"k\", \"ts\"]}"), "streamreader", stream, dir);
        assertEquals(1, names.size(), names.toString());
        assertTrue(has(names, "parameter.columnNames", "have 3 columns", "2 names", "parameter.columns"), names.toString());

        List<String> beyond = CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 3, \"timeColumn\": 4,"
                + " \"header\": false, \"columns\": [0, 7]}"), "streamreader", stream, dir);
        assertTrue(has(beyond, "parameter.partitionKeyColumn", "3 is invalid", "0..2"), beyond.toString());
        assertTrue(has(beyond, "parameter.timeColumn", "4 is invalid", "0..2"), beyond.toString());
        assertTrue(has(beyond, "parameter.columns[1]", "7 is invalid", "0..2"), beyond.toString());
        assertEquals(3, beyond.size(), beyond.toString());

        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0,"
                + " \"timeColumn\": 1, \"columnNames\": [\"k\", \"ts\", \"v\"]}"), "streamreader", stream, dir));
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0,"
                + " \"timeColumn\": 1, \"columns\": [2], \"columnNames\": [\"v\"]}"), "streamreader", stream, dir));
        // any other reader: the width is only known per record (dirty records at run time)
        assertEquals(Collections.emptyList(), CsvYearWriterValidation.problems(json("{\"path\": \"out\", \"partitionKeyColumn\": 0,"
                + " \"timeColumn\": 1, \"columnNames\": [\"k\", \"ts\"]}"), "mysqlreader", stream, dir));
    }

    /** The Job runs the same check: its failure lists exactly the problems validation reports. */
    @Test
    void theJobFailsWithExactlyTheProblemsValidationReports() {
        String sc = java.util.UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(sc, Collections.singletonList(Collections.<TestOtsReader.Row>emptyList()));
        Path out = dir.resolve("out");
        JSONObject job = Jobs.paired(sc, out, 1);
        JSONObject w = Jobs.writer(job);
        w.put("fileNmae", "{partition_key}.csv");
        w.put("compress", "zip");
        w.put("columns", Collections.singletonList(1));
        Map<String, Object> reader = Jobs.reader(job);
        List<String> expected = CsvYearWriterValidation.problems(w, "otsrangereader", reader);
        assertEquals(3, expected.size(), expected.toString());
        RunResult r = Jobs.run(job);
        assertFalse(r.succeeded());
        assertEquals("CsvYearWriter-01", r.errorCode());
        for (String problem : expected) {
            assertTrue(r.errorMessage().contains(problem), problem + " in " + r.errorMessage());
        }
        assertFalse(Files.exists(out), "nothing written");

        Path file = dir.resolve("afile");
        JSONObject atFile = Jobs.paired(sc, file, 1);
        RunResult r2;
        try {
            Files.write(file, new byte[] {1});
            r2 = Jobs.run(atFile);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> pathProblems = CsvYearWriterValidation.problems(Jobs.writer(atFile), "otsrangereader", Jobs.reader(atFile));
        assertEquals(1, pathProblems.size(), pathProblems.toString());
        assertEquals("CsvYearWriter-02", r2.errorCode(), r2.errorMessage());
        assertTrue(r2.errorMessage().contains(pathProblems.get(0)), r2.errorMessage());
    }

    @Test
    void specValidationNamesTheField() {
        Configuration w = Configuration.from("{\"path\":\"/tmp/x\",\"writeMode\":\"overwrite\"}");
        DataXException e = assertThrows(DataXException.class,
                () -> WriterSpec.forJob(w, "otsrangereader", Configuration.from("{\"table\":\"t\"}"), Paths.get("")));
        assertTrue(e.getMessage().contains("CsvYearWriter-01"), e.getMessage());
        assertTrue(e.getMessage().contains("parameter.writeMode"), e.getMessage());
        assertTrue(e.getMessage().contains("nonConflict"), e.getMessage());
    }
}
