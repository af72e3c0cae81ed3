package com.otsrange.writer;

import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.FileParts;
import com.otsrange.common.RecordLayout;
import com.otsrange.common.TimeWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Moves a finished temp file to its final name: intent line, atomic rename, commit line; or a
 * finished part body to its part file: rename, part line.
 */
final class Committer {
    private final Path outputPath;
    private final CheckpointLog log;
    private final TimeWindow window;

    Committer(Path outputPath, CheckpointLog log) {
        this(outputPath, log, null);
    }

    /** @param window incremental mode: the run's window, written on every line; else null */
    Committer(Path outputPath, CheckpointLog log, TimeWindow window) {
        this.outputPath = outputPath;
        this.log = log;
        this.window = window;
    }

    void commit(String unit, String relativeName, TempCsvFile.Done done) throws IOException {
        Path target = finalFile(outputPath, relativeName);
        log.intent(unit, relativeName, done.rows, done.bytes, done.sha256, window);
        Files.createDirectories(target.getParent());
        AtomicFiles.move(done.temp, target);
        log.commit(unit, relativeName, done.rows, done.bytes, done.sha256, window);
    }

    /**
     * Moves a finished part body to its part file under {@code stateDir} (replacing an older one of
     * the same part: a resumed run redoes a part whose file was bad), then records it with a
     * {@code part} line. Until that line is written the part does not exist for a resumed run.
     *
     * @param target the final file the parts are joined into, relative to the output path
     */
    void recordPart(Path stateDir, String unit, FileParts.Part part, String target, List<String> header,
                    TempCsvFile.Done done) throws IOException {
        String relative = FileParts.fileFor(unit, part);
        Path file = stateDir.resolve(relative);
        Files.createDirectories(file.getParent());
        AtomicFiles.move(done.temp, file);
        log.part(unit, part, relative, target, done.rows, done.bytes, done.sha256, header);
    }

    /**
     * The final file of a rendered name, refused unless it lies under {@code path} and outside its
     * bookkeeping folder: the last line of defence (key encoding and the fileName check already
     * exclude it) against a file that the next run's prepare would delete as a temp file.
     */
    static Path finalFile(Path outputPath, String relativeName) {
        Path root = outputPath.toAbsolutePath().normalize();
        Path target = root.resolve(relativeName).normalize();
        if (!target.startsWith(root) || target.equals(root)
                || root.relativize(target).getName(0).toString().equalsIgnoreCase(RecordLayout.STATE_ROOT)) {
            throw new DataXException(WriterErrorCode.WRITE_FAILED, "refusing to write output file '" + relativeName
                    + "': it is not under parameter.path = \"" + root + "\" outside its bookkeeping folder "
                    + RecordLayout.STATE_ROOT + "/. Nothing was written to it; this is a bug, please report it"
                    + " with parameter.fileName and the key");
        }
        return target;
    }
}
