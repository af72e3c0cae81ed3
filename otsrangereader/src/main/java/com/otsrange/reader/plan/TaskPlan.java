package com.otsrange.reader.plan;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.Period;
import com.otsrange.common.Problems;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.UnitId;
import com.otsrange.reader.OtsRangeReaderErrorCode;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.filter.Condition;
import com.otsrange.reader.filter.FilterSpec;
import com.otsrange.reader.filter.Op;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reader task needs, self-contained and compact: header lists and filters appear once
 * and units point at them by index; a run of consecutive units of one key is
 * {@code [key, header, filter, from, to]} and the task cuts it into file periods again.
 */
public final class TaskPlan {
    public static final String PLAN_KEY = "otsrangePlan";

    public final ConnectionSpec connection;
    public final String table;
    public final TableSchema schema;
    public final SortKeyUnit timeUnit;
    public final ZoneId timeZone;
    public final Period period;
    public final Period sliceBy;
    public final Tuning tuning;
    public final List<UnitWork> units;

    private TaskPlan(ConnectionSpec connection, String table, TableSchema schema, SortKeyUnit timeUnit, ZoneId timeZone,
                     Period period, Period sliceBy, Tuning tuning, List<UnitWork> units) {
        this.connection = connection;
        this.table = table;
        this.schema = schema;
        this.timeUnit = timeUnit;
        this.timeZone = timeZone;
        this.period = period;
        this.sliceBy = sliceBy;
        this.tuning = tuning;
        this.units = units;
    }

    /** The task parameter for one group of units. */
    public static Map<String, Object> encode(ReaderSpec spec, Plan plan, List<Unit> group) {
        Map<String, Object> p = new LinkedHashMap<>();
        ConnectionSpec c = spec.connection();
        p.put("endpoint", c.endpoint());
        p.put("accessId", c.accessId());
        p.put("accessKey", c.accessKey());
        p.put("instanceName", c.instanceName());
        p.put("table", spec.table());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("schema", plan.schema().toJson());
        t.put("timeUnit", spec.timeUnit().text());
        t.put("timeZone", spec.timeZone().getId());
        t.put("period", plan.period().text());
        t.put("sliceBy", plan.sliceBy().text());
        t.put("tuning", spec.tuning().toMap());
        Map<List<String>, Integer> headerIdx = new HashMap<>();
        Map<FilterSpec, Integer> filterIdx = new HashMap<>();
        List<Object> headers = new ArrayList<>();
        List<Object> filters = new ArrayList<>();
        List<Object> units = new ArrayList<>();
        // consecutive units of one key with touching windows travel as one time span
        int i = 0;
        while (i < group.size()) {
            Unit first = group.get(i);
            long to = first.to();
            int j = i + 1;
            while (j < group.size() && group.get(j).task() == first.task() && group.get(j).from() == to) {
                to = group.get(j).to();
                j++;
            }
            BoundTask bt = plan.tasks().get(first.task());
            Integer h = headerIdx.get(bt.header());
            if (h == null) {
                h = headers.size();
                headerIdx.put(bt.header(), h);
                headers.add(bt.header());
            }
            Integer f = filterIdx.get(bt.filters());
            if (f == null) {
                f = filters.size();
                filterIdx.put(bt.filters(), f);
                filters.add(filterJson(bt.filters()));
            }
            List<Object> row = new ArrayList<>(5);
            row.add(PkValues.toJson(bt.key()));
            row.add(h);
            row.add(f);
            row.add(first.from());
            row.add(to);
            units.add(row);
            i = j;
        }
        t.put("headers", headers);
        t.put("filters", filters);
        t.put("units", units);
        p.put(PLAN_KEY, t);
        return p;
    }

    private static List<Object> filterJson(FilterSpec f) {
        List<Object> out = new ArrayList<>();
        for (Condition c : f.conditions()) {
            List<Object> one = new ArrayList<>(3);
            one.add(c.column());
            one.add(c.op().json());
            one.add(c.values());
            out.add(one);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static TaskPlan decode(Map<String, Object> p) {
        try {
            Map<String, Object> t = (Map<String, Object>) p.get(PLAN_KEY);
            ConnectionSpec c = new ConnectionSpec((String) p.get("endpoint"), (String) p.get("accessId"), (String) p.get("accessKey"),
                    (String) p.get("instanceName"));
            TableSchema schema = TableSchema.fromJson((List<Object>) t.get("schema"));
            SortKeyUnit unit = SortKeyUnit.parse((String) t.get("timeUnit"));
            ZoneId zone = ZoneId.of((String) t.get("timeZone"));
            Period period = Period.parse((String) t.get("period"));
            TimeLiteral time = new TimeLiteral(unit, zone);
            List<List<String>> headers = new ArrayList<>();
            for (Object h : (List<Object>) t.get("headers")) {
                List<String> names = new ArrayList<>();
                for (Object n : (List<Object>) h) {
                    names.add((String) n);
                }
                headers.add(Collections.unmodifiableList(names));
            }
            List<BoundFilter> filters = new ArrayList<>();
            for (Object f : (List<Object>) t.get("filters")) {
                List<Condition> conds = new ArrayList<>();
                for (Object o : (List<Object>) f) {
                    List<Object> one = (List<Object>) o;
                    conds.add(new Condition((String) one.get(0), Op.fromJson((String) one.get(1)), (List<Object>) one.get(2), "task filter"));
                }
                Problems problems = new Problems();
                filters.add(BoundFilter.bind(new FilterSpec(conds, null, null), schema, time, problems));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(problems.list().toString());
                }
            }
            List<UnitWork> units = new ArrayList<>();
            TimeCutter cutter = new TimeCutter(unit, zone);
            for (Object o : (List<Object>) t.get("units")) {
                List<Object> u = (List<Object>) o;
                com.alicloud.openservices.tablestore.model.PrimaryKeyValue key = PkValues.fromJson(u.get(0), schema.partitionType());
                String keyText = PkValues.keyText(key);
                List<String> header = headers.get(((Number) u.get(1)).intValue());
                BoundFilter filter = filters.get(((Number) u.get(2)).intValue());
                for (TimeCutter.Piece piece : cutter.cut(((Number) u.get(3)).longValue(), ((Number) u.get(4)).longValue(), period,
                        Integer.MAX_VALUE)) {
                    units.add(new UnitWork(key, keyText, header, filter, UnitId.of(period, piece.label, keyText), piece.from, piece.to));
                }
            }
            return new TaskPlan(c, (String) p.get("table"), schema, unit, zone, period, Period.parse((String) t.get("sliceBy")),
                    Tuning.fromMap((Map<String, Object>) t.get("tuning")), units);
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL,
                    "the reader task configuration is not one Job.split() produced: " + e, e);
        }
    }
}
