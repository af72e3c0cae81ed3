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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 1: whatever way a file comes together (written whole by one task, joined from parts
 * read by several tasks, joined from generic mode's per-task part files reopened for append, or
 * appended to run after run, gzip or not, with or without header), its bytes are those of its whole
 * text encoded at once ({@code String.getBytes(charset)}, the model here): a charset whose encoder
 * starts with a byte order mark (UTF-16, x-UTF-16LE-BOM, X-UTF-32BE-BOM, X-UTF-32LE-BOM) gets one
 * at the start of the file and none inside, and stateful encoders (ISO-2022-JP, EBCDIC x-IBM930
 * with shift-out/shift-in) stay in step. The expected text is built here from the rows alone.
 */
class CharsetContinuityTest {
    @TempDir
    Path dir;

    /** Enough rows that a file spans several 128 KB write buffers in a 4-byte encoding. */
    private static final int ROWS = 3000;
    /** Non-ASCII characters; each charset gets the ones it can encode. */
    private static final String CANDIDATES = "\u00fc\u4e2d\u3042\u0416\u20ac\uac00";

    static List<String> charsets() {
        return Arrays.asList("UTF-16", "x-UTF-16LE-BOM", "X-UTF-32BE-BOM", "X-UTF-32LE-BOM", "UTF-32", "UTF-16LE",
                "ISO-2022-JP", "x-IBM930", "GB18030", "UTF-8");
    }

    private static String sample(Charset cs) {
        StringBuilder sb = new StringBuilder();
        for (char c : CANDIDATES.toCharArray()) {
            if (cs.newEncoder().canEncode(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The cell text of row i (quoted by the writer: it holds a comma and quotes). */
    private static String value(int i, String sample) {
        return "value " + i + ", \"q\" " + sample;
    }

    /** The CSV text of rows {@code [from, to)} (RFC 4180 by hand: the value quoted, its quotes doubled). */
    private static String text(boolean header, int from, int to, String sample) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append("v,n\n");
        }
        for (int i = from; i < to; i++) {
            sb.append('"').append(value(i, sample).replace("\"", "\"\"")).append("\",").append(i).append('\n');
        }
        return sb.toString();
    }

    private static List<Row> unit(String key, int from, int to, String sample) {
        List<Row> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Row(key, PartsTest.FROM + (PartsTest.TO - PartsTest.FROM) / ROWS * i + 7, PartsTest.HEADER, new int[0],
                    new StringColumn(value(i, sample)), new LongColumn(i)));
        }
        return out;
    }

    /** Unit k in 3 parts over 2 tasks (part 1 alone on task 1), unit m whole on task 0. */
    private static List<List<Row>> inParts(List<Row> k, List<Row> m) {
        return Arrays.asList(PartsTest.concat(m, PartsTest.inPart(k, PartsTest.part(0, 3)), PartsTest.inPart(k, PartsTest.part(2, 3))),
                PartsTest.inPart(k, PartsTest.part(1, 3)));
    }

    private RunResult paired(List<List<Row>> tasks, Path out, String charset, Consumer<JSONObject> setup) {
        String id = UUID.randomUUID().toString();
        TestOtsReader.SCENARIOS.put(id, tasks);
        JSONObject job = Jobs.paired(id, out, tasks.size());
        Jobs.writer(job).put("encoding", charset);
        setup.accept(job);
        RunResult r = Jobs.run(job);
        assertTrue(r.succeeded(), charset + ": " + r.failure());
        return r;
    }

    private static void assertBytes(String charset, String text, byte[] actual, String what) {
        byte[] expected = text.getBytes(Charset.forName(charset));
        assertEquals(expected.length, actual.length, charset + " " + what + ": byte count");
        assertTrue(Arrays.equals(expected, actual), charset + " " + what + ": bytes differ from the whole text encoded at once");
    }

