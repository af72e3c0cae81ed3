package com.otsrange.reader.changes;

import com.alicloud.openservices.tablestore.model.StreamShard;
import com.otsrange.common.ChangesMode;
import com.otsrange.common.Period;
import com.otsrange.common.RestateFile;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.StreamPosition;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.WindowLedger;
import com.otsrange.reader.config.ReaderSpec;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.plan.BoundTask;
import com.otsrange.reader.plan.RestateMark;
import com.otsrange.reader.plan.Restatement;
import com.otsrange.reader.range.TimeCutter;
import com.otsrange.reader.scan.OtsGateway;
import com.otsrange.reader.scan.StreamGone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an incremental run restates (docs/DESIGN.md, "Restatement (reader half)"), decided in the
 * reader Job's split after the window decision and before any table read, so a row changed while
 * the run goes on is either read by it or seen by the next run's stream read, never lost.
 * {@code "stream"}: the table's Stream from the position the ledger recorded (a first run only
 * records one); {@code {"lookback": L}}: every unit with committed windows in the span L before the
 * run's window. Refusals ({@code OtsRangeReader-12}) come before anything is written.
 */
public final class Changes {
    private static final Logger LOG = LoggerFactory.getLogger(Changes.class);
    /** Shards per DescribeStream answer asked for. */
    static final int DESCRIBE_PAGE = 100;

    private final ReaderSpec spec;
    private final List<BoundTask> tasks;
    private final Period period;
    private final TimeCutter cutter;
    private final TableSchema schema;
    private final OtsGateway gateway;
    private final Path stateDir;
    private final ShardWalk.Listener listener;
    private final int describePage;

    public Changes(ReaderSpec spec, TableSchema schema, List<BoundTask> tasks, Period period, OtsGateway gateway, Path stateDir) {
        this(spec, schema, tasks, period, gateway, stateDir, ShardWalk.SILENT, DESCRIBE_PAGE);
    }

    Changes(ReaderSpec spec, TableSchema schema, List<BoundTask> tasks, Period period, OtsGateway gateway, Path stateDir,
            ShardWalk.Listener listener, int describePage) {
        this.spec = spec;
        this.schema = schema;
        this.tasks = tasks;
        this.period = period;
        this.cutter = new TimeCutter(spec.timeUnit(), spec.timeZone());
        this.gateway = gateway;
        this.stateDir = stateDir;
        this.listener = listener;
        this.describePage = describePage;
    }

    /**
     * @param decision  this run's window decision (not refused)
     * @param startedAt S, epoch milliseconds: when the reader started looking for changes
     */
    public Restatement read(WindowLedger ledger, WindowLedger.Decision decision, long startedAt) {
        ChangesMode mode = spec.changes();
        CommittedWindows committed = CommittedWindows.of(ledger, decision);
        long runFrom = decision.window() != null ? decision.window().from() : spec.timeUnit().fromEpochMillis(startedAt);
        List<TimeWindow> notExported = new ArrayList<>(ledger.gaps());
        if (decision.gap() != null) {
            notExported.add(decision.gap());
        }
        SortKeyLiteral literal = new SortKeyLiteral(spec.timeUnit(), spec.timeZone());
        ChangesRefusal refusal = new ChangesRefusal(spec.table(), literal, committed.union(), runFrom, stateDir);
        StreamChanges stream = new StreamChanges(gateway, spec.table(), describePage);
        try {
            return read(mode, stream, ledger.streamPosition(), committed, refusal, startedAt, runFrom, notExported, literal);
        } catch (StreamGone g) {
            // a stream or shard listed a moment ago is gone (disabled, or expired meanwhile)
            throw refusal.changedMeanwhile(g);
        }
    }

