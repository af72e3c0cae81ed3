package com.otsrange.reader.changes;

import com.otsrange.emulator.SdkRowLoader;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.Restatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static com.otsrange.reader.changes.StreamTable.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How long the reader Job's split takes to read a Stream of many records (docs/performance.md):
 * 1,000 task keys, every record a late row inside the committed window, on 4 stream shards (-Dbench.shards).
 * Run: mvn -pl otsrangereader -am test -Dtest=StreamReadBench -Dotsrange.bench=true [-Dbench.records=1000000]
 */
@EnabledIfSystemProperty(named = "otsrange.bench", matches = "true")
class StreamReadBench {
    @TempDir
    Path dir;

    @Test
    void recordsPerSecondInSplit() throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        int keys = 1000;
        int shards = Integer.getInteger("bench.shards", 4);
        try (StreamTable t = StreamTable.start(shards, dir)) {
            t.create(24);
            StringBuilder tasks = new StringBuilder("{");
            for (int k = 0; k < keys; k++) {
                tasks.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"k-%04d\":[\"v\",\"w\"]", k));
            }
            ReaderSpec spec = t.spec(t.reader(tasks.append('}').toString(), "\"stream\"", null, "2024-02-01", "2024-02-02"));
            t.ledger(spec, "2024-01-01", "2024-02-01");
            t.recordPosition(spec, t.plan(spec, true).window().restatement());

            long loadStart = System.nanoTime();
            SdkRowLoader loader = new SdkRowLoader(t.client);
            long jan = ms("2024-01-01");
            for (int i = 0; i < records; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("v", (long) i);
                a.put("w", i * 0.5);
                loader.put(StreamTable.TABLE, Arrays.asList("id", "dim", "ct"),
                        Arrays.<Object>asList(String.format(Locale.ROOT, "k-%04d", i % keys), 0L, jan + (i / keys) * 60_000L), a);
            }
            loader.flush();
            double loadSec = (System.nanoTime() - loadStart) / 1e9;

            long calls = t.emu.stats().requests("GetStreamRecord");
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Plan plan = t.plan(spec, true);
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            Restatement r = plan.window().restatement();
            assertEquals(records, r.read().recordsRead());
            assertEquals(records, r.read().relevantRecords());
            assertEquals(keys, r.units().size());
            System.out.printf(Locale.ROOT, "BENCH stream in split: %d records on %d shards, %.2f s (%.0f records/s), %.1f s CPU"
                    + " (reader and emulator in this JVM), %d GetStreamRecord calls, %d units restated (load %.1f s)%n", records, shards, sec,
                    records / sec, cpu,
                    t.emu.stats().requests("GetStreamRecord") - calls, r.units().size(), loadSec);
        }
    }
}
