package com.otsrange.reader.convert;

import com.alibaba.datax.common.element.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.reader.filter.BoundFilter;

/**
 * The rows of one page, one at a time, whatever the wire format: the current row's key values
 * and its cells, by primary-key index and by {@link CellPlan} slot, as DataX columns. Both
 * formats give identical columns for the same row. {@link RowCursors#open} opens one for a page.
 */
interface RowCursor extends BoundFilter.KeyValues {
    /** Moves to the next row; false after the last. */
    boolean next();

    /** The current row's sort key (an INTEGER key column). */
    long sortKey();

    /** The current row's value of primary-key column {@code index}. */
    @Override
    PrimaryKeyValue get(int index);

    /** The cell of a slot as the SDK's value, null when the row has none (filter rechecks). */
    ColumnValue attribute(int slot);

    /** The cell of a slot as a DataX column; a missing cell is a StringColumn without data. */
    Column cell(int slot);

    /** Whether the row has any of the plan's attribute cells. */
    boolean hasAttribute();
}
