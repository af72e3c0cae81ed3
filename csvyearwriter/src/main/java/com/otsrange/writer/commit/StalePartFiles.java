package com.otsrange.writer.commit;

import com.otsrange.common.FileParts;
import com.otsrange.common.PartLine;
import com.otsrange.common.PendingParts;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Part files a resumed run's checkpoint no longer needs: those of units committed since (a kill
 * between a joined file's commit line and the deletion of its parts leaves them) and those no
 * part line records (a kill between a part's rename and its line). Only the recorded parts of
 * units not committed yet are kept: the join reads them. Run by the Job's prepare while it holds
 * the state dir's lock, before any task starts.
 */
public final class StalePartFiles {
    private StalePartFiles() {
    }

    /**
     * Removes them (and folders left empty); returns how many files were removed.
     *
     * @param pending the units read in parts and not committed ({@link com.otsrange.common.CheckpointSnapshot#pendingParts})
     */
    public static int remove(Path stateDir, Collection<PendingParts> pending) throws IOException {
        Path parts = stateDir.resolve(FileParts.DIR);
        if (!Files.isDirectory(parts)) {
            return 0;
        }
        final Set<Path> needed = new HashSet<>();
        for (PendingParts p : pending) {
            for (PartLine e : p.recorded().values()) {
                if (e.file() != null) {
                    needed.add(stateDir.resolve(e.file()).normalize());
                }
            }
        }
        final int[] removed = {0};
        Files.walkFileTree(parts, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!needed.contains(file.normalize())) {
                    Files.delete(file);
                    removed[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                try (Stream<Path> left = Files.list(d)) {
                    if (!left.findAny().isPresent()) {
                        Files.delete(d);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return removed[0];
    }
}
