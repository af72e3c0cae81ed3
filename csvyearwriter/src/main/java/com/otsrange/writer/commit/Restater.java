package com.otsrange.writer.commit;

import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.state.RestatePlan;
import com.otsrange.common.RestateLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * Commits restated units (issue 21; docs/writer.md, "Restatement"): a rewritten temp file as a
 * restating commit (intent and commit lines with {@code restate} and {@code offsets}), or, when the
 * re-read committed windows give the same text as the file (a lookback that found nothing, or a
 * Stream change that left every exported value as it was), as an ordinary append of this run's
 * window or not at all, so an unchanged file keeps its bytes and its modification time; a unit
 * whose restated windows hold no rows now is cut back to its kept bytes or removed.
 * Every outcome is reported ({@link RestateReport}) with the rows added, removed and changed.
 */
public final class Restater {
    private final WriterSpec spec;
    private final Committer committer;

    public Restater(WriterSpec spec, Committer committer) {
        this.spec = spec;
        this.committer = committer;
    }

    /**
     * A writer task's temp file of the unit is finished ({@link TempCsvFile#restating}): commit it.
     *
     * @param name the final file relative to the output path
     */
    public RestateReport commitWritten(RestatePlan.Unit u, String name, TempCsvFile.Done done) throws IOException {
        Path target = spec.path().resolve(name);
        long coveredEnd = u.prefix;
        long coveredRows = 0;
        for (int i = 0; i < done.windows.size(); i++) {
            if (done.windows.get(i).from() < u.coveredTo()) {
                coveredEnd = done.offsets.get(i)[1];
                coveredRows += done.windowRows.get(i)[1];
            }
        }
        boolean header = u.prefix == 0 && spec.header();
        RegionRows before = u.oldBytes > u.prefix ? RegionRows.of(target, u.prefix, u.oldBytes, spec, header)
                : RegionRows.of(target, 0, 0, spec, false);
        RegionRows after = RegionRows.of(done.temp, u.prefix, coveredEnd, spec, header);
        long appended = done.rows - coveredRows;
        // both are decoded anyway for the counts: a file whose text stays is not rewritten, whatever marked it
        if (before.sameText(after)) {
            RowDiff none = RowDiff.of(new long[0], new long[0]);
            if (appended == 0) {
                Files.deleteIfExists(done.temp);
            } else {
                // the committed windows read the same: this run's window is an ordinary append to the file as it is
                committer.commit(u.unit(), name, appendTail(target, u.oldBytes, done, coveredEnd, appended));
            }
            return RestateReport.of(u, name, RestateReport.Outcome.UNCHANGED, none, appended);
        }
        RowDiff diff = RowDiff.of(before.hashes(), after.hashes());
        committer.commit(u.unit(), name, done, new RestateLine(u.restateFrom(), u.prefix, done.offsets, done.windowRows, false));
        return RestateReport.of(u, name, RestateReport.Outcome.RESTATED, diff, appended);
    }

    /**
     * The Job's post, for a unit no task received (its restated windows hold no rows now): nothing
     * when nothing follows the kept bytes, else the file cut back to them, or removed when none are kept.
     */
    RestateReport settleUnreceived(RestatePlan.Unit u, Path tmpDir, String tempName) throws IOException {
        if (u.file == null || u.oldBytes <= u.prefix) {
            return RestateReport.of(u, u.file, RestateReport.Outcome.UNCHANGED, RowDiff.of(new long[0], new long[0]), 0);
        }
        Path target = spec.path().resolve(u.file);
        RegionRows gone = RegionRows.of(target, u.prefix, u.oldBytes, spec, u.prefix == 0 && spec.header());
        RowDiff diff = RowDiff.of(gone.hashes(), new long[0]);
        if (u.prefix == 0) {
            committer.delete(u.unit(), u.file, RestateLine.deletion(u.restateFrom()));
            return RestateReport.of(u, u.file, RestateReport.Outcome.DELETED, diff, 0);
        }
        Path temp = tmpDir.resolve(tempName);
        TempCsvFile.CountingDigest out = new TempCsvFile.CountingDigest(Files.newOutputStream(temp));
        try (OutputStream closing = out) {
            TempCsvFile.copyPrefix(target, u.prefix, out);
        }
        TempCsvFile.Done done = TempCsvFile.synced(temp, 0, out);
        committer.commit(u.unit(), u.file, done, new RestateLine(u.restateFrom(), u.prefix, Collections.<long[]>emptyList(),
                Collections.<long[]>emptyList(), false));
        return RestateReport.of(u, u.file, RestateReport.Outcome.TRUNCATED, diff, 0);
    }

    /** A temp file = the final file as it is, then the temp's bytes after {@code from} (whole gzip members). */
    private static TempCsvFile.Done appendTail(Path target, long oldBytes, TempCsvFile.Done done, long from, long rows)
            throws IOException {
        Path temp = done.temp.resolveSibling(done.temp.getFileName() + ".append");
        TempCsvFile.CountingDigest out = new TempCsvFile.CountingDigest(Files.newOutputStream(temp));
        try (OutputStream closing = out) {
            if (oldBytes > 0) {
                TempCsvFile.copyPrefix(target, oldBytes, out);
            }
            try (InputStream in = Files.newInputStream(done.temp)) {
                long skipped = 0;
                while (skipped < from) {
                    long s = in.skip(from - skipped);
                    if (s <= 0) {
                        throw new IOException(done.temp + " is shorter than " + from + " bytes");
                    }
                    skipped += s;
                }
                byte[] buf = new byte[TempCsvFile.BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            }
        }
        Files.deleteIfExists(done.temp);
        return TempCsvFile.synced(temp, rows, out);
    }
}
