package com.otsrange.writer.config;

import com.otsrange.common.Problems;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.SortKeyUnit;
import com.otsrange.config.Types;
import com.otsrange.reader.config.ReaderParams;
import com.otsrange.reader.config.ReaderSpec;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the writer knows of the job besides its own keys: the table (for {@code {table}} and the
 * state dir), the time unit and zone, the shard and whether the run resumes. Paired with
 * otsrangereader these are the reader's parsed values ({@link ReaderSpec}); behind any other
 * reader the writer's own generic keys. Writer tasks get no peer configuration, so the Job hands
 * them these values ({@link #toTask()}), which they read back through the same declarations.
 */
public final class JobFacts {
    static final String PAIRED = "paired";

    private final boolean paired;
    private final String table;
    private final SortKeyUnit timeUnit;
    private final GenericTimeUnit genericTime;
    private final ZoneId timeZone;
    private final ShardSpec shard;
    private final boolean resume;

    private JobFacts(boolean paired, String table, GenericTimeUnit genericTime, ZoneId timeZone, ShardSpec shard, boolean resume) {
        this.paired = paired;
        this.table = table;
        this.genericTime = genericTime;
        this.timeUnit = genericTime == GenericTimeUnit.DATE ? SortKeyUnit.MS : SortKeyUnit.valueOf(genericTime.name());
        this.timeZone = timeZone;
        this.shard = shard;
        this.resume = resume;
    }

    /** Paired with otsrangereader: the reader's own parse of its parameter. */
    public static JobFacts of(ReaderSpec reader) {
        return new JobFacts(true, reader.table(), GenericTimeUnit.valueOf(reader.timeUnit().name()), reader.timeZone(),
                reader.shard(), reader.resume());
    }

    /** Behind any other reader: the writer's generic keys (table, timeUnit, timeZone); no shard, no resume. */
    static JobFacts generic(Map<String, Object> writer, Problems problems) {
        return new JobFacts(false, WriterParams.TABLE.readOrDefault(writer, WriterOptions.AT, problems),
                WriterParams.TIME_UNIT.readOrDefault(writer, WriterOptions.AT, problems),
                WriterParams.TIME_ZONE.readOrDefault(writer, WriterOptions.AT, problems), ShardSpec.ALL, false);
    }

    /** For a task's parameter (tasks get no peer configuration): the values as their declarations write them. */
    public Map<String, Object> toTask() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PAIRED, paired);
        m.put(ReaderParams.TABLE.name(), table);
        m.put(ReaderParams.TIME_UNIT.name(), genericTime.text());
        m.put(ReaderParams.TIME_ZONE.name(), timeZone.getId());
        m.put(ReaderParams.SHARD.name(), shard.toString());
        m.put(ReaderParams.RESUME.name(), resume);
        return m;
    }

    /** {@link #toTask()} read back, through the same declarations; null after a problem (a task config the Job did not write). */
    public static JobFacts fromTask(Map<String, Object> m, Problems problems) {
        int before = problems.count();
        boolean paired = Boolean.TRUE.equals(Types.FLAG.parse(m.get(PAIRED), PAIRED, problems));
        String at = "task parameter";
        JobFacts f;
        if (paired) {
            f = new JobFacts(true, ReaderParams.TABLE.read(m, at, problems),
                    GenericTimeUnit.valueOf(ReaderParams.TIME_UNIT.readOrDefault(m, at, problems).name()),
                    ReaderParams.TIME_ZONE.read(m, at, problems), ReaderParams.SHARD.read(m, at, problems),
                    ReaderParams.RESUME.readOrDefault(m, at, problems));
        } else {
            f = generic(m, problems);
        }
        return problems.count() == before ? f : null;
    }

    public boolean paired() {
        return paired;
    }

    public String table() {
        return table;
    }

    /** The sort key's unit (generic mode with {@code timeUnit: "date"}: ms, the precision dates are rendered with). */
    public SortKeyUnit timeUnit() {
        return timeUnit;
    }

    /** How generic mode reads its time column. */
    public GenericTimeUnit genericTime() {
        return genericTime;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public ShardSpec shard() {
        return shard;
    }

    public boolean resume() {
        return resume;
    }
}
