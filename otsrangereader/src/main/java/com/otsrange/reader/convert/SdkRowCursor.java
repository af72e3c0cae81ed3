package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyColumn;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.Row;

import java.util.Arrays;
import java.util.List;

/** Rows the SDK decoded: a row's cells are put into slots by name when first asked for. */
final class SdkRowCursor implements RowCursor {
    private final List<Row> rows;
    private final CellPlan plan;
    private final int sortIndex;
    private final ColumnValue[] values;
    private int index = -1;
    private PrimaryKeyColumn[] pk;
    private boolean loaded;
    /** Slot of the cell at each position of the previous row: rows of a page mostly share their column list. */
    private String[] seenNames = new String[0];
    private int[] seenSlots = new int[0];

    SdkRowCursor(List<Row> rows, CellPlan plan) {
        this.rows = rows;
        this.plan = plan;
        this.sortIndex = plan.schema.sortIndex();
        this.values = new ColumnValue[plan.slotCount];
    }

    @Override
    public boolean next() {
        if (++index >= rows.size()) {
            return false;
        }
        pk = rows.get(index).getPrimaryKey().getPrimaryKeyColumns();
        loaded = false;
        return true;
    }

    @Override
    public long sortKey() {
        return pk[sortIndex].getValue().asLong();
    }

    @Override
    public PrimaryKeyValue get(int i) {
        return pk[i].getValue();
    }

    @Override
    public ColumnValue attribute(int slot) {
        load();
        return values[slot];
    }

    @Override
    public Column cell(int slot) {
        load();
        return Cells.of(values[slot]);
    }

    @Override
    public boolean hasAttribute() {
        load();
        for (ColumnValue v : values) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Arrays.fill(values, null);
        com.alicloud.openservices.tablestore.model.Column[] cells = rows.get(index).getColumns();
        if (cells.length > seenNames.length) {
            seenNames = Arrays.copyOf(seenNames, cells.length);
            seenSlots = Arrays.copyOf(seenSlots, cells.length);
        }
        for (int i = 0; i < cells.length; i++) {
            com.alicloud.openservices.tablestore.model.Column c = cells[i];
            int slot = slotOf(i, c.getName());
            if (slot >= 0 && values[slot] == null) {
                values[slot] = c.getValue(); // newest version first
            }
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
}
