package com.otsrange.reader.changes;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.TimeWindow;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The refusals of {@code changes: "stream"} ({@code OtsRangeReader-12}), raised in the reader's
 * split before any table read, so nothing is written and the ledger keeps its position: what is
 * wrong, the committed time range whose files may now differ from the table (dates in the job's
 * timeZone), and the two remedies.
 */
final class ChangesRefusal {
    private static final long DAY_MS = 86_400_000L;

    private final String table;
    private final SortKeyLiteral literal;
    private final List<TimeWindow> committed;
    private final long runFrom;
    private final Path stateDir;

    /**
     * @param committed the done windows joined
     * @param runFrom   raw sort-key value where this run's window starts (or S when it has nothing to do):
     *                  a lookback reaching back from there over the committed range covers it
     */
    ChangesRefusal(String table, SortKeyLiteral literal, List<TimeWindow> committed, long runFrom, Path stateDir) {
        this.table = table;
        this.literal = literal;
        this.committed = committed;
        this.runFrom = runFrom;
        this.stateDir = stateDir;
    }

    DataXException notEnabled() {
        return DataXException.asDataXException(OtsRangeReaderErrorCode.CHANGES_REFUSED, "parameter.changes \"stream\": table " + table
                + " has no Stream enabled (DescribeTable), so the rows changed inside committed windows cannot be found. Enable it"
                + " with UpdateTable and a StreamSpecification(true, hours), the expiration in hours (at most 168) longer than the"
                + " longest time between two runs, e.g. for a daily schedule: UpdateTableRequest r = new UpdateTableRequest(\""
                + table + "\"); r.setStreamSpecification(new StreamSpecification(true, 72)); client.updateTable(r). The first run"
                + " after that records where the Stream stands and restates nothing. Or use \"changes\": {\"lookback\": \"P3D\"},"
                + " which needs no Stream. Nothing was written");
    }

    /** The Stream changed between two calls of this run (a stream or shard just listed is gone): nothing was read or written. */
    DataXException changedMeanwhile(RuntimeException answer) {
        return DataXException.asDataXException(OtsRangeReaderErrorCode.CHANGES_REFUSED, "parameter.changes: the Stream of table "
                + table + " changed while this run read it (" + answer.getMessage() + ": it was disabled, or a shard expired"
                + " meanwhile). Nothing was written; run again");
    }

    /**
     * @param why        what happened, e.g. "the Stream no longer keeps the records after shard X's recorded position"
     * @param positionAt S of the run that recorded the position (epoch ms)
     */
    DataXException lost(String why, long positionAt) {
        return DataXException.asDataXException(OtsRangeReaderErrorCode.CHANGES_REFUSED, "parameter.changes \"stream\": " + why
                + ". Changes made to table " + table + " since " + time(positionAt) + " (when the run that recorded the stream"
                + " position started) may be lost, so the files may differ from the table in the committed time range at risk: "
                + TimeWindow.text(committed, literal) + ". Nothing was written: files and ledger are as they were. Remedies: run"
                + " once with \"changes\": {\"lookback\": \"" + lookbackCovering() + "\"}, which reads every committed window of"
                + " that span again, restates the files that differ and records a new stream position, then switch back to"
                + " \"stream\"; or start over: \"resume\": false (or delete " + stateDir + " and the files this job wrote)");
    }

    /** The lookback that reaches back from this run's window over every committed window, in whole days. */
    String lookbackCovering() {
        if (committed.isEmpty()) {
            return "P1D";
        }
        long spanMs = literal.unit().toEpochMillisFloor(runFrom) - literal.unit().toEpochMillisFloor(committed.get(0).from());
        return "P" + Math.max(1, (spanMs + DAY_MS - 1) / DAY_MS) + "D";
    }

    SortKeyLiteral literal() {
        return literal;
    }

    String time(long epochMillis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS), literal.zone())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
