package com.otsrange.reader.convert;

import com.otsrange.reader.scan.MatrixRows;
import com.otsrange.reader.scan.RowBlock;
import com.otsrange.reader.scan.SdkRows;

/** The {@link RowCursor} of a page's wire format. */
final class RowCursors {
    private RowCursors() {
    }

    static RowCursor open(RowBlock block, CellPlan plan) {
        if (block instanceof MatrixRows) {
            return new MatrixRowCursor(((MatrixRows) block).reader(), plan);
        }
        return new SdkRowCursor(((SdkRows) block).rows(), plan);
    }
}
