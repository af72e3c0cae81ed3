package com.otsrange.writer;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.Period;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.UnitMeta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paired with otsrangereader: records of one unit arrive contiguously (DESIGN.md), so one file is
 * open at a time and it is committed as soon as another unit (or the end) arrives.
 */
final class PairedSink implements RecordSink {
    private final WriterSpec spec;
    private final CsvRowFormatter formatter;
    private final Committer committer;
    private final AppendHeader appendHeader;
    private final Path tmpDir;
    private final String tempPrefix;
    private final Set<String> committedHere = new HashSet<>();
    private final Set<String> committedBeforeRun;
    private final IncrementalRun.TaskWindow window;
    private int seq;

    private Map<String, String> lastMeta;
    private String lastUnit;
    private boolean[] lastTimeCells;
    private boolean lastDoublesVerbatim;
    private List<String> lastHeader;

    private String openUnit;
    private String openName;
    private Object openKeyRaw;
    private long openStart;
    private long openEnd;
    private TempCsvFile open;

    /** @param committedBeforeRun units a resumed run found committed: the reader must never send them */
    PairedSink(WriterSpec spec, Committer committer, int taskId, Set<String> committedBeforeRun) {
        this(spec, committer, taskId, committedBeforeRun, null);
    }

    /** @param window incremental mode: the run's window (no record outside it may be appended), else null */
    PairedSink(WriterSpec spec, Committer committer, int taskId, Set<String> committedBeforeRun, IncrementalRun.TaskWindow window) {
        this.window = window;
        this.committedBeforeRun = committedBeforeRun;
        this.spec = spec;
        this.formatter = new CsvRowFormatter(spec);
        this.committer = committer;
        this.appendHeader = new AppendHeader(spec);
        this.tmpDir = spec.tmpDir();
        this.tempPrefix = "task-" + taskId + "-";
    }

    @Override
    public String accept(Record r) throws IOException {
        Map<String, String> meta = r.getMeta();
        if (meta != lastMeta) {
            String why = readMeta(meta);
            if (why != null) {
                return why;
            }
        }
        Column keyCol = r.getColumnNumber() > RecordLayout.KEY_COLUMN ? r.getColumn(RecordLayout.KEY_COLUMN) : null;
        Column timeCol = r.getColumnNumber() > RecordLayout.TIME_COLUMN ? r.getColumn(RecordLayout.TIME_COLUMN) : null;
        if (keyCol == null || keyCol.getRawData() == null) {
            return "no partition key in column " + RecordLayout.KEY_COLUMN;
        }
        if (timeCol == null || timeCol.getRawData() == null) {
            return "no sort key value in column " + RecordLayout.TIME_COLUMN;
        }
        long ms;
        long raw;
        try {
            raw = timeCol.asLong();
            ms = spec.timeUnit().toEpochMillisFloor(raw);
        } catch (RuntimeException e) {
            return "sort key value '" + timeCol.getRawData() + "' is not an integer time in " + spec.timeUnit().text();
        }
        if (window != null) {
            String refusal = window.refusal(raw, lastUnit);
            if (refusal != null) {
                // appending it would put a row into a file twice or out of order: stop before writing it
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, refusal + "; nothing of it was written. This is a"
                        + " bug in the reader, please report it");
            }
        }
        // switch only on a routable record: a dirty one must not close the open file
        if (!lastUnit.equals(openUnit)) {
            commitOpen();
            if (committedHere.contains(lastUnit)) {
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + lastUnit
                        + " arrived again after its file was committed: the reader must send each unit contiguously");
            }
            if (committedBeforeRun.contains(lastUnit)) {
                // defence in depth: committing it again would replace the file (truncate) or, with
                // writeMode append, add its rows a second time
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + lastUnit + " arrived although the"
                        + " checkpoint lists it as committed before this run (resume): the reader must skip committed units."
                        + " Nothing of it was written again; files committed earlier are intact. This is a bug in the"
                        + " reader, please report it");
            }
        }
        if (open == null) {
            openFile(keyCol, ms);
        } else if (ms < openStart || ms >= openEnd || !sameKey(keyCol.getRawData())) {
            return "record (key " + RecordKeys.keyText(keyCol) + ", time " + timeCol.getRawData()
                    + ") does not belong to unit " + openUnit + " it was sent with";
        }
        formatter.rowFrom(r, RecordLayout.FIRST_CELL, lastTimeCells, lastDoublesVerbatim, open.out());
        open.rowWritten();
        return null;
    }

    private String readMeta(Map<String, String> meta) {
        UnitMeta unit;
        try {
            unit = UnitMeta.parse(meta);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Period filePeriod = spec.fileName().period();
        if (unit.period() != filePeriod) {
            // the reader cut its units by another period than this writer's files: rows of one
            // file would come from several units (or one unit would span several files)
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + unit.unitId() + " covers a "
                    + unit.period().text() + " (record meta " + UnitMeta.KEY_PERIOD + "), but parameter.fileName \""
                    + spec.fileName() + "\" makes one file per " + filePeriod.text() + ": otsrangereader learns the period"
                    + " from this writer's fileName in the same job; run both plugins of one version from one job file");
        }
        lastMeta = meta;
        lastUnit = unit.unitId();
        lastHeader = unit.header();
        lastTimeCells = unit.timeCellFlags();
        lastDoublesVerbatim = unit.doublesShortest();
        return null;
    }

    private boolean sameKey(Object raw) {
        if (raw instanceof byte[] && openKeyRaw instanceof byte[]) {
            return Arrays.equals((byte[]) raw, (byte[]) openKeyRaw);
        }
        return raw.equals(openKeyRaw);
    }

    private void openFile(Column keyCol, long ms) throws IOException {
        String keyText = RecordKeys.keyText(keyCol);
        Period period = spec.fileName().period();
        openStart = period.floor(ms, spec.timeZone());
        openEnd = period.next(openStart, spec.timeZone());
        openName = spec.fileName().render(keyText, spec.table(), ms, spec.timeZone());
        List<String> header = lastHeader == null ? java.util.Collections.<String>emptyList() : lastHeader;
        // before the temp file exists: a refused file is left exactly as it was
        appendHeader.check(openName, header);
        openKeyRaw = keyCol.getRawData();
        openUnit = lastUnit;
        if (window != null) {
            String foreign = window.foreignFile(openUnit, spec.path().resolve(openName));
            if (foreign != null) {
                throw new DataXException(WriterErrorCode.WINDOW_REFUSED, "incremental mode: " + foreign);
            }
        }
        Path temp = tmpDir.resolve(tempPrefix + (seq++) + ".tmp");
        open = TempCsvFile.create(temp, spec, spec.path().resolve(openName));
        if (open.needsHeader()) {
            formatter.header(header, open.out());
        }
    }

    private void commitOpen() throws IOException {
        if (open == null) {
            openUnit = null;
            return;
        }
        TempCsvFile f = open;
        open = null;
        TempCsvFile.Done done;
        try {
            done = f.finish();
        } catch (IOException | RuntimeException e) {
            f.abort();
            throw e;
        }
        committer.commit(openUnit, openName, done);
        committedHere.add(openUnit);
        openUnit = null;
    }

    @Override
    public void finish() throws IOException {
        commitOpen();
    }

    @Override
    public void abort() {
        if (open != null) {
            open.abort();
            open = null;
        }
    }
}
