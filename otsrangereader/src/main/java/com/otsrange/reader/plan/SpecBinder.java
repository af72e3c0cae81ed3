package com.otsrange.reader.plan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.config.FilterParser;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.SchemaNames;
import com.otsrange.reader.config.SpecResult;
import com.otsrange.reader.config.TaskDefinition;
import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the spec against the table's primary key and types every key and literal. */
public final class SpecBinder {
    private SpecBinder() {
    }

    /** The table schema with partition/sort key resolved, or problems. */
    public static TableSchema schema(ReaderSpec spec, List<PrimaryKeySchema> pk, Problems problems) {
        List<String> names = new ArrayList<>();
        List<PrimaryKeyType> types = new ArrayList<>();
        for (PrimaryKeySchema s : pk) {
            names.add(s.getName());
            types.add(s.getType());
        }
        String actual = "the table's primary key is " + describe(names, types);
        int pi;
        int si;
        SchemaNames sn = spec.schema();
        if (sn == null) {
            if (names.size() < 2) {
                problems.add("parameter.schema", "the table has a single primary-key column (" + actual
                        + "); otsrange needs a partition key and an INTEGER time sort key");
                return null;
            }
            pi = 0;
            si = 1;
        } else {
            pi = names.indexOf(sn.partitionKey());
            si = names.indexOf(sn.sortKey());
            if (pi < 0) {
                problems.add("parameter.schema.partitionKey", Problems.show(sn.partitionKey()) + " is not a primary-key column; " + actual);
            }
            if (si < 0) {
                problems.add("parameter.schema.sortKey", Problems.show(sn.sortKey()) + " is not a primary-key column; " + actual);
            }
            if (sn.otherKeys() != null && pi >= 0 && si >= 0) {
                List<String> rest = new ArrayList<>(names);
                rest.remove(sn.partitionKey());
                rest.remove(sn.sortKey());
                List<String> given = new ArrayList<>(sn.otherKeys());
                if (!new java.util.HashSet<>(given).equals(new java.util.HashSet<>(rest)) || given.size() != rest.size()) {
                    problems.add("parameter.schema.otherKeys", "expected " + rest + " (the remaining primary-key columns), got "
                            + given + "; " + actual);
                }
            }
            if (pi < 0 || si < 0) {
                return null;
            }
        }
        if (types.get(si) != PrimaryKeyType.INTEGER) {
            problems.add(sn == null ? "parameter.schema" : "parameter.schema.sortKey", "the sort key " + names.get(si)
                    + " must be an INTEGER column holding epoch time, but it is " + types.get(si) + "; " + actual
                    + (sn == null ? " (without parameter.schema the second primary-key column is the sort key)" : ""));
            return null;
        }
        String chunkCol = spec.filters().chunkByColumn();
        if (chunkCol != null && !chunkCol.equals(names.get(si))) {
            problems.add("parameter.filters." + chunkCol + ".chunkBy", FilterParser.chunkByMisplaced(names.get(si)));
        }
        return new TableSchema(names, types, pi, si);
    }

    /**
     * Every task typed; fails with OtsRangeReader-02 listing all problems, or, when the only
     * problems are ranges that cannot match (found now that the column types are known), with
     * OtsRangeReader-01 as the offline check would have.
     */
    public static List<BoundTask> tasks(ReaderSpec spec, TableSchema schema) {
        Problems problems = new Problems();
        List<BoundTask> out = tasks(spec, schema, problems);
        Problems ranges = new Problems();
        BoundFilter.checkRanges(spec.filters(), schema, spec.timeLiteral(), ranges);
        for (TaskDefinition t : spec.tasks()) {
            BoundFilter.checkRanges(t.filters(), schema, spec.timeLiteral(), ranges);
        }
        if (!problems.isEmpty()) {
            List<JsonProblem> all = new ArrayList<>(problems.list());
            all.addAll(ranges.list());
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.TABLE_MISMATCH,
                    Problems.render("otsrangereader: the job does not fit table " + spec.table(), all));
        }
        if (!ranges.isEmpty()) {
            throw SpecResult.invalidParameter(OtsRangeReaderErrorCode.INVALID_CONFIG, ranges.list());
        }
        return out;
    }

    public static List<BoundTask> tasks(ReaderSpec spec, TableSchema schema, Problems problems) {
        TimeLiteral time = spec.timeLiteral();
        BoundFilter.bind(spec.filters(), schema, time, problems); // reports the job filters' problems once
        Map<String, TaskDefinition> byKey = new HashMap<>();
        List<BoundTask> out = new ArrayList<>(spec.tasks().size());
        PrimaryKeyType type = schema.partitionType();
        for (TaskDefinition t : spec.tasks()) {
            PrimaryKeyValue key = PkValues.convert(t.keyText(), type);
            if (key == null) {
                problems.add(t.path(), "task key " + Problems.show(t.keyText()) + " does not convert to the partition key "
                        + schema.partitionKey() + ": expected " + PkValues.expected(type, false));
                continue;
            }
            String text = PkValues.keyText(key);
            TaskDefinition prev = byKey.put(text, t);
            if (prev != null) {
                problems.add(t.path(), "task key " + Problems.show(t.keyText()) + " is the same " + type + " key as "
                        + Problems.show(prev.keyText()) + " (" + prev.origin() + " and " + t.origin() + ")");
                continue;
            }
            BoundFilter.bind(t.filters(), schema, time, problems);
            FilterSpec combined = spec.filters().and(t.filters());
            BoundFilter bound = BoundFilter.bind(combined, schema, time, new Problems());
            // a restatement reads committed windows before the run's window, which the job's sort-key bounds are
            FilterSpec restate = spec.filters().without(schema.sortKey()).and(t.filters());
            out.add(new BoundTask(key, text, spec.header(t), combined, bound, restate,
                    restate.equals(combined) ? bound : BoundFilter.bind(restate, schema, time, new Problems())));
        }
        return out;
    }

    static String describe(List<String> names, List<PrimaryKeyType> types) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(types.get(i));
        }
        return sb.append(']').toString();
    }
}
