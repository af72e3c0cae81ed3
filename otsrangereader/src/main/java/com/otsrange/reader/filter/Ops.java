package com.otsrange.reader.filter;

import com.otsrange.reader.config.Op;

final class Ops {
    private Ops() {
    }

    /** Whether a single-value operator holds for the sign of (cell - literal); null = not comparable. */
    static boolean holds(Op op, Integer r) {
        if (r == null) {
            return false;
        }
        switch (op) {
            case EQ:
                return r == 0;
            case NE:
                return r != 0;
            case GT:
                return r > 0;
            case GTE:
                return r >= 0;
            case LT:
                return r < 0;
            case LTE:
                return r <= 0;
            default:
                throw new IllegalArgumentException(op.json());
        }
    }
}
