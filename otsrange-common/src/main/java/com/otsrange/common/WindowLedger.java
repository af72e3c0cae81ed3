package com.otsrange.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The window ledger of an incremental job, as its {@link CheckpointSnapshot} read it, and the rules
 * that decide what a run with a given window may append. One class, used by the writer Job (which
 * decides before anything is written), the reader's split (which plans the same decision) and
 * {@code bin/otsrange plan}.
 *
 * <p>A window is <b>done</b> when the checkpoint has its {@code windowDone} line (written by the
 * writer Job's post once every unit was committed); it is <b>incomplete</b> when units were
 * committed in it (commit lines carry the window; an intent counts when the final file has its
 * size and sha256) but it is not done: a run of it was killed or failed. Every window applies to
 * every unit of the job (the tasks are part of the job's fingerprint), so the done windows are
 * the committed watermark of each unit, clipped to its file period.
 *
 * <p>Rules for a requested window R (M = the end of the latest done window, the watermark):
 * <ul>
 * <li>R inside the done windows: nothing to do.</li>
 * <li>R ends at or before M without being covered: refused (out of order: its rows would follow
 * later rows in the files).</li>
 * <li>R starts before M and ends after it: reduced to [M, R.to) when [R.from, M) is all covered,
 * else refused (it would also cover a gap before the watermark).</li>
 * <li>R starts after M: [M, R.from) would never be exported (a gap). Refused unless the job allows
 * gaps (csvyearwriter {@code allowGaps: true}); then allowed and the gap reported. A scheduler
 * that runs the next day after a failed one is thus stopped instead of losing that day.</li>
 * <li>An incomplete window I: the same window (after reduction) completes it, skipping the units
 * committed in it; any other window is refused naming I.</li>
 * </ul>
 * A refusal is decided before anything is written.
 */
public final class WindowLedger {
    private final Path stateDir;
    private final List<WindowDoneLine> doneEntries;
    private final List<TimeWindow> incomplete;
    private final List<FileLine> provenIntents;
    private final Map<String, List<FileLine>> commitsByUnit;
    private final StreamPosition streamPosition;

    private WindowLedger(Path stateDir, List<WindowDoneLine> doneEntries, List<TimeWindow> incomplete,
                         List<FileLine> provenIntents, Map<String, List<FileLine>> commitsByUnit,
                         StreamPosition streamPosition) {
        this.stateDir = stateDir;
        this.doneEntries = Collections.unmodifiableList(doneEntries);
        this.incomplete = Collections.unmodifiableList(incomplete);
        this.provenIntents = Collections.unmodifiableList(provenIntents);
        this.commitsByUnit = Collections.unmodifiableMap(commitsByUnit);
        this.streamPosition = streamPosition;
    }

    /**
     * The ledger of a checkpoint as {@link CheckpointSnapshot} read it (no IO here): the lines that
     * carry a window or restate fields are the ledger's; a restating line of a run that exported no
     * window has none and makes no window incomplete.
     *
     * @param commits the checkpoint's commit lines in order, then the intents its rule proved (as commits)
     * @param proven  those proven intents
     */
    static WindowLedger of(Path stateDir, List<WindowDoneLine> done, List<FileLine> commits, List<FileLine> proven,
                           StreamPosition position) {
        Set<TimeWindow> doneSet = new LinkedHashSet<>();
        for (WindowDoneLine d : done) {
            doneSet.add(d.window());
        }
        List<TimeWindow> incomplete = new ArrayList<>();
        Map<String, List<FileLine>> byUnit = new LinkedHashMap<>();
        for (FileLine c : commits) {
            if (c.window() == null && c.restate() == null) {
                continue;
            }
            if (c.window() != null && !doneSet.contains(c.window()) && !incomplete.contains(c.window())) {
                incomplete.add(c.window());
            }
            List<FileLine> l = byUnit.get(c.unit());
            if (l == null) {
                l = new ArrayList<>();
                byUnit.put(c.unit(), l);
            }
            l.add(c);
        }
        List<FileLine> ledgerProven = new ArrayList<>();
        for (FileLine p : proven) {
            if (p.window() != null || p.restate() != null) {
                ledgerProven.add(p);
            }
        }
        return new WindowLedger(stateDir, new ArrayList<>(done), incomplete, ledgerProven, byUnit, position);
    }

    /**
     * The last stream position recorded ({@code changes: "stream"}, {@link CheckpointLog#streamPosition}),
     * or null: no run with the stream recorded one in this checkpoint yet.
     */
    public StreamPosition streamPosition() {
        return streamPosition;
    }

    /** Done windows as run (reduced where they were), in the order they were done. */
    public List<TimeWindow> done() {
        List<TimeWindow> out = new ArrayList<>();
        for (WindowDoneLine e : doneEntries) {
            out.add(e.window());
        }
        return out;
    }

    /** The windowDone entries (window as run, and as requested). */
    public List<WindowDoneLine> doneEntries() {
        return doneEntries;
    }

    /** Done windows joined: what every unit of the job has committed. */
    public List<TimeWindow> committed() {
        return TimeWindow.union(done());
    }

    /** End of the latest done window, or null when none is done. */
    public Long watermark() {
        Long m = null;
        for (WindowDoneLine e : doneEntries) {
            m = m == null ? e.window().to() : Math.max(m, e.window().to());
        }
        return m;
    }

    /** The spans between committed windows that were never exported. */
    public List<TimeWindow> gaps() {
        List<TimeWindow> u = committed();
        List<TimeWindow> out = new ArrayList<>();
        for (int i = 1; i < u.size(); i++) {
            out.add(TimeWindow.of(u.get(i - 1).to(), u.get(i).from()));
        }
        return out;
    }

    /** The window a run left incomplete, or null. */
    public TimeWindow incomplete() {
        return incomplete.isEmpty() ? null : incomplete.get(incomplete.size() - 1);
    }

    /** Units committed in {@code window} (commit lines, and intents their final file proves). */
    public Set<String> unitsCommittedIn(TimeWindow window) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<FileLine>> e : commitsByUnit.entrySet()) {
            for (FileLine c : e.getValue()) {
                if (window.equals(c.window())) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    /** Intents of an open window whose rename happened but whose commit line was lost (as commits). */
    public List<FileLine> provenIntents() {
        return provenIntents;
    }

    /** The unit's file as the ledger describes it: byte offsets and rows per committed window ({@link UnitOffsets}). */
    public UnitOffsets offsets(String unit) {
        List<FileLine> commits = commitsByUnit.get(unit);
        return UnitOffsets.replay(commits == null ? Collections.<FileLine>emptyList() : commits);
    }

    /** Every commit of every window, per unit id, in ledger order (restating lines of a run without a window too). */
    public Map<String, List<FileLine>> commitsByUnit() {
        return commitsByUnit;
    }

    /** What a run asking for {@code requested} does. */
    public static final class Decision {
        /** RUN: export {@link #window()}; RESUME: complete the incomplete window; NOTHING: already committed. */
        public enum Kind { RUN, RESUME, NOTHING, REFUSED }

        private final Kind kind;
        private final TimeWindow requested;
        private final TimeWindow window;
        private final TimeWindow gap;
        private final boolean reduced;
        private final Set<String> committedUnits;
        private final String message;

        Decision(Kind kind, TimeWindow requested, TimeWindow window, TimeWindow gap, boolean reduced, Set<String> committedUnits,
                 String message) {
            this.kind = kind;
            this.requested = requested;
            this.window = window;
            this.gap = gap;
            this.reduced = reduced;
            this.committedUnits = Collections.unmodifiableSet(new LinkedHashSet<>(committedUnits));
            this.message = message;
        }

        public Kind kind() {
            return kind;
        }

        /** The window as requested; null when it holds no time ({@link #decideEmpty}). */
        public TimeWindow requested() {
            return requested;
        }

        /** The window this run exports (RUN, RESUME), else null. */
        public TimeWindow window() {
            return window;
        }

        /** The uncommitted span between the watermark and this window's start, or null. */
        public TimeWindow gap() {
            return gap;
        }

        /** Whether the window was cut to its part after the watermark. */
        public boolean reduced() {
            return reduced;
        }

        /** Units already committed in {@link #window()} (RESUME): the run skips them. */
        public Set<String> committedUnits() {
            return committedUnits;
        }

        public boolean exports() {
            return window != null;
        }

        /** One line for logs, manifest and errors. */
        public String message() {
            return message;
        }

        /** "run", "reduced", "resume", "nothing to do" or "refused". */
        public String label() {
            switch (kind) {
                case RUN:
                    return reduced ? "reduced" : "run";
                case RESUME:
                    return "resume";
                case NOTHING:
                    return "nothing to do";
                default:
                    return "refused";
            }
        }
    }

    /**
     * The rules of the class comment. {@code literal} prints bounds in the job's unit and zone;
     * {@code allowGaps} accepts a window that starts after the watermark.
     */
    public Decision decide(TimeWindow requested, SortKeyLiteral literal, boolean allowGaps) {
        List<TimeWindow> committed = committed();
        String req = "window " + requested.text(literal);
        String committedText = "committed windows: " + TimeWindow.text(committed, literal);
        TimeWindow open = incomplete();
        if (requested.coveredBy(committed)) {
            return new Decision(Decision.Kind.NOTHING, requested, null, null, false, Collections.<String>emptySet(),
                    req + " is already committed (" + committedText + "): nothing to do, no file changed"
                            + (open == null ? "" : "; note: window " + open.text(literal) + " is incomplete, rerun it to complete it"));
        }
        if (incomplete.size() > 1) {
            return refused(requested, "the checkpoint shows more than one incomplete window (" + TimeWindow.text(incomplete, literal)
                    + "), which no run of otsrange leaves; " + req + " is refused");
        }
        Long m = watermark();
        TimeWindow effective = requested;
        TimeWindow gap = null;
        boolean reduced = false;
        if (m != null) {
            String mark = literal.text(m);
            if (requested.to() <= m) {
                return refused(requested, req + " ends at or before the committed watermark " + mark + " (" + committedText
                        + ") and is not all committed: run out of order, its rows would be appended after later rows");
            }
            if (requested.from() < m) {
                TimeWindow before = TimeWindow.of(requested.from(), m);
                if (!before.coveredBy(committed)) {
                    return refused(requested, req + " overlaps the " + committedText + " and also covers time before the watermark "
                            + mark + " that was never exported (a gap): its rows would be appended after later rows");
                }
                effective = TimeWindow.of(m, requested.to());
                reduced = true;
            } else if (requested.from() > m) {
                gap = TimeWindow.of(m, requested.from());
            }
        }
        String how = (reduced ? req + " overlaps the committed windows up to " + literal.text(m) + ": exporting only "
                + effective.text(literal) : "exporting " + req)
                + (gap == null ? "" : "; it starts after the committed watermark " + literal.text(m) + ", so the gap "
                + gap.text(literal) + " is not exported (listed as a gap in manifest.json)");
        if (open != null && !open.equals(effective)) {
            return refusedIncomplete(open, requested, literal, ", then " + req);
        }
        // an interrupted window that started after a gap has committed rows already: completing it adds no new gap
        if (gap != null && !allowGaps && open == null) {
            return refused(requested, req + " starts after the committed watermark " + literal.text(m) + " (" + committedText
                    + "), so " + gap.text(literal) + " would never be exported: run that window first (bounds gte \""
                    + literal.text(gap.from()) + "\", lt \"" + literal.text(gap.to()) + "\"), or set \"allowGaps\": true in the"
                    + " csvyearwriter parameter to accept the gap (it is then listed in manifest.json)");
        }
        if (open != null) {
            Set<String> done = unitsCommittedIn(open);
            return new Decision(Decision.Kind.RESUME, requested, effective, gap, reduced, done, "window " + effective.text(literal)
                    + " was interrupted: completing it; " + done.size() + " file unit(s) committed in it are kept and skipped"
                    + (reduced || gap != null ? " (" + how + ")" : ""));
        }
        return new Decision(Decision.Kind.RUN, requested, effective, gap, reduced, Collections.<String>emptySet(), how);
    }

    /** Refuses any window but the incomplete one {@code open}, naming the bounds that complete it, then {@code then}. */
    private Decision refusedIncomplete(TimeWindow open, TimeWindow requested, SortKeyLiteral literal, String then) {
        return refused(requested, "window " + open.text(literal) + " is incomplete (a run of it was interrupted after committing "
                + unitsCommittedIn(open).size() + " file unit(s)); rerun that same window first to complete it"
                + " (bounds gte \"" + literal.text(open.from()) + "\", lt \"" + literal.text(open.to()) + "\")" + then);
    }

    /**
     * A requested window with no time in it ({@code bounds}: how they were written, e.g. the hour
     * a DST change skips): it appends nothing and changes no bound of the ledger, so it is nothing
     * to do, the next window starting where the last one ended. While a window is incomplete it is
     * refused like any other window.
     */
    public Decision decideEmpty(String bounds, SortKeyLiteral literal) {
        TimeWindow open = incomplete();
        if (open != null) {
            return refusedIncomplete(open, null, literal, "");
        }
        return new Decision(Decision.Kind.NOTHING, null, null, null, false, Collections.<String>emptySet(), "the window " + bounds
                + " holds no " + literal.unit().text() + " of time (the hour a change to daylight saving time skips, or bounds"
                + " finer than the timeUnit that round to one point): nothing to do, no file changed");
    }

    private Decision refused(TimeWindow requested, String why) {
        return new Decision(Decision.Kind.REFUSED, requested, null, null, false, Collections.<String>emptySet(), why
                + ". Nothing was written. To start over instead, delete the files this job wrote under "
                + CheckpointLog.outputPathOf(stateDir) + " and the folder " + stateDir.toAbsolutePath()
                + " (or write into a new path), then run the windows in ascending order");
    }
}
