package com.otsrange.reader.config;

import com.otsrange.common.ReaderFacts;
import com.otsrange.common.ReaderParams;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's view of the reader parameter (ReaderFacts) reads what the reader's own parser reads, defaults included. */
class ReaderFactsAgreementTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"timeUnit\": \"S\", \"timeZone\": \"Asia/Shanghai\", \"resume\": \"true\", \"shard\": \"1/3\"}",
        "{\"timeUnit\": \"us\", \"timeZone\": \"+08:00\", \"resume\": false,"
            + " \"schema\": {\"partitionKey\": \"id\", \"sortKey\": \"ct\"}}"})
    void readerFactsAgreeWithTheReadersParser(String overrides) {
        Map<String, Object> p = ReaderSpecTest.with(overrides);
        SpecResult result = ReaderSpec.parse(p, dir, Collections.<String, String>emptyMap());
        assertTrue(result.isValid(), result.problems().toString());
        ReaderSpec spec = result.orThrow();
        ReaderFacts facts = ReaderFacts.of(p);
        assertEquals(spec.table(), facts.table());
        assertEquals(spec.timeUnit(), facts.timeUnit());
        assertEquals(spec.timeZone(), facts.timeZone());
        assertEquals(spec.shard(), facts.shard());
        assertEquals(spec.resume(), facts.resume());
        assertEquals(spec.schema() == null ? null : spec.schema().sortKey(), facts.sortKey());
        assertTrue(ReaderSpec.KEYS.containsAll(ReaderParams.KEYS));
    }
}
