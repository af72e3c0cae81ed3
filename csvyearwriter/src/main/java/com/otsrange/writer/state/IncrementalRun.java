package com.otsrange.writer.state;

import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.SortKeyLiteral;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.WindowLedger;
import com.otsrange.reader.config.WindowRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The writer's side of incremental mode ({@code writeMode: "append"} with the reader's
 * {@code resume: true}): the Job's prepare decides this run's window from the window ledger
 * before anything is written ({@link WindowLedger}), tasks get the window in their parameter and
 * write it on every intent and commit line, and the Job's post marks the window done.
 */
public final class IncrementalRun {
    private static final Logger LOG = LoggerFactory.getLogger(IncrementalRun.class);
    /** Task parameter key: [from, to] of the window this run exports, [] when it exports nothing. */
    static final String WINDOW_KEY = "otsrangeWindow";

    /** Task parameter key: how many unit ids {@value #LEDGER_UNITS_FILE} holds. */
    static final String LEDGER_UNITS_KEY = "otsrangeLedgerUnits";
    /** The units this job's ledger ever committed, in the run's tmp dir (task configs stay small). */
    static final String LEDGER_UNITS_FILE = "units-in-ledger.json";

    private final WindowLedger.Decision decision;
    private final SortKeyLiteral literal;
    private final Set<String> ledgerUnits;

    private IncrementalRun(WindowLedger.Decision decision, SortKeyLiteral literal, Set<String> ledgerUnits) {
        this.decision = decision;
        this.literal = literal;
        this.ledgerUnits = ledgerUnits;
    }

    /**
     * Job prepare, after the fingerprint check: this run's window, or a refusal
     * ({@code CsvYearWriter-10}) before anything is written. The ledger counts the intents their final
     * files prove (a kill cut off their commit line) as commits; the Job's prepare records those
     * commits once the run is allowed, so the ledger never depends on files later windows change.
     *
     * @param ledger the ledger as the Job's prepare read it ({@link com.otsrange.common.CheckpointSnapshot#ledger})
     */
    public static IncrementalRun prepare(WindowLedger ledger, Path tmpDir, WindowRequest request, boolean allowGaps) throws IOException {
        WindowLedger.Decision d = request.decide(ledger, allowGaps, why -> new DataXException(WriterErrorCode.PEER_CONFIG_INVALID,
                "incremental mode: no window in the reader parameter: " + why));
        if (d.kind() == WindowLedger.Decision.Kind.REFUSED) {
            throw new DataXException(WriterErrorCode.WINDOW_REFUSED, "incremental mode: " + d.message());
        }
        LOG.info("incremental mode ({}): {}", d.label(), d.message());
        Set<String> units = new HashSet<>(ledger.commitsByUnit().keySet());
        CommittedBeforeRun.write(tmpDir, LEDGER_UNITS_FILE, units);
        return new IncrementalRun(d, request.literal(), units);
    }

    public WindowLedger.Decision decision() {
        return decision;
    }

    public SortKeyLiteral literal() {
        return literal;
    }

    /** Units committed in this window before the run: a record of one of them is a contract violation. */
    public Set<String> unitsBeforeRun() {
        return decision.exports() ? decision.committedUnits() : Collections.<String>emptySet();
    }

    public void toTask(Configuration taskParameter) {
        taskParameter.set(WINDOW_KEY, decision.exports() ? decision.window().toJson() : Collections.emptyList());
        taskParameter.set(LEDGER_UNITS_KEY, ledgerUnits.size());
    }

    /** Task side: the run's window as the Job's split passed it; null outside incremental mode. */
    public static TaskWindow fromTask(Configuration taskParameter, Path tmpDir) {
        List<Object> w = taskParameter.getList(WINDOW_KEY, Object.class);
        if (w == null) {
            return null;
        }
        return new TaskWindow(TimeWindow.fromJson(w),
                CommittedBeforeRun.load(tmpDir, LEDGER_UNITS_FILE, taskParameter.getInt(LEDGER_UNITS_KEY, 0)));
    }

    /** What a writer task may receive in incremental mode: rows inside the window, none when it exports nothing. */
    public static final class TaskWindow {
        private final TimeWindow window;
        private final Set<String> ledgerUnits;

        TaskWindow(TimeWindow window, Set<String> ledgerUnits) {
            this.window = window;
            this.ledgerUnits = ledgerUnits;
        }

        /**
         * Why appending to {@code finalFile} for {@code unit} would mix two exports, or null: the
         * file exists although this job's ledger never committed the unit (its state folder was
         * deleted and the files kept, or another export wrote it).
         */
        public String foreignFile(String unit, Path finalFile) {
            if (ledgerUnits.contains(unit) || !Files.exists(finalFile)) {
                return null;
            }
            return finalFile + " already exists, but this job's window ledger never wrote unit " + unit + " (was the state folder"
                    + " deleted while the files were kept, or did another export write it?): appending the window would mix two"
                    + " exports. Move the file away, or start over (delete the files this job wrote and its state folder), then"
                    + " run the same window again; units committed in it so far stay committed";
        }

        /** The window for intent and commit lines; null when the run exports nothing. */
        public TimeWindow window() {
            return window;
        }

        /** Why a record with this raw sort-key value must not be written, or null when it may. */
        public String refusal(long raw, String unit) {
            if (window == null) {
                return "unit " + unit + " sent a record although this run's window is already committed (nothing to do)";
            }
            return window.contains(raw) ? null : "unit " + unit + " sent a record at " + raw + ", outside this run's window " + window;
        }
    }

    /** Job post, every task done: the window is committed for every unit. */
    public void post(CheckpointLog log) throws IOException {
        if (!decision.exports()) {
            return;
        }
        log.windowDone(decision.window(), decision.requested());
        LOG.info("incremental mode: window {} committed", decision.window().text(literal));
    }
}
