package com.otsrange.writer.commit;

import com.otsrange.writer.file.CsvRowFormatter;
import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.writer.spec.WriterSpec;
import java.io.IOException;
import java.util.List;

/**
 * The one join of pieces into a final file, for generic mode's per-task parts and for the parts of
 * a heavy unit alike: a temp file made as a task makes one (with {@code writeMode: append} a copy
 * of the existing file first), the header when the file needs one, then each piece's body in
 * order, all through one gzip stream when {@code compress: gzip}; then committed (intent, rename,
 * commit). The bytes are those one task writing the same rows would give.
 */
final class FileJoiner {
    /** One piece of the file: writes its body to the temp file and says how many rows that is. */
    interface Piece {
        /** Appends the body; throws when the piece is not what was recorded (the temp file is then aborted). */
        void copyInto(TempCsvFile out) throws IOException;

        long rows();
    }

    private final WriterSpec spec;
    private final Committer committer;
    private final CsvRowFormatter formatter;

    FileJoiner(WriterSpec spec, Committer committer) {
        this.spec = spec;
        this.committer = committer;
        this.formatter = new CsvRowFormatter(spec);
    }

    /**
     * Joins {@code pieces} into {@code target} (relative to the output path) under {@code header}
     * and commits it for {@code unit}; nothing is left under the final name when a piece fails.
     *
     * @param seq makes the temp file's name unique within one join run
     */
    void join(String unit, String target, List<String> header, List<? extends Piece> pieces, int seq) throws IOException {
        TempCsvFile out = TempCsvFile.create(spec.tmpDir().resolve("join-" + seq + ".tmp"), spec, spec.path().resolve(target));
        TempCsvFile.Done done;
        try {
            if (out.needsHeader()) {
                formatter.header(header, out.out(), target);
            }
            for (Piece p : pieces) {
                p.copyInto(out);
                out.addRows(p.rows());
            }
            done = out.finish();
        } catch (IOException | RuntimeException ex) {
            out.abort();
            throw ex;
        }
        committer.commit(unit, target, done);
    }
}
