package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alicloud.openservices.tablestore.model.ColumnType;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.SimpleRowMatrixBlockParser;
import com.otsrange.common.ShortestDouble;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A BulkExport row matrix read in place by field index (the SDK parser's getters), without SDK
 * row or column objects: a DataX column is built straight from each field. The fields are mapped
 * to key indexes and plan slots once per block, from the block's own field names.
 */
final class MatrixRowCursor implements RowCursor {
    private final SimpleRowMatrixBlockParser block;
    /** Field of each primary-key column, -1 when absent. */
    private final int[] keyField;
    /** Field of each slot, -1 when absent (the row has no such cell). */
    private final int[] slotField;
    private final int sortField;
    private final PrimaryKeyValue[] keys;

    MatrixRowCursor(SimpleRowMatrixBlockParser block, CellPlan plan) {
        this.block = block;
        String[] names = block.parseFieldNames();
        Map<String, Integer> field = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            field.put(names[i], i);
        }
        int pkCount = block.getPkCount();
        keyField = new int[plan.schema.size()];
        for (int i = 0; i < keyField.length; i++) {
            Integer f = field.get(plan.schema.names().get(i));
            keyField[i] = f != null && f < pkCount ? f : -1;
        }
        slotField = new int[plan.slotCount];
        Arrays.fill(slotField, -1);
        for (Map.Entry<String, Integer> e : plan.slots.entrySet()) {
            Integer f = field.get(e.getKey());
            if (f != null && f >= pkCount) {
                slotField[e.getValue()] = f;
            }
        }
        sortField = keyField[plan.schema.sortIndex()];
        if (sortField < 0) {
            throw new IllegalStateException("BulkExport answered without the sort key column " + plan.schema.names().get(plan.schema.sortIndex()));
        }
        keys = new PrimaryKeyValue[keyField.length];
    }

    @Override
    public boolean next() {
        if (!block.hasNext()) {
            return false;
        }
        block.next();
        Arrays.fill(keys, null);
        return true;
    }

    @Override
    public long sortKey() {
        return block.getLong(sortField);
    }

    @Override
    public PrimaryKeyValue get(int index) {
        PrimaryKeyValue v = keys[index];
        if (v == null) {
            int f = keyField[index];
            if (f < 0) {
                throw new IllegalStateException("BulkExport answered without key column " + index);
            }
            ColumnType t = block.getColumnType(f);
            if (t == ColumnType.INTEGER) {
                v = PrimaryKeyValue.fromLong(block.getLong(f));
            } else if (t == ColumnType.STRING) {
                v = PrimaryKeyValue.fromString(block.getString(f));
            } else {
                v = PrimaryKeyValue.fromBinary(block.getBinary(f));
            }
            keys[index] = v;
        }
        return v;
    }

    @Override
    public ColumnValue attribute(int slot) {
        int f = slotField[slot];
        ColumnType t = f < 0 ? null : block.getColumnType(f);
        if (t == null) {
            return null;
        }
        switch (t) {
            case STRING:
                return ColumnValue.fromString(block.getString(f));
            case INTEGER:
                return ColumnValue.fromLong(block.getLong(f));
            case DOUBLE:
                return ColumnValue.fromDouble(block.getDouble(f));
            case BOOLEAN:
                return ColumnValue.fromBoolean(block.getBoolean(f));
            default:
                return ColumnValue.fromBinary(block.getBinary(f));
        }
    }

    @Override
    public Column cell(int slot) {
        int f = slotField[slot];
        ColumnType t = f < 0 ? null : block.getColumnType(f);
        if (t == null) {
            return new StringColumn();
        }
        switch (t) {
            case STRING:
                return new StringColumn(block.getString(f));
            case INTEGER:
                return new LongColumn(block.getLong(f));
            case DOUBLE:
                return Cells.doubleText(ShortestDouble.format(block.getDouble(f)));
            case BOOLEAN:
                return new BoolColumn(block.getBoolean(f));
            default:
                return new BytesColumn(block.getBinary(f));
        }
    }

    @Override
    public boolean hasAttribute() {
        for (int f : slotField) {
            if (f >= 0 && !block.isNull(f)) {
                return true;
            }
        }
        return false;
    }
}
