package com.otsrange.writer.state;

import com.otsrange.writer.config.VerifyCommitted;
import com.otsrange.common.FileLine;
import com.otsrange.common.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resume: the reader skips every unit the checkpoint lists as committed, so a committed file that
 * was deleted or edited since would silently lack rows (or keep foreign ones) in the output. Each
 * must still be there with the size it was committed with (and, with verifyCommitted sha256, the
 * same content).
 */
public final class CommittedFilesCheck {
    private CommittedFilesCheck() {
    }

    /** One line per committed file that is missing or changed, e.g. {@code a.csv (missing)}; empty when all are intact. */
    public static List<String> damaged(Path outputPath, Collection<FileLine> committed, VerifyCommitted how)
            throws IOException {
        // a file committed again later (e.g. appended to) is judged by its latest commit
        Map<String, FileLine> latest = new LinkedHashMap<>();
        for (FileLine e : committed) {
            if (e.file() != null) {
                latest.remove(e.file());
                latest.put(e.file(), e);
            }
        }
        List<String> out = new ArrayList<>();
        for (FileLine e : latest.values()) {
            if (e.deletes()) {
                continue; // a restatement removed it: its key-period holds no rows
            }
            Path f = outputPath.resolve(e.file());
            if (!Files.isRegularFile(f)) {
                out.add(e.file() + " (missing)");
                continue;
            }
            long size = Files.size(f);
            if (e.bytes() >= 0 && size != e.bytes()) {
                out.add(e.file() + " (" + size + " bytes, committed with " + e.bytes() + ")");
            } else if (how == VerifyCommitted.SHA256 && e.sha256() != null && !e.sha256().equals(Sha256.ofFile(f))) {
                out.add(e.file() + " (same size, but its sha256 differs from the one committed)");
            }
        }
        return out;
    }
}
