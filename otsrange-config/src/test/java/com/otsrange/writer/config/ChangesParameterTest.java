package com.otsrange.writer.config;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.otsrange.common.ChangesMode;
import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.config.ReaderSpecParser;
import com.otsrange.reader.config.SpecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's {@code changes}, declared once: the reader's parse and csvyearwriter's view of it
 * read one value, and both refuse it outside incremental mode with one problem at one path.
 */
class ChangesParameterTest {
    @TempDir
    Path dir;

    static final String READER = "{\"endpoint\": \"http://127.0.0.1:1\", \"accessId\": \"id\", \"accessKey\": \"key\","
            + " \"instanceName\": \"i\", \"table\": \"t\", \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\"},"
            + " \"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-01-02\"}}, \"resume\": true,"
            + " \"tasks\": {\"source\": \"inline\", \"definitions\": {\"d1\": [\"x\"]}}";

    static Map<String, Object> json(String text) {
        return JSON.parseObject(text, Feature.OrderedField);
    }

    static Map<String, Object> reader(String changes) {
        return json(READER + (changes == null ? "" : ", \"changes\": " + changes) + "}");
    }

    static Map<String, Object> writer(String writeMode) {
        return json("{\"path\": \"out\", \"writeMode\": \"" + writeMode + "\"}");
    }

    ChangesMode parsed(String changes) {
        SpecResult r = ReaderSpecParser.parse(reader(changes), dir, Collections.<String, String>emptyMap());
        assertTrue(r.isValid(), r.problems().toString());
        SpecResult shared = ReaderSpecParser.parseShared(reader(changes), dir);
        assertEquals(r.spec().changes(), shared.spec().changes(), "the writer reads it as the reader does");
        return r.spec().changes();
    }

    @Test
    void oneDeclarationReadsEveryForm() {
        assertEquals(ChangesMode.IGNORE, parsed(null), "absent: the default");
        assertEquals(ChangesMode.IGNORE, ReaderParams.CHANGES.defaultValue());
        assertEquals(ChangesMode.STREAM, parsed("\" Stream \""));
        assertEquals(ChangesMode.lookback(Duration.ofHours(72)), parsed("{\"lookback\": \"P3D\"}"));
        assertEquals(Collections.singletonMap("lookback", "PT72H"), ReaderParams.CHANGES.canonical(parsed("{\"lookback\": \"p3d \"}")));
        assertTrue(ReaderParams.MAIN.contains(ReaderParams.CHANGES) && ReaderParams.SHARED.contains(ReaderParams.CHANGES));
        SpecResult bad = ReaderSpecParser.parse(reader("{\"lookback\": \"P1M\"}"), dir, Collections.<String, String>emptyMap());
        assertEquals("parameter.changes.lookback", bad.found().get(0).path());
    }

    @Test
    void outsideIncrementalModeTheWritersViewRefusesItAsTheReaderDoes() {
        ReaderSpec stream = ReaderSpecParser.parse(reader("\"stream\""), dir, Collections.<String, String>emptyMap()).spec();
        JsonProblem readers = stream.changesProblem(false);
        assertEquals("parameter.changes", readers.path());
        assertTrue(readers.message().startsWith("\"stream\" needs incremental mode"), readers.message());

        WriterConfig.Checked truncate = WriterConfig.check(writer("truncate"), "otsrangereader", reader("\"stream\""), dir);
        assertEquals(Collections.singletonList(readers.toString()), Problems.texts(truncate.ofReader()));
        assertNull(truncate.config());

        WriterConfig.Checked append = WriterConfig.check(writer("append"), "otsrangereader", reader("\"stream\""), dir);
        assertEquals(Collections.emptyList(), append.ofReader());
        assertNull(stream.changesProblem(true));
        assertEquals(ChangesMode.STREAM, append.config().reader().changes());

        WriterConfig.Checked ignoring = WriterConfig.check(writer("truncate"), "otsrangereader", reader("\" IGNORE\""), dir);
        assertEquals(Collections.emptyList(), ignoring.ofReader());
    }

    /** Whether the job is incremental is the writer's parse of its parameter: while that is invalid, only it is reported. */
    @Test
    void anInvalidWriteModeLeavesTheModeUnknown() {
        WriterConfig.Checked c = WriterConfig.check(writer("apend"), "otsrangereader", reader("\"stream\""), dir);
        List<JsonProblem> own = c.own();
        assertEquals(1, own.size(), own.toString());
        assertEquals("parameter.writeMode", own.get(0).path());
        assertEquals(Collections.emptyList(), c.ofReader());
    }
}
