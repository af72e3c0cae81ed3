package com.otsrange.common;

import java.time.ZoneId;
import java.util.Map;

/**
 * What the writer, the job fingerprint and incremental mode need of otsrangereader's raw job
 * parameter, with the reader's defaults ({@link ReaderParams}). Values are kept as written so a
 * problem can show them; the typed forms throw on values the reader's parser rejects too.
 */
public final class ReaderFacts {
    private final Map<String, Object> parameter;

    private ReaderFacts(Map<String, Object> parameter) {
        this.parameter = parameter;
    }

    public static ReaderFacts of(Map<String, Object> readerParameter) {
        return new ReaderFacts(readerParameter);
    }

    /** The table as written (null when absent). */
    public Object table() {
        return ReaderParams.TABLE.in(parameter);
    }

    /** timeUnit as written, or its default. */
    public Object timeUnitText() {
        return ReaderParams.TIME_UNIT.in(parameter);
    }

    /** timeZone as written, or its default. */
    public Object timeZoneText() {
        return ReaderParams.TIME_ZONE.in(parameter);
    }

    /** shard as text, or null when absent (all task keys). */
    public String shardText() {
        Object v = ReaderParams.SHARD.given(parameter);
        return v == null ? null : String.valueOf(v);
    }

    /** @throws IllegalArgumentException when timeUnit is not ms, s or us */
    public SortKeyUnit timeUnit() {
        return SortKeyUnit.parse(String.valueOf(timeUnitText()));
    }

    /** @throws java.time.DateTimeException when timeZone is no zone id */
    public ZoneId timeZone() {
        return ZoneId.of(String.valueOf(timeZoneText()).trim());
    }

    /** @throws IllegalArgumentException when shard is not "i/n" */
    public ShardSpec shard() {
        return ShardSpec.parse(shardText());
    }

    /** resume: true or "true" (any case). */
    public boolean resume() {
        return Boolean.TRUE.equals(JsonBool.parse(ReaderParams.RESUME.in(parameter)));
    }

    /** schema.sortKey when named (a non-blank string), else null: without it the sort key is only known from the table. */
    @SuppressWarnings("unchecked")
    public String sortKey() {
        Object schema = ReaderParams.SCHEMA.given(parameter);
        Object sortKey = schema instanceof Map ? ((Map<String, Object>) schema).get(ReaderParams.SORT_KEY) : null;
        return sortKey instanceof String && !((String) sortKey).trim().isEmpty() ? (String) sortKey : null;
    }
}
