package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.BoundFilter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of one unit into records (layout in otsrange-common RecordLayout): rechecks the
 * unit's primary-key window and every filter condition on the client, then emits column 0 = key,
 * column 1 = raw sort key, then the cells in header order; a missing cell has null raw data.
 */
final class UnitEmitter {
    private final CellPlan plan;
    private final BoundFilter filter;
    private final int partitionIndex;
    private final PrimaryKeyValue key;
    /** [from, to) pairs in order: the unit's window less what it leaves out ({@code TaskPlan.segments}). */
    private final List<long[]> segments;
    private final Map<String, String> meta;
    private final RecordSender sender;
    private long emitted;

    /** @param segments where the unit's rows are, {@code TaskPlan.segments}: the rows its ranges read beyond them are not its */
    UnitEmitter(CellPlan plan, BoundFilter filter, PrimaryKeyValue key, List<long[]> segments, Map<String, String> meta,
                RecordSender sender) {
        this.plan = plan;
        this.filter = filter;
        this.partitionIndex = plan.schema.partitionIndex();
        this.key = key;
        this.segments = segments;
        this.meta = meta;
        this.sender = sender;
    }

    /** The cursor's current row, whose sort key is {@code time}. */
    void row(RowCursor row, long time) {
        if (!inSegments(time) || !sameKey(row.get(partitionIndex)) || !filter.testPk(row)) {
            return;
        }
        if (plan.dropsRowsWithoutAttributes && !row.hasAttribute()) {
            return; // GetRange leaves such rows out; BulkExport may not
        }
        List<BoundFilter.AttrCondition> conds = plan.attrConditions;
        for (int i = 0, n = conds.size(); i < n; i++) {
            if (!filter.testAttribute(conds.get(i), row.attribute(plan.conditionSlots[i]))) {
                return;
            }
        }
        Record record = sender.createRecord();
        record.addColumn(Cells.key(row.get(partitionIndex)));
        record.addColumn(new LongColumn(time));
        for (int s : plan.sources) {
            record.addColumn(s < 0 ? Cells.key(row.get(-1 - s)) : row.cell(s));
        }
        record.setMeta(meta);
        sender.sendToWriter(record);
        emitted++;
    }

    private boolean inSegments(long time) {
        for (int i = 0, n = segments.size(); i < n; i++) {
            long[] s = segments.get(i);
            if (time >= s[0] && time < s[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether a row's partition key is the unit's (rows never hold INF_MIN/INF_MAX). */
    private boolean sameKey(PrimaryKeyValue v) {
        if (v.getType() != key.getType()) {
            return false;
        }
        switch (v.getType()) {
            case INTEGER:
                return v.asLong() == key.asLong();
            case STRING:
                return v.asString().equals(key.asString());
            default:
                return Arrays.equals(v.asBinary(), key.asBinary());
        }
    }

    long emitted() {
        return emitted;
    }

    Map<String, String> meta() {
        return meta;
    }
}
