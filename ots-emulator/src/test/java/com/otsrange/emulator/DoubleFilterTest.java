package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.Direction;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter;
import com.alicloud.openservices.tablestore.model.filter.SingleColumnValueFilter.CompareOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DOUBLE cells in column value filters compare as IEEE 754 numbers (-0.0 equals 0.0; NaN is
 * unordered, so only "not equal" holds), through the real SDK. TableStore documents no rule for
 * this; it is the assumption docs/reader.md states, and the reader's client recheck makes the same.
 */
class DoubleFilterTest {
    static EmulatorFixture f;

    @BeforeAll
    static void load() throws Exception {
        f = new EmulatorFixture();
        f.createTable("dbl", 1, "id", PrimaryKeyType.STRING);
        Map<String, Double> rows = new LinkedHashMap<>();
        rows.put("a-neg0", -0.0);
        rows.put("b-pos0", 0.0);
        rows.put("c-one", 1.0);
        rows.put("d-nan", Double.NaN);
        rows.put("e-neg", -1.0);
        SdkRowLoader loader = new SdkRowLoader(f.client);
        for (Map.Entry<String, Double> r : rows.entrySet()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("z", r.getValue());
            loader.put("dbl", Arrays.asList("id"), Arrays.<Object>asList(r.getKey()), attrs);
        }
        loader.flush();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @ParameterizedTest(name = "z {0} {1}")
    @CsvSource({
        "GREATER_EQUAL, 0.0,  a-neg0 b-pos0 c-one",
        "GREATER_EQUAL, -0.0, a-neg0 b-pos0 c-one",
        "EQUAL,         0.0,  a-neg0 b-pos0",
        "EQUAL,         -0.0, a-neg0 b-pos0",
        "NOT_EQUAL,     0.0,  c-one d-nan e-neg",
        "LESS_THAN,     0.0,  e-neg",
        "LESS_EQUAL,    -0.0, a-neg0 b-pos0 e-neg",
        "GREATER_THAN,  -0.0, c-one",
        "GREATER_THAN,  -1.0, a-neg0 b-pos0 c-one",
        "EQUAL,         NaN,  ''",
        "GREATER_EQUAL, NaN,  ''",
        "LESS_THAN,     NaN,  ''",
        "NOT_EQUAL,     NaN,  a-neg0 b-pos0 c-one d-nan e-neg",
    })
    void doublesCompareAsIeeeNumbers(CompareOperator op, double literal, String expected) {
        SingleColumnValueFilter filter = new SingleColumnValueFilter("z", op, ColumnValue.fromDouble(literal));
        filter.setPassIfMissing(false);
        RangeRowQueryCriteria c = new RangeRowQueryCriteria("dbl");
        c.setInclusiveStartPrimaryKey(key(PrimaryKeyValue.INF_MIN));
        c.setExclusiveEndPrimaryKey(key(PrimaryKeyValue.INF_MAX));
        c.setDirection(Direction.FORWARD);
        c.setMaxVersions(1);
        c.setFilter(filter);
        List<String> ids = new ArrayList<>();
        for (Row r : GetRangeTest.scan(f.client, c, null)) {
            ids.add(r.getPrimaryKey().getPrimaryKeyColumn("id").getValue().asString());
        }
        assertEquals(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")), ids);
    }

    static PrimaryKey key(PrimaryKeyValue v) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", v).build();
    }
}
