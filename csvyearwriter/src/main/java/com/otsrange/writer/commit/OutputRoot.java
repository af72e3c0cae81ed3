package com.otsrange.writer.commit;

import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.RecordLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where files under {@code path} really are. A text check of a rendered name cannot see symbolic
 * links: with {@code path/k -> /elsewhere}, {@code k/2024.csv} lies outside {@code path}. So every
 * final file's folders are resolved, from {@code path}'s real location (a {@code path} that is
 * itself a link is fine: its target is the root), and a file is refused (CsvYearWriter-06) when a
 * link on its way leads outside that root or into the bookkeeping folder, when a link cannot be
 * resolved, or when the final name itself is a link (the rename would replace the link, not write
 * where it points). The bookkeeping folder and its files must hold no link at all
 * (CsvYearWriter-02). Checked once per file, before it is written, and again right before its rename.
 */
public final class OutputRoot {
    private final Path root;
    private final Path realRoot;

    private OutputRoot(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /** {@code path}, which exists (the Job's prepare created it). */
    public static OutputRoot of(Path path) {
        Path root = path.toAbsolutePath().normalize();
        try {
            return new OutputRoot(root, root.toRealPath());
        } catch (IOException e) {
            throw new DataXException(WriterErrorCode.PATH_INVALID, "parameter.path = \"" + root + "\" cannot be resolved to a"
                    + " folder: " + e);
        }
    }

    /**
     * The final file of a rendered name (under {@code path} as configured), refused unless it lies
     * under {@code path} and outside its bookkeeping folder, as text and as real location: the last
     * line of defence (key encoding and the fileName check already exclude the text cases).
     */
    public Path finalFile(String relativeName) {
        Path target = root.resolve(relativeName).normalize();
        if (!target.startsWith(root) || target.equals(root) || inBookkeeping(root.relativize(target))) {
            throw new DataXException(WriterErrorCode.WRITE_FAILED, "refusing to write output file '" + relativeName
                    + "': it is not under parameter.path = \"" + root + "\" outside its bookkeeping folder "
                    + RecordLayout.STATE_ROOT + "/. Nothing was written to it; this is a bug, please report it"
                    + " with parameter.fileName and the key");
        }
        Path rel = root.relativize(target);
        Path real = realRoot;
        int n = rel.getNameCount();
        for (int i = 0; i < n; i++) {
            Path next = real.resolve(rel.getName(i).toString());
            if (Files.isSymbolicLink(next)) {
                real = resolved(relativeName, next, i == n - 1);
            } else if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                // the rest does not exist yet: it is created inside what is resolved so far
                real = real.resolve(rel.subpath(i, n).toString());
                break;
            } else {
                real = next;
            }
        }
        if (!real.startsWith(realRoot) || real.equals(realRoot) || inBookkeeping(realRoot.relativize(real))) {
            throw refused(relativeName, "its real location " + real + " is not under " + where() + " outside its bookkeeping"
                    + " folder " + RecordLayout.STATE_ROOT + "/");
        }
        return target;
    }

    /** The real location of link {@code link} on the way to {@code relativeName}: inside the root, or refused. */
    private Path resolved(String relativeName, Path link, boolean isFinalName) {
        String shown = link + " -> " + target(link);
        if (isFinalName) {
            throw refused(relativeName, "the final name is a symbolic link (" + shown + "): the atomic rename would replace the"
                    + " link instead of writing where it points");
        }
        Path to;
        try {
            to = link.toRealPath();
        } catch (IOException e) {
            throw refused(relativeName, "the symbolic link " + shown + " on its way cannot be resolved (" + e + ")");
        }
        if (!to.startsWith(realRoot)) {
            throw refused(relativeName, "the symbolic link " + shown + " on its way leads to " + to + ", outside " + where());
        }
        if (inBookkeeping(realRoot.relativize(to))) {
            throw refused(relativeName, "the symbolic link " + shown + " on its way leads to " + to + ", into the bookkeeping"
                    + " folder " + RecordLayout.STATE_ROOT + "/ of " + where());
        }
        return to;
    }

    /** {@code parameter.path = "..."}, with its real location when it differs (path is a link, or under one). */
    private String where() {
        return "parameter.path = \"" + root + "\"" + (root.equals(realRoot) ? "" : " (real location " + realRoot + ")");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean inBookkeeping(Path relative) {
        return relative.getNameCount() > 0 && relative.getName(0).toString().equalsIgnoreCase(RecordLayout.STATE_ROOT);
    }

    private static DataXException refused(String relativeName, String why) {
        return new DataXException(WriterErrorCode.WRITE_FAILED, "refusing to write output file '" + relativeName + "': " + why
                + ". Nothing was written to it. Fix: remove the link or make it point to a folder inside parameter.path, or"
                + " choose a parameter.path or parameter.fileName that does not go through it");
    }

    /**
     * Refuses (CsvYearWriter-02) a symbolic link anywhere from {@code path} down to each of
     * {@code files} (folders or files under the bookkeeping folder that exist): temp files,
     * checkpoint and part files must never be written elsewhere through one.
     */
    public void checkBookkeeping(Path... files) {
        for (Path f : files) {
            Path rel = root.relativize(f.toAbsolutePath().normalize());
            Path p = root;
            for (Path name : rel) {
                p = p.resolve(name.toString());
                if (Files.isSymbolicLink(p)) {
                    throw new DataXException(WriterErrorCode.PATH_INVALID, p + " is a symbolic link (to " + target(p) + "):"
                            + " the bookkeeping under " + root.resolve(RecordLayout.STATE_ROOT) + " (checkpoint, temporary and"
                            + " part files) must be real folders and files inside parameter.path, never written elsewhere"
                            + " through a link. Nothing was written. Fix: remove the link (the writer creates what it needs)");
                }
            }
        }
    }
}
