package com.otsrange.reader.bench;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.reader.support.Emu;
import com.otsrange.reader.support.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reader throughput into a discarding writer (streamwriter print=false), against the emulator.
 * Run: mvn -pl otsrangereader test -Dtest=ReaderThroughputBench -Dotsrange.bench=true [-Dbench.rows=500000]
 */
@EnabledIfSystemProperty(named = "otsrange.bench", matches = "true")
class ReaderThroughputBench {
    @Test
    void rowsPerSecond() throws Exception {
        int rowsWanted = Integer.getInteger("bench.rows", 500_000);
        int keys = 50;
        try (Emu emu = new Emu()) {
            emu.createTable("bench", Emu.pk("id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER));
            long base = 1672531200000L;
            int perKey = rowsWanted / keys;
            long loadStart = System.nanoTime();
            List<Emu.TestRow> batch = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                for (int i = 0; i < perKey; i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("p34_1", i * 0.5);
                    a.put("p50_1", (double) (i % 1000));
                    a.put("p51_1", (long) i);
                    batch.add(new Emu.TestRow(Arrays.<Object>asList(String.format("device-%03d", k), base + i * 60_000L), a));
                    if (batch.size() == 10_000) {
                        emu.load("bench", Arrays.asList("id", "ct"), batch);
                        batch.clear();
                    }
                }
            }
            emu.load("bench", Arrays.asList("id", "ct"), batch);
            double loadSec = (System.nanoTime() - loadStart) / 1e9;
            Map<String, Object> defs = new LinkedHashMap<>();
            for (int k = 0; k < keys; k++) {
                defs.put(String.format("device-%03d", k), Arrays.asList("p34_1", "p50_1", "p51_1"));
            }
            for (int channels : new int[] {1, 4}) {
                Map<String, Object> p = Jobs.reader(emu, "bench");
                p.put("appendColumns", Arrays.asList("ct"));
                p.put("filters", Map.of("ct", Map.of("gte", "2023-01-01", "lt", "2025-01-01")));
                p.put("tasks", Map.of("source", "inline", "definitions", defs));
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("print", false);
                long t0 = System.nanoTime();
                Jobs.Outcome o = Jobs.run(p, channels, "streamwriter", w);
                double sec = (System.nanoTime() - t0) / 1e9;
                assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
                assertEquals((long) perKey * keys, o.result.readRecords());
                System.out.printf(java.util.Locale.ROOT, "BENCH reader->discard: %d rows, %d channel(s), %.2f s, %.0f rows/s (load %.1f s)%n",
                        o.result.readRecords(), channels, sec, o.result.readRecords() / sec, loadSec);
            }
        }
    }
}
