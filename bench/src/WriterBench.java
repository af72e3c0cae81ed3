import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.KeyText;
import com.otsrange.common.Period;
import com.otsrange.common.ShortestDouble;
import com.otsrange.common.UnitId;
import com.otsrange.common.UnitMeta;
import com.otsrange.runner.LocalRecord;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.PluginType;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Micro-benchmark: records/s of csvyearwriter alone through the local runner, in one JVM, channel 1,
 * rows/s of the whole job (split, write, commit of 300 files, manifest); a warm-up round, then three.
 * Run by {@code bench/run.sh --only micro}.
 *
 * <ul>
 *   <li>generic: the built-in streamreader generating bench/jobs/stream-csvyear.json's 13 columns
 *   (100 keys x 3 years = 300 files);</li>
 *   <li>paired: {@link PairedReader} standing in for otsrangereader, 100 keys x 3 years, 12 cells (ISO
 *   time, 4 full-precision doubles, integers, strings, bool, a note on 2 % of rows, 8 bytes), with
 *   DOUBLE cells as Java-8 {@code Double.toString} text (parse + format) and as ShortestDouble text
 *   with meta {@code otsrange.doubles=shortest} (verbatim, what otsrangereader sends).</li>
 * </ul>
 *
 * Usage: WriterBench [ROWS] (default 300,000)
 */
