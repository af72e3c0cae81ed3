package com.otsrange.writer.sink;

import com.otsrange.writer.commit.Committer;
import com.otsrange.writer.commit.RestateReport;
import com.otsrange.writer.commit.Restater;
import com.otsrange.writer.encoding.UnencodableText;
import com.otsrange.writer.error.WriterErrorCode;
import com.otsrange.writer.file.AppendHeader;
import com.otsrange.writer.file.CsvRowFormatter;
import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.writer.spec.FileNames;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.state.IncrementalRun;
import com.otsrange.writer.state.RestatePlan;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.FileParts;
import com.otsrange.common.Period;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.UnitMeta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paired with otsrangereader: records of one unit arrive contiguously (DESIGN.md), so one file is
 * open at a time and it is committed as soon as another unit (or the end) arrives. A unit read in
 * parts arrives part by part (each part contiguous; the record that ends it, its last row or a
 * marker without columns, carries {@code otsrange.partEnd}): each part
 * goes to a part file under the state dir and is recorded; the Job's post joins them
 * ({@code UnitParts}).
 */
public final class PairedSink implements RecordSink {
    private final WriterSpec spec;
    private final CsvRowFormatter formatter;
    private final Committer committer;
    private final AppendHeader appendHeader;
    private final Path tmpDir;
    private final String tempPrefix;
    private final Set<String> committedHere = new HashSet<>();
    /** Targets ({@link #target}) of parts recorded by this task, and their units. */
    private final Set<String> partsDoneHere = new HashSet<>();
    private final Set<String> unitsInPartsHere = new HashSet<>();
    private final Path stateDir;
    private final Set<String> committedBeforeRun;
    private final IncrementalRun.TaskWindow window;
    /** Units the reader hands over for restatement (issue 21), with what to keep of their files; empty when none. */
    private final RestatePlan restatePlan;
    private final Restater restater;
    private int seq;

    private Map<String, String> lastMeta;
    private String lastUnit;
    private boolean[] lastTimeCells;
    private boolean lastDoublesVerbatim;
    private List<String> lastHeader;
    private FileParts.Part lastPart;
    /** The row count the record ending a part carries in its meta, else -1. */
    private long lastPartEnd;
    private String lastTarget;
    /** The restatement of the last record's unit, or null for an ordinary unit. */
    private RestatePlan.Unit lastRestate;

    /** Rows (written and dirty) received for the part {@link #lastTarget}: the count at its end must match. */
    private long partReceived;

    private String openUnit;
    private FileParts.Part openPart;
    private String openTarget;
    private String openName;
    private Object openKeyRaw;
    private long openStart;
    private long openEnd;
    private TempCsvFile open;
    private RestatePlan.Unit openRestate;

    /** @param committedBeforeRun units a resumed run found committed: the reader must never send them */
    public PairedSink(WriterSpec spec, Committer committer, int taskId, Set<String> committedBeforeRun) {
        this(spec, committer, taskId, committedBeforeRun, null, null);
    }

    /**
     * @param window      incremental mode: the run's window (no record outside it may be appended), else null
     * @param restatePlan incremental mode: the units this run restates (records of them may lie in committed
     *                    windows, from their restateFrom on), else null
     */
    public PairedSink(WriterSpec spec, Committer committer, int taskId, Set<String> committedBeforeRun, IncrementalRun.TaskWindow window,
               RestatePlan restatePlan) {
        this.window = window;
        this.restatePlan = restatePlan;
        this.restater = new Restater(spec, committer);
        this.committedBeforeRun = committedBeforeRun;
        this.spec = spec;
        this.formatter = new CsvRowFormatter(spec);
        this.committer = committer;
        this.appendHeader = new AppendHeader(spec);
        this.tmpDir = spec.tmpDir();
        this.stateDir = spec.stateDir();
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
        if (lastPartEnd >= 0 && r.getColumnNumber() == 0) {
            // the marker of a part without rows
            endPart();
            return null;
        }
        String why = acceptRow(r);
        if (lastPartEnd >= 0) {
            // the part's last row carries its end (so DataX counts no extra record)
            endPart();
        }
        return why;
    }

