package com.otsrange.emulator;

import java.util.List;

/** A decoded request row: primary key cells by name and the attribute cell operations. */
record DecodedRow(List<String> pkNames, List<PkValue> pk, List<CellOp> ops, boolean deleteMarker) {

    /** op: PUT (cell has a value), DELETE_ALL (every version), DELETE_ONE (version at cell.timestamp). */
    record CellOp(int op, String name, Cell cell, boolean hasTimestamp) {
        static final int PUT = 0;
        static final int DELETE_ALL = 1;
        static final int DELETE_ONE = 3;
        static final int INCREMENT = 4;
    }
}
