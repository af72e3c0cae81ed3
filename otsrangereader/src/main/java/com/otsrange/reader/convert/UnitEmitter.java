package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.Row;
import com.otsrange.common.ShortestDouble;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.scan.RangeScanner;

import java.util.List;
import java.util.Map;

/**
 * Turns the rows of one unit into records (layout in otsrange-common RecordLayout): rechecks the
 * unit's primary-key window and every filter condition on the client, then emits column 0 = key,
 * column 1 = raw sort key, then the cells in header order; a missing cell has null raw data.
 */
public final class UnitEmitter implements RangeScanner.RowSink {
    private final CellPlan plan;
    private final BoundFilter filter;
    private final int partitionIndex;
    private final int sortIndex;
    private final PrimaryKeyValue key;
    private final long from;
    private final long to;
    private final Map<String, String> meta;
    private final RecordSender sender;
    private long emitted;
    /** Slot of the cell at each position of the previous row: rows of a page mostly share their column list. */
    private String[] seenNames = new String[0];
    private int[] seenSlots = new int[0];

    public UnitEmitter(CellPlan plan, BoundFilter filter, int partitionIndex, int sortIndex, PrimaryKeyValue key, long from, long to,
                       Map<String, String> meta, RecordSender sender) {
        this.plan = plan;
        this.filter = filter;
        this.partitionIndex = partitionIndex;
        this.sortIndex = sortIndex;
        this.key = key;
        this.from = from;
        this.to = to;
        this.meta = meta;
        this.sender = sender;
    }

    @Override
    public void rows(List<Row> rows) {
        ColumnValue[] values = new ColumnValue[plan.slotCount];
        for (int r = 0, n = rows.size(); r < n; r++) {
            Row row = rows.get(r);
            PrimaryKeyColumn[] pk = row.getPrimaryKey().getPrimaryKeyColumns();
            long time = pk[sortIndex].getValue().asLong();
            if (time < from || time >= to || !sameKey(pk[partitionIndex].getValue()) || !filter.testPk(pk)) {
                continue;
            }
            java.util.Arrays.fill(values, null);
            com.alicloud.openservices.tablestore.model.Column[] cells = row.getColumns();
            if (cells.length > seenNames.length) {
                seenNames = java.util.Arrays.copyOf(seenNames, cells.length);
                seenSlots = java.util.Arrays.copyOf(seenSlots, cells.length);
            }
            for (int i = 0; i < cells.length; i++) {
                com.alicloud.openservices.tablestore.model.Column c = cells[i];
                int slot = slotOf(i, c.getName());
                if (slot >= 0 && values[slot] == null) {
                    values[slot] = c.getValue(); // newest version first
                }
            }
            if (!attributesMatch(values)) {
                continue;
            }
            Record record = sender.createRecord();
            record.addColumn(pkColumn(pk[partitionIndex].getValue()));
            record.addColumn(new LongColumn(time));
            int[] sources = plan.sources;
            for (int s : sources) {
                record.addColumn(s < 0 ? pkColumn(pk[-1 - s].getValue()) : cell(values[s]));
            }
            record.setMeta(meta);
            sender.sendToWriter(record);
            emitted++;
        }
    }

    /** The value slot of a column name (-1: not needed), remembered by position so most rows skip the map. */
    private int slotOf(int position, String name) {
        if (name.equals(seenNames[position])) {
            return seenSlots[position];
        }
        Integer slot = plan.slots.get(name);
        seenNames[position] = name;
        seenSlots[position] = slot == null ? -1 : slot;
        return seenSlots[position];
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
                return java.util.Arrays.equals(v.asBinary(), key.asBinary());
        }
    }

    private boolean attributesMatch(ColumnValue[] values) {
        List<BoundFilter.AttrCondition> conds = plan.attrConditions;
        for (int i = 0, n = conds.size(); i < n; i++) {
            if (!filter.testAttribute(conds.get(i), values[plan.conditionSlots[i]])) {
                return false;
            }
        }
        return true;
    }

    static Column pkColumn(PrimaryKeyValue v) {
        switch (v.getType()) {
            case INTEGER:
                return new LongColumn(v.asLong());
            case STRING:
                return new StringColumn(v.asString());
            default:
                return new BytesColumn(v.asBinary());
        }
    }

    static Column cell(ColumnValue v) {
        if (v == null) {
            return new StringColumn();
        }
        switch (v.getType()) {
            case STRING:
                return new StringColumn(v.asString());
            case INTEGER:
                return new LongColumn(v.asLong());
            case DOUBLE:
                // text form: DataX's Double constructor rejects NaN and infinities; shortest text so
                // csvyearwriter can print it verbatim (meta otsrange.doubles = shortest)
                return new DoubleText(ShortestDouble.format(v.asDouble()));
            case BOOLEAN:
                return new BoolColumn(v.asBoolean());
            case BINARY:
                return new BytesColumn(v.asBinary());
            default:
                return new StringColumn();
        }
    }

    /**
     * A DoubleColumn from {@link ShortestDouble#format} text, which is always valid for
     * DoubleColumn (a decimal, NaN or an infinity), so the constructor's BigDecimal parse check is skipped.
     * Raw data, type and byte size are exactly those of {@code new DoubleColumn(text)}.
     */
    static final class DoubleText extends DoubleColumn {
        DoubleText(String text) {
            super((String) null);
            setRawData(text);
            setByteSize(text.length());
        }
    }

    public long emitted() {
        return emitted;
    }
}