public final class WriterBench {
    private static final List<String> HEADER = Arrays.asList("ct", "temp", "humidity", "pressure", "voltage", "rssi", "seq",
            "status", "firmware", "alarm", "note", "raw");

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        LocalRunner.registerPlugin(PluginType.READER, "otsrangereader", PairedReader.class.getName());
        PairedReader.SCENARIOS.put("parse", scenario(rows, false));
        PairedReader.SCENARIOS.put("verbatim", scenario(rows, true));
        Path dir = Files.createTempDirectory("writer-bench");
        try {
            for (int round = 0; round < 4; round++) {
                String tag = round == 0 ? "warm-up" : "run " + round;
                System.out.printf(Locale.ROOT, "%-8s generic streamreader  %,9.0f rows/s%n", tag, rate(generic(dir.resolve("g" + round), rows), rows));
                System.out.printf(Locale.ROOT, "%-8s paired  parse+format  %,9.0f rows/s%n", tag,
                        rate(paired("parse", dir.resolve("p" + round), false), rows));
                System.out.printf(Locale.ROOT, "%-8s paired  verbatim      %,9.0f rows/s%n", tag,
                        rate(paired("verbatim", dir.resolve("s" + round), true), rows));
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double rate(JSONObject job, long rows) {
        long t0 = System.nanoTime();
        RunResult r = new LocalRunner(RunOptions.quiet()).runJson(job.toJSONString());
        long t = System.nanoTime() - t0;
        if (!r.succeeded()) {
            throw new IllegalStateException("the job failed: " + r.errorMessage(), r.failure());
        }
        return rows / (t / 1e9);
    }

    private static JSONObject generic(Path out, int rows) {
        String columns = "[{\"type\":\"long\",\"random\":\"1,100\"},{\"type\":\"long\",\"random\":\"1640995200,1735689599\"},"
                + "{\"type\":\"double\",\"random\":\"0,40\"},{\"type\":\"double\",\"random\":\"20,90\"},"
                + "{\"type\":\"double\",\"random\":\"990,1030\"},{\"type\":\"double\",\"value\":\"3.3\"},"
                + "{\"type\":\"long\",\"random\":\"0,99\"},{\"type\":\"long\",\"random\":\"0,1000000\"},"
                + "{\"type\":\"string\",\"value\":\"ok\"},{\"type\":\"string\",\"value\":\"v1.2.3\"},"
                + "{\"type\":\"bool\",\"value\":\"false\"},{\"type\":\"string\",\"random\":\"0,12\"},"
                + "{\"type\":\"bytes\",\"random\":\"8,8\"}]";
        JSONObject reader = new JSONObject(true).fluentPut("column", JSON.parseArray(columns)).fluentPut("sliceRecordCount", rows);
        JSONObject writer = new JSONObject(true);
        writer.put("path", out.toString());
        writer.put("table", "stream");
        writer.put("partitionKeyColumn", 0);
        writer.put("timeColumn", 1);
        writer.put("timeUnit", "s");
        writer.put("maxOpenFiles", 1024);
        writer.put("columns", Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        writer.put("columnNames", Arrays.asList("ts", "temp", "humidity", "pressure", "voltage", "rssi", "seq",
                "status", "firmware", "alarm", "note", "raw"));
        return job("streamreader", reader, writer);
    }

    /** What the writer reads of a paired reader's parameter: a table and tasks (the stand-in only uses scenario). */
    private static JSONObject paired(String scenario, Path out, boolean shortest) {
        JSONObject reader = new JSONObject(true);
        reader.put("table", "sensor");
        reader.put("tasks", JSON.parseObject("{\"source\": \"inline\", \"definitions\": {\"k\": [\"v\"]}}"));
        reader.put("scenario", scenario);
        return job("otsrangereader", reader, new JSONObject(true).fluentPut("path", out.toString()));
    }

    private static JSONObject job(String readerName, JSONObject readerParam, JSONObject writerParam) {
        JSONObject content = new JSONObject(true);
        content.put("reader", new JSONObject(true).fluentPut("name", readerName).fluentPut("parameter", readerParam));
        content.put("writer", new JSONObject(true).fluentPut("name", "csvyearwriter").fluentPut("parameter", writerParam));
        JSONObject setting = new JSONObject(true).fluentPut("speed", new JSONObject().fluentPut("channel", 1));
        JSONObject job = new JSONObject(true).fluentPut("setting", setting).fluentPut("content", new JSONArray(Collections.<Object>singletonList(content)));
        return new JSONObject(true).fluentPut("job", job);
    }

    /** Records in unit order (key, year), times ascending, with their unit's meta; cells shared from a pool to keep the heap small. */
    private static List<Record> scenario(int rows, boolean shortest) {
        SplittableRandom r = new SplittableRandom(7);
        List<Column[]> pool = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            Column[] c = new Column[HEADER.size()];
            for (int d = 1; d <= 4; d++) {
                double v = (d * 250) + r.nextDouble() * 100;
                c[d] = new DoubleColumn(shortest ? ShortestDouble.format(v) : Double.toString(v));
            }
            c[5] = new LongColumn((long) r.nextInt(-100, 0));
            c[6] = new LongColumn((long) r.nextInt(0, 1_000_000));
            c[7] = new StringColumn("ok");
            c[8] = new StringColumn("v1.2.3");
            c[9] = new BoolColumn(r.nextBoolean());
            c[10] = r.nextInt(50) == 0 ? new StringColumn("door \"open\", check\nline " + i) : new StringColumn();
            byte[] raw = new byte[8];
            for (int b = 0; b < 8; b++) {
                raw[b] = (byte) r.nextInt(256);
            }
            c[11] = new BytesColumn(raw);
            pool.add(c);
        }
        long start = 1640995200000L;
        long span = 3L * 365 * 86_400_000L;
        int keys = 100;
        int perKey = rows / keys;
        long step = span / perKey;
        Map<String, Map<String, String>> metas = new ConcurrentHashMap<>();
        List<Record> out = new ArrayList<>(rows);
        for (int k = 0; k < keys; k++) {
            String key = "dev-" + k;
            for (int i = 0; i < perKey; i++) {
                long t = start + i * step;
                String unit = UnitId.of(Period.YEAR, Period.YEAR.label(t, ZoneOffset.UTC), KeyText.ofString(key));
                // the paired layout: key, raw time, then the cells (the first, ct, is the time again)
                Record rec = new LocalRecord();
                rec.addColumn(new StringColumn(key));
                rec.addColumn(new LongColumn(t));
                rec.addColumn(new LongColumn(t));
                Column[] c = pool.get(r.nextInt(pool.size()));
                for (int j = 1; j < c.length; j++) {
                    rec.addColumn(c[j]);
                }
                rec.setMeta(metas.computeIfAbsent(unit, u -> new UnitMeta(u, HEADER, new int[] {0}, Period.YEAR, shortest).toMap()));
                out.add(rec);
            }
        }
        return out;
    }

    /** Stands in for otsrangereader (registered under its name): one task sending a scenario's records as built. */
    public static final class PairedReader extends Reader {
        static final Map<String, List<Record>> SCENARIOS = new ConcurrentHashMap<>();

        public static final class Job extends Reader.Job {
            @Override
            public void init() {
            }

            @Override
            public List<Configuration> split(int adviceNumber) {
                return Collections.singletonList(getPluginJobConf().clone());
            }

            @Override
            public void destroy() {
            }
        }

        public static final class Task extends Reader.Task {
            @Override
            public void init() {
            }

            @Override
            public void startRead(RecordSender sender) {
                for (Record prepared : SCENARIOS.get(getPluginJobConf().getString("scenario"))) {
                    Record rec = sender.createRecord();
                    for (int i = 0; i < prepared.getColumnNumber(); i++) {
                        rec.addColumn(prepared.getColumn(i));
                    }
                    rec.setMeta(prepared.getMeta());
                    sender.sendToWriter(rec);
                }
                sender.flush();
            }

            @Override
            public void destroy() {
            }
        }
    }
}
