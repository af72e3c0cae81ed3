package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.Row;

import java.util.List;

/** Rows the SDK decoded into objects. */
public final class SdkRows implements RowBlock {
    private final List<Row> rows;

    public SdkRows(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    @Override
    public int rowCount() {
        return rows.size();
    }

    @Override
    public long firstSortKey(String sortColumn, int sortIndex) {
        return rows.get(0).getPrimaryKey().getPrimaryKeyColumns()[sortIndex].getValue().asLong();
    }
}
