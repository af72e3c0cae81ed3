package com.otsrange.reader.plan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.Problems;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.reader.OtsRangeReaderErrorCode;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.TimeLiteral;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.filter.BoundFilter;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.FilterSpec;
import com.otsrange.reader.config.Op;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;

import java.time.ZoneId;
import com.otsrange.common.TimeWindow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The task configuration a reader Job writes for one group of units and its task reads back as a
 * {@link TaskPlan}. Compact: header lists and filters appear once and runs point at them by index,
 * a run is {@code [key, header, filter, from, to]}, or for a part of a heavy unit
 * {@code [key, header, filter, from, to, "k/n/spanFrom/spanTo"]} ({@link FileParts.Part}), or for a
 * restated unit {@code [key, header, filter, from, to, null, [restateFrom, compare 0|1]]} (its filter
 * without the job's window on the sort key; the task's {@code exclude} lists the spans never
 * exported, which its read leaves out). Versioned ({@value #VERSION_KEY}), so a task
 * refuses a configuration of another format instead of misreading it.
 */
public final class TaskPlanCodec {
    public static final String PLAN_KEY = "otsrangePlan";
    static final String VERSION_KEY = "v";
    static final int VERSION = 1;

    private TaskPlanCodec() {
    }

    /** The task parameter for one group of units. */
    public static Map<String, Object> encode(ReaderSpec spec, Plan plan, List<Unit> group) {
        Map<String, Object> p = new LinkedHashMap<>();
        ConnectionSpec c = spec.connection();
        p.put(ReaderParams.ENDPOINT.name(), c.endpoint());
        p.put(ReaderParams.ACCESS_ID.name(), c.accessId());
        p.put(ReaderParams.ACCESS_KEY.name(), c.accessKey());
        p.put(ReaderParams.INSTANCE_NAME.name(), c.instanceName());
        p.put(ReaderParams.TABLE.name(), spec.table());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put(VERSION_KEY, VERSION);
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
        List<Object> runs = new ArrayList<>();
        // consecutive units of one key with touching windows travel as one run
        int i = 0;
        while (i < group.size()) {
            Unit first = group.get(i);
            long to = first.to();
            int j = i + 1;
            while (first.part() == null && first.restate() == null && j < group.size() && group.get(j).part() == null
                    && group.get(j).restate() == null && group.get(j).task() == first.task() && group.get(j).from() == to) {
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
            FilterSpec fs = bt.filters(first);
            Integer f = filterIdx.get(fs);
            if (f == null) {
                f = filters.size();
                filterIdx.put(fs, f);
                filters.add(filterJson(fs));
            }
            List<Object> row = new ArrayList<>(5);
            row.add(PkValues.toJson(bt.key()));
            row.add(h);
            row.add(f);
            row.add(first.from());
            row.add(to);
            if (first.part() != null) {
                row.add(first.part().toText());
            } else if (first.restate() != null) {
                row.add(null);
                row.add(Arrays.asList(first.restate().from(), first.restate().compare() ? 1 : 0));
            }
            runs.add(row);
            i = j;
        }
        t.put("headers", headers);
        t.put("filters", filters);
        t.put("units", runs);
        Restatement r = plan.window() == null ? null : plan.window().restatement();
        if (r != null && !r.notExported().isEmpty()) {
            List<Object> exclude = new ArrayList<>();
            for (TimeWindow w : r.notExported()) {
                exclude.add(w.toJson());
            }
            t.put("exclude", exclude);
        }
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

    /** The split of a task parameter {@link #encode} wrote; OtsRangeReader-10 (internal) for anything else. */
    @SuppressWarnings("unchecked")
    public static TaskPlan decode(Map<String, Object> p) {
        Map<String, Object> t = (Map<String, Object>) p.get(PLAN_KEY);
        Object version = t == null ? null : t.get(VERSION_KEY);
        if (!(version instanceof Number) || ((Number) version).intValue() != VERSION) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL, "the reader task configuration has format "
                    + version + ", this reader reads format " + VERSION + ": the Job that split it is another version of otsrangereader");
        }
        try {
            ConnectionSpec c = new ConnectionSpec((String) p.get(ReaderParams.ENDPOINT.name()), (String) p.get(ReaderParams.ACCESS_ID.name()),
                    (String) p.get(ReaderParams.ACCESS_KEY.name()), (String) p.get(ReaderParams.INSTANCE_NAME.name()));
            TableSchema schema = TableSchema.fromJson((List<Object>) t.get("schema"));
            SortKeyUnit unit = SortKeyUnit.parse((String) t.get("timeUnit"));
            ZoneId zone = ZoneId.of((String) t.get("timeZone"));
            List<List<String>> headers = new ArrayList<>();
            for (Object h : (List<Object>) t.get("headers")) {
                List<String> names = new ArrayList<>();
                for (Object n : (List<Object>) h) {
                    names.add((String) n);
                }
                headers.add(Collections.unmodifiableList(names));
            }
            List<BoundFilter> filters = bindFilters((List<Object>) t.get("filters"), schema, new TimeLiteral(unit, zone));
            List<TaskPlan.Run> runs = new ArrayList<>();
            for (Object o : (List<Object>) t.get("units")) {
                List<Object> u = (List<Object>) o;
                PrimaryKeyValue key = PkValues.fromJson(u.get(0), schema.partitionType());
                FileParts.Part part = null;
                if (u.size() > 5 && u.get(5) != null) {
                    part = FileParts.Part.parse((String) u.get(5));
                    if (part == null) {
                        throw new IllegalArgumentException("not a part: " + u.get(5));
                    }
                }
                TaskPlan.Restate restate = null;
                if (u.size() > 6) {
                    List<Object> r = (List<Object>) u.get(6);
                    restate = new TaskPlan.Restate(((Number) r.get(0)).longValue(), ((Number) r.get(1)).intValue() == 1);
                }
                runs.add(new TaskPlan.Run(key, PkValues.keyText(key), headers.get(((Number) u.get(1)).intValue()),
                        filters.get(((Number) u.get(2)).intValue()), ((Number) u.get(3)).longValue(), ((Number) u.get(4)).longValue(),
                        part, restate));
            }
            List<TimeWindow> exclude = new ArrayList<>();
            if (t.get("exclude") != null) {
                for (Object w : (List<Object>) t.get("exclude")) {
                    exclude.add(Objects.requireNonNull(TimeWindow.fromJson(w), "exclude"));
                }
            }
            return new TaskPlan(c, (String) p.get(ReaderParams.TABLE.name()), schema, unit, zone, Period.parse((String) t.get("period")),
                    Period.parse((String) t.get("sliceBy")), Tuning.fromMap((Map<String, Object>) t.get("tuning")), runs, exclude);
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL,
                    "the reader task configuration is not one Job.split() produced: " + e, e);
        }
    }

    /** The filters typed again against the schema (the Job checked them: a problem here is a bug). */
    @SuppressWarnings("unchecked")
    private static List<BoundFilter> bindFilters(List<Object> json, TableSchema schema, TimeLiteral time) {
        List<BoundFilter> out = new ArrayList<>(json.size());
        for (Object f : json) {
            List<Condition> conds = new ArrayList<>();
            for (Object o : (List<Object>) f) {
                List<Object> one = (List<Object>) o;
                conds.add(new Condition((String) one.get(0), Op.fromJson((String) one.get(1)), (List<Object>) one.get(2), "task filter"));
            }
            Problems problems = new Problems();
            out.add(BoundFilter.bind(new FilterSpec(conds, null, null), schema, time, problems));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.list().toString());
            }
        }
        return out;
    }
}
