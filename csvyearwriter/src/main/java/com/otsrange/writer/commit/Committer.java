package com.otsrange.writer.commit;

import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.FileParts;
import com.otsrange.common.RestateLine;
import com.otsrange.common.TimeWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Moves a finished temp file to its final name: intent line, atomic rename, commit line; or a
 * finished part body to its part file: rename, part line.
 */
public final class Committer {
    private final OutputRoot root;
    private final CheckpointLog log;
    private final TimeWindow window;

    public Committer(Path outputPath, CheckpointLog log) {
        this(outputPath, log, null);
    }

    /** @param window incremental mode: the run's window, written on every line; else null */
    public Committer(Path outputPath, CheckpointLog log, TimeWindow window) {
        this.root = OutputRoot.of(outputPath);
        this.log = log;
        this.window = window;
    }

    public void commit(String unit, String relativeName, TempCsvFile.Done done) throws IOException {
        commit(unit, relativeName, done, null);
    }

    /** @param restate a restating commit's fields (issue 21), on the intent and the commit line; or null */
    public void commit(String unit, String relativeName, TempCsvFile.Done done, RestateLine restate) throws IOException {
        Path target = root.finalFile(relativeName);
        log.intent(unit, relativeName, done.rows, done.bytes, done.sha256, window, restate);
        Files.createDirectories(target.getParent());
        AtomicFiles.move(done.temp, target);
        log.commit(unit, relativeName, done.rows, done.bytes, done.sha256, window, restate);
    }

    /**
     * Removes a restated unit's file (a fresh export has none for a key-period without rows): intent
     * line, delete, commit line. A rerun finds the intent proven when the file is gone.
     */
    void delete(String unit, String relativeName, RestateLine deletion) throws IOException {
        Path target = root.finalFile(relativeName);
        log.intent(unit, relativeName, 0, 0, null, window, deletion);
        Files.deleteIfExists(target);
        log.commit(unit, relativeName, 0, 0, null, window, deletion);
    }

    /**
     * Moves a finished part body to its part file under {@code stateDir} (replacing an older one of
     * the same part: a resumed run redoes a part whose file was bad), then records it with a
     * {@code part} line. Until that line is written the part does not exist for a resumed run.
     *
     * @param target the final file the parts are joined into, relative to the output path
     */
    public void recordPart(Path stateDir, String unit, FileParts.Part part, String target, List<String> header,
                    TempCsvFile.Done done) throws IOException {
        String relative = FileParts.fileFor(unit, part);
        Path file = stateDir.resolve(relative);
        root.checkBookkeeping(file);
        Files.createDirectories(file.getParent());
        AtomicFiles.move(done.temp, file);
        log.part(unit, part, relative, target, done.rows, done.bytes, done.sha256, header);
    }

    /**
     * The final file of a rendered name, refused (CsvYearWriter-06) unless it really lies under
     * {@code path} and outside its bookkeeping folder ({@link OutputRoot}): checked before a file is
     * written and again before its rename.
     */
    public Path finalFile(String relativeName) {
        return root.finalFile(relativeName);
    }
}
