package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.SimpleRowMatrixBlockParser;

import java.nio.ByteBuffer;

/**
 * A DBT_SIMPLE_ROW_MATRIX block. Its parser (which verifies the block's checksum) is made when the
 * block arrives, on the fetching thread; the converting thread then walks it field by field,
 * without SDK row objects.
 */
public final class MatrixRows implements RowBlock {
    private final ByteBuffer block;
    private SimpleRowMatrixBlockParser parser;
    private final int rowCount;

    public MatrixRows(ByteBuffer block) {
        this.block = block;
        this.parser = new SimpleRowMatrixBlockParser(block.duplicate());
        this.rowCount = parser.getRowCount();
    }

    /** The parser, positioned before the first row; a block is read once. */
    public synchronized SimpleRowMatrixBlockParser reader() {
        if (parser == null) {
            throw new IllegalStateException("a row matrix block is read once");
        }
        SimpleRowMatrixBlockParser p = parser;
        parser = null;
        return p;
    }

    public int bytes() {
        return block.limit();
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public long firstSortKey(String sortColumn, int sortIndex) {
        SimpleRowMatrixBlockParser p = new SimpleRowMatrixBlockParser(block.duplicate());
        String[] names = p.parseFieldNames();
        p.next();
        for (int i = 0; i < p.getPkCount(); i++) {
            if (names[i].equals(sortColumn)) {
                return p.getLong(i);
            }
        }
        throw new IllegalStateException("the row matrix has no field " + sortColumn);
    }
}
