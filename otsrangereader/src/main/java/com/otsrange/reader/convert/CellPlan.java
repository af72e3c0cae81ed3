package com.otsrange.reader.convert;

import com.otsrange.common.Period;
import com.otsrange.common.UnitMeta;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.filter.TableSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each output cell comes from, worked out once per unit: a primary-key column (by index)
 * or an attribute (by slot in the per-row value array). Also the attribute columns to request
 * (cells and client-rechecked filters) and the record meta map.
 */
public final class CellPlan {
    /** Cell source: >= 0 attribute slot; < 0 primary-key column {@code -1 - index}. */
    final int[] sources;
    /** Slot of every attribute the unit needs, by column name. */
    final Map<String, Integer> slots;
    /** Attribute filter conditions and the slot each one reads. */
    final List<BoundFilter.AttrCondition> attrConditions;
    final int[] conditionSlots;
    final List<String> columnsToGet;
    final int slotCount;

    public CellPlan(List<String> header, TableSchema schema, BoundFilter filter) {
        this.sources = new int[header.size()];
        this.slots = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            int pk = schema.indexOf(name);
            sources[i] = pk >= 0 ? -1 - pk : slot(name);
        }
        boolean pkInHeader = false;
        for (int s : sources) {
            pkInHeader |= s < 0;
        }
        this.attrConditions = filter.attributeConditions();
        this.conditionSlots = new int[attrConditions.size()];
        for (int i = 0; i < conditionSlots.length; i++) {
            conditionSlots[i] = slot(attrConditions.get(i).column());
        }
        this.slotCount = slots.size();
        List<String> cols = new ArrayList<>(slots.keySet());
        if (cols.isEmpty() || pkInHeader) {
            // TableStore omits rows that have none of the requested columns; asking for the
            // primary key too keeps every row in range when the header shows a key column.
            cols.addAll(schema.names());
        }
        this.columnsToGet = Collections.unmodifiableList(cols);
    }

    private int slot(String name) {
        Integer s = slots.get(name);
        if (s == null) {
            s = slots.size();
            slots.put(name, s);
        }
        return s;
    }

    public List<String> columnsToGet() {
        return columnsToGet;
    }

    /** The meta map every record of the unit carries (one shared immutable instance). */
    public Map<String, String> meta(String unitId, List<String> header, int sortIndex, Period period) {
        int n = 0;
        int[] time = new int[sources.length];
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == -1 - sortIndex) {
                time[n++] = i;
            }
        }
        // DOUBLE cells carry ShortestDouble text (UnitEmitter.cell)
        return new UnitMeta(unitId, header, Arrays.copyOf(time, n), period, true).toMap();
    }
}
