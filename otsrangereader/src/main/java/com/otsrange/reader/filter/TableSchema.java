package com.otsrange.reader.filter;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The table's primary key in order, with which column is the partition key and which the sort key. */
public final class TableSchema {
    private final List<String> names;
    private final List<PrimaryKeyType> types;
    private final int partitionIndex;
    private final int sortIndex;

    public TableSchema(List<String> names, List<PrimaryKeyType> types, int partitionIndex, int sortIndex) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.types = Collections.unmodifiableList(new ArrayList<>(types));
        this.partitionIndex = partitionIndex;
        this.sortIndex = sortIndex;
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public String name(int i) {
        return names.get(i);
    }

    public PrimaryKeyType type(int i) {
        return types.get(i);
    }

    public int indexOf(String column) {
        return names.indexOf(column);
    }

    public int partitionIndex() {
        return partitionIndex;
    }

    public int sortIndex() {
        return sortIndex;
    }

    public String partitionKey() {
        return names.get(partitionIndex);
    }

    public String sortKey() {
        return names.get(sortIndex);
    }

    public PrimaryKeyType partitionType() {
        return types.get(partitionIndex);
    }

    /** [[name, TYPE], ...] plus the two indexes, for the task config. */
    public List<Object> toJson() {
        List<Object> cols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Object> c = new ArrayList<>();
            c.add(names.get(i));
            c.add(types.get(i).name());
            cols.add(c);
        }
        List<Object> out = new ArrayList<>();
        out.add(cols);
        out.add(partitionIndex);
        out.add(sortIndex);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableSchema)) {
            return false;
        }
        TableSchema s = (TableSchema) o;
        return names.equals(s.names) && types.equals(s.types) && partitionIndex == s.partitionIndex && sortIndex == s.sortIndex;
    }

    @Override
    public int hashCode() {
        return (names.hashCode() * 31 + types.hashCode()) * 31 + partitionIndex * 7 + sortIndex;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    public static TableSchema fromJson(List<?> json) {
        List<String> names = new ArrayList<>();
        List<PrimaryKeyType> types = new ArrayList<>();
        for (Object o : (List<?>) json.get(0)) {
            List<?> c = (List<?>) o;
            names.add((String) c.get(0));
            types.add(PrimaryKeyType.valueOf((String) c.get(1)));
        }
        return new TableSchema(names, types, ((Number) json.get(1)).intValue(), ((Number) json.get(2)).intValue());
    }
}
