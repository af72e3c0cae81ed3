package com.otsrange.reader.scan;

/**
 * The rows of one answer, as they came over the wire: SDK {@code Row} objects (GetRange, or a
 * BulkExport PlainBuffer block) or a BulkExport row matrix read field by field.
 */
public interface RowBlock {
    /** Rows in the block. */
    int rowCount();

    /** The sort key of the first row (the block must have one). */
    long firstSortKey(String sortColumn, int sortIndex);
}
