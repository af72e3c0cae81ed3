package com.otsrange.reader.range;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.Problems;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.config.Op;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.scan.PkRange;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranges are the tightest the primary-key order allows. */
class RangeDeriverTest {
    static BoundFilter bind(TableSchema s, String json) {
        List<Condition> conds = new ArrayList<>();
        Map<String, Object> m = JSON.parseObject(json, Feature.OrderedField);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            for (Map.Entry<String, Object> o : ((Map<String, Object>) e.getValue()).entrySet()) {
                Object v = o.getValue();
                conds.add(new Condition(e.getKey(), Op.fromJson(o.getKey()), v instanceof List ? (List<Object>) v : Arrays.asList(v), "t"));
            }
        }
        Problems p = new Problems();
        BoundFilter f = BoundFilter.bind(new FilterSpec(conds, null, null), s, new TimeLiteral(SortKeyUnit.MS, ZoneId.of("UTC")), p);
        assertTrue(p.isEmpty(), p.list().toString());
        return f;
    }

    static String show(List<PkRange> ranges) {
        StringBuilder sb = new StringBuilder();
        for (PkRange r : ranges) {
            sb.append(vals(r.start())).append("..").append(vals(r.end())).append(';');
        }
        return sb.toString();
    }

    static String vals(com.alicloud.openservices.tablestore.model.PrimaryKey pk) {
        StringBuilder sb = new StringBuilder("(");
        for (com.alicloud.openservices.tablestore.model.PrimaryKeyColumn c : pk.getPrimaryKeyColumns()) {
            PrimaryKeyValue v = c.getValue();
            sb.append(sb.length() > 1 ? "," : "").append(v.isInfMin() ? "MIN" : v.isInfMax() ? "MAX" : v.toString());
        }
        return sb.append(')').toString();
    }

    static final PrimaryKeyValue KEY = PrimaryKeyValue.fromString("k");

    @Test
    void sortKeySecond() {
        TableSchema s = new TableSchema(Arrays.asList("id", "ct", "dim"),
                Arrays.asList(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER, PrimaryKeyType.INTEGER), 0, 1);
        RangeDeriver d = new RangeDeriver(s, 100);
        assertEquals("(k,10,MIN)..(k,20,MIN);", show(d.ranges(bind(s, "{}"), KEY, 10, 20)));
        assertEquals("(k,12,MAX)..(k,20,MIN);", show(d.ranges(bind(s, "{\"ct\":{\"gt\":12}}"), KEY, 10, 20)));
        assertEquals("(k,10,MIN)..(k,15,MAX);", show(d.ranges(bind(s, "{\"ct\":{\"lte\":15}}"), KEY, 10, 20)));
        assertEquals("(k,11,1)..(k,11,2);(k,11,3)..(k,11,4);(k,13,1)..(k,13,2);(k,13,3)..(k,13,4);",
                show(d.ranges(bind(s, "{\"ct\":{\"in\":[13,11,99]},\"dim\":{\"in\":[3,1]}}"), KEY, 10, 20)));
        assertEquals("", show(d.ranges(bind(s, "{\"ct\":{\"gte\":30}}"), KEY, 10, 20)));
    }

    @Test
    void sortKeyFirstAndThird() {
        TableSchema first = new TableSchema(Arrays.asList("ct", "id"), Arrays.asList(PrimaryKeyType.INTEGER, PrimaryKeyType.STRING), 1, 0);
        RangeDeriver d1 = new RangeDeriver(first, 100);
        assertEquals("(10,MIN)..(20,MIN);", show(d1.ranges(bind(first, "{}"), KEY, 10, 20)));
        TableSchema third = new TableSchema(Arrays.asList("id", "dim", "ct"),
                Arrays.asList(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER, PrimaryKeyType.INTEGER), 0, 2);
        RangeDeriver d3 = new RangeDeriver(third, 100);
        assertEquals("(k,1,10)..(k,1,20);(k,2,10)..(k,2,20);", show(d3.ranges(bind(third, "{\"dim\":{\"in\":[2,1]}}"), KEY, 10, 20)));
        assertEquals("(k,1,MAX)..(k,MAX,MAX);", show(d3.ranges(bind(third, "{\"dim\":{\"gt\":1}}"), KEY, 10, 20)));
        assertEquals("(k,1,MIN)..(k,3,MAX);", show(d3.ranges(bind(third, "{\"dim\":{\"between\":[1,3]}}"), KEY, 10, 20)));
        assertTrue(d3.sortKeyBoundsRanges(bind(third, "{\"dim\":{\"in\":[1,2]}}"), KEY));
        assertTrue(!d3.sortKeyBoundsRanges(bind(third, "{\"dim\":{\"gt\":1}}"), KEY));
        // too many prefix combinations: one range over their span
        RangeDeriver small = new RangeDeriver(third, 2);
        assertEquals("(k,1,MIN)..(k,3,MAX);", show(small.ranges(bind(third, "{\"dim\":{\"in\":[1,2,3]}}"), KEY, 10, 20)));
    }

    @Test
    void mergedRangesAreDisjointAndSorted() {
        TableSchema s = new TableSchema(Arrays.asList("id", "ct"), Arrays.asList(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER), 0, 1);
        RangeDeriver d = new RangeDeriver(s, 100);
        List<PkRange> all = new ArrayList<>();
        all.addAll(d.ranges(bind(s, "{}"), KEY, 20, 30));
        all.addAll(d.ranges(bind(s, "{}"), KEY, 10, 20));
        all.addAll(d.ranges(bind(s, "{}"), KEY, 40, 50));
        assertEquals("(k,10)..(k,30);(k,40)..(k,50);", show(RangeDeriver.merge(all)));
    }
}
