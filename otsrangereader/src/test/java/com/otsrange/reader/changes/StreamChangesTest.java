package com.otsrange.reader.changes;

import com.otsrange.common.ChangesMode;
import com.otsrange.common.RestateFile;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.StateDir;
import com.otsrange.common.StreamPosition;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.plan.Plan;
import com.otsrange.reader.plan.RestateMark;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.plan.TaskPlans;
import com.otsrange.reader.task.TaskPlan;
import com.otsrange.reader.task.TaskPlanCodec;
import com.otsrange.reader.plan.Unit;
import com.otsrange.reader.task.TaskUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.otsrange.reader.changes.StreamTable.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader half of restatement against the emulator's Stream: three shards, one split mid-way,
 * every kind of write, and exactly the units (with restateFrom and record counts) the test expects
 * from what it wrote; committed windows (UTC) W1 [01-28, 02-02), W2 [02-02, 02-03), W3 [02-03, 02-04),
 * a gap, W4 [02-06, 02-08); this run's window [02-08, 02-09); month files.
 */
class StreamChangesTest {
    static final String[] WINDOWS = {"2024-01-28", "2024-02-02", "2024-02-02", "2024-02-03", "2024-02-03", "2024-02-04",
        "2024-02-06", "2024-02-08"};

    @TempDir
    Path dir;

    /** The first {@code n} of k-a, k-b, ... that job shard {@code shard} of 2 exports. */
    static List<String> keysOfShard(int shard, int n) {
        List<String> out = new ArrayList<>();
        ShardSpec s = ShardSpec.parse(shard + "/2");
        for (char c = 'a'; out.size() < n; c++) {
            String k = "k-" + c;
            if (s.ownsString(k)) {
                out.add(k);
            }
        }
        return out;
    }

