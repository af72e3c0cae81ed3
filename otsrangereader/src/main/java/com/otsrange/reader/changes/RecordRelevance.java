package com.otsrange.reader.changes;

import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RecordColumn;
import com.alicloud.openservices.tablestore.model.StreamRecord;
import com.otsrange.common.Period;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitId;
import com.otsrange.reader.convert.CellPlan;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.Planner;
import com.otsrange.reader.range.TimeCutter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stream records may have made a committed file stale (docs/DESIGN.md, "Restatement"). A
 * record is relevant when its partition key is one of this job's task keys and in this process'
 * shard; its sort key lies in a committed window; its other primary-key columns pass that task's
 * primary-key filters (the job's window on the sort key is this run's, not the committed one's); and
 * it is a PUT or DELETE, or an UPDATE that touches a column the task's output depends on (its
 * exported columns and the columns its filters read), or any UPDATE at all when the task's output
 * keeps rows without those columns (a primary-key column in its header): an UPDATE may create the
 * row, or delete its last column. When in doubt a record is relevant: a restatement re-reads the
 * table, so detecting too much costs time only. Stateless, so shards are classified in parallel.
 */
final class RecordRelevance {
    /** A relevant record: the unit it marks and from where. */
    static final class Mark {
        final int task;
        final String unit;
        /** The start of the committed window holding the record, clipped to the unit's period. */
        final long from;
        final long periodFrom;
        final long periodTo;

        Mark(int task, String unit, long from, long periodFrom, long periodTo) {
            this.task = task;
            this.unit = unit;
            this.from = from;
            this.periodFrom = periodFrom;
            this.periodTo = periodTo;
        }
    }

    private final TableSchema schema;
    private final List<BoundTask> tasks;
    private final Map<String, Integer> taskByKey = new HashMap<>();
    private final Map<Integer, Set<String>> columnsRead = new HashMap<>();
    private final Map<Integer, Boolean> anyUpdate = new HashMap<>();
    private final Period period;
    private final TimeCutter cutter;
    private final CommittedWindows committed;

    RecordRelevance(TableSchema schema, List<BoundTask> tasks, ShardSpec shard, Period period, TimeCutter cutter,
                    CommittedWindows committed) {
        this.schema = schema;
        this.tasks = tasks;
        this.period = period;
        this.cutter = cutter;
        this.committed = committed;
        for (int i = 0; i < tasks.size(); i++) {
            BoundTask t = tasks.get(i);
            if (!Planner.owns(shard, t.key())) {
                continue;
            }
            taskByKey.put(t.keyText(), i);
            CellPlan cells = new CellPlan(t.header(), schema, t.bound());
            columnsRead.put(i, cells.attributesRead());
            anyUpdate.put(i, cells.keepsRowsWithoutAttributes());
        }
    }

    /** The mark a record leaves, or null when it changes nothing this job exported. */
    Mark mark(StreamRecord record) {
        PrimaryKeyColumn[] pk = record.getPrimaryKey().getPrimaryKeyColumns();
        if (pk.length != schema.size()) {
            return null;
        }
        PrimaryKeyValue key = pk[schema.partitionIndex()].getValue();
        PrimaryKeyValue time = pk[schema.sortIndex()].getValue();
        if (key.getType() != schema.partitionType() || time.getType() != PrimaryKeyType.INTEGER) {
            return null;
        }
        Integer task = taskByKey.get(PkValues.keyText(key));
        if (task == null) {
            return null;
        }
        long t = time.asLong();
        BoundTask bt = tasks.get(task);
        TimeCutter.Piece p = cutter.periodOf(t, period);
        String unit = UnitId.of(period, p.label, bt.keyText());
        TimeWindow w = committed.holding(t, unit);
        if (w == null || !bt.bound().testPkExcept(i -> pk[i].getValue(), schema.sortIndex()) || !changesOutput(record, task)) {
            return null;
        }
        return new Mark(task, unit, Math.max(w.from(), p.from), p.from, p.to);
    }

    private boolean changesOutput(StreamRecord record, int task) {
        if (record.getRecordType() != StreamRecord.RecordType.UPDATE || anyUpdate.get(task)) {
            return true;
        }
        Set<String> read = columnsRead.get(task);
        for (RecordColumn c : record.getColumns()) {
            if (read.contains(c.getColumn().getName())) {
                return true;
            }
        }
        return false;
    }
}
