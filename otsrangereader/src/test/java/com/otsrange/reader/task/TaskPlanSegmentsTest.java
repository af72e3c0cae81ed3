package com.otsrange.reader.task;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.TimeWindow;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.filter.TableSchema;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spans never exported (gaps between committed windows), joined, are left out of a restated
 * unit's reads only: an ordinary unit reads its whole window.
 */
class TaskPlanSegmentsTest {
    @Test
    void onlyARestatedUnitLeavesTheJoinedGapsOut() {
        TableSchema schema = new TableSchema(Arrays.asList("id", "ct"), Arrays.asList(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER), 0, 1);
        List<String> header = Collections.singletonList("v");
        List<Condition> none = Collections.emptyList();
        // both units lie in 1970 (raw ms from 0)
        List<TaskPlan.Run> runs = Arrays.asList(
                new TaskPlan.Run(PrimaryKeyValue.fromString("a"), header, none, 0, 100, null, new RestateRead(0, false)),
                new TaskPlan.Run(PrimaryKeyValue.fromString("b"), header, none, 0, 100));
        // two overlapping gaps: [10, 30) once joined
        TaskPlan plan = new TaskPlan(new ConnectionSpec("http://127.0.0.1:1", "i", "k", "n"), "t", schema, SortKeyUnit.MS,
                ZoneOffset.UTC, Period.YEAR, Period.YEAR, Tuning.defaults(), runs,
                Arrays.asList(TimeWindow.of(10, 20), TimeWindow.of(15, 30)));
        List<UnitWork> units = TaskUnits.of(plan).units;

        assertEquals(Arrays.asList("0..10", "30..100"), text(plan.segments(units.get(0))), "the restated unit reads around the gap");
        assertEquals(Collections.singletonList("0..100"), text(plan.segments(units.get(1))), "the ordinary unit reads its window");
    }

    private static List<String> text(List<long[]> segments) {
        List<String> out = new ArrayList<>();
        for (long[] s : segments) {
            out.add(s[0] + ".." + s[1]);
        }
        return out;
    }
}
