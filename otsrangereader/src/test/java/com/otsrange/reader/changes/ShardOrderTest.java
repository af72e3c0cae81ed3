package com.otsrange.reader.changes;

import com.alicloud.openservices.tablestore.model.StreamShard;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.WindowLedger;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.plan.SpecBinder;
import com.otsrange.reader.scan.SdkGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.otsrange.reader.changes.StreamTable.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shard split twice (parent, children, grandchildren) with records in every generation: each
 * shard is read only after its parent was read to its end, every record is seen once, and
 * DescribeStream is followed page by page.
 */
class ShardOrderTest {
    @TempDir
    Path dir;

    @Test
    void parentsAreReadToTheirEndBeforeTheirChildren() throws Exception {
        try (StreamTable t = StreamTable.start(2, dir)) {
            String tasks = "{\"k-a\":[\"v\"],\"k-b\":[\"v\"],\"k-c\":[\"v\"],\"k-d\":[\"v\"],\"k-e\":[\"v\"],\"k-f\":[\"v\"]}";
            ReaderSpec spec = t.afterFirstRun(tasks);

            String[] keys = {"k-a", "k-b", "k-c", "k-d", "k-e", "k-f"};
            int written = 0;
            Map<String, String> parentOf = new HashMap<>();
            for (int generation = 0; generation < 3; generation++) {
                for (String k : keys) {
                    t.put(k, 0, ms("2024-01-29T00:00:00") + generation, "v", generation);
                    written++;
                }
                if (generation < 2) {
                    String split = t.shardOf("k-a");
                    for (String child : t.emu.splitStreamShard(StreamTable.TABLE, split)) {
                        parentOf.put(child, split);
                    }
                }
            }
            List<String> events = Collections.synchronizedList(new ArrayList<String>());
            ShardWalk.Listener listener = new ShardWalk.Listener() {
                @Override
                public void started(String shard) {
                    events.add("start " + shard);
                }

                @Override
                public void ended(String shard, boolean finished) {
                    events.add("end " + shard + (finished ? " finished" : " open"));
                }
            };
            Restatement r;
            try (SdkGateway gateway = new SdkGateway(spec.connection(), spec.table(), spec.tuning())) {
                TableSchema schema = SpecBinder.schema(spec, gateway.primaryKey(spec.table()), new com.otsrange.common.Problems());
                List<BoundTask> bound = SpecBinder.tasks(spec, schema);
                WindowLedger ledger = CheckpointSnapshot.load(t.stateDir(spec)).ledger();
                WindowLedger.Decision d = ledger.decide(spec.windowRequest().window(), spec.windowRequest().literal(), true);
                long describes = t.emu.stats().requests("DescribeStream");
                r = new Changes(spec, schema, bound, t.writer(true).filePeriod(), gateway, t.stateDir(spec), listener, 1)
                        .read(ledger, d, System.currentTimeMillis());
                assertEquals(6, t.emu.stats().requests("DescribeStream") - describes, "six shards, one per DescribeStream page");
            }
            assertEquals(written, r.read().recordsRead(), "every record once: " + events);
            assertEquals(6, r.read().shardsRead());
            assertEquals(6, r.position().shards().size());
            for (Map.Entry<String, String> c : parentOf.entrySet()) {
                int parentEnd = events.indexOf("end " + c.getValue() + " finished");
                int childStart = events.indexOf("start " + c.getKey());
                assertTrue(parentEnd >= 0 && childStart > parentEnd, c + " in " + events);
                assertTrue(r.position().shards().get(c.getValue()).isFinished());
            }
            for (StreamShard s : t.shards()) {
                assertTrue(events.contains("start " + s.getShardId()), s.getShardId() + " read: " + events);
            }
            assertEquals(6, r.units().size(), "a January unit per key: " + r.units().keySet());
            assertEquals(3, r.units().get("2024-01/k-a").records(), "k-a's three records, one per generation");
        }
    }
}
