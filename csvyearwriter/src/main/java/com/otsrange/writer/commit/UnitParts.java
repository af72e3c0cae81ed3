package com.otsrange.writer.commit;

import com.otsrange.writer.error.WriterErrorCode;
import com.otsrange.writer.file.AppendHeader;
import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.writer.spec.WriterSpec;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.FileParts;
import com.otsrange.common.PartLine;
import com.otsrange.common.PendingParts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paired mode, Job.post(): every unit read in parts whose parts are all recorded becomes its final
 * file: the part bodies in part order (each checked against its checkpoint line while it is
 * copied) joined under the header ({@link FileJoiner}), then its part files deleted.
 * docs/DESIGN.md, "Parallel reads inside one file".
 */
public final class UnitParts {
    private static final String RESUME_FIX = "run the job again with \"resume\": true: it reads only the missing parts;"
            + " the recorded ones are kept";

    private final WriterSpec spec;
    private final FileJoiner joiner;
    private final AppendHeader appendHeader;

    public UnitParts(WriterSpec spec, Committer committer) {
        this.spec = spec;
        this.joiner = new FileJoiner(spec, committer);
        this.appendHeader = new AppendHeader(spec);
    }

    /**
     * Returns the number of files committed.
     *
     * @param pending the units read in parts and not committed ({@link com.otsrange.common.CheckpointSnapshot#pendingParts})
     */
    public int joinAll(Map<String, PendingParts> pending) throws IOException {
        Path state = spec.stateDir();
        List<String> incomplete = new ArrayList<>();
        for (PendingParts p : pending.values()) {
            List<FileParts.Part> missing = p.missing(state);
            if (!missing.isEmpty()) {
                incomplete.add("unit " + p.unit + " lacks " + missing.size() + " of its " + p.cut.n + " parts " + numbers(missing));
            }
        }
        if (!incomplete.isEmpty()) {
            // before any join: a file whose parts are not all there never gets a final name
            throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "files read in parts cannot be completed: "
                    + String.join("; ", incomplete) + " (recorded parts are in " + state.resolve(FileParts.DIR)
                    + "). Nothing was written under their final names. Fix: " + RESUME_FIX);
        }
        int files = 0;
        int seq = 0;
        for (PendingParts p : pending.values()) {
            files += join(state, p, seq++) ? 1 : 0;
        }
        return files;
    }

    private static String numbers(List<FileParts.Part> parts) {
        List<Integer> ks = new ArrayList<>();
        for (FileParts.Part part : parts) {
            ks.add(part.k);
        }
        return ks.toString();
    }

    private boolean join(Path state, PendingParts p, int seq) throws IOException {
        String target = null;
        List<String> header = null;
        long rows = 0;
        for (PartLine e : p.recorded().values()) {
            if (target == null) {
                target = e.target();
                header = e.header();
            } else if (!target.equals(e.target())) {
                throw new DataXException(WriterErrorCode.CONTRACT_VIOLATION, "the parts of unit " + p.unit + " name different"
                        + " final files (" + target + ", " + e.target() + ") in " + CheckpointLog.fileIn(state)
                        + ". Nothing was written. This is a bug, please report it");
            }
            rows += e.rows();
        }
        if (rows == 0) {
            // like a unit read whole: no rows, no file. Its empty part files stay, so a resumed run
            // finds nothing of it to read again
            return false;
        }
        // before the temp file exists: a refused file is left exactly as it was
        appendHeader.check(target, header);
        List<RecordedPart> pieces = new ArrayList<>();
        for (PartLine e : p.recorded().values()) {
            pieces.add(new RecordedPart(state, p.unit, target, e));
        }
        joiner.join(p.unit, target, header, pieces, seq);
        deleteParts(state, p);
        return true;
    }

    /** A recorded part: its body is copied only when it is what its part line recorded. */
    private static final class RecordedPart implements FileJoiner.Piece {
        private final Path state;
        private final String unit;
        private final String target;
        private final PartLine line;

        RecordedPart(Path state, String unit, String target, PartLine line) {
            this.state = state;
            this.unit = unit;
            this.target = target;
            this.line = line;
        }

        @Override
        public void copyInto(TempCsvFile out) throws IOException {
            Path file = state.resolve(line.file());
            if (!out.copyChecked(file, line.bytes(), line.sha256())) {
                // the next resumed run sees it missing and reads that part again
                Files.deleteIfExists(file);
                throw new DataXException(WriterErrorCode.RESUME_REFUSED, "part file " + file + " (" + line.part() + " of unit "
                        + unit + ") is not what its checkpoint line recorded (" + line.bytes() + " bytes, sha256 " + line.sha256()
                        + "): it changed after it was written. It was deleted; nothing was written under " + target
                        + ". Fix: run the job again with \"resume\": true: it reads that part again; the other recorded"
                        + " parts are kept");
            }
        }

        @Override
        public long rows() {
            return line.rows();
        }
    }

    /** The unit is committed: its part files are done with (a crash before this leaves only dead files). */
    private static void deleteParts(Path state, PendingParts p) throws IOException {
        for (PartLine e : p.recorded().values()) {
            Path file = state.resolve(e.file());
            Files.deleteIfExists(file);
            deleteEmptyUpTo(file.getParent(), state);
        }
    }

    private static void deleteEmptyUpTo(Path dir, Path stop) {
        for (Path d = dir; d != null && !d.equals(stop) && d.startsWith(stop); d = d.getParent()) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException notEmpty) {
                return;
            }
        }
    }
}
