package com.otsrange.reader.range;

import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.Row;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.scan.SdkRows;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the rest of a range is cut: only under a pinned prefix, at even sort-key steps, between next and end. */
class SubRangesTest {
    static final TableSchema SCHEMA = new TableSchema(Arrays.asList("id", "ct", "dim"),
            Arrays.asList(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER, PrimaryKeyType.INTEGER), 0, 1);

    static PrimaryKey key(String id, PrimaryKeyValue ct, PrimaryKeyValue dim) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(id))
                .addPrimaryKeyColumn("ct", ct).addPrimaryKeyColumn("dim", dim).build();
    }

    static PrimaryKey key(String id, long ct) {
        return key(id, PrimaryKeyValue.fromLong(ct), PrimaryKeyValue.fromLong(0));
    }

    /** A first page whose first row is at {@code ct}. */
    static SdkRows firstPage(long ct) {
        return new SdkRows(Collections.singletonList(new Row(key("a", ct), Collections.<Column>emptyList())));
    }

    @Test
    void cutsTheRestEvenlyUnderThePrefix() {
        // first page: 0..100 (one answer); the rest 100..1000 is ~9 answers: 3 parts of ~3 answers
        List<PrimaryKey> cuts = new SubRanges(SCHEMA, 1000, 3, 64).cuts(key("a", 100),
                key("a", PrimaryKeyValue.fromLong(1000), PrimaryKeyValue.INF_MIN), firstPage(0));
        assertEquals(2, cuts.size());
        assertEquals(key("a", PrimaryKeyValue.fromLong(400), PrimaryKeyValue.INF_MIN), cuts.get(0));
        assertEquals(key("a", PrimaryKeyValue.fromLong(700), PrimaryKeyValue.INF_MIN), cuts.get(1));
    }

    @Test
    void anOpenEndIsCutUpToTheWindowOnly() {
        List<PrimaryKey> cuts = new SubRanges(SCHEMA, 500, 1, 64).cuts(key("a", 100),
                key("a", PrimaryKeyValue.INF_MAX, PrimaryKeyValue.INF_MAX), firstPage(0));
        assertEquals(3, cuts.size());
        for (PrimaryKey c : cuts) {
            long t = c.getPrimaryKeyColumn(1).getValue().asLong();
            assertTrue(t > 100 && t < 500, "cut at " + t);
        }
    }

    @Test
    void partsAreCapped() {
        assertEquals(7, new SubRanges(SCHEMA, 1_000_000, 1, 8).cuts(key("a", 10),
                key("a", PrimaryKeyValue.fromLong(1_000_000), PrimaryKeyValue.INF_MIN), firstPage(0)).size());
    }

    @Test
    void noCutWithoutAPinnedPrefixOrWithoutMoreThanOnePart() {
        SubRanges s = new SubRanges(SCHEMA, 1000, 2, 64);
        // the range ends under another key: rows of several keys, not ordered by time
        assertEquals(0, s.cuts(key("a", 100), key("b", PrimaryKeyValue.INF_MIN, PrimaryKeyValue.INF_MIN), firstPage(0)).size());
        // the first page covered most of the window: about one answer left
        assertEquals(0, s.cuts(key("a", 900), key("a", PrimaryKeyValue.fromLong(1000), PrimaryKeyValue.INF_MIN), firstPage(0)).size());
        // every row of the first page had the same time: no density to go by
        assertEquals(0, s.cuts(key("a", 100), key("a", PrimaryKeyValue.fromLong(1000), PrimaryKeyValue.INF_MIN), firstPage(100)).size());
    }
}
