package com.otsrange.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One reading of a state dir's {@code checkpoint.log}: its fingerprint, the committed units, the
 * pending parts, the window ledger and the last stream position, each line parsed once and the intent
 * rule applied once. A job reads it once per phase: the writer Job's prepare loads it (and hands it to
 * the reader's split as {@code tmp/checkpoint.snapshot}, {@link #writeHandover}), its post loads it
 * again; lines a phase appends update it in memory ({@link #with}). Immutable.
 *
 * <p>The intent rule: an intent counts as a commit when no later commit of its unit follows it, no
 * {@code windowDone} line follows it, its window (if it has one) is not done, and its final file
 * proves the rename happened: the file has the recorded size and sha256 (for a deletion: the file is
 * gone). The rename happened, only the commit line was lost. Each such file is hashed once per load.
 */
public final class CheckpointSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSnapshot.class);
    /** The writer's hand-over to the reader's split, in the state dir's {@code tmp/}. */
    public static final String HANDOVER = "checkpoint.snapshot";
    /** Final files hashed (or checked gone) to prove an intent, in this JVM: tests count it. */
    static final AtomicLong FILES_PROVING = new AtomicLong();

    /** Whether an intent's final file proves it. */
    private interface Prover {
        boolean proves(FileLine intent) throws IOException;
    }

    private final Path stateDir;
    private final HeaderLine header;
    /** Every parsed line after the header, in order. */
    private final List<CheckpointLine> lines;
    /** The proof of each intent that was pending when this snapshot was made. */
    private final Map<FileLine, Boolean> proofs;
    private final Map<String, FileLine> committed;
    private final List<FileLine> provenIntents;
    private final Map<String, PendingParts> pendingParts;
    private final boolean anyPart;
    private final WindowLedger ledger;

    private CheckpointSnapshot(Path stateDir, HeaderLine header, List<CheckpointLine> lines, Prover prover) throws IOException {
        this.stateDir = stateDir;
        this.header = header;
        this.lines = Collections.unmodifiableList(new ArrayList<>(lines));
        List<FileLine> commits = new ArrayList<>();
        Map<String, FileLine> pending = new LinkedHashMap<>();
        List<WindowDoneLine> done = new ArrayList<>();
        Set<TimeWindow> doneWindows = new LinkedHashSet<>();
        List<PartLine> parts = new ArrayList<>();
        StreamPosition position = null;
        for (CheckpointLine l : lines) {
            if (l instanceof FileLine) {
                FileLine f = (FileLine) l;
                if (f.isCommit()) {
                    // any later commit of the unit settles its earlier intents: that one or a newer file
                    commits.add(f);
                    pending.remove(f.unit());
                } else {
                    pending.put(f.unit(), f);
                }
            } else if (l instanceof WindowDoneLine) {
                WindowDoneLine d = (WindowDoneLine) l;
                done.add(d);
                doneWindows.add(d.window());
                // an intent still pending here never renamed (a provable one was recorded as a commit
                // before any other window could run); later windows may grow its file to the very
                // bytes it announced, so it must not count later
                pending.clear();
            } else if (l instanceof PartLine) {
                parts.add((PartLine) l);
            } else if (l instanceof StreamPositionLine) {
                position = ((StreamPositionLine) l).position();
            }
        }
        Map<FileLine, Boolean> proved = new HashMap<>();
        List<FileLine> proven = new ArrayList<>();
        for (FileLine intent : pending.values()) {
            if (intent.window() != null && doneWindows.contains(intent.window())) {
                continue;
            }
            Boolean p = proved.get(intent);
            if (p == null) {
                p = prover.proves(intent);
                proved.put(intent, p);
            }
            if (p) {
                proven.add(intent.asCommit());
            }
        }
        Map<String, FileLine> byUnit = new LinkedHashMap<>();
        for (FileLine c : commits) {
            byUnit.remove(c.unit());
            byUnit.put(c.unit(), c);
        }
        for (FileLine c : proven) {
            byUnit.remove(c.unit());
            byUnit.put(c.unit(), c);
        }
        List<FileLine> ledgerCommits = new ArrayList<>(commits);
        ledgerCommits.addAll(proven);
        this.proofs = Collections.unmodifiableMap(proved);
        this.committed = Collections.unmodifiableMap(byUnit);
        this.provenIntents = Collections.unmodifiableList(proven);
        this.pendingParts = PendingParts.of(parts, byUnit.keySet());
        this.anyPart = !parts.isEmpty();
        this.ledger = WindowLedger.of(stateDir, done, ledgerCommits, proven, position);
    }

    /**
     * Reads the state dir's checkpoint once (an empty snapshot when there is none), hashing the final
     * file of each intent the rule has to prove. Logs one line saying so.
     */
    public static CheckpointSnapshot load(Path stateDir) throws IOException {
        Path file = CheckpointLog.fileIn(stateDir);
        List<String> texts = CheckpointLines.read(file);
        final Path output = CheckpointLog.outputPathOf(stateDir);
        final int[] checked = {0};
        CheckpointSnapshot s = parse(stateDir, file, texts, intent -> {
            checked[0]++;
            FILES_PROVING.incrementAndGet();
            return intent.provenBy(output);
        });
        LOG.info(String.format(Locale.ROOT, "checkpoint: read %,d lines of %s, %d pending intent(s) proven by their files"
                + " (%d checked)", texts.size(), file, s.provenIntents.size(), checked[0]));
        return s;
    }

    /** A checkpoint just created: its header and nothing else (no IO). */
    public static CheckpointSnapshot created(Path stateDir, HeaderLine header) {
        try {
            return new CheckpointSnapshot(stateDir, header, Collections.<CheckpointLine>emptyList(), NOT_PROVEN);
        } catch (IOException e) {
            throw new IllegalStateException(e); // nothing is proven, so nothing is read
        }
    }

    private static final Prover NOT_PROVEN = intent -> false;

    /** @throws CheckpointDamaged a complete line no writer wrote (a torn last line is no complete line) */
    private static CheckpointSnapshot parse(Path stateDir, Path file, List<String> texts, Prover prover) throws IOException {
        HeaderLine header = null;
        List<CheckpointLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            CheckpointLine l = CheckpointLines.parse(texts.get(i));
            String damage = l == null ? CheckpointLines.damage(texts.get(i)) : null;
            if (damage != null) {
                throw new CheckpointDamaged(file, i + 1, damage, texts.get(i));
            }
            if (i == 0 && l instanceof HeaderLine) {
                header = (HeaderLine) l; // the header is the first line or none
            } else if (l != null && !(l instanceof HeaderLine)) {
                lines.add(l);
            }
        }
        return new CheckpointSnapshot(stateDir, header, lines, prover);
    }

    /**
     * The snapshot a fresh {@link #load} would give once {@code appended} (lines written through a
     * {@link CheckpointLog} since, {@link CheckpointLog#appended()}) are in the log: appended commit
     * lines are commits, intents pending before keep the proof they had. Reads nothing, unless an
     * appended intent is left without its commit (its file is then checked as a load would).
     */
    public CheckpointSnapshot with(List<CheckpointLine> appended) throws IOException {
        if (appended.isEmpty()) {
            return this;
        }
        List<CheckpointLine> all = new ArrayList<>(lines);
        HeaderLine h = header;
        for (CheckpointLine l : appended) {
            if (l instanceof HeaderLine) {
                if (lines.isEmpty() && h == null) {
                    h = (HeaderLine) l;
                }
                continue;
            }
            all.add(l);
        }
        final Path output = CheckpointLog.outputPathOf(stateDir);
        final Map<FileLine, Boolean> known = proofs;
        return new CheckpointSnapshot(stateDir, h, all, intent -> {
            Boolean p = known.get(intent);
            if (p != null) {
                return p;
            }
            FILES_PROVING.incrementAndGet();
            return intent.provenBy(output);
        });
    }

    /**
     * Writes this snapshot for the reader's split (the reader and writer plugins share no classes in
     * DataX, so it goes through a file): the same line format, the proven intents as commits, the
     * intents left unproven left out, so reading it proves nothing and gives this snapshot.
     */
    public void writeHandover(Path tmpDir) throws IOException {
        StringBuilder b = new StringBuilder();
        if (header != null) {
            b.append(header.toJson()).append('\n');
        }
        for (CheckpointLine l : lines) {
            if (!(l instanceof FileLine) || ((FileLine) l).isCommit()) {
                b.append(l.toJson()).append('\n');
            }
        }
        for (FileLine c : provenIntents) {
            b.append(c.toJson()).append('\n');
        }
        AtomicFiles.write(tmpDir.resolve(HANDOVER), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The writer Job's hand-over in its {@code tmpDir} ({@link #writeHandover}), read without hashing
     * anything; null when there is none. Logs one line saying so.
     */
    public static CheckpointSnapshot handedOver(Path tmpDir) throws IOException {
        Path f = tmpDir.resolve(HANDOVER);
        List<String> texts = CheckpointLines.read(f);
        if (texts.isEmpty()) {
            return null;
        }
        Path stateDir = tmpDir.toAbsolutePath().getParent();
        CheckpointSnapshot s = parse(stateDir, f, texts, NOT_PROVEN);
        LOG.info(String.format(Locale.ROOT, "checkpoint: the writer's snapshot of %s (%,d lines)", CheckpointLog.fileIn(stateDir),
                texts.size()));
        return s;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The header's fingerprint, or null when the checkpoint has no readable header (or none at all). */
    public Map<String, String> fingerprint() {
        return header == null ? null : header.fingerprint();
    }

    /** Unit id -> the line that proves it committed (its commit, or an intent its file proves, as a commit), in commit order. */
    public Map<String, FileLine> committed() {
        return committed;
    }

    /** Unit ids committed. */
    public Set<String> committedUnits() {
        return committed.keySet();
    }

    /** Intents whose commit line was lost but whose final file proves them, as commits, in log order. */
    public List<FileLine> provenIntents() {
        return provenIntents;
    }

    /** Units read in parts and not committed since, in the order their parts were first recorded. */
    public Map<String, PendingParts> pendingParts() {
        return pendingParts;
    }

    /** The window ledger (incremental mode) of these lines. */
    public WindowLedger ledger() {
        return ledger;
    }

    /** The last stream position recorded, or null. */
    public StreamPosition streamPosition() {
        return ledger.streamPosition();
    }

    /** Whether the checkpoint records any progress: a committed unit, or a recorded part. */
    public boolean hasProgress() {
        return !committed.isEmpty() || anyPart;
    }

    /** No header and no line: there is no checkpoint (or nothing readable in it). */
    public boolean isEmpty() {
        return header == null && lines.isEmpty();
    }

    /** Everything the snapshot says, one fact per line, in a fixed order: tests compare snapshots with it. */
    String describe() {
        StringBuilder b = new StringBuilder();
        b.append("fingerprint ").append(fingerprint()).append('\n');
        for (FileLine c : committed.values()) {
            b.append("committed ").append(c.toJson()).append('\n');
        }
        for (FileLine c : provenIntents) {
            b.append("proven ").append(c.toJson()).append('\n');
        }
        for (PendingParts p : pendingParts.values()) {
            b.append("pending ").append(p.unit).append(' ').append(p.cut.toText());
            for (PartLine l : p.recorded().values()) {
                b.append(' ').append(l.toJson());
            }
            b.append('\n');
        }
        b.append("progress ").append(hasProgress()).append('\n');
        for (WindowDoneLine d : ledger.doneEntries()) {
            b.append("done ").append(d.toJson()).append('\n');
        }
        b.append("incomplete ").append(ledger.incomplete()).append('\n');
        for (Map.Entry<String, List<FileLine>> u : ledger.commitsByUnit().entrySet()) {
            b.append("ledger ").append(u.getKey()).append(' ').append(u.getValue()).append('\n');
        }
        for (FileLine c : ledger.provenIntents()) {
            b.append("ledgerProven ").append(c.toJson()).append('\n');
        }
        b.append("position ").append(streamPosition() == null ? null : new StreamPositionLine(streamPosition()).toJson());
        return b.append('\n').toString();
    }
}
