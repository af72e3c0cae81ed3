package com.otsrange.cli;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.Problems;
import com.otsrange.common.StateDir;
import com.otsrange.config.Param;
import com.otsrange.reader.ReaderPlanning;
import com.otsrange.reader.WriterPeer;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.SpecResult;
import com.otsrange.writer.config.JobFingerprint;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.writer.config.WriterConfig;
import com.otsrange.writer.config.WriterOptions;
import com.otsrange.writer.config.WriterParams;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19's proof. Every reader and writer parameter, written the ways people write it (blanks
 * around it, another case, a number or a boolean as a string, unicode look-alikes), means the same
 * to every part of the job: the reader's parse, the writer's view of it (and the reader's view of
 * the writer's parameter), the job fingerprint, incremental mode and {@code validate} reach the
 * same verdict, the value means what the case says (each plugin's view of a parameter is one
 * parse, so the views are checked against the case, not against each other), incremental mode is
 * on exactly when the job asks for it, and a job {@code validate} accepts keeps its state in one
 * folder for reader and writer. What a value must mean is written here, from the JDK where
 * it decides (zone ids, charset names, midnights), never by the code under test. The statistics
 * jqwik prints show how often each parameter and each expectation came up. {@code changes} also
 * depends on the mode: anything but "ignore" outside incremental mode is refused by all of them.
 */
class OneParameterPropertyTest {
    static final Map<String, String> ENV = Collections.emptyMap();
    static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("one-parameter");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** How a generated value must read. */
    enum Expect {
        /** It means the given canonical value, to everyone. */
        MEANS,
        /** Its plugin refuses it. */
        REFUSED,
        /** Whatever it means, everyone reads it alike. */
        AGREE
    }

    /** One parameter as a test writes it. */
    static final class Case {
        final Spec spec;
        final Object raw;
        final Expect expect;
        final Object canonical;
        final boolean incremental;

        Case(Spec spec, Object raw, Expect expect, Object canonical, boolean incremental) {
            this.spec = spec;
            this.raw = raw;
            this.expect = expect;
            this.canonical = canonical;
            this.incremental = incremental;
        }

        @Override
        public String toString() {
            return String.join(".", spec.at) + " = " + JSON.toJSONString(raw) + " (" + expect + (expect == Expect.MEANS ? " " + canonical : "")
                    + (incremental ? ", incremental" : "") + ")";
        }
    }

    /**
     * How a kind of value may be written: a value, the canonical it means and the variants that mean the same.
     * CHANGES: a keyword, or an object {"lookback": duration} whose duration is written as a typed scalar.
     */
    enum Kind { TRIMMED, KEYWORD, NUMBER, FLAG, VERBATIM, BOUND, CHANGES }

    /** A parameter under test: where it is written, how its value reads and values it takes. */
    static final class Spec {
        final boolean reader;
        final Param<?> param;
        final List<String> at;
        final Kind kind;
        /** value as written, canonical it means */
        final List<Object[]> values;
        /** the value in a parse (null: not read by that side) */
        final Function<ReaderSpec, Object> ofReader;
        final Function<WriterOptions, Object> ofWriter;

        Spec(boolean reader, Param<?> param, String at, Kind kind, List<Object[]> values, Function<ReaderSpec, Object> ofReader,
             Function<WriterOptions, Object> ofWriter) {
            this.reader = reader;
            this.param = param;
            this.at = Arrays.asList(at.split("\\."));
            this.kind = kind;
            this.values = values;
            this.ofReader = ofReader;
            this.ofWriter = ofWriter;
        }
    }

    static Object[] v(Object raw, Object canonical) {
        return new Object[] {raw, canonical};
    }

    static List<Object[]> same(Object... values) {
        List<Object[]> out = new ArrayList<>();
        for (Object o : values) {
            out.add(v(o, o));
        }
        return out;
    }

    static Map<String, Object> lookback(String duration) {
        return Collections.<String, Object>singletonMap("lookback", duration);
    }

    static long midnight(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(ZoneId.of("UTC")).toInstant().toEpochMilli();
    }

    static final List<Spec> SPECS = Arrays.asList(
        new Spec(true, ReaderParams.ENDPOINT, "endpoint", Kind.TRIMMED, same("http://127.0.0.1:1", "https://x.example"),
            r -> r.connection().endpoint(), null),
        new Spec(true, ReaderParams.ACCESS_ID, "accessId", Kind.TRIMMED, same("id", "LTAI5t"), r -> r.connection().accessId(), null),
        new Spec(true, ReaderParams.ACCESS_KEY, "accessKey", Kind.TRIMMED, same("key", "s3cr3t"), r -> r.connection().accessKey(), null),
        new Spec(true, ReaderParams.INSTANCE_NAME, "instanceName", Kind.TRIMMED, same("inst", "my-instance"),
            r -> r.connection().instanceName(), null),
        new Spec(true, ReaderParams.TABLE, "table", Kind.TRIMMED, same("sensor_data", "T1"), ReaderSpec::table, null),
        new Spec(true, ReaderParams.SORT_KEY, "schema.sortKey", Kind.TRIMMED, same("ct"), r -> r.schema().sortKey(), null),
        new Spec(true, ReaderParams.TIME_UNIT, "timeUnit", Kind.KEYWORD, same("ms", "s", "us"), ReaderSpec::timeUnit, null),
        new Spec(true, ReaderParams.TIME_ZONE, "timeZone", Kind.TRIMMED,
            Arrays.asList(v("UTC", "UTC"), v("Asia/Shanghai", "Asia/Shanghai"), v("+08:00", "+08:00"), v("GMT+8", ZoneId.of("GMT+8").getId()),
                v("Europe/Berlin", "Europe/Berlin")), ReaderSpec::timeZone, null),
        new Spec(true, ReaderParams.APPEND_COLUMNS, "appendColumns", Kind.VERBATIM,
            Arrays.asList(v(Collections.singletonList("ct"), Collections.singletonList("ct")), v(Arrays.asList("ct", "dim"), Arrays.asList("ct", "dim"))),
            ReaderSpec::appendColumns, null),
        new Spec(true, ReaderParams.APPEND_COLUMNS_POSITION, "appendColumnsPosition", Kind.KEYWORD, same("start", "end"),
            ReaderSpec::appendPosition, null),
        new Spec(true, ReaderParams.RESUME, "resume", Kind.FLAG, same(true, false), ReaderSpec::resume, null),
        new Spec(true, ReaderParams.SHARD, "shard", Kind.TRIMMED, Arrays.asList(v("0/4", "0/4"), v("3/4", "3/4"), v("all", "all"), v("0/1", "all")),
            ReaderSpec::shard, null),
        new Spec(true, ReaderParams.SPLIT_FACTOR, "splitFactor", Kind.NUMBER, same(1L, 4L, 64L), r -> (long) r.tuning().splitFactor(), null),
        new Spec(true, ReaderParams.MAX_RETRIES, "maxRetries", Kind.NUMBER, same(0L, 18L), r -> (long) r.tuning().maxRetries(), null),
        new Spec(true, ReaderParams.PAGE_SIZE, "pageSize", Kind.NUMBER, same(0L, 5000L), r -> (long) r.tuning().pageSize(), null),
        new Spec(true, ReaderParams.PARALLEL_READS, "parallelReads", Kind.NUMBER, same(1L, 32L), r -> (long) r.tuning().parallelReads(), null),
        new Spec(true, ReaderParams.MAX_PARTS_PER_FILE, "maxPartsPerFile", Kind.NUMBER, same(0L, 8L),
            r -> (long) r.tuning().maxPartsPerFile(), null),
        new Spec(true, ReaderParams.READ_API, "readApi", Kind.KEYWORD,
            Arrays.asList(v("auto", "auto"), v("getRange", "getrange"), v("bulkExport", "bulkexport")), r -> r.tuning().readApi(), null),
        // a lookback means its span (java.time.Duration's text: P3D is PT72H)
        new Spec(true, ReaderParams.CHANGES, "changes", Kind.CHANGES, Arrays.asList(v("ignore", "ignore"), v("stream", "stream"),
            v(lookback("P3D"), lookback(Duration.ofDays(3).toString())), v(lookback("PT6H"), lookback(Duration.ofHours(6).toString())),
            v(lookback("P1DT12H"), lookback(Duration.ofHours(36).toString()))), ReaderSpec::changes, null),
        new Spec(true, null, "filters.ct.gte", Kind.BOUND, Arrays.asList(v("2024-01-01", midnight(2024, 1, 1)),
            v("20240102", midnight(2024, 1, 2)), v(midnight(2024, 1, 3), midnight(2024, 1, 3))), null, null),
        new Spec(false, WriterParams.PATH, "path", Kind.TRIMMED, same("out", "a/b"), null, WriterOptions::pathText),
        new Spec(false, WriterParams.FILE_NAME, "fileName", Kind.TRIMMED,
            same("{partition_key}_{table}_{year}.csv", "{partition_key}/{year}/{month}.csv"), null, WriterOptions::declaredFileName),
        new Spec(false, WriterParams.HEADER, "header", Kind.FLAG, same(true, false), null, WriterOptions::header),
        new Spec(false, WriterParams.ENCODING, "encoding", Kind.KEYWORD,
            Arrays.asList(v("UTF-8", "UTF-8"), v("gbk", Charset.forName("gbk").name()), v("latin1", Charset.forName("latin1").name())),
            null, WriterOptions::encoding),
        new Spec(false, WriterParams.NULL_FORMAT, "nullFormat", Kind.VERBATIM, same("", "\\N", "NULL"), null, WriterOptions::nullFormat),
        new Spec(false, WriterParams.COMPRESS, "compress", Kind.KEYWORD, same("none", "gzip"), null, WriterOptions::compress),
        new Spec(false, WriterParams.WRITE_MODE, "writeMode", Kind.KEYWORD,
            Arrays.asList(v("truncate", "truncate"), v("append", "append"), v("nonConflict", "nonconflict")), null, WriterOptions::writeMode),
        new Spec(false, WriterParams.VERIFY_COMMITTED, "verifyCommitted", Kind.KEYWORD, same("size", "sha256"), null,
            WriterOptions::verifyCommitted),
        new Spec(false, WriterParams.DATE_FORMAT, "dateFormat", Kind.VERBATIM, same("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss.SSS"), null,
            WriterOptions::dateFormat),
        new Spec(false, WriterParams.LINE_SEPARATOR, "lineSeparator", Kind.VERBATIM, same("\n", "\r\n", "\r"), null,
            WriterOptions::lineSeparator),
        new Spec(false, WriterParams.ALLOW_GAPS, "allowGaps", Kind.FLAG, same(true, false), null, WriterOptions::allowGaps));

    static final String[] UNICODE = {"\u00a0", "\u200b", "\u3000", "\ufeff"};

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(SPECS).flatMap(spec -> Combinators.combine(Arbitraries.of(spec.values), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.of(" ", "  ", "\t", " \t "))
                .as((value, variant, pick, incremental, blank) -> variant(spec, value, variant, pick, incremental, blank)));
    }

    /** A way of writing {@code value}: as it is, with blanks, in another case, as a string, or with unicode around it. */
    static Case variant(Spec spec, Object[] value, int variant, int pick, boolean incremental, String blank) {
        Object raw = value[0];
        Object canonical = value[1];
        String u = UNICODE[pick];
        if (spec.kind == Kind.CHANGES) {
            return changesVariant(spec, raw, canonical, variant, u, incremental, blank);
        }
        switch (variant) {
            case 0:
                return new Case(spec, raw, Expect.MEANS, canonical, incremental);
            case 1:
            case 2: {
                // blanks around a typed value are trimmed; around data or output text they are kept
                if (spec.kind == Kind.VERBATIM) {
                    Object text = raw instanceof String ? blank + raw : raw;
                    return new Case(spec, text, spec.param == WriterParams.LINE_SEPARATOR ? Expect.REFUSED : Expect.AGREE, null, incremental);
                }
                String written = variant == 1 ? blank + raw + blank : raw + blank;
                return new Case(spec, written, Expect.MEANS, canonical, incremental);
            }
            case 3:
            case 4:
                if (spec.kind == Kind.KEYWORD && raw instanceof String) {
                    String cased = variant == 3 ? ((String) raw).toUpperCase(Locale.ROOT) : mixedCase((String) raw);
                    return new Case(spec, cased, Expect.MEANS, canonical, incremental);
                }
                if (spec.kind == Kind.FLAG || spec.kind == Kind.NUMBER) {
                    String text = String.valueOf(raw);
                    return new Case(spec, variant == 3 ? text.toUpperCase(Locale.ROOT) : blank + text, Expect.MEANS, canonical, incremental);
                }
                if (spec.kind == Kind.BOUND && raw instanceof Long) {
                    return new Case(spec, blank + raw, Expect.MEANS, canonical, incremental);
                }
                return new Case(spec, raw, Expect.MEANS, canonical, incremental);
            case 5:
            case 6:
                // unicode blanks are no blanks: typed values with them are refused or read alike everywhere
                return new Case(spec, raw instanceof String ? (variant == 5 ? u + raw : raw + u) : raw,
                        raw instanceof String ? Expect.AGREE : Expect.MEANS, canonical, incremental);
            case 7:
                if (spec.kind == Kind.NUMBER) {
                    return new Case(spec, fullWidth(String.valueOf(raw)), Expect.REFUSED, null, incremental);
                }
                if (spec.kind == Kind.FLAG) {
                    return new Case(spec, "yes", Expect.REFUSED, null, incremental);
                }
                return new Case(spec, raw, Expect.MEANS, canonical, incremental);
            default:
                // an empty string: refused for a typed value, data for a text
                return new Case(spec, raw instanceof String ? "" : raw, raw instanceof String ? Expect.AGREE : Expect.MEANS, canonical,
                        incremental);
        }
    }

    /**
     * {@code changes}: the keyword or the lookback's duration written with blanks, in another case,
     * with unicode around it, empty, or a duration without its object; anything but "ignore" outside
     * incremental mode (writeMode "append" with resume) is refused, whoever reads it.
     */
    static Case changesVariant(Spec spec, Object raw, Object canonical, int variant, String u, boolean incremental, String blank) {
        Expect means = incremental || "ignore".equals(canonical) ? Expect.MEANS : Expect.REFUSED;
        switch (variant) {
            case 1:
                return new Case(spec, text(raw, t -> blank + t + blank), means, canonical, incremental);
            case 2:
                return new Case(spec, text(raw, t -> t + blank), means, canonical, incremental);
            case 3:
                return new Case(spec, text(raw, t -> t.toUpperCase(Locale.ROOT)), means, canonical, incremental);
            case 4:
                return new Case(spec, text(raw, OneParameterPropertyTest::mixedCase), means, canonical, incremental);
            case 5:
                return new Case(spec, text(raw, t -> u + t), Expect.AGREE, null, incremental);
            case 6:
                return new Case(spec, text(raw, t -> t + u), Expect.AGREE, null, incremental);
            case 7:
                // a lookback's duration alone is no value of changes: it is written as {"lookback": ...}
                return raw instanceof Map ? new Case(spec, ((Map<?, ?>) raw).get("lookback"), Expect.REFUSED, null, incremental)
                        : new Case(spec, raw, means, canonical, incremental);
            case 8:
            case 9:
                return new Case(spec, text(raw, t -> ""), Expect.REFUSED, null, incremental);
            default:
                return new Case(spec, raw, means, canonical, incremental);
        }
    }

    /** A changes value with its text (the keyword, or the lookback's duration) written another way. */
    static Object text(Object raw, Function<String, String> how) {
        return raw instanceof String ? how.apply((String) raw) : lookback(how.apply((String) ((Map<?, ?>) raw).get("lookback")));
    }

    static String mixedCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    static String fullWidth(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append(Character.isDigit(c) ? (char) ('\uff10' + (c - '0')) : c);
        }
        return sb.toString();
    }

    static Map<String, Object> json(String text) {
        return JSON.parseObject(text, Feature.OrderedField);
    }

    /** A valid job: incremental (append + resume) or a resumed truncate, with the case's value written in. */
    static Map<String, Object>[] job(Case c) {
        Map<String, Object> reader = json("{\"endpoint\": \"http://127.0.0.1:1\", \"accessId\": \"id\", \"accessKey\": \"key\","
                + " \"instanceName\": \"inst\", \"table\": \"sensor_data\", \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\"},"
                + " \"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-02-01\"}}, \"resume\": true,"
                + " \"tasks\": {\"source\": \"inline\", \"definitions\": {\"d1\": [\"x\"]}}}");
        Map<String, Object> writer = json("{\"path\": \"out\"}");
        writer.put("writeMode", c.incremental ? "append" : "truncate");
        put(c.spec.reader ? reader : writer, c.spec.at, c.raw);
        @SuppressWarnings("unchecked")
        Map<String, Object>[] both = new Map[] {reader, writer};
        return both;
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> root, List<String> at, Object value) {
        Map<String, Object> m = root;
        for (int i = 0; i < at.size() - 1; i++) {
            m = (Map<String, Object>) m.get(at.get(i));
        }
        m.put(at.get(at.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    static Object canonical(Param<?> param, Object value) {
        return ((Param<Object>) param).canonical(value);
    }

    @Property(tries = 400)
    void everyPartOfTheJobReadsAParameterAlike(@ForAll("cases") Case c) throws IOException {
        tries(c);
    }

    static void tries(Case c) throws IOException {
        Statistics.label("parameter").collect(String.join(".", c.spec.at));
        Statistics.label("expectation").collect(c.expect);
        Map<String, Object>[] job = job(c);
        Map<String, Object> reader = job[0];
        Map<String, Object> writer = job[1];
        SpecResult r = ReaderSpecParser.parse(reader, dir, ENV);
        WriterConfig.Checked w = WriterConfig.check(writer, "otsrangereader", reader, dir);
        Problems peerProblems = new Problems();
        WriterOptions.parse(writer, dir, peerProblems);
        boolean validated = validate(reader, writer);

        String about = c.toString();
        // one verdict: the reader's on its parameter (its Job's init: the parse, then what needs the writer's parameter), the
        // writer's on its own, validate on both
        boolean readerOk = r.isValid() && readerJobStarts(r.spec(), writer);
        boolean writerOk = w.own().isEmpty();
        boolean writerReadsIt = !c.spec.reader || c.spec.kind == Kind.BOUND || c.spec.param == ReaderParams.SORT_KEY
                || ReaderParams.SHARED.contains(c.spec.param);
        // the writer reads the reader's parameter as the reader does; the connection and tuning keys are the reader's alone
        assertEquals(writerReadsIt ? readerOk : true, w.ofReader().isEmpty(), about + ": reader " + r.problems() + " vs writer "
                + w.ofReader());
        assertEquals(writerOk, peerProblems.isEmpty(), about + ": the reader reads the writer's parameter as the writer does: " + w.own()
                + " vs " + peerProblems.texts());
        assertEquals(readerOk && writerOk, validated, about + ": validate's verdict: reader " + r.problems() + ", writer " + w.own());
        if (c.expect == Expect.REFUSED) {
            assertTrue(!validated, about + " must be refused");
            return;
        }
        if (c.expect == Expect.MEANS) {
            assertTrue(validated, about + " must be accepted: reader " + r.problems() + ", writer " + w.own() + w.ofReader());
        }
        if (!validated) {
            return;
        }
        ReaderSpec spec = r.spec();
        WriterConfig config = w.config();
        assertNotNull(config, about);
        // one value: what the case means (both plugins' views come from one parse of each parameter, ReaderSpecParser.parseShared
        // and WriterOptions.parse, so comparing them with each other could not fail)
        if (c.spec.ofReader != null && c.expect == Expect.MEANS) {
            assertEquals(c.canonical, canonical(c.spec.param, c.spec.ofReader.apply(spec)), about);
        }
        if (c.spec.ofWriter != null && c.expect == Expect.MEANS) {
            assertEquals(c.canonical, canonical(c.spec.param, c.spec.ofWriter.apply(config.options())), about);
        }
        // one state folder, whether or not DataX tells the reader its writer's name
        Path writersState = StateDir.of(config.options().path(), config.facts().table(), config.facts().shard());
        Boolean incremental = expectedIncremental(c);
        for (String writerName : new String[] {"csvyearwriter", null}) {
            WriterPeer peer = WriterPeer.of(writerName, writer, dir);
            assertEquals(writersState, StateDir.of(peer.path(), spec.table(), spec.shard()), about);
            // incremental mode as the job asks for it, for the reader and the writer
            if (incremental != null) {
                assertEquals(incremental, peer.incremental(spec.resume()), about);
                assertEquals(incremental, config.incremental(), about);
            }
        }
        if (c.spec.kind == Kind.BOUND && c.expect == Expect.MEANS) {
            assertEquals(c.canonical, spec.windowRequest().window().from(), about);
        }
        // the fingerprint: what means the same hashes the same as the value written plainly
        if (c.expect == Expect.MEANS) {
            Case plain = new Case(c.spec, plainValue(c), Expect.MEANS, c.canonical, c.incremental);
            Map<String, Object>[] plainJob = job(plain);
            ReaderSpec plainReader = ReaderSpecParser.parse(plainJob[0], dir, ENV).spec();
            WriterOptions plainWriter = WriterOptions.parse(plainJob[1], dir, new Problems());
            assertEquals(Collections.emptyList(), JobFingerprint.of(spec, config.options(), dir)
                    .changedComponents(JobFingerprint.of(plainReader, plainWriter, dir).components()), about);
        }
    }

    /**
     * Whether the case's job is in incremental mode (writeMode "append" with resume true), from
     * what the case wrote: the base job's mode, unless the case's value is the write mode or resume
     * itself (null when that value's meaning is not known to the case).
     */
    static Boolean expectedIncremental(Case c) {
        boolean writeMode = c.spec.param == WriterParams.WRITE_MODE;
        if (!writeMode && c.spec.param != ReaderParams.RESUME) {
            return c.incremental;
        }
        if (c.expect != Expect.MEANS) {
            return null;
        }
        return writeMode ? canonical(WriterParams.WRITE_MODE, WriteMode.APPEND).equals(c.canonical)
                : c.incremental && canonical(ReaderParams.RESUME, true).equals(c.canonical);
    }

    /** The reader Job's init past the parse, as DataX runs it: with its writer's parameter, without the writer's name. */
    static boolean readerJobStarts(ReaderSpec spec, Map<String, Object> writer) {
        try {
            ReaderPlanning.checkWithWriter(spec, WriterPeer.ifValid(null, writer, dir));
            return true;
        } catch (DataXException e) {
            return false;
        }
    }

    /** The value as the table of values writes it. */
    static Object plainValue(Case c) {
        for (Object[] value : c.spec.values) {
            if (value[1].equals(c.canonical)) {
                return value[0];
            }
        }
        throw new AssertionError("no value means " + c.canonical);
    }

    static boolean validate(Map<String, Object> reader, Map<String, Object> writer) throws IOException {
        Map<String, Object> job = new LinkedHashMap<>();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reader", plugin("otsrangereader", reader));
        content.put("writer", plugin("csvyearwriter", writer));
        job.put("setting", json("{\"speed\": {\"channel\": 1}}"));
        job.put("content", Collections.singletonList(content));
        Path file = dir.resolve("job.json");
        Files.write(file, JSON.toJSONString(Collections.singletonMap("job", job)).getBytes(StandardCharsets.UTF_8));
        return new ValidateCommand(ENV).validate(JobArguments.parse(Collections.singletonList(file.toString())), dir).valid;
    }

    static Map<String, Object> plugin(String name, Map<String, Object> parameter) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("parameter", parameter);
        return p;
    }
}
