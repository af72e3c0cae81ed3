package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validates row changes against a table and computes the new stored row. */
final class RowWrites {
    static final int MAX_PK_BYTES = 1024;
    static final int MAX_VALUE_BYTES = 2 * 1024 * 1024;
    static final int MAX_COLUMNS_PER_ROW = 1024;

    private static final Comparator<Cell> CELL_ORDER =
        Comparator.comparing(Cell::name).thenComparing(Comparator.comparingLong(Cell::timestamp).reversed());

    private RowWrites() {
    }

    /** Checks the PK against the schema (no INF allowed) and encodes it. */
    static byte[] key(Table t, DecodedRow ch) {
        return KeyCodec.encode(t.schema, checkPk(t.schema, ch.pkNames(), ch.pk(), false));
    }

    static List<PkValue> checkPk(PkSchema schema, List<String> names, List<PkValue> values, boolean infAllowed) {
        if (names.size() != schema.size()) {
            throw OtsError.invalidPk("Validate PK size fail. Input: " + names.size() + ", Meta: " + schema.size() + ".");
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(schema.name(i))) {
                throw OtsError.invalidPk("Validate PK name fail. Input: " + names.get(i) + ", Meta: " + schema.name(i) + ".");
            }
            PkValue v = values.get(i);
            if (v.isInf()) {
                if (!infAllowed) throw OtsError.invalidPk("INF_MIN and INF_MAX are only allowed in range bounds, not in column '" + names.get(i) + "'.");
                continue;
            }
            if (v.type() != schema.type(i)) {
                throw OtsError.invalidPk("Validate PK type fail. Input: " + v.type() + ", Meta: " + schema.type(i) + ".");
            }
            if (v.bytes() != null && v.bytes().length > MAX_PK_BYTES) {
                throw OtsError.param("The length of primary key column: '" + names.get(i) + "' exceeds the MaxLength:"
                    + MAX_PK_BYTES + " with CurrentLength:" + v.bytes().length + ".");
            }
        }
        return values;
    }

    /** Validates the attribute operations of a change; fills in server time where no timestamp was given. */
    static List<DecodedRow.CellOp> checkOps(Table t, DecodedRow ch, OtsInternalApi.OperationType type, long now) {
        if (ch.ops().size() > MAX_COLUMNS_PER_ROW) {
            throw OtsError.param("The number of columns in one row exceeds the limit: " + MAX_COLUMNS_PER_ROW + ".");
        }
        long deviationMs = t.options.deviationSeconds() * 1000L;
        List<DecodedRow.CellOp> out = new ArrayList<>(ch.ops().size());
        for (DecodedRow.CellOp op : ch.ops()) {
            Names.checkColumn(op.name());
            if (t.schema.hasColumn(op.name())) {
                throw OtsError.param("The attribute column name '" + op.name() + "' is the same as a primary key column.");
            }
            if (type == OtsInternalApi.OperationType.PUT && op.op() != DecodedRow.CellOp.PUT) {
                throw OtsError.param("PutRow can only put columns; column '" + op.name() + "' has a delete/increment operation.");
            }
            if (op.op() == DecodedRow.CellOp.INCREMENT) {
                throw OtsError.param("Atomic increment is not supported by this emulator (column '" + op.name() + "').");
            }
            if (op.op() == DecodedRow.CellOp.DELETE_ONE && !op.hasTimestamp()) {
                throw OtsError.param("Deleting one version of column '" + op.name() + "' requires a timestamp.");
            }
            if (op.op() == DecodedRow.CellOp.PUT) {
                Cell c = op.cell();
                if (c.bytes() != null && c.bytes().length > MAX_VALUE_BYTES) {
                    throw OtsError.param("The length of attribute column: '" + op.name() + "' exceeds the MaxLength:"
                        + MAX_VALUE_BYTES + " with CurrentLength:" + c.bytes().length + ".");
                }
                if (op.hasTimestamp()) {
                    if (c.timestamp() < 0 || Math.abs(c.timestamp() - now) > deviationMs) {
                        throw OtsError.param("The timestamp " + c.timestamp() + " of column '" + op.name()
                            + "' is out of the valid range (now +/- the table's max time deviation of "
                            + t.options.deviationSeconds() + " s).");
                    }
                } else {
                    op = new DecodedRow.CellOp(op.op(), op.name(), c.withTimestamp(now), true);
                }
            }
            out.add(op);
        }
        return out;
    }

    /** Existence and column conditions, checked against the current row. */
    static void checkCondition(Table t, byte[] current, OtsInternalApi.Condition cond) {
        if (cond == null) return;
        switch (cond.getRowExistence()) {
            case EXPECT_EXIST:
                if (current == null) throw OtsError.conditionFailed();
                break;
            case EXPECT_NOT_EXIST:
                if (current != null) throw OtsError.conditionFailed();
                break;
            default:
                break;
        }
        if (cond.hasColumnCondition() && !cond.getColumnCondition().isEmpty()) {
            RowFilter f = RowFilter.parse(cond.getColumnCondition());
            Map<String, List<Cell>> byName = new HashMap<>();
            if (current != null) {
                for (Cell c : RowCodec.decode(current, t.columns)) byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
            }
            if (!f.test(RowFilter.of(byName))) throw OtsError.conditionFailed();
        }
    }

    /** The new stored value (null = delete the row). */
    static byte[] apply(Table t, byte[] current, OtsInternalApi.OperationType type, List<DecodedRow.CellOp> ops) {
        if (type == OtsInternalApi.OperationType.DELETE) return null;
        List<Cell> cells = new ArrayList<>();
        if (type == OtsInternalApi.OperationType.UPDATE && current != null) cells.addAll(RowCodec.decode(current, t.columns));
        for (DecodedRow.CellOp op : ops) {
            switch (op.op()) {
                case DecodedRow.CellOp.PUT: {
                    Cell c = op.cell();
                    cells.removeIf(x -> x.name().equals(c.name()) && x.timestamp() == c.timestamp());
                    cells.add(c);
                    break;
                }
                case DecodedRow.CellOp.DELETE_ALL:
                    cells.removeIf(x -> x.name().equals(op.name()));
                    break;
                default:
                    cells.removeIf(x -> x.name().equals(op.name()) && x.timestamp() == op.cell().timestamp());
            }
        }
        cells.sort(CELL_ORDER);
        int maxVersions = t.options.maxVersions();
        List<Cell> kept = new ArrayList<>(cells.size());
        String last = null;
        int n = 0;
        for (Cell c : cells) {
            if (!c.name().equals(last)) {
                last = c.name();
                n = 0;
            }
            if (n++ < maxVersions) kept.add(c);
        }
        return RowCodec.encode(kept, t.columns);
    }

    /** Data size of a row change as counted against batch limits. */
    static long dataSize(DecodedRow ch) {
        long size = 0;
        for (int i = 0; i < ch.pk().size(); i++) {
            size += ch.pkNames().get(i).getBytes(StandardCharsets.UTF_8).length;
            PkValue v = ch.pk().get(i);
            size += v.bytes() != null ? v.bytes().length : 8;
        }
        for (DecodedRow.CellOp op : ch.ops()) size += op.cell() != null ? op.cell().dataSize() : op.name().length();
        return size;
    }
}
