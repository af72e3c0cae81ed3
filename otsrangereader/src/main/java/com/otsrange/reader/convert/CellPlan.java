package com.otsrange.reader.convert;

import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.UnitMeta;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.task.RestateRead;
import com.otsrange.reader.scan.ScanRequest;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.filter.ColumnValueFilter;

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
    /** BulkExport's columns: the key columns always (a row matrix carries only requested fields). */
    final List<String> bulkExportColumns;
    /**
     * Whether a row with none of the requested attributes is left out: GetRange omits such rows
     * when no key column is requested, so the BulkExport path must too (same rows on both), and
     * so must GetRange itself when the columns are more than it takes and it reads every column.
     */
    final boolean dropsRowsWithoutAttributes;
    final int slotCount;
    final TableSchema schema;

    public CellPlan(List<String> header, TableSchema schema, BoundFilter filter) {
        this.schema = schema;
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
        this.dropsRowsWithoutAttributes = !(cols.isEmpty() || pkInHeader);
        if (!dropsRowsWithoutAttributes) {
            // TableStore omits rows that have none of the requested columns; asking for the
            // primary key too keeps every row in range when the header shows a key column.
            cols.addAll(schema.names());
        }
        this.columnsToGet = Collections.unmodifiableList(cols);
        List<String> bulk = new ArrayList<>(schema.names());
        bulk.addAll(slots.keySet());
        this.bulkExportColumns = Collections.unmodifiableList(bulk);
    }

    /** What every page of this plan's ranges asks for. */
    public ScanRequest request(ColumnValueFilter serverFilter) {
        return new ScanRequest(columnsToGet, bulkExportColumns, serverFilter);
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

    /** The attribute columns the unit's output depends on: its cells' and those its filter rechecks. */
    public java.util.Set<String> attributesRead() {
        return Collections.unmodifiableSet(slots.keySet());
    }

    /**
     * Whether a row with none of {@link #attributesRead()} is still a row of the output (its header
     * shows a primary-key column, or it reads no attribute at all): then whether a row exists at all
     * depends on writes to any column.
     */
    public boolean keepsRowsWithoutAttributes() {
        return !dropsRowsWithoutAttributes;
    }

    /** Whether the export leaves out this row, read with {@link #columnsToGet()}: it has none of the requested attributes. */
    public boolean leavesOut(Row row) {
        if (!dropsRowsWithoutAttributes) {
            return false;
        }
        for (String name : slots.keySet()) {
            if (row.getLatestColumn(name) != null) {
                return false;
            }
        }
        return true;
    }

    /** The meta map every record of the unit carries (one shared immutable instance). */
    public Map<String, String> meta(String unitId, List<String> header, int sortIndex, Period period) {
        return meta(unitId, header, sortIndex, period, null);
    }

    /** @param part the part of the unit the records are, or null for the whole unit */
    public Map<String, String> meta(String unitId, List<String> header, int sortIndex, Period period, FileParts.Part part) {
        return meta(unitId, header, sortIndex, period, part, null);
    }

    /** @param restate a restated unit's mark (its records carry {@code otsrange.restateFrom}), or null */
    public Map<String, String> meta(String unitId, List<String> header, int sortIndex, Period period, FileParts.Part part,
                                    RestateRead restate) {
        int n = 0;
        int[] time = new int[sources.length];
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == -1 - sortIndex) {
                time[n++] = i;
            }
        }
        // DOUBLE cells carry ShortestDouble text (UnitEmitter.cell)
        UnitMeta meta = new UnitMeta(unitId, header, Arrays.copyOf(time, n), period, true, part);
        return (restate == null ? meta : meta.restated(restate.from, restate.compare)).toMap();
    }
}
