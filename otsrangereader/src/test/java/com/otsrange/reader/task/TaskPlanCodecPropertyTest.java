package com.otsrange.reader.task;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.otsrange.common.FileParts;
import com.otsrange.common.ParameterMap;
import com.otsrange.common.Period;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.common.TimeWindow;
import com.otsrange.reader.config.Condition;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Op;
import com.otsrange.reader.config.ReadApi;
import com.otsrange.reader.config.Tuning;
import com.otsrange.reader.filter.TableSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TaskPlanCodec} gives back the plan it encoded, field for field: every field of a
 * {@link TaskPlan} generated (connection, table, schema, time unit and zone, period, slicing,
 * tuning, runs with their keys of each type, shared header and filter tables, parts, restated
 * runs {@code [restateFrom, compare]}, the {@code exclude} spans), carried as DataX carries a task
 * parameter (a {@code Configuration}, read back by the plugin's {@code ParameterMap}), and the
 * decoded value compared with the generated one by plain equality.
 */
class TaskPlanCodecPropertyTest {
    private static final List<String> ZONES = Arrays.asList("UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "+05:30",
            "GMT+8", "Pacific/Chatham", "Z");

    @Property(tries = 150)
    void aDecodedPlanEqualsTheEncodedOne(@ForAll("plans") TaskPlan plan) {
        TaskPlan back = TaskPlanCodec.decode(ParameterMap.of(Configuration.from(TaskPlanCodec.encode(plan))));
        assertEquals(plan, back);
        assertEquals(plan.hashCode(), back.hashCode());
    }

    @Property(tries = 50)
    void equalHeaderListsAndFiltersTravelOnce(@ForAll("plans") TaskPlan plan) {
        Map<String, Object> t = inner(TaskPlanCodec.encode(plan));
        assertEquals(distinct(plan, 0), ((List<?>) t.get("headers")).size());
        assertEquals(distinct(plan, 1), ((List<?>) t.get("filters")).size());
        assertEquals(plan.runs.size(), ((List<?>) t.get("units")).size());
    }

    /** The equality the round trip relies on tells plans apart: one field changed, another plan. */
    @Property(tries = 50)
    void aPlanWithOneFieldChangedIsAnotherPlan(@ForAll("plans") TaskPlan plan) {
        List<TaskPlan.Run> runs = new ArrayList<>(plan.runs);
        runs.add(new TaskPlan.Run(PrimaryKeyValue.fromLong(1), Collections.<String>emptyList(), Collections.<Condition>emptyList(), 0, 1));
        assertNotEquals(plan, copy(plan, runs, plan.exclude));
        if (!plan.runs.isEmpty()) {
            TaskPlan.Run r = plan.runs.get(0);
            List<String> header = new ArrayList<>(r.header);
            header.add("another");
            runs = new ArrayList<>(plan.runs);
            runs.set(0, new TaskPlan.Run(r.key, header, r.filter, r.from, r.to, r.part, r.restate));
            assertNotEquals(plan, copy(plan, runs, plan.exclude));
        }
        List<TimeWindow> exclude = new ArrayList<>(plan.exclude);
        exclude.add(TimeWindow.of(-5, -4));
        assertNotEquals(plan, copy(plan, plan.runs, exclude));
        ConnectionSpec c = plan.connection;
        assertNotEquals(plan, new TaskPlan(new ConnectionSpec(c.endpoint(), c.accessId(), c.accessKey() + "x", c.instanceName()), plan.table,
                plan.schema, plan.timeUnit, plan.timeZone, plan.period, plan.sliceBy, plan.tuning, plan.runs, plan.exclude));
    }

    @Test
    void aTaskConfigOfAnotherFormatIsRefused() {
        Map<String, Object> config = ParameterMap.of(Configuration.from(TaskPlanCodec.encode(plan(Collections.<TaskPlan.Run>emptyList()))));
        inner(config).put("v", 2);
        DataXException e = assertThrows(DataXException.class, () -> TaskPlanCodec.decode(config));
        assertTrue(e.getMessage().contains("OtsRangeReader-10") && e.getMessage().contains("format 2"), e.getMessage());
        inner(config).remove("v");
        assertThrows(DataXException.class, () -> TaskPlanCodec.decode(config));
    }

    @Test
    void aPartOrARestatedUnitAcrossAPeriodBoundaryIsNoPlan() {
        long jan1 = 1_704_067_200_000L; // 2024-01-01T00:00Z
        FileParts.Part part = new FileParts.Part(0, 2, jan1 - 10, jan1 + 10);
        PrimaryKeyValue k = PrimaryKeyValue.fromLong(7);
        List<String> h = Collections.singletonList("a");
        List<Condition> f = Collections.emptyList();
        assertThrows(IllegalArgumentException.class, () -> plan(Collections.singletonList(new TaskPlan.Run(k, h, f, jan1 - 10, jan1 + 10,
                part, null))));
        assertThrows(IllegalArgumentException.class, () -> plan(Collections.singletonList(new TaskPlan.Run(k, h, f, jan1 - 10, jan1 + 10,
                null, new RestateRead(jan1 - 10, true)))));
        assertThrows(IllegalArgumentException.class, () -> new TaskPlan.Run(k, h, f, jan1, jan1 + 10, part, new RestateRead(jan1, false)));
    }

    private static TaskPlan plan(List<TaskPlan.Run> runs) {
        return new TaskPlan(new ConnectionSpec("http://e", "i", "k", "n"), "t", new TableSchema(Arrays.asList("pk", "ct"),
                Arrays.asList(PrimaryKeyType.INTEGER, PrimaryKeyType.INTEGER), 0, 1), SortKeyUnit.MS, ZoneId.of("UTC"), Period.YEAR,
                Period.YEAR, Tuning.defaults(), runs);
    }

    private static TaskPlan copy(TaskPlan p, List<TaskPlan.Run> runs, List<TimeWindow> exclude) {
        return new TaskPlan(p.connection, p.table, p.schema, p.timeUnit, p.timeZone, p.period, p.sliceBy, p.tuning, runs, exclude);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inner(Map<String, Object> config) {
        return (Map<String, Object>) config.get(TaskPlanCodec.PLAN_KEY);
    }

    /** Distinct header lists (0) or filters (1) among the runs, by equality. */
    private static int distinct(TaskPlan plan, int which) {
        List<Object> seen = new ArrayList<>();
        for (TaskPlan.Run r : plan.runs) {
            Object o = which == 0 ? r.header : r.filter;
            if (!seen.contains(o)) {
                seen.add(o);
            }
        }
        return seen.size();
    }

    // ---- generators: every field of a plan ----

    @Provide
    Arbitrary<TaskPlan> plans() {
        Arbitrary<ConnectionSpec> connection = Combinators.combine(text(), text(), text(), text()).as(ConnectionSpec::new);
        Arbitrary<Tuple3<SortKeyUnit, ZoneId, Period>> time = Combinators.combine(Arbitraries.of(SortKeyUnit.class),
                Arbitraries.of(ZONES).map(ZoneId::of), Arbitraries.of(Period.class)).as(Tuple::of);
        return Combinators.combine(connection, text(), schemas(), time, Arbitraries.of(Period.class), tunings())
                .flatAs((c, table, schema, t, sliceBy, tuning) ->
                Combinators.combine(runs(schema, t.get1(), t.get2()), excludes()).as((runs, exclude) ->
                        new TaskPlan(c, table, schema, t.get1(), t.get2(), t.get3(), sliceBy, tuning, runs, exclude)));
    }

    private static Arbitrary<String> text() {
        // any UTF-16 text a job can hold (no lone surrogates: they are no text)
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMaxLength(8);
    }

    private static Arbitrary<TableSchema> schemas() {
        return Arbitraries.integers().between(2, 5).flatMap(n -> Combinators.combine(
                text().list().ofSize(n).uniqueElements(),
                Arbitraries.of(PrimaryKeyType.INTEGER, PrimaryKeyType.STRING, PrimaryKeyType.BINARY).list().ofSize(n),
                Arbitraries.integers().between(0, n - 1),
                Arbitraries.integers().between(0, n - 2)).as((names, types, partition, sortOffset) -> {
                    int sort = (partition + 1 + sortOffset) % n;
                    List<PrimaryKeyType> typed = new ArrayList<>(types);
                    typed.set(sort, PrimaryKeyType.INTEGER);
                    return new TableSchema(names, typed, partition, sort);
                }));
    }

    private static Arbitrary<Tuning> tunings() {
        // retryMaxDelayMs at least retryInitialDelayMs, as the parameter's rule wants
        Arbitrary<long[]> retry = Combinators.combine(Arbitraries.longs().between(1, 600_000), Arbitraries.longs().between(0, 600_000),
                Arbitraries.longs().between(0, 86_400_000))
                .as((init, extra, elapsed) -> new long[] {init, Math.min(600_000, init + extra), elapsed});
        Arbitrary<int[]> sizes = Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 5000), Arbitraries.integers().between(1000, 600_000),
                Arbitraries.integers().between(1, 100_000), Arbitraries.integers().between(1, 64)).as((a, b, c, d, e, f) ->
                new int[] {a, b, c, d, e, f});
        Arbitrary<int[]> reads = Combinators.combine(Arbitraries.integers().between(1, 32), Arbitraries.integers().between(0, 4096),
                Arbitraries.integers().between(0, FileParts.MAX_PARTS)).as((a, b, c) -> new int[] {a, b, c});
        return Combinators.combine(retry, sizes, reads, Arbitraries.of(ReadApi.class)).as((r, s, p, api) ->
                new Tuning(s[0], s[1], r[0], r[1], r[2], s[2], s[3], s[4], s[5], api, p[0], p[1], p[2]));
    }

    private static Arbitrary<List<TimeWindow>> excludes() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs().between(1, Long.MAX_VALUE / 2))
                .as((from, len) -> TimeWindow.of(Math.min(from, Long.MAX_VALUE - len), Math.min(from, Long.MAX_VALUE - len) + len))
                .list().ofMaxSize(3);
    }

    /** Runs drawing their headers and filters from small pools, so equal ones are shared. */
    private static Arbitrary<List<TaskPlan.Run>> runs(TableSchema schema, SortKeyUnit unit, ZoneId zone) {
        return Combinators.combine(text().list().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3),
                conditions().list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3)).flatAs((headers, filters) ->
                run(schema, unit, zone, headers, filters).list().ofMaxSize(6));
    }

    private static Arbitrary<TaskPlan.Run> run(TableSchema schema, SortKeyUnit unit, ZoneId zone, List<List<String>> headers,
                                               List<List<Condition>> filters) {
        Arbitrary<PrimaryKeyValue> key = keys(schema.partitionType());
        Arbitrary<Tuple2<List<String>, List<Condition>>> shape = Combinators.combine(Arbitraries.of(headers), Arbitraries.of(filters))
                .as(Tuple::of);
        Arbitrary<TaskPlan.Run> whole = Combinators.combine(key, shape, Arbitraries.longs(), Arbitraries.longs())
                .as((k, s, from, to) -> new TaskPlan.Run(k, s.get1(), s.get2(), from, to));
        // a part and a restated unit lie in one file period: here inside one day of the zone
        Arbitrary<long[]> day = Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2200, 1, 1).toEpochDay())
                .map(d -> new long[] {raw(unit, LocalDate.ofEpochDay(d), zone), raw(unit, LocalDate.ofEpochDay(d + 1), zone)});
        Arbitrary<FileParts.Part> parts = Combinators.combine(day, Arbitraries.integers().between(2, FileParts.MAX_PARTS),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 1000))
                .as((d, n, a, b, k) -> {
                    // the part's span is at least a fifth of the day: every one of its n parts holds time
                    long span = d[1] - d[0];
                    return new FileParts.Part(k % n, n, d[0] + (long) (span * a * 0.4), d[1] - (long) (span * b * 0.4), d[0], d[1]);
                });
        Arbitrary<TaskPlan.Run> part = Combinators.combine(key, shape, parts)
                .as((k, s, p) -> new TaskPlan.Run(k, s.get1(), s.get2(), p.from(), p.to(), p, null));
        Arbitrary<TaskPlan.Run> restated = Combinators.combine(key, shape, day, Arbitraries.doubles().between(0, 1), Arbitraries.longs(),
                Arbitraries.of(true, false)).as((k, s, d, at, from, compare) -> {
                    long start = d[0] + (long) ((d[1] - d[0] - 1) * at);
                    return new TaskPlan.Run(k, s.get1(), s.get2(), start, d[1], null, new RestateRead(from, compare));
                });
        return Arbitraries.oneOf(whole, part, restated);
    }

    /** The raw sort-key value of midnight of {@code date} in {@code zone}, whole seconds, so exact in every unit. */
    private static long raw(SortKeyUnit unit, LocalDate date, ZoneId zone) {
        long seconds = date.atStartOfDay(zone).toEpochSecond();
        return unit == SortKeyUnit.S ? seconds : unit == SortKeyUnit.MS ? seconds * 1000 : seconds * 1_000_000;
    }

    private static Arbitrary<PrimaryKeyValue> keys(PrimaryKeyType type) {
        switch (type) {
            case INTEGER:
                return Arbitraries.longs().map(PrimaryKeyValue::fromLong);
            case STRING:
                return text().map(PrimaryKeyValue::fromString);
            default:
                return Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(PrimaryKeyValue::fromBinary);
        }
    }

    private static Arbitrary<Condition> conditions() {
        return Combinators.combine(text(), Arbitraries.of(Op.class), literal().list().ofMinSize(1).ofMaxSize(3))
                .as((column, op, values) -> new Condition(column, op, values, "generated"));
    }

    /** The JSON literals a filter holds, as the job's JSON parser gives them. */
    private static Arbitrary<Object> literal() {
        return Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE).map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Combinators.combine(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L), Arbitraries.integers().between(1, 4))
                        .as((unscaled, scale) -> (Object) BigDecimal.valueOf(unscaled, scale)));
    }
}
