package com.otsrange.reader.e2e;

import com.alibaba.datax.common.element.Record;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.common.FileParts;
import com.otsrange.common.UnitMeta;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.convert.UnitReader;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.TaskPlans;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.scan.SdkGateway;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import com.otsrange.testkit.ListSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A heavy file read in parts by several tasks: each task sends its part's rows (in key order, all
 * inside the part's window, with the part in the meta) and then the end-of-part marker with the
 * count, also for a part without rows; the parts in part order are exactly the rows one task
 * reads for the whole file.
 */
abstract class PartsReadTest {
    static Emu emu;
    static final long Y2024 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long YEAR_MS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli() - Y2024;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestInfo suite) throws Exception {
        emu = Emu.forSuite(suite.getTestClass().get());
        emu.createTable("p2", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> rows = new ArrayList<>();
        // "dense": every ~5.3 hours through 2024, and a row exactly on each quarter start (a part boundary
        // of the 4-part cut is a floor of a quarter of the leap year, so rows on and around those too)
        for (long t = Y2024; t < Y2024 + YEAR_MS; t += 19_000_001L) {
            rows.add(row("dense", t));
        }
        for (int k = 1; k < 4; k++) {
            long cut = Y2024 + YEAR_MS * k / 4;
            rows.add(row("dense", cut));
            rows.add(row("dense", cut - 1));
        }
        // "edges": rows in the first and the last ten days of the year only, so the two middle parts of four are empty
        for (int d = 0; d < 10; d++) {
            rows.add(row("edges", Y2024 + d * 86_400_000L + 1234));
            rows.add(row("edges", Y2024 + YEAR_MS - (d + 1) * 86_400_000L + 1234));
        }
        emu.load("p2", Arrays.asList("id", "ct"), rows);
    }

    static Emu.SrcRow row(String id, long ct) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("v", ct % 1000);
        attrs.put("s", "r" + ct);
        return new Emu.SrcRow(Arrays.<Object>asList(id, ct), attrs);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    Map<String, Object> job(String key) {
        Map<String, Object> p = Jobs.reader(emu, "p2");
        p.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"2024-01-01\",\"lt\":\"2025-01-01\"}}", Feature.OrderedField));
        p.put("appendColumns", Collections.singletonList("ct"));
        p.put("pageSize", 50);
        p.put("maxPartsPerFile", 8); // the automatic limit depends on the machine's processors
        p.put("tasks", Map.of("source", "inline", "definitions", Map.of(key, Arrays.asList("v", "s"))));
        return p;
    }

    /** Every task of the plan read one after the other: the records of each task, in order. */
    List<List<Record>> readTasks(Map<String, Object> parameter, int channels) {
        ReaderSpec spec = ReaderSpecParser.parse(parameter, dir, Collections.<String, String>emptyMap()).spec();
        Map<String, Object> writer = new LinkedHashMap<>();
        writer.put("path", dir.resolve("out").toString());
        List<List<Record>> out = new ArrayList<>();
        try (SdkGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
            Plan plan = ReaderPlanning.plan(spec, gateway, WriterPeer.of("csvyearwriter", writer, dir), dir, channels, 4);
            for (List<Unit> group : plan.groups()) {
                TaskPlan tp = TaskPlanCodec.decode(JSON.parseObject(JSON.toJSONString(TaskPlanCodec.encode(TaskPlans.of(spec, plan, group))),
                        Feature.OrderedField));
                ListSender sender = new ListSender();
                long emitted = new UnitReader(tp, gateway.pages(tp.tuning.readApi(), tp.tuning.pageSize())).readAll(sender);
                long markers = sender.records.stream().filter(r -> r.getColumnNumber() == 0).count();
                assertEquals(sender.records.size() - markers, emitted, "a marker without columns is no row");
                out.add(sender.records);
            }
        }
        return out;
    }

    /** A record without its meta (the part key differs between the two ways of reading). */
    static String cells(Record r) {
        Record copy = new ListSender().createRecord();
        for (int i = 0; i < r.getColumnNumber(); i++) {
            copy.addColumn(r.getColumn(i));
        }
        copy.setMeta(Collections.<String, String>emptyMap());
        return ListSender.show(copy);
    }

    @Test
    void partsInPartOrderAreExactlyTheWholeFile() {
        for (String key : Arrays.asList("dense", "edges")) {
            List<List<Record>> whole = readTasks(job(key), 1);
            assertEquals(1, whole.size());
            List<String> expected = new ArrayList<>();
            for (Record r : whole.get(0)) {
                assertNull(r.getMeta().get(UnitMeta.KEY_PART), "one channel: the file is read whole");
                expected.add(cells(r));
            }
            assertTrue(expected.size() >= 20, key);

            List<List<Record>> tasks = readTasks(job(key), 4);
            assertEquals(4, tasks.size(), key + ": one part per task");
            Map<Integer, List<String>> byPart = new TreeMap<>();
            for (List<Record> task : tasks) {
                assertTrue(!task.isEmpty(), "every part ends with its end, even without rows");
                // the task's last record carries the part's end: its last row, or a marker without columns for no rows
                Record end = task.get(task.size() - 1);
                FileParts.Part part = UnitMeta.parse(end.getMeta()).part();
                assertNotNull(part);
                List<Record> rowRecords = new ArrayList<>();
                for (Record r : task) {
                    if (r.getColumnNumber() > 0) {
                        rowRecords.add(r);
                    }
                }
                assertEquals(end.getColumnNumber() == 0 ? task.size() - 1 : task.size(), rowRecords.size(),
                        "only a part without rows sends a record without columns");
                assertEquals(rowRecords.size(), UnitMeta.partEndRows(end.getMeta()), "the end counts the part's rows");
                List<String> rows = new ArrayList<>();
                long previous = Long.MIN_VALUE;
                for (Record r : rowRecords) {
                    assertEquals(part, UnitMeta.parse(r.getMeta()).part());
                    assertEquals(r == end ? rowRecords.size() : -1, UnitMeta.partEndRows(r.getMeta()), "only the last row ends the part");
                    assertEquals("2024/" + key, r.getMeta().get(UnitMeta.KEY_UNIT));
                    long ct = r.getColumn(1).asLong();
                    assertTrue(ct >= part.from() && ct < part.to(), "row " + ct + " outside " + part);
                    assertTrue(ct > previous, "rows in key order");
                    previous = ct;
                    rows.add(cells(r));
                }
                byPart.put(part.k, rows);
            }
            List<String> joined = new ArrayList<>();
            for (List<String> rows : byPart.values()) {
                joined.addAll(rows);
            }
            assertEquals(expected, joined, key);
            if (key.equals("edges")) {
                assertEquals(Arrays.asList(10, 0, 0, 10), Arrays.asList(byPart.get(0).size(), byPart.get(1).size(),
                        byPart.get(2).size(), byPart.get(3).size()));
            }
        }
    }
}