    private String acceptRow(Record r) throws IOException {
        if (lastPart != null) {
            partReceived++;
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
        if (lastRestate != null) {
            if (!lastRestate.holds(raw)) {
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + lastUnit + " is restated from "
                        + lastRestate.restateFrom() + " to " + lastRestate.readTo() + " but sent a record at " + raw + "; nothing of it"
                        + " was written. This is a bug in the reader, please report it");
            }
        } else if (window != null) {
            String refusal = window.refusal(raw, lastUnit);
            if (refusal != null) {
                // appending it would put a row into a file twice or out of order: stop before writing it
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, refusal + "; nothing of it was written. This is a"
                        + " bug in the reader, please report it");
            }
        }
        if (lastPart != null && !lastPart.holds(raw)) {
            return "record (key " + RecordKeys.keyText(keyCol) + ", time " + timeCol.getRawData() + ") lies outside "
                    + describe(lastUnit, lastPart) + " [" + lastPart.from() + ", " + lastPart.to() + ") it was sent with";
        }
        // switch only on a routable record: a dirty one must not close the open file
        if (!lastTarget.equals(openTarget)) {
            switchToLast("a record of " + describe(lastUnit, lastPart) + " arrived");
        }
        if (open == null) {
            openFile(RecordKeys.keyText(keyCol), keyCol.getRawData(), ms);
        } else if (ms < openStart || ms >= openEnd || !sameKey(keyCol.getRawData())) {
            return "record (key " + RecordKeys.keyText(keyCol) + ", time " + timeCol.getRawData()
                    + ") does not belong to unit " + openUnit + " it was sent with";
        }
        if (openRestate != null) {
            String why = open.beforeRow(raw);
            if (why != null) {
                // the file's windows would not be one member (and one offset) each: stop before writing it
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "restated unit " + openUnit + ": the record at "
                        + raw + " " + why + "; nothing of the unit was committed. This is a bug in the reader, please report it");
            }
        }
        try {
            formatter.rowFrom(r, RecordLayout.FIRST_CELL, lastTimeCells, lastDoublesVerbatim, open.out());
        } catch (UnencodableText e) {
            throw e.error(spec.encoding(), openName, e.column(lastHeader) + " of the row with partition key \""
                    + RecordKeys.keyText(keyCol) + "\" and sort key " + raw);
        }
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
        RestatePlan.Unit restate = restatement(unit);
        Period filePeriod = spec.fileName().period();
        if (unit.period() != filePeriod) {
            // the reader cut its units by another period than this writer's files: rows of one
            // file would come from several units (or one unit would span several files)
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + unit.unitId() + " covers a "
                    + unit.period().text() + " (record meta " + UnitMeta.KEY_PERIOD + "), but parameter.fileName \""
                    + spec.fileName() + "\" makes one file per " + filePeriod.text() + ": otsrangereader learns the period"
                    + " from this writer's fileName in the same job; run both plugins of one version from one job file");
        }
        long partEnd;
        try {
            partEnd = UnitMeta.partEndRows(meta);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String target = target(unit.unitId(), unit.part());
        if (!target.equals(lastTarget)) {
            partReceived = 0;
        }
        lastMeta = meta;
        lastRestate = restate;
        lastUnit = unit.unitId();
        lastPart = unit.part();
        lastPartEnd = partEnd;
        lastTarget = target;
        lastHeader = unit.header();
        lastTimeCells = unit.timeCellFlags();
        lastDoublesVerbatim = unit.doublesShortest();
        return null;
    }

    /** The plan of a unit the record meta says is restated (null for an ordinary one); the plan must list it alike. */
    private RestatePlan.Unit restatement(UnitMeta unit) {
        if (unit.restateFrom() == null) {
            return null;
        }
        RestatePlan.Unit u = restatePlan == null ? null : restatePlan.unit(unit.unitId());
        if (u == null || u.restateFrom() != unit.restateFrom() || u.compare() != unit.restateCompare()) {
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + unit.unitId() + " arrived restated from "
                    + unit.restateFrom() + (unit.restateCompare() ? " (lookback compare)" : "") + " (record meta "
                    + UnitMeta.KEY_RESTATE_FROM + "), but the reader's hand-over (tmp/restate.json) says "
                    + (u == null ? "nothing of it" : "from " + u.restateFrom() + (u.compare() ? " (lookback compare)" : ""))
                    + ". Nothing of the unit was written. Are the reader and the writer of one otsrange version? Else this is"
                    + " a bug, please report it");
        }
        return u;
    }

    private static String target(String unit, FileParts.Part part) {
        return part == null ? unit : unit + "#" + part.toText();
    }

    private static String describe(String unit, FileParts.Part part) {
        return part == null ? "unit " + unit : part + " of unit " + unit;
    }

    /** Closes what is open (a whole unit is committed) before the unit or part of the last record starts. */
    private void switchToLast(String what) throws IOException {
        if (openPart != null) {
            throw openPartWithoutEnd(what);
        }
        commitOpen();
        if (committedHere.contains(lastUnit)) {
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + lastUnit
                    + " arrived again after its file was committed: the reader must send each unit contiguously");
        }
        if (committedBeforeRun.contains(lastUnit) && lastRestate == null) {
            // defence in depth: committing it again would replace the file (truncate) or, with
            // writeMode append, add its rows a second time
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, describe(lastUnit, lastPart) + " arrived although the"
                    + " checkpoint lists unit " + lastUnit + " as committed before this run (resume): the reader must skip"
                    + " committed units. Nothing of it was written again; files committed earlier are intact. This is a bug"
                    + " in the reader, please report it");
        }
        if (lastPart == null) {
            if (unitsInPartsHere.contains(lastUnit)) {
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "unit " + lastUnit + " arrived whole after"
                        + " parts of it were recorded: the reader reads a unit either whole or in parts. This is a bug in"
                        + " the reader, please report it");
            }
            return;
        }
        if (window != null) {
            // parts are joined once, at the end of the job: incremental windows append whole units only
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, describe(lastUnit, lastPart) + " arrived in"
                    + " incremental mode (writeMode append with resume), where units are never read in parts; nothing of"
                    + " it was written. This is a bug in the reader, please report it");
        }
        if (partsDoneHere.contains(lastTarget)) {
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, describe(lastUnit, lastPart) + " arrived again"
                    + " after it was recorded: the reader must send each part contiguously, once");
        }
    }

    /** The part's end (its last row, already written, or a marker): record it unless the counts disagree. */
    private void endPart() throws IOException {
        if (lastPart == null) {
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "an end-of-part marker (record meta "
                    + UnitMeta.KEY_PART_END + ") arrived for unit " + lastUnit + ", which it does not say is read in parts"
                    + " (no record meta " + UnitMeta.KEY_PART + "). This is a bug in the reader, please report it");
        }
        if (!lastTarget.equals(openTarget)) {
            // a part without rows: nothing of it is open yet
            switchToLast("the end-of-part marker of " + describe(lastUnit, lastPart) + " arrived");
            openFile(RecordKeys.keyTextOfUnit(lastUnit), null, spec.timeUnit().toEpochMillisFloor(lastPart.from()));
        }
        long received = partReceived;
        if (received != lastPartEnd) {
            // rows were lost (or invented) between reader and writer: the file would silently lack them
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, describe(lastUnit, lastPart) + ": its end-of-part"
                    + " marker says the reader sent " + lastPartEnd + " row(s), but this writer task received " + received
                    + ". Nothing of this part was recorded (a resumed run reads it again); files committed earlier are"
                    + " intact. This is a bug, please report it");
        }
        TempCsvFile.Done done = finishOpen();
        committer.recordPart(stateDir, openUnit, openPart, openName, header(), done);
        partsDoneHere.add(openTarget);
        unitsInPartsHere.add(openUnit);
        openUnit = null;
        openPart = null;
        openTarget = null;
    }

    /** The open part ended without its end (meta {@code otsrange.partEnd}): nothing of it is recorded; the Task's abort drops its temp file. */
    private DataXException openPartWithoutEnd(String what) {
        return new DataXException(WriterErrorCode.CONTRACT_VIOLATION, describe(openUnit, openPart) + " has no end-of-part"
                + " marker (record meta " + UnitMeta.KEY_PART_END + "): " + what + " while it was open. Nothing of that"
                + " part was recorded (a resumed run reads it again); files committed earlier are intact. This is a bug in"
                + " the reader, please report it");
    }

    /** Closes the open temp file (fsynced); it is gone when that fails. */
    private TempCsvFile.Done finishOpen() throws IOException {
        TempCsvFile f = open;
        open = null;
        try {
            return f.finish();
        } catch (IOException | RuntimeException e) {
            f.abort();
            throw e;
        }
    }

    private List<String> header() {
        return lastHeader == null ? Collections.<String>emptyList() : lastHeader;
    }

    private boolean sameKey(Object raw) {
        if (raw instanceof byte[] && openKeyRaw instanceof byte[]) {
            return Arrays.equals((byte[]) raw, (byte[]) openKeyRaw);
        }
        return raw.equals(openKeyRaw);
    }

    /** @param keyRaw the key column's raw value, or null for a part without rows */
    private void openFile(String keyText, Object keyRaw, long ms) throws IOException {
        Period period = spec.fileName().period();
        openStart = period.floor(ms, spec.timeZone());
        openEnd = period.next(openStart, spec.timeZone());
        openName = FileNames.render(spec, keyText, ms);
        // before anything of it is written: its real location is under path (no link leads elsewhere)
        committer.finalFile(openName);
        List<String> header = header();
        // before the temp file exists: a refused file is left exactly as it was
        appendHeader.check(openName, header);
        openKeyRaw = keyRaw;
        openUnit = lastUnit;
        openPart = lastPart;
        openTarget = lastTarget;
        openRestate = lastRestate;
        // a restated unit too: one the ledger never committed must not overwrite a file another export wrote
        if (window != null) {
            String foreign = window.foreignFile(openUnit, spec.path().resolve(openName));
            if (foreign != null) {
                throw new DataXException(WriterErrorCode.WINDOW_REFUSED, "incremental mode: " + foreign);
            }
        }
        Path temp = tmpDir.resolve(tempPrefix + (seq++) + ".tmp");
        if (openPart != null) {
            open = TempCsvFile.forPart(temp, spec);
            return;
        }
        if (openRestate != null) {
            if (openRestate.file != null && !openRestate.file.equals(openName)) {
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "restated unit " + openUnit + " renders the file name "
                        + openName + ", but the window ledger committed it as " + openRestate.file + "; nothing was written");
            }
            open = TempCsvFile.restating(temp, spec, spec.path().resolve(openName), openRestate.prefix, restatePlan.windows());
        } else {
            open = TempCsvFile.create(temp, spec, spec.path().resolve(openName));
        }
        if (open.needsHeader()) {
            formatter.header(header, open.out(), openName);
        }
    }

    private void commitOpen() throws IOException {
        if (open == null) {
            openUnit = null;
            openTarget = null;
            return;
        }
        TempCsvFile.Done done = finishOpen();
        if (openRestate != null) {
            RestateReport report = restater.commitWritten(openRestate, openName, done);
            report.write(tmpDir, tempPrefix + (seq++));
            openRestate = null;
        } else {
            committer.commit(openUnit, openName, done);
        }
        committedHere.add(openUnit);
        openUnit = null;
        openTarget = null;
    }

    @Override
    public void finish() throws IOException {
        if (openPart != null) {
            throw openPartWithoutEnd("the input ended");
        }
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
