package com.otsrange.reader.task;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.TimeWindow;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Op;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.filter.PkValues;
import com.otsrange.reader.filter.TableSchema;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TaskPlan} as the task configuration a reader Job writes for one task, and back:
 * {@code decode(encode(p))} equals {@code p}. Compact: header lists and filters appear once and runs point at them by index,
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

    /** The task parameter of a task's plan. */
    public static Map<String, Object> encode(TaskPlan plan) {
        Map<String, Object> p = new LinkedHashMap<>();
        ConnectionSpec c = plan.connection;
        p.put(ReaderParams.ENDPOINT.name(), c.endpoint());
        p.put(ReaderParams.ACCESS_ID.name(), c.accessId());
        p.put(ReaderParams.ACCESS_KEY.name(), c.accessKey());
        p.put(ReaderParams.INSTANCE_NAME.name(), c.instanceName());
        p.put(ReaderParams.TABLE.name(), plan.table);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put(VERSION_KEY, VERSION);
        t.put("schema", plan.schema.toJson());
        t.put("timeUnit", plan.timeUnit.text());
        t.put("timeZone", plan.timeZone.getId());
        t.put("period", plan.period.text());
        t.put("sliceBy", plan.sliceBy.text());
        t.put("tuning", plan.tuning.toMap());
        // equal header lists and filters travel once, runs point at them by index
        Map<List<String>, Integer> headerIdx = new HashMap<>();
        Map<List<Condition>, Integer> filterIdx = new HashMap<>();
        List<Object> headers = new ArrayList<>();
        List<Object> filters = new ArrayList<>();
        List<Object> runs = new ArrayList<>(plan.runs.size());
        for (TaskPlan.Run run : plan.runs) {
            Integer h = headerIdx.get(run.header);
            if (h == null) {
                h = headers.size();
                headerIdx.put(run.header, h);
                headers.add(run.header);
            }
            Integer f = filterIdx.get(run.filter);
            if (f == null) {
                f = filters.size();
                filterIdx.put(run.filter, f);
                filters.add(filterJson(run.filter));
            }
            List<Object> row = new ArrayList<>(5);
            row.add(PkValues.toJson(run.key));
            row.add(h);
            row.add(f);
            row.add(run.from);
            row.add(run.to);
            if (run.part != null) {
                row.add(run.part.toText());
            } else if (run.restate != null) {
                row.add(null);
                row.add(Arrays.asList(run.restate.from, run.restate.compare ? 1 : 0));
            }
            runs.add(row);
        }
        t.put("headers", headers);
        t.put("filters", filters);
        t.put("units", runs);
        if (!plan.exclude.isEmpty()) {
            List<Object> exclude = new ArrayList<>();
            for (TimeWindow w : plan.exclude) {
                exclude.add(w.toJson());
            }
            t.put("exclude", exclude);
        }
        p.put(PLAN_KEY, t);
        return p;
    }

    private static List<Object> filterJson(List<Condition> filter) {
        List<Object> out = new ArrayList<>();
        for (Condition c : filter) {
            List<Object> one = new ArrayList<>(3);
            one.add(c.column());
            one.add(c.op().json());
            one.add(c.values());
            out.add(one);
        }
        return out;
    }

    /** The plan of a task parameter {@link #encode} wrote; OtsRangeReader-10 (internal) for anything else. */
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
            List<List<Condition>> filters = filters((List<Object>) t.get("filters"));
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
                RestateRead restate = null;
                if (u.size() > 6) {
                    List<Object> r = (List<Object>) u.get(6);
                    restate = new RestateRead(((Number) r.get(0)).longValue(), ((Number) r.get(1)).intValue() == 1);
                }
                runs.add(new TaskPlan.Run(key, headers.get(((Number) u.get(1)).intValue()),
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
            throw notFromSplit(e);
        }
    }

    /** OtsRangeReader-10: a task configuration that no Job's split wrote (a bug). */
    static DataXException notFromSplit(RuntimeException e) {
        return DataXException.asDataXException(OtsRangeReaderErrorCode.INTERNAL,
                "the reader task configuration is not one Job.split() produced: " + e, e);
    }

    /** The filters' conditions, untyped: the task types them ({@link TaskUnits}). */
    @SuppressWarnings("unchecked")
    private static List<List<Condition>> filters(List<Object> json) {
        List<List<Condition>> out = new ArrayList<>(json.size());
        for (Object f : json) {
            List<Condition> conds = new ArrayList<>();
            for (Object o : (List<Object>) f) {
                List<Object> one = (List<Object>) o;
                conds.add(new Condition((String) one.get(0), Op.fromJson((String) one.get(1)), (List<Object>) one.get(2), "task filter"));
            }
            out.add(Collections.unmodifiableList(conds));
        }
        return out;
    }
}
