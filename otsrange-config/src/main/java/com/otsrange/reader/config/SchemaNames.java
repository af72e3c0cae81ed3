package com.otsrange.reader.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The job's optional {@code schema}: names only; the table's DescribeTable is the truth. */
public final class SchemaNames {
    private final String partitionKey;
    private final String sortKey;
    /** null when the job does not list them. */
    private final List<String> otherKeys;

    public SchemaNames(String partitionKey, String sortKey, List<String> otherKeys) {
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.otherKeys = otherKeys == null ? null : Collections.unmodifiableList(new ArrayList<>(otherKeys));
    }

    public String partitionKey() {
        return partitionKey;
    }

    public String sortKey() {
        return sortKey;
    }

    public List<String> otherKeys() {
        return otherKeys;
    }
}
