package com.otsrange.writer;

import com.otsrange.common.AtomicFiles;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.TimeWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves a finished temp file to its final name: intent line, atomic rename, commit line. */
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
        Path target = outputPath.resolve(relativeName);
        log.intent(unit, relativeName, done.rows, done.bytes, done.sha256, window);
        Files.createDirectories(target.getParent());
        AtomicFiles.move(done.temp, target);
        log.commit(unit, relativeName, done.rows, done.bytes, done.sha256, window);
    }
}