    static String tasks(List<String> keys, String other) {
        StringBuilder t = new StringBuilder("{");
        // k4 also filters on f (an update of f matters); k6 shows ct (any update matters: it may create or remove a row)
        for (int i = 0; i < keys.size(); i++) {
            String cols = i == 0 || i == 1 ? "[\"v\",\"w\"]" : i == 6 ? "[\"ct\",\"v\"]" : "[\"v\"]";
            t.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":")
                    .append(i == 4 ? "{\"columns\":" + cols + ",\"filters\":{\"f\":{\"eq\":1}}}" : cols);
        }
        return t.append(",\"").append(other).append("\":[\"v\"]}").toString();
    }

    static Map<String, String> marks(Restatement r) {
        Map<String, String> out = new TreeMap<>();
        for (RestateMark m : r.units().values()) {
            out.put(m.unitId(), m.from() + "/" + m.coveredTo() + "/" + m.records() + (m.compare() ? "/compare" : ""));
        }
        return out;
    }

    static String mark(String from, String coveredTo, long records) {
        return ms(from) + "/" + ms(coveredTo) + "/" + records;
    }

    @Test
    void everyKindOfWriteMarksExactlyTheUnitsItChangedAcrossASplit() throws Exception {
        try (StreamTable t = StreamTable.start(3, dir)) {
            t.create(24);
            List<String> k = keysOfShard(0, 8);
            String other = keysOfShard(1, 1).get(0);
            ReaderSpec spec = t.spec(t.reader(tasks(k, other), "\"stream\"", "0/2", "2024-02-08", "2024-02-09"));
            t.ledger(spec, WINDOWS);

            Plan first = t.plan(spec, true);
            Restatement r1 = first.window().restatement();
            assertTrue(r1.units().isEmpty(), "a first run restates nothing");
            assertTrue(r1.read().firstRun());
            assertEquals(3, r1.position().shards().size(), "an iterator for each shard");
            t.recordPosition(spec, r1);

            // before the split
            t.put(k.get(0), 0, ms("2024-01-30T10:00:00"), "v", 1);        // late row, W1, January
            t.put(k.get(1), 0, ms("2024-02-01T05:00:00"), "v", 1);        // late row, W1's February part
            t.update(k.get(2), 0, ms("2024-02-02T12:00:00"), "v", 7);     // exported column, W2
            t.update(k.get(3), 0, ms("2024-02-02T12:00:00"), "x", 7);     // a column k3 does not export: nothing
            t.update(k.get(4), 0, ms("2024-02-03T01:00:00"), "f", 2);     // the column k4's filter reads, W3
            t.delete(k.get(5), 0, ms("2024-02-03T02:00:00"));             // delete, W3
            t.update(k.get(6), 0, ms("2024-02-07T00:00:00"), "x", 1);     // any update of k6 (it shows ct), W4
            t.put("zz", 0, ms("2024-01-30T00:00:00"), "v", 1);            // no task key
            t.put(other, 0, ms("2024-01-30T00:00:00"), "v", 1);           // a task key of the other job shard
            t.put(k.get(0), 1, ms("2024-02-02T01:00:00"), "v", 1);        // dim 1: outside the filter
            t.put(k.get(0), 0, ms("2024-02-05T00:00:00"), "v", 1);        // the gap between W3 and W4: never exported
            t.put(k.get(0), 0, ms("2024-02-08T05:00:00"), "v", 1);        // this run's window: read anyway
            t.put(k.get(0), 0, ms("2024-01-10T00:00:00"), "v", 1);        // before the first window
            t.put(k.get(7), 0, ms("2024-02-09T00:00:00"), "v", 1);        // after this run's window
            String split = t.shardOf(k.get(0));
            List<String> children = t.emu.splitStreamShard(StreamTable.TABLE, split);
            // after it: the children take the records of the split shard's keys
            t.update(k.get(2), 0, ms("2024-02-03T05:00:00"), "v", 8);     // k2 again, later: still from W2
            t.put(k.get(0), 0, ms("2024-02-03T03:00:00"), "v", 2);        // W3, February
            t.put(k.get(1), 0, ms("2024-01-29T00:00:00"), "v", 2);        // W1, January
            t.delete(k.get(3), 0, ms("2024-02-07T00:00:00"));             // delete, W4

            Plan second = t.plan(spec, true);
            Restatement r2 = second.window().restatement();
            Map<String, String> expected = new TreeMap<>();
            expected.put("2024-01/" + k.get(0), mark("2024-01-28", "2024-02-01", 1));
            expected.put("2024-02/" + k.get(0), mark("2024-02-03", "2024-02-08", 1));
            expected.put("2024-01/" + k.get(1), mark("2024-01-28", "2024-02-01", 1));
            expected.put("2024-02/" + k.get(1), mark("2024-02-01", "2024-02-08", 1));
            expected.put("2024-02/" + k.get(2), mark("2024-02-02", "2024-02-08", 2));
            expected.put("2024-02/" + k.get(3), mark("2024-02-06", "2024-02-08", 1));
            expected.put("2024-02/" + k.get(4), mark("2024-02-03", "2024-02-08", 1));
            expected.put("2024-02/" + k.get(5), mark("2024-02-03", "2024-02-08", 1));
            expected.put("2024-02/" + k.get(6), mark("2024-02-06", "2024-02-08", 1));
            assertEquals(expected, marks(r2));
            assertFalse(r2.read().firstRun());
            assertEquals(r1.position().at(), (long) r2.read().positionFrom());
            assertEquals(18, r2.read().recordsRead(), "every record written since the first run");
            assertEquals(10, r2.read().relevantRecords());
            assertEquals(5, r2.read().shardsRead(), "three shards and the two children");

            StreamPosition p = r2.position();
            assertTrue(p.shards().get(split).isFinished(), "the split shard was read to its end");
            for (String c : children) {
                assertFalse(p.shards().get(c).isFinished(), "child " + c + " is open");
            }
            assertEquals(5, p.shards().size());

            // the plan reads each restated unit from restateFrom: to its coverage end (January), or on through
            // this run's window (February); the unit nothing changed is read over the window only
            Map<String, String> planned = new TreeMap<>();
            for (List<Unit> g : second.groups()) {
                for (Unit u : g) {
                    planned.put(u.id(), u.from() + ".." + u.to() + (u.restate() == null ? "" : " restated"));
                }
            }
            assertEquals(ms("2024-01-28") + ".." + ms("2024-02-01") + " restated", planned.get("2024-01/" + k.get(0)));
            assertEquals(ms("2024-02-03") + ".." + ms("2024-02-09") + " restated", planned.get("2024-02/" + k.get(0)));
            assertEquals(ms("2024-02-08") + ".." + ms("2024-02-09"), planned.get("2024-02/" + k.get(7)));
            assertEquals(10, planned.size(), "nine restated units and k7's window");
            assertEquals(9, second.unitsRestated());

            // the hand-over the writer reads, and the task plan that carries the restate meta
            ReaderPlanning.handOver(spec, t.writer(true), second);
            Path tmp = StateDir.of(dir, spec.table(), spec.shard()).resolve(StateDir.TMP);
            RestateFile handed = RestateFile.read(tmp);
            assertEquals(ChangesMode.STREAM, handed.changes());
            assertEquals(p, handed.position());
            RestateFile.Unit a = handed.unit("2024-02/" + k.get(0));
            assertEquals(ms("2024-02-03"), a.restateFrom());
            assertEquals(ms("2024-02-08"), a.coveredTo());
            assertEquals(ms("2024-02-09"), a.readTo());
            assertFalse(a.compare());
            assertEquals(9, handed.units().size());
            for (List<Unit> g : second.groups()) {
                TaskPlan tp = TaskPlanCodec.decode(TaskPlanCodec.encode(TaskPlans.of(spec, second, g)));
                assertEquals(1, tp.exclude.size(), "the gap travels with the task");
                assertEquals(ms("2024-02-04"), tp.exclude.get(0).from());
                for (com.otsrange.reader.task.UnitWork u : TaskUnits.of(tp).units) {
                    boolean restated = !u.unitId.equals("2024-02/" + k.get(7));
                    assertEquals(restated, u.restate != null, u.unitId);
                    if (restated) {
                        assertEquals(Long.parseLong(expected.get(u.unitId).split("/")[0]), u.restate.from, u.unitId);
                        assertTrue(u.filter.onPk(2).isEmpty(), "a restated unit's filter leaves out this run's window");
                        boolean straddles = u.from < ms("2024-02-04") && u.to > ms("2024-02-06");
                        assertEquals(straddles ? 2 : 1, tp.segments(u.from, u.to).size(), u.unitId + " reads around the gap");
                    } else {
                        assertFalse(u.filter.onPk(2).isEmpty(), "an ordinary unit keeps the window");
                    }
                }
            }

            t.recordPosition(spec, r2);
            Restatement r3 = t.plan(spec, true).window().restatement();
            assertTrue(r3.units().isEmpty(), "nothing new since: " + marks(r3));
            assertEquals(0, r3.read().recordsRead());
            assertEquals(4, r3.read().shardsRead(), "the finished shard is not read again");
            assertTrue(r3.position().shards().get(split).isFinished());
        }
    }
}