    private Restatement read(ChangesMode mode, StreamChanges stream, StreamPosition recorded, CommittedWindows committed,
                             ChangesRefusal refusal, long startedAt, long runFrom, List<TimeWindow> notExported, SortKeyLiteral literal) {
        Restatement r;
        if (mode.kind() == ChangesMode.Kind.STREAM) {
            r = fromStream(stream, recorded, committed, refusal, startedAt, notExported);
        } else {
            long from = spec.timeUnit().fromEpochMillis(spec.timeUnit().toEpochMillisFloor(runFrom) - mode.lookback().toMillis());
            List<RestateMark> marks = LookbackSelection.select(tasks, spec.shard(), period, cutter, committed, from, runFrom);
            StreamPosition fresh = freshPositionIfNeeded(stream, recorded, startedAt);
            r = new Restatement(mode, startedAt, fresh, fresh == null ? null : new RestateFile.StreamRead(null, 0, 0, 0), marks,
                    notExported);
            LOG.info("changes: lookback {}: comparing {} file unit(s) with committed windows in {}{}", mode.lookback(), marks.size(),
                    from < runFrom ? TimeWindow.of(from, runFrom).text(literal) : "[]", fresh == null ? ""
                            : "; the Stream's position is recorded anew, a later \"stream\" run goes on from here");
        }
        return r;
    }

    private Restatement fromStream(StreamChanges stream, StreamPosition recorded, CommittedWindows committed, ChangesRefusal refusal,
                                   long startedAt, List<TimeWindow> notExported) {
        String streamId = stream.enabledStreamId();
        if (streamId == null) {
            throw refusal.notEnabled();
        }
        if (recorded != null && !recorded.streamId().equals(streamId)) {
            throw refusal.lost(StreamChanges.unreadable(recorded, streamId, Collections.<StreamShard>emptyList()), recorded.at());
        }
        List<StreamShard> shards = stream.shards(streamId);
        if (recorded == null) {
            StreamPosition position = stream.seek(streamId, shards, startedAt);
            LOG.info("changes: stream: first run, stream position recorded; changes made before this run are not detected; run once"
                    + " with changes {\"lookback\": \"{}\"} covering the committed windows to bring them up to date",
                    refusal.lookbackCovering());
            return new Restatement(ChangesMode.STREAM, startedAt, position, new RestateFile.StreamRead(null, 0, 0, 0),
                    Collections.<RestateMark>emptyList(), notExported);
        }
        String why = StreamChanges.unreadable(recorded, streamId, shards);
        if (why != null) {
            throw refusal.lost(why, recorded.at());
        }
        RecordRelevance relevance = new RecordRelevance(schema, tasks, spec.shard(), period, cutter, committed);
        ShardWalk.Result walked;
        try {
            walked = new ShardWalk(gateway, relevance, ShardWalk.MAX_THREADS, listener).walk(streamId, shards,
                    StreamChanges.starts(recorded, shards));
        } catch (ShardWalk.Lost lost) {
            throw refusal.lost(StreamChanges.trimmedText(lost.shard, lost.answer), recorded.at());
        }
        StreamPosition position = StreamChanges.after(recorded, streamId, shards, walked.ends, startedAt);
        List<RestateMark> marks = walked.dirty.marks(committed);
        LOG.info("changes: stream: read {} record(s) of {} shard(s) since {}; {} relevant, restating {} file unit(s){}",
                walked.recordsRead, walked.shardsRead, refusal.time(recorded.at()), walked.dirty.records(), marks.size(),
                listed(marks, refusal));
        return new Restatement(ChangesMode.STREAM, startedAt, position,
                new RestateFile.StreamRead(recorded.at(), walked.recordsRead, walked.dirty.records(), walked.shardsRead), marks,
                notExported);
    }

    /** For the log: the first units with where each is restated from, in the job's zone. */
    private static String listed(List<RestateMark> marks, ChangesRefusal at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(20, marks.size()); i++) {
            RestateMark m = marks.get(i);
            sb.append(i == 0 ? ": " : ", ").append(m.unitId()).append(" from ").append(at.literal().text(m.from()));
        }
        return marks.size() > 20 ? sb + " and " + (marks.size() - 20) + " more" : sb.toString();
    }

    /**
     * A lookback on a table with a Stream: a fresh position when the recorded one is missing or can
     * no longer be read on from (the lookback is the remedy for that), so a later "stream" run goes on
     * from this run; null when there is no Stream, or the recorded position is still good (the stream
     * run after this one reads on from it).
     */
    private StreamPosition freshPositionIfNeeded(StreamChanges stream, StreamPosition recorded, long startedAt) {
        String streamId = stream.enabledStreamId();
        if (streamId == null) {
            return null;
        }
        List<StreamShard> shards = stream.shards(streamId);
        if (recorded != null && StreamChanges.unreadable(recorded, streamId, shards) == null && stream.trimmed(recorded) == null) {
            return null;
        }
        return stream.seek(streamId, shards, startedAt);
    }
}