    private static byte[] file(Path out, String name, boolean gzip) throws Exception {
        byte[] b = Files.readAllBytes(out.resolve(name));
        if (!gzip) {
            return b;
        }
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                o.write(buf, 0, n);
            }
            return o.toByteArray();
        }
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void partsJoinedGiveTheBytesOfTheWholeText(String charset) throws Exception {
        String s = sample(Charset.forName(charset));
        for (Object[] variant : new Object[][] {{true, false}, {false, false}, {true, true}}) {
            boolean header = (Boolean) variant[0];
            boolean gzip = (Boolean) variant[1];
            Path out = dir.resolve("parts-" + header + "-" + gzip);
            paired(inParts(unit("k", 0, ROWS, s), unit("m", 0, 40, s)), out, charset, job -> {
                Jobs.writer(job).put("header", header);
                Jobs.writer(job).put("compress", gzip ? "gzip" : "none");
            });
            String suffix = gzip ? ".gz" : "";
            String what = "header " + header + ", gzip " + gzip;
            assertBytes(charset, text(header, 0, ROWS, s), file(out, "k_sensor_2023.csv" + suffix, gzip), "file read in parts, " + what);
            assertBytes(charset, text(header, 0, 40, s), file(out, "m_sensor_2023.csv" + suffix, gzip), "file read whole, " + what);
        }
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void appendRunsGiveTheBytesOfTheWholeText(String charset) throws Exception {
        String s = sample(Charset.forName(charset));
        for (Object[] variant : new Object[][] {{true, false}, {false, false}, {true, true}}) {
            boolean header = (Boolean) variant[0];
            boolean gzip = (Boolean) variant[1];
            Consumer<JSONObject> setup = job -> {
                Jobs.writer(job).put("writeMode", "append");
                Jobs.writer(job).put("header", header);
                Jobs.writer(job).put("compress", gzip ? "gzip" : "none");
            };
            Path out = dir.resolve("append-" + header + "-" + gzip);
            // a first run writes the file whole, a second appends to it whole, a third appends parts
            paired(Collections.singletonList(unit("k", 0, 10, s)), out, charset, setup);
            paired(Collections.singletonList(unit("k", 10, 20, s)), out, charset, setup);
            List<Row> rest = unit("k", 20, ROWS, s);
            paired(Arrays.asList(PartsTest.inPart(rest, PartsTest.part(0, 2)), PartsTest.inPart(rest, PartsTest.part(1, 2))), out, charset, setup);
            assertBytes(charset, text(header, 0, ROWS, s), file(out, "k_sensor_2023.csv" + (gzip ? ".gz" : ""), gzip),
                    "three append runs, header " + header + ", gzip " + gzip);
        }
    }

    /** An existing file whose last row lacks its line break (written by hand) gets one, in the file's encoding. */
    @ParameterizedTest
    @MethodSource("charsets")
    void appendingToAFileWithoutItsLastLineBreakAddsOneEncodedLikeTheRest(String charset) throws Exception {
        String s = sample(Charset.forName(charset));
        Path out = dir.resolve("nobreak");
        Files.createDirectories(out);
        String first = text(true, 0, 5, s);
        Files.write(out.resolve("k_sensor_2023.csv"), first.substring(0, first.length() - 1).getBytes(Charset.forName(charset)));
        paired(Collections.singletonList(unit("k", 5, 50, s)), out, charset, job -> Jobs.writer(job).put("writeMode", "append"));
        assertBytes(charset, text(true, 0, 50, s), file(out, "k_sensor_2023.csv", false), "appended to a file without its last line break");
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void genericPartsReopenedAndJoinedGiveTheBytesOfTheWholeText(String charset) throws Exception {
        String s = sample(Charset.forName(charset));
        // 3 tasks, keys a and b interleaved in each: every file is joined from 3 part files, each closed
        // and reopened for append many times (maxOpenFiles 1)
        List<List<List<Column>>> tasks = new ArrayList<>();
        StringBuilder[] expected = {new StringBuilder(), new StringBuilder()};
        int i = 0;
        for (int t = 0; t < 3; t++) {
            List<List<Column>> records = new ArrayList<>();
            for (int r = 0; r < 400; r++, i++) {
                int key = r % 2;
                records.add(Arrays.<Column>asList(new StringColumn(key == 0 ? "a" : "b"), new LongColumn(PartsTest.FROM + i),
                        new StringColumn(value(i, s)), new LongColumn(i)));
                expected[key].append(text(false, i, i + 1, s));
            }
            tasks.add(records);
        }
        for (boolean header : new boolean[] {true, false}) {
            for (int channels : new int[] {1, 3}) {
                Path out = dir.resolve("generic-" + header + "-" + channels);
                List<List<List<Column>>> scenario = channels == 1 ? Collections.singletonList(flatten(tasks)) : tasks;
                RunResult r = generic(scenario, out, charset, header);
                assertTrue(r.succeeded(), charset + ": " + r.failure());
                String head = header ? "v,n\n" : "";
                assertBytes(charset, head + expected[0], file(out, "a_t_2023.csv", false), channels + " task(s), header " + header);
                assertBytes(charset, head + expected[1], file(out, "b_t_2023.csv", false), channels + " task(s), header " + header);
            }
        }
    }

    private static List<List<Column>> flatten(List<List<List<Column>>> tasks) {
        List<List<Column>> all = new ArrayList<>();
        for (List<List<Column>> t : tasks) {
            all.addAll(t);
        }
        return all;
    }

    private static RunResult generic(List<List<List<Column>>> tasks, Path out, String charset, boolean header) {
        String id = UUID.randomUUID().toString();
        TestRecordsReader.SCENARIOS.put(id, tasks);
        JSONObject writer = new JSONObject(true).fluentPut("path", out.toString()).fluentPut("table", "t")
                .fluentPut("partitionKeyColumn", 0).fluentPut("timeColumn", 1).fluentPut("columns", Arrays.asList(2, 3))
                .fluentPut("columnNames", PartsTest.HEADER).fluentPut("maxOpenFiles", 1).fluentPut("header", header)
                .fluentPut("encoding", charset);
        JSONObject job = Jobs.job(TestRecordsReader.NAME, new JSONObject(true).fluentPut("scenario", id), writer, tasks.size());
        LocalRunner.registerPlugin(PluginType.READER, TestRecordsReader.NAME, TestRecordsReader.class.getName());
        return new LocalRunner(RunOptions.quiet()).runJson(job.toJSONString());
    }

    /** Sanity of the model: the charsets tested really write a BOM or keep state where this test says so. */
    @ParameterizedTest
    @MethodSource("charsets")
    void theModelEncodesEachTextOnce(String charset) {
        Charset cs = Charset.forName(charset);
        String one = text(false, 0, 1, sample(cs));
        byte[] twice = (one + one).getBytes(cs);
        byte[] each = one.getBytes(cs);
        boolean bom = charset.contains("BOM") || charset.equals("UTF-16");
        assertEquals(bom, twice.length != 2 * each.length, charset + ": a BOM is written once per text");
    }
}
